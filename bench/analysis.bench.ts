// Analysis speed on a store of 1,000,000+ events: a dyad series (store query + volume
// query + analysis) and a one-year network (store query + graph, Louvain, balance,
// betweenness), each against a reference: a plain count over the same rows. The store is
// built once and cached in bench/.work/: real actor pairs, PLOVER types and mention counts
// sampled (seeded) from the GDELT 2.0 and ICEWS samples in ../shared/data, spread in date
// order over ten years (2015–2024), i.e. ~100,000 events a year.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';
import { importDataset, isDatasetStore } from '../src/ingest/datasets/index.js';
import type { AnalysisEvent, DatasetEventInput } from '../src/domain/event.js';
import { seededRng } from '../src/analysis/random.js';
import { networkFor, seriesFor } from '../src/services/analysis.js';
import { fmt, median } from './util.js';

export const title = 'Analysis: dyad series and one-year network on 1,000,000 events';

const here = dirname(fileURLToPath(import.meta.url));
const work = join(here, '.work');
const shared = join(here, '..', '..', 'shared', 'data');
const EVENTS = Number(process.env.BENCH_ANALYSIS_EVENTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_ANALYSIS_RUNS ?? 7);
const DB = join(work, `analysis-v2-${EVENTS}.db`);
const DAYS = 3653; // 2015-01-01 … 2024-12-31

async function realEvents(): Promise<AnalysisEvent[]> {
  const file = join(work, 'analysis-sample.db');
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  const store = await openStore({ db: file });
  try {
    if (!isDatasetStore(store)) throw new Error('the store cannot import datasets');
    await importDataset(store, 'gdelt', [join(shared, 'gdelt-v2-events')], {});
    await importDataset(store, 'icews', [join(shared, 'icews', 'events.2018.sample.tab')], {});
    return (await store.analysisEvents({})).filter((e) => e.sources.length && e.targets.length);
  } finally {
    await store.close();
  }
}

async function buildStore(): Promise<void> {
  mkdirSync(work, { recursive: true });
  const sample = await realEvents();
  const tmp = `${DB}.tmp`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  const store = await openStore({ db: tmp });
  const rng = seededRng(2024);
  const t0 = Date.UTC(2015, 0, 1);
  const BATCH = 10_000;
  for (let done = 0; done < EVENTS; done += BATCH) {
    const batch: DatasetEventInput[] = [];
    for (let i = done; i < Math.min(EVENTS, done + BATCH); i++) {
      const e = sample[Math.floor(rng() * sample.length)];
      // In date order, as importing chronological dataset files lays rows out.
      const day = new Date(t0 + Math.floor((i * DAYS) / EVENTS) * 86_400_000).toISOString().slice(0, 10);
      batch.push({
        origin: 'gdelt', externalId: `bench-${i}`, type: e.type, mode: null, sources: e.sources, targets: e.targets,
        date: { start: day, end: day, granularity: 'day' }, dateKind: 'event', modality: 'asserted', mentionCount: e.mentions,
        reportedAt: null, location: null, sourceUrl: null, attrs: {},
      });
    }
    await store.importEvents(batch);
  }
  await store.close();
  const db = new Database(tmp);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(tmp, DB);
  for (const f of [`${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
}

async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const t = process.hrtime.bigint();
  const out = await fn();
  return [Number(process.hrtime.bigint() - t) / 1e6, out];
}

async function measure<T>(fn: () => Promise<T> | T): Promise<{ ms: number; out: T }> {
  await fn(); // warm caches and statement preparation
  const times: number[] = [];
  let out!: T;
  for (let i = 0; i < RUNS; i++) {
    const [ms, o] = await time(fn);
    times.push(ms);
    out = o;
  }
  return { ms: median(times), out };
}

export async function run(): Promise<string> {
  let built = '';
  if (!existsSync(DB)) {
    const [ms] = await time(buildStore);
    built = ` (built in ${fmt(ms / 1000, 1)} s)`;
  }
  const store: Store = await openStore({ db: DB });
  const raw = new Database(DB, { readonly: true });
  try {
    const total = (raw.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    // A typical dyad and the busiest one (North Korea–US talks dominate the 2018 ICEWS sample).
    const dyads = [{ a: 'RUS', b: 'UKR' }, { a: 'PRK', b: 'USA' }];
    const countDyad = raw.prepare(`SELECT count(*) AS n FROM event_actors a JOIN events e ON e.id = a.event_id
      WHERE a.code = ? AND EXISTS (SELECT 1 FROM event_actors b WHERE b.event_id = a.event_id AND b.code = ?)`);
    const countWindow = raw.prepare(`SELECT count(*) AS n, sum(mention_count) AS m FROM events WHERE day_first BETWEEN ? AND ? AND modality = 'asserted'`);

    const rows: string[] = [];
    for (const d of dyads) {
      const s = await measure(() => seriesFor(store, { a: d.a, b: d.b, by: 'month' }));
      const ref = await measure(() => countDyad.get(d.a, d.b));
      const events = s.out.points.reduce((k, p) => k + p.events, 0);
      rows.push(`| series ${d.a}–${d.b} by month (${fmt(events)} events, ${s.out.points.length} months) | ${fmt(s.ms, 1)} | ${fmt(ref.ms, 1)} | ${fmt(s.ms / ref.ms, 1)}× |`);
      const q = await measure(() => store.analysisEvents({ actor: d.a, with: d.b }));
      rows.push(`| — of which the store query (analysisEvents, ${fmt(q.out.length)} rows) | ${fmt(q.ms, 1)} | ${fmt(ref.ms, 1)} | ${fmt(q.ms / ref.ms, 1)}× |`);
    }
    const n = await measure(() => networkFor(store, { from: '2024-01-01', to: '2024-12-31' }));
    const nref = await measure(() => countWindow.get('2024-01-01', '2024-12-31'));
    rows.push(`| network 2024 (${fmt(n.out.events)} events, ${fmt(n.out.nodes.length)} actors, ${fmt(n.out.edges.length)} ties, ${fmt(n.out.balance.triangles)} triangles) | ${fmt(n.ms, 0)} | ${fmt(nref.ms, 1)} | ${fmt(n.ms / nref.ms, 1)}× |`);
    const nq = await measure(() => store.analysisEvents({ from: '2024-01-01', to: '2024-12-31' }));
    rows.push(`| — of which the store query (analysisEvents, ${fmt(nq.out.length)} rows) | ${fmt(nq.ms, 0)} | ${fmt(nref.ms, 1)} | ${fmt(nq.ms / nref.ms, 1)}× |`);
    return [
      `Store: ${fmt(total)} events in SQLite${built}; real actor pairs, types and mention counts sampled from the GDELT 2.0 and ICEWS samples, dates spread over 2015–2024. Median of ${RUNS} warm runs.`,
      'Reference: a plain `count(*)` over the same rows (the dyad through the event_actors index; the window through events.day_first). Goals: dyad series < 100 ms, one-year network < 500 ms.',
      '',
      '| measure | median ms | reference ms | ratio |',
      '|---|---:|---:|---:|',
      ...rows,
    ].join('\n');
  } finally {
    raw.close();
    await store.close();
  }
}
