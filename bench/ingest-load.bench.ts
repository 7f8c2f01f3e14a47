// Read latency while a 5 MB document is uploaded through POST /api/ingest (fault: a 5.35 MB
// upload pushed every reader's p99 to 10.9 s). A server on loopback over a SQLite file with
// the starter dataset; READERS clients each loop over three reads (an event list, an event,
// health) with keep-alive fetch. Three phases in one run: no ingest (the reference), the
// upload with extraction in the ingest worker (as `entente serve` runs it), and the same
// upload extracted on the server's own thread (as before the worker). Never passes or fails.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/api/index.js';
import { openStore } from '../src/store/index.js';
import { loadSettings } from '../src/config/settings.js';
import { loadStarterDataset } from '../src/starter/index.js';
import { fmt, median, percentile } from './util.js';

export const title = 'Reads during a 5 MB API upload (src/api/ingest-jobs.ts)';

const READERS = Number(process.env.BENCH_READERS ?? 8);
const MB = Number(process.env.BENCH_UPLOAD_MB ?? 5);
const BASELINE_MS = 5000;
const shared = process.env.ENTENTE_SHARED_DIR ?? join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'shared');

interface Phase { name: string; ms: number[]; wallMs: number; ingestMs: number | null }

/** News text of about `mb` MB: the seed article over and over, each copy numbered (so not one repeated line). */
function document(mb: number, tag: string): string {
  const seed = readFileSync(join(shared, 'corpus', 'seed-russia-korean-peninsula.txt'), 'utf8');
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < mb * 1024 * 1024; i++) {
    const part = `${seed}\n\n(Copy ${i} of ${tag}.)\n\n`;
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  return parts.join('');
}

async function phase(name: string, base: string, auth: Record<string, string>, until: (stop: () => boolean) => Promise<number | null>): Promise<Phase> {
  const ms: number[] = [];
  let stopped = false;
  const urls = ['/api/events?limit=20', '/api/events/1', '/api/health'];
  const reader = async (k: number) => {
    for (let i = k; !stopped; i++) {
      const t0 = performance.now();
      const r = await fetch(`${base}${urls[i % urls.length]}`, { headers: auth });
      await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`${urls[i % urls.length]}: HTTP ${r.status}`);
      ms.push(performance.now() - t0);
    }
  };
  const t0 = performance.now();
  const readers = Array.from({ length: READERS }, (_, k) => reader(k));
  let ingestMs: number | null;
  try {
    ingestMs = await until(() => stopped);
  } finally {
    stopped = true;
    await Promise.allSettled(readers);
  }
  await Promise.all(readers);
  return { name, ms, wallMs: performance.now() - t0, ingestMs };
}

async function server(dir: string, db: string, inWorker: boolean) {
  const settings = loadSettings({ db }, {});
  const store = await openStore(settings);
  const app = await createApp({ store, settings, db: inWorker ? db : undefined, webDir: join(dir, 'none'), readsPerMinute: 10_000_000, ingestsPerMinute: 1000 });
  await app.listen({ host: '127.0.0.1', port: 0 });
  // A loop held for minutes (the in-thread phase) must not close the readers' idle sockets.
  app.server.keepAliveTimeout = 600_000;
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  return { store, app, base, async close() { await app.close(); await store.close(); } };
}

/** Uploads the document as a file and follows its job to the end; the time from upload to done. */
async function upload(base: string, editor: Record<string, string>, text: string, name: string): Promise<number> {
  const t0 = performance.now();
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/plain' }), name);
  const r = await fetch(`${base}/api/ingest`, { method: 'POST', headers: editor, body: form });
  const body = (await r.json()) as { job?: { id: string }; error?: { message: string } };
  // Up to asyncIngestKb the answer comes when the document is stored.
  if (r.status === 201) return performance.now() - t0;
  if (r.status !== 202 || !body.job) throw new Error(`upload: HTTP ${r.status} ${body.error?.message ?? ''}`);
  for (;;) {
    await new Promise((res) => setTimeout(res, 250));
    const j = (await (await fetch(`${base}/api/ingest/jobs/${body.job.id}`, { headers: editor })).json()) as { status: string; error: { message: string } | null };
    if (j.status === 'failed') throw new Error(`job failed: ${j.error?.message}`);
    if (j.status === 'done') return performance.now() - t0;
  }
}

export async function run(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'entente-bench-ingest-load-'));
  const phases: Phase[] = [];
  let mentions = 0;
  try {
    for (const inWorker of [true, false]) {
      const db = join(dir, `${inWorker ? 'worker' : 'thread'}.db`);
      const s = await server(dir, db, inWorker);
      try {
        await loadStarterDataset(s.store);
        const viewer = { authorization: `Bearer ${(await s.store.createToken('viewer')).token}` };
        const editor = { authorization: `Bearer ${(await s.store.createToken('editor')).token}` };
        // Start the worker (and warm both threads) on a small document first.
        await fetch(`${s.base}/api/ingest`, { method: 'POST', headers: { ...editor, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'On 12 June 2018, Trump met Kim Jong Un in Singapore.' }) });
        if (inWorker) phases.push(await phase('no ingest (reference)', s.base, viewer, () => new Promise((res) => setTimeout(() => res(null), BASELINE_MS))));
        const text = document(MB, inWorker ? 'worker' : 'thread');
        phases.push(await phase(inWorker ? `${MB} MB upload, extracted in the ingest worker` : `${MB} MB upload, extracted on the server's thread (before)`, s.base, viewer,
          () => upload(s.base, editor, text, `${MB}mb.txt`)));
        mentions = (await s.store.counts()).mentions;
      } finally {
        await s.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const ref = percentile(phases[0].ms, 99);
  const rows = phases.map((p) => `| ${p.name} | ${fmt(p.ms.length)} | ${fmt(median(p.ms), 1)} | ${fmt(percentile(p.ms, 99), 1)} | ${fmt(Math.max(...p.ms), 0)} | ${fmt(percentile(p.ms, 99) / ref, 1)}× | ${p.ingestMs === null ? '–' : fmt(p.ingestMs / 1000, 1)} |`);
  return [
    `${READERS} readers on loopback (keep-alive fetch), each looping over \`/api/events?limit=20\`, \`/api/events/1\` and \`/api/health\`; the upload is about ${MB} MB of news text (the seed article repeated; ${fmt(mentions)} mentions stored), sent as a file and followed at \`/api/ingest/jobs/{id}\`. Milliseconds per read.`,
    '',
    '| phase | reads | median | p99 | max | p99 ÷ reference | upload to stored (s) |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}
