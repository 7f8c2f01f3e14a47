// The ingest worker thread: opens its own connection to the server's database and runs one
// ingest at a time (ingest-work.ts), reporting progress and the outcome to the server's
// thread. Extraction and the document's write transaction never hold the event loop that
// answers reads; SQLite's WAL lets readers go on while this connection writes.
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { runIngest, toWireError, type RawIngest } from './ingest-work.js';

export type ToWorker = { type: 'job'; id: string; raw: RawIngest };
export type FromWorker =
  | { type: 'progress'; id: string; done: number; total: number }
  | { type: 'done'; id: string; outcome: Awaited<ReturnType<typeof runIngest>> }
  | { type: 'failed'; id: string; error: ReturnType<typeof toWireError> };

const PROGRESS_EVERY_MS = 200;

const port = parentPort!;
const { db } = workerData as { db: string };
let store: Promise<Store> | null = null;

function post(m: FromWorker): void {
  port.postMessage(m);
}

port.on('message', (m: ToWorker) => {
  void (async () => {
    let last = 0;
    try {
      store ??= openStore({ db }, { progress: () => {} });
      const outcome = await runIngest(await store, m.raw, (done, total) => {
        const now = Date.now();
        if (now - last < PROGRESS_EVERY_MS) return;
        last = now;
        post({ type: 'progress', id: m.id, done, total });
      });
      post({ type: 'done', id: m.id, outcome });
    } catch (e) {
      // A store that failed to open is tried again with the next job.
      if (store && (await store.then(() => false, () => true))) store = null;
      post({ type: 'failed', id: m.id, error: toWireError(e) });
    }
  })();
});
