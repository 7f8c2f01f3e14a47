// The event store: documents ingested per second (the KCNA JSON lines through extraction and
// storage, against extraction alone in the same process), and p50/p95 latency of a dyad
// listEvents (whole and one-year windows), timeline and listActors on a store of 1,000,000 events (bench/generate-events.ts), against a
// plain SELECT count(*) over the same events table in the same process.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../src/store/index.js';
import { ingestPaths } from '../src/ingest/documents/index.js';
import { extractDocument } from '../src/extract/index.js';
import { generatedStore, realSample, rng } from './generate-events.js';
import { fmt, median, percentile } from './util.js';

export const title = 'Event store: ingest rate and dyad queries on 1M events';

const KCNA = join(import.meta.dirname, '..', '..', 'shared', 'data', 'news-articles', 'kcna-korea-russia-ukraine.jsonl');
const EVENTS = 1_000_000;
const RUNS = 3;

function ms(t0: number): number {
  return performance.now() - t0;
}

async function ingestRate(): Promise<string[]> {
  const records = readFileSync(KCNA, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string; published: string });
  const distinct = [...new Map(records.map((r) => [r.text, r])).values()];
  // Warm the extractor (lexicons, registry, JIT) so that neither side pays the first load.
  for (const r of distinct) extractDocument(r.text, { published: r.published });
  const full: number[] = [];
  const extractOnly: number[] = [];
  const again: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'entente-bench-'));
    try {
      const store = await openStore({ db: join(dir, 'b.db') });
      let t0 = performance.now();
      const s = await ingestPaths(store, [KCNA]);
      full.push(ms(t0));
      if (s.stored !== distinct.length) throw new Error(`expected ${distinct.length} stored, got ${s.stored}`);
      t0 = performance.now();
      await ingestPaths(store, [KCNA]);
      again.push(ms(t0));
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const t0 = performance.now();
    for (const r of distinct) extractDocument(r.text, { published: r.published });
    extractOnly.push(ms(t0));
  }
  const rate = (t: number) => distinct.length / (t / 1000);
  return [
    `Ingest of \`kcna-korea-russia-ukraine.jsonl\` (${records.length} lines, ${distinct.length} distinct documents) into a new SQLite file, ${RUNS} runs:`,
    '',
    '| measure | median | documents/s |',
    '|---|---:|---:|',
    `| extract only (reference, same texts) | ${fmt(median(extractOnly))} ms | ${fmt(rate(median(extractOnly)))} |`,
    `| ingest: read + extract + merge + store | ${fmt(median(full))} ms | ${fmt(rate(median(full)))} |`,
    `| re-ingest (all unchanged, by content hash) | ${fmt(median(again))} ms | ${fmt(records.length / (median(again) / 1000))} lines/s |`,
    '',
    `Storage adds ${fmt((median(full) / median(extractOnly) - 1) * 100)} % to extraction time (ratio ${fmt(median(full) / median(extractOnly), 2)}).`,
  ];
}

async function dyadLatency(): Promise<string[]> {
  const file = await generatedStore(EVENTS);
  const store = await openStore({ db: file });
  const raw = new Database(file, { readonly: true });
  try {
    // Queries follow the data: dyads drawn from the same real pairs the store was made from.
    const sample = realSample().dyads.filter((d): d is [string, string] => d[1] !== null);
    const rand = rng(7);
    const dyads = Array.from({ length: 300 }, () => sample[Math.floor(rand() * sample.length)]);
    const time = async (f: () => Promise<unknown>) => {
      const t0 = performance.now();
      await f();
      return ms(t0);
    };
    // Warm the page cache the way a running server would be.
    for (const [a, b] of dyads.slice(0, 20)) await store.listEvents({ actor: a, with: b });
    const list: number[] = [];
    const tl: number[] = [];
    const slim: number[] = [];
    const windowed: number[] = [];
    const sizes: number[] = [];
    for (const [a, b] of dyads) {
      list.push(await time(() => store.listEvents({ actor: a, with: b })));
      // A one-year window somewhere in the store's span (1979–2024).
      const year = String(1979 + Math.floor(rand() * 46));
      windowed.push(await time(() => store.listEvents({ actor: a, with: b, from: year, to: year })));
      tl.push(await time(() => store.timeline(a, b, {}, { limit: 100 })));
      slim.push(await time(async () => sizes.push((await store.analysisEvents({ actor: a, with: b })).length)));
    }
    const actors: number[] = [];
    for (let i = 0; i < 20; i++) actors.push(await time(() => store.listActors()));
    const count: number[] = [];
    for (let i = 0; i < 5; i++) count.push(await time(async () => raw.prepare('SELECT count(*) FROM events').get()));
    const ref = median(count);
    const row = (name: string, xs: number[]) => `| ${name} | ${fmt(median(xs), 2)} ms | ${fmt(percentile(xs, 95), 2)} ms | ${fmt(Math.max(...xs), 1)} ms | ${fmt(percentile(xs, 95) / ref, 3)} |`;
    const total = (raw.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    return [
      `Store of ${fmt(total)} events (generated once by \`bench/generate-events.ts\`, cached in bench/.work/). ${dyads.length} dyads drawn from the real GDELT/ICEWS actor pairs; matching events per dyad: median ${fmt(median(sizes))}, p95 ${fmt(percentile(sizes, 95))}, max ${fmt(Math.max(...sizes))}.`,
      '',
      '| query | p50 | p95 | max | p95 / reference |',
      '|---|---:|---:|---:|---:|',
      row('`listEvents({ actor, with })` (first page of 100, with total)', list),
      row('`listEvents({ actor, with, from, to })` (one year)', windowed),
      row('`timeline(a, b)` (first page of 100)', tl),
      row('`analysisEvents({ actor, with })` (every matching event, slim rows)', slim),
      row('`listActors()` (first page, event counts; 20 runs)', actors),
      `| reference: \`SELECT count(*) FROM events\` | ${fmt(ref, 2)} ms | | | 1 |`,
    ];
  } finally {
    raw.close();
    await store.close();
  }
}

export async function run(): Promise<string> {
  return [...(await ingestRate()), '', ...(await dyadLatency())].join('\n');
}
