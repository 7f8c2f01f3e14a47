// The API's ingest queue: every POST /api/ingest becomes a job run by one worker thread
// (ingest-worker.ts) with its own database connection, one job at a time (SQLite has one
// writer). The route waits for a small document's job and answers with its events; a large
// one answers 202 at once and is followed at GET /api/ingest/jobs/{id}. Jobs live in memory:
// a restart forgets them (a job cut short stored nothing: each document is one transaction).
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { EntenteError } from '../domain/errors.js';
import type { Store } from '../store/store.js';
import { fromWireError, runIngest, toWireError, type IngestOutcome, type RawIngest, type WireError } from './ingest-work.js';
import type { FromWorker, ToWorker } from './ingest-worker.js';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface IngestJob {
  id: string;
  status: JobStatus;
  /** Size of the submitted document in bytes. */
  bytes: number;
  created: string;
  started: string | null;
  finished: string | null;
  /** Characters of the text extracted so far, of `total` (0 of 0 until the text is known). */
  progress: { done: number; total: number };
  outcome: IngestOutcome | null;
  error: WireError | null;
}

const fromSource = import.meta.url.endsWith('.ts');
const require = createRequire(import.meta.url);

/** Finished jobs kept for their callers to read, newest first; older ones are forgotten. */
const KEEP_FINISHED = 200;

export interface IngestJobsOptions {
  /** The database the worker opens; '' or ':memory:' runs jobs on this thread (nothing to share). */
  db: string;
  /** The server's store, for jobs run on this thread. */
  store: Store;
}

/** Runs on this thread when a job's document is stored, before the job is marked done (reads its result). */
export type OnStored = (outcome: IngestOutcome) => Promise<void>;

interface Pending { job: IngestJob; raw: RawIngest; onStored?: OnStored; settle: () => void }

export class IngestJobs {
  private readonly jobs = new Map<string, IngestJob>();
  private readonly queue: Pending[] = [];
  private current: Pending | null = null;
  private worker: Worker | null = null;
  private closed = false;

  constructor(private readonly opts: IngestJobsOptions) {}

  /** Queues a document; `done` settles when its job has finished (never rejects). */
  submit(raw: RawIngest, bytes: number, onStored?: OnStored): { job: IngestJob; done: Promise<void> } {
    if (this.closed) throw new EntenteError('UNSUPPORTED', 'the server is stopping; ingest again when it is back');
    const job: IngestJob = { id: randomUUID(), status: 'queued', bytes, created: new Date().toISOString(), started: null, finished: null, progress: { done: 0, total: 0 }, outcome: null, error: null };
    let settle!: Pending['settle'];
    const done = new Promise<void>((resolve) => { settle = resolve; });
    const p: Pending = { job, raw, onStored, settle };
    this.jobs.set(job.id, job);
    this.queue.push(p);
    this.next();
    return { job, done };
  }

  /** Every job still known, newest first. */
  list(): IngestJob[] {
    return [...this.jobs.values()].reverse();
  }

  get(id: string): IngestJob | null {
    return this.jobs.get(id) ?? null;
  }

  /** The job's outcome, or its error as thrown. */
  outcome(job: IngestJob): IngestOutcome {
    if (job.error) throw fromWireError(job.error);
    return job.outcome!;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) this.finish(p, null, { code: 'UNSUPPORTED', message: 'the server stopped before this document was ingested' });
    if (this.current) this.finish(this.current, null, { code: 'UNSUPPORTED', message: 'the server stopped while this document was being ingested; nothing of it was stored' });
    const w = this.worker;
    this.worker = null;
    // A transaction cut short is rolled back: the document is stored whole or not at all.
    if (w) await w.terminate();
  }

  private inThread(): boolean {
    return !this.opts.db || this.opts.db === ':memory:';
  }

  private next(): void {
    if (this.current || this.closed) return;
    const p = this.queue.shift();
    if (!p) return;
    this.current = p;
    p.job.status = 'running';
    p.job.started = new Date().toISOString();
    if (this.inThread()) {
      runIngest(this.opts.store, p.raw, (done, total) => { p.job.progress = { done, total }; })
        .then((o) => this.stored(p, o), (e: unknown) => this.finish(p, null, toWireError(e)));
      return;
    }
    const msg: ToWorker = { type: 'job', id: p.job.id, raw: p.raw };
    this.spawn().postMessage(msg);
  }

  private stored(p: Pending, outcome: IngestOutcome): void {
    if (!p.onStored) return this.finish(p, outcome, null);
    p.onStored(outcome).then(() => this.finish(p, outcome, null), (e: unknown) => this.finish(p, null, toWireError(e)));
  }

  private finish(p: Pending, outcome: IngestOutcome | null, error: WireError | null): void {
    if (p.job.finished) return;
    p.job.status = error ? 'failed' : 'done';
    p.job.finished = new Date().toISOString();
    p.job.outcome = outcome;
    p.job.error = error;
    if (outcome) p.job.progress = { done: p.job.progress.total, total: p.job.progress.total };
    // The bytes are not needed any more.
    p.raw = { html: false, title: null, url: null, published: null };
    p.settle();
    if (this.current === p) this.current = null;
    this.forgetOld();
    this.next();
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((j) => j.finished);
    for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(j.id);
  }

  private spawn(): Worker {
    if (this.worker) return this.worker;
    const w = fromSource
      // From the TypeScript sources (tests, benchmarks) the worker registers tsx to load .ts files.
      ? new Worker(`import(${JSON.stringify(pathToFileURL(require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href)}).then((t) => { t.register(); return import(${JSON.stringify(new URL('./ingest-worker.ts', import.meta.url).href)}); });`, { eval: true, workerData: { db: this.opts.db } })
      : new Worker(new URL('./ingest-worker.js', import.meta.url), { workerData: { db: this.opts.db } });
    w.on('message', (m: FromWorker) => {
      const p = this.current;
      if (!p || p.job.id !== m.id) return;
      if (m.type === 'progress') p.job.progress = { done: m.done, total: m.total };
      else if (m.type === 'done') this.stored(p, m.outcome);
      else this.finish(p, null, m.error);
    });
    const lost = (why: string) => {
      if (this.worker !== w) return;
      this.worker = null;
      // A worker that died (out of memory, say) fails its job; the next job starts a new one.
      if (this.current) this.finish(this.current, null, { code: 'INTERNAL', message: `the ingest worker stopped (${why}); nothing of this document was stored` });
    };
    w.on('error', (e) => lost(e.message));
    w.on('exit', (code) => lost(`exit code ${code}`));
    this.worker = w;
    return w;
  }
}
