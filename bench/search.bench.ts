// Search over events on 1,000,000 events (the cached store of bench/generate-events.ts,
// copied so the cache stays as built): the migration that builds the events' search index
// of an existing database, then search p50/p95 for text queries and for queries that match
// many events (actor codes: a code like USA matches a tenth of the store), each timed two
// ways in the same run: every kind of hit (documents, mentions, events: what
// `GET /api/search` does) and documents and mentions only (the search before events were
// indexed: the reference). Also the size of the index.
import { copyFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { generatedStore, workDir } from './generate-events.js';
import { openStore } from '../src/store/index.js';
import { ingestPaths } from '../src/ingest/documents/index.js';
import type { SearchKind } from '../src/store/search.js';
import { fmt, median, percentile } from './util.js';

export const title = 'Search over events on 1,000,000 events';

const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 10);
const KCNA = join(import.meta.dirname, '..', '..', 'shared', 'data', 'news-articles', 'kcna-korea-russia-ukraine.jsonl');
/** The scale benchmark's words (they match documents and sentences, no synthetic event). */
const TEXT_WORDS = ['missile', 'Russia cooperation', 'sanctions', 'Kim Jong Un', 'nuclear test', 'Ukraine', 'talks', 'satellite launch', 'Shoigu', 'joint exercises'];
/** Codes the synthetic events carry: common, rare, OR, a phrase (source then target). */
const EVENT_WORDS = ['USA', 'PRK', 'RUS OR UKR', '"PRK USA"', 'ISR PSE', 'NZL'];

export async function run(): Promise<string> {
  const cached = await generatedStore(1_000_000);
  const file = join(workDir, 'search-bench.db');
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  copyFileSync(cached, file);
  const load0 = loadavg()[0];
  const t0 = performance.now();
  const store = await openStore({ db: file });
  const migrateMs = performance.now() - t0;
  try {
    const events = (await store.counts()).events;
    await ingestPaths(store, [KCNA]);
    const time = async (q: string, kinds: SearchKind[] | undefined) => {
      const t = performance.now();
      const r = await store.search(q, { limit: 100 }, kinds);
      return { ms: performance.now() - t, total: r.total ?? 0 };
    };
    const rows: string[] = [];
    for (const [name, words] of [['text queries', TEXT_WORDS], ['event queries (actor codes)', EVENT_WORDS]] as const) {
      for (const w of words) { await time(w, undefined); await time(w, ['document', 'mention']); }
      const all: number[] = [];
      const ref: number[] = [];
      let hits = 0;
      for (let i = 0; i < RUNS; i++) {
        for (const w of words) {
          const a = await time(w, undefined);
          all.push(a.ms);
          if (i === 0) hits += a.total;
          ref.push((await time(w, ['document', 'mention'])).ms);
        }
      }
      rows.push(`| ${name}: every kind, p50 / p95 ms | ${fmt(median(all), 2)} / ${fmt(percentile(all, 95), 2)} | ${fmt(median(all) / median(ref), 1)} / ${fmt(percentile(all, 95) / percentile(ref, 95), 1)} | ${fmt(hits)} |`);
      rows.push(`| — documents and mentions only (reference), p50 / p95 ms | ${fmt(median(ref), 2)} / ${fmt(percentile(ref, 95), 2)} | 1 | |`);
    }
    const raw = new Database(file, { readonly: true });
    const indexBytes = (raw.prepare("SELECT sum(pgsize) AS n FROM dbstat WHERE name LIKE 'events_fts%'").get() as { n: number }).n;
    raw.close();
    return [
      `The cached store of ${fmt(events)} synthetic events (bench/generate-events.ts: actor codes, no titles), copied, plus the KCNA articles (${'`kcna-korea-russia-ukraine.jsonl`'}) so there is text to search. Each query asks for one page of 100 hits; ${RUNS} runs of ${TEXT_WORDS.length} text queries (the scale benchmark's) and ${EVENT_WORDS.length} code queries (${EVENT_WORDS.map((w) => `\`${w}\``).join(', ')}). Reference in the same run: the same queries over documents and mentions only, which is what search read before events were indexed. Goal (scale benchmark): search p95 ≤ 100 ms.`,
      '',
      '| measure | figure | ratio to reference | hits (all queries, one run) |',
      '|---|---:|---:|---:|',
      ...rows,
      `| opening the store the first time: building the events' search index (migration), s | ${fmt(migrateMs / 1000, 1)} | | |`,
      `| size of the index (events_fts tables), MB per million events | ${fmt(indexBytes / 2 ** 20 / (events / 1e6))} | | |`,
      '',
      `Load average (1 min) ${fmt(load0, 1)} at the start and ${fmt(loadavg()[0], 1)} at the end: other jobs share the two cores. Event hits come most recently stored first (read in rowid order from the index, not ranked), so a page costs the same however many events match; the count of matches is what grows with them.`,
    ].join('\n');
  } finally {
    await store.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  }
}
