// HTTP API overhead: the same queries answered by the store directly, through createApp with
// app.inject (routing, auth, validation, JSON), and over loopback HTTP with keep-alive fetch.
// The store holds the starter dataset plus synthetic curated events (actors and types drawn
// from the starter dataset, dates over 1950–2025), so the ratio isolates the API layer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/api/index.js';
import { openStore } from '../src/store/index.js';
import { loadSettings } from '../src/config/settings.js';
import { loadStarterDataset, starterDataset } from '../src/starter/index.js';
import type { DatasetEventInput } from '../src/domain/event.js';
import { seededRng } from '../src/analysis/random.js';
import { fmt, median, percentile } from './util.js';

export const title = 'HTTP API overhead (src/api)';

const SYNTHETIC = Number(process.env.BENCH_API_EVENTS ?? 20_000);
const RUNS = 100;

function synthetic(n: number): DatasetEventInput[] {
  const rng = seededRng(7);
  const base = starterDataset().events;
  const codes = [...new Set(base.flatMap((e) => [...e.sources, ...e.targets]))];
  const out: DatasetEventInput[] = [];
  for (let i = 0; i < n; i++) {
    const model = base[Math.floor(rng() * base.length)];
    const a = codes[Math.floor(rng() * codes.length)];
    let b = codes[Math.floor(rng() * codes.length)];
    if (b === a) b = codes[(codes.indexOf(a) + 1) % codes.length];
    const day = new Date(Date.UTC(1950, 0, 1) + Math.floor(rng() * 76 * 365.25) * 86_400_000).toISOString().slice(0, 10);
    out.push({ ...model, externalId: `bench:${i}`, sources: [a], targets: [b], date: { start: day, end: day, granularity: 'day' }, location: null, attrs: {} });
  }
  return out;
}

async function timeIt(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 20; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return ms;
}

export async function run(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'entente-bench-api-'));
  const settings = loadSettings({ db: join(dir, 'bench.db') }, {});
  const store = await openStore(settings);
  try {
    await loadStarterDataset(store);
    const batch = synthetic(SYNTHETIC);
    for (let i = 0; i < batch.length; i += 10_000) await store.importEvents(batch.slice(i, i + 10_000));
    const { token } = await store.createToken('viewer');
    const app = await createApp({ store, settings, webDir: join(dir, 'none'), readsPerMinute: 1_000_000 });
    await app.listen({ host: '127.0.0.1', port: 0 });
    // The HTTP client idles while the other columns are timed; keep its socket open meanwhile.
    app.server.keepAliveTimeout = 600_000;
    const port = (app.server.address() as { port: number }).port;
    const auth = { authorization: `Bearer ${token}` };
    const queries: Array<[string, string, () => Promise<unknown>]> = [
      ['dyad events (RUS–PRK, 100 rows)', '/api/events?actor=RUS&with=PRK&limit=100', () => store.listEvents({ actor: 'RUS', with: 'PRK' }, { limit: 100 })],
      ['timeline (KOR, 100 rows)', '/api/timeline?actor=KOR&limit=100', () => store.timeline('KOR', null, {}, { limit: 100 })],
      ['event detail', '/api/events/1', () => store.getEvent('1')],
      ['health (no store)', '/api/health', async () => ({ ok: true })],
    ];
    const rows: string[] = [];
    for (const [name, url, direct] of queries) {
      const d = await timeIt(direct);
      const inj = await timeIt(() => app.inject({ url, headers: auth }));
      const http = await timeIt(async () => (await fetch(`http://127.0.0.1:${port}${url}`, { headers: auth })).arrayBuffer());
      const dm = median(d);
      rows.push(`| ${name} | ${fmt(dm, 2)} | ${fmt(median(inj), 2)} (p95 ${fmt(percentile(inj, 95), 2)}) | ${fmt(median(http), 2)} (p95 ${fmt(percentile(http, 95), 2)}) | ${dm > 0.05 ? `${fmt(median(http) / dm, 1)}×` : 'n/a'} |`);
    }
    await app.close();
    return [
      `Store: ${fmt(starterDataset().events.length + SYNTHETIC)} curated events in SQLite (starter dataset + ${fmt(SYNTHETIC)} synthetic). ${RUNS} timed requests per cell after 20 warm-ups; milliseconds, median (p95).`,
      '',
      '| query | store call | app.inject | HTTP (loopback, keep-alive) | HTTP ÷ store |',
      '|---|---|---|---|---|',
      ...rows,
      '',
      'The difference between the store call and HTTP is what the API adds: token check, validation, JSON encoding and the socket.',
    ].join('\n');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
