// The PostgreSQL backend beside SQLite, on the same generated GDELT 2.0 file: import speed
// against plain `psql \copy` of the file into a bare 61-column table (the reference), the
// SQLite import of the same file, then the same queries on both stores: a dyad page (p95),
// a dyad's series rows, a one-year network's rows, and 50 concurrent readers. Starts and
// removes a throw-away PostgreSQL cluster (scripts/pg-cluster.sh); needs PostgreSQL 15+ installed.
// Then scale: the generated events of bench/generate-events.ts loaded in bulk into a fresh
// PostgreSQL database for each size (BENCH_PG_SCALE, default 1,000,000; e.g. 1000000,10000000),
// and at each size the dyad series, the one-year network and the dyad list p95 through the
// Store, as docs/scale.md reports them.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { writeRepeatedGdelt } from '../src/ingest/datasets/gdelt-synth.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import { openPostgresStore } from '../src/store/postgres/index.js';
import type { Store } from '../src/store/store.js';
import { buildCli, timed, type Run } from './import.bench.js';
import { realSample, rng, syntheticEvents, type SyntheticEvent } from './generate-events.js';
import { networkFor, seriesFor } from '../src/services/analysis.js';
import type { DatasetEventInput } from '../src/domain/event.js';
import type { Modality } from '../src/domain/mention.js';
import type { DatasetStore } from '../src/ingest/datasets/dataset-store.js';
import pg from 'pg';
import { median, percentile, fmt } from './util.js';

export const title = 'PostgreSQL beside SQLite: GDELT import and queries';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const work = join(here, '.work');
const ROWS = Number(process.env.BENCH_PG_ROWS ?? 2_000_000);
const RUNS = Number(process.env.BENCH_PG_RUNS ?? 2);
const SCALE = (process.env.BENCH_PG_SCALE ?? '1000000').split(',').filter(Boolean).map(Number);
const sources = ['20191024143000.export.CSV', '20170101073000.export.CSV'].map((f) => join(root, '..', 'shared', 'data', 'gdelt-v2-events', f));

/**
 * CPU seconds used by the cluster's processes so far: the live ones plus the ended ones the
 * postmaster has reaped (Linux /proc, 100 ticks a second; NaN elsewhere). Unlike wall time it
 * hardly moves with other jobs on the machine.
 */
function serverCpu(dir: string): number {
  try {
    const pm = readFileSync(join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0].trim();
    // Fields after "(comm) ": state is [0], utime [11], stime [12], cutime [13], cstime [14].
    const stat = (pid: string) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ').map(Number);
    const own = stat(pm);
    let ticks = own[11] + own[12] + own[13] + own[14];
    for (const pid of readFileSync(`/proc/${pm}/task/${pm}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) {
      try {
        const f = stat(pid);
        ticks += f[11] + f[12];
      } catch {
        // ended meanwhile: counted by the postmaster once reaped
      }
    }
    return ticks / 100;
  } catch {
    return NaN;
  }
}

function cluster(): { url: string; bin: string; cpu(): number; stop(): void } {
  const parent = mkdtempSync(join(work, 'pg-'));
  chmodSync(parent, 0o755);
  const dir = join(parent, 'cluster');
  const script = join(root, 'scripts', 'pg-cluster.sh');
  const url = execFileSync('bash', [script, 'start', dir], { encoding: 'utf8' }).trim();
  return {
    url, bin: readFileSync(join(dir, 'bin'), 'utf8').trim(),
    cpu: () => serverCpu(dir),
    stop: () => {
      execFileSync('bash', [script, 'stop', dir]);
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

async function timeMs(fn: () => Promise<unknown>, runs: number): Promise<number[]> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

async function queries(store: Store, a: string, b: string, year: string) {
  const pages = await timeMs(async () => {
    for (const offset of [0, 1000, 5000]) await store.listEvents({ actor: a, with: b }, { limit: 100, offset });
  }, 20);
  const series = await timeMs(() => store.analysisEvents({ actor: a, with: b }), 7);
  const network = await timeMs(() => store.analysisEvents({ from: `${year}-01-01`, to: `${year}-12-31` }), 5);
  const seriesRows = (await store.analysisEvents({ actor: a, with: b })).length;
  const networkRows = (await store.analysisEvents({ from: `${year}-01-01`, to: `${year}-12-31` })).length;
  // 50 readers at once, each paging a dyad 10 times.
  const t = performance.now();
  await Promise.all(Array.from({ length: 50 }, async (_, c) => {
    for (let i = 0; i < 10; i++) await store.listEvents({ actor: a, with: b }, { limit: 100, offset: ((c * 10 + i) * 100) % 5000 });
  }));
  const concurrent = 500 / ((performance.now() - t) / 1000);
  return { pageP95: percentile(pages, 95) / 3, series: median(series), network: median(network), seriesRows, networkRows, concurrent };
}

const eventInput = (e: SyntheticEvent): DatasetEventInput => ({
  origin: 'gdelt', externalId: e.externalId, type: e.type, mode: e.mode, sources: [e.source], targets: e.target ? [e.target] : [],
  date: { start: e.day, end: e.day, granularity: 'day' }, dateKind: 'event', modality: e.modality as Modality, mentionCount: e.mentions,
  reportedAt: e.day, location: null, sourceUrl: null, attrs: { cameo: e.cameo, synthetic: true },
});

interface ScaleFigures {
  events: number;
  loadRate: number;
  mbPerMillion: number;
  partitions: number;
  busiest: string;
  busiestEvents: number;
  series: number;
  network: number;
  networkEvents: number;
  listP50: number;
  listP95: number;
}

async function warmMedian(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  return median(await timeMs(fn, runs));
}

/**
 * Loads each size into a fresh database (`scale`, on the server of `adminUrl`) as `entente import`
 * does, in bulk (inBulk: every year is new, so each is loaded bare and attached with its indexes),
 * and measures the queries at each size.
 */
async function scale(adminUrl: string, log: (s: string) => void): Promise<ScaleFigures[]> {
  const out: ScaleFigures[] = [];
  const sample = realSample();
  const url = adminUrl.replace(/\/entente_test$/, '/scale');
  for (const size of SCALE) {
    const setup = new pg.Client({ connectionString: adminUrl });
    await setup.connect();
    await setup.query('DROP DATABASE IF EXISTS scale');
    await setup.query('CREATE DATABASE scale');
    await setup.end();
    const admin = new pg.Pool({ connectionString: url, max: 1 });
    const store = await openPostgresStore(url);
    try {
      const gen = syntheticEvents(size, sample);
      const dyads = new Map<string, number>();
      log(`  loading ${fmt(size)} events …`);
      const t0 = performance.now();
      const bulk = store as unknown as Required<Pick<DatasetStore, 'inBulk'>>;
      await bulk.inBulk(20_000, async () => {
        let loaded = 0;
        let inFlight: Promise<unknown> = Promise.resolve();
        while (loaded < size) {
          const batch: DatasetEventInput[] = [];
          for (; batch.length < 5000 && loaded < size; loaded++) {
            const e = gen.next().value as SyntheticEvent;
            if (e.target) {
              const k = [e.source, e.target].sort().join('–');
              dyads.set(k, (dyads.get(k) ?? 0) + 1);
            }
            batch.push(eventInput(e));
          }
          await inFlight;
          inFlight = store.importEvents(batch);
        }
        await inFlight;
      });
      const loadRate = size / ((performance.now() - t0) / 1000);
      await admin.query('ANALYZE');
      const [busiest, busiestEvents] = [...dyads.entries()].sort((x, y) => y[1] - x[1])[0];
      const [a, b] = busiest.split('–');
      log('  queries …');
      const series = await warmMedian(() => seriesFor(store, { a, b, by: 'month' }));
      const network = await warmMedian(() => networkFor(store, { from: '2024-01-01', to: '2024-12-31' }));
      const networkEvents = (await networkFor(store, { from: '2024-01-01', to: '2024-12-31' })).events;
      const pairs = sample.dyads.filter((d): d is [string, string] => d[1] !== null);
      const rand = rng(7);
      const some = Array.from({ length: 300 }, () => pairs[Math.floor(rand() * pairs.length)]);
      for (const [x, y] of some.slice(0, 20)) await store.listEvents({ actor: x, with: y });
      const list: number[] = [];
      for (const [x, y] of some) {
        const t = performance.now();
        await store.listEvents({ actor: x, with: y });
        list.push(performance.now() - t);
      }
      const bytes = Number((await admin.query('SELECT pg_database_size(current_database()) AS n')).rows[0].n);
      const partitions = Number((await admin.query("SELECT count(*) AS n FROM pg_inherits WHERE inhparent = 'events'::regclass")).rows[0].n);
      out.push({
        events: size, loadRate, mbPerMillion: bytes / 2 ** 20 / (size / 1e6), partitions, busiest, busiestEvents,
        series, network, networkEvents, listP50: median(list), listP95: percentile(list, 95),
      });
      log(`  ${JSON.stringify(out.at(-1))}`);
    } finally {
      await store.close();
      await admin.end();
    }
  }
  return out;
}

function scaleTable(figs: ScaleFigures[]): string {
  const head = `| measure | ${figs.map((f) => `${fmt(f.events)} events`).join(' | ')} |`;
  const row = (what: string, f: (x: ScaleFigures) => number, digits = 1) => `| ${what} | ${figs.map((x) => fmt(f(x), digits)).join(' | ')} |`;
  return [
    head,
    `|---|${figs.map(() => '---:').join('|')}|`,
    row('load rate, events/s (`importEvents` in bulk, batches of 5,000, generation included)', (x) => x.loadRate, 0),
    row('dyad series by month of the busiest dyad, ms (median of 5, warm)', (x) => x.series),
    row('one-year network (2024), ms (median of 5, warm)', (x) => x.network),
    row('dyad list `listEvents({ actor, with })` p50, ms (300 dyads)', (x) => x.listP50, 2),
    row('dyad list p95, ms', (x) => x.listP95, 2),
    row('database size per million events, MB', (x) => x.mbPerMillion, 0),
    row('year partitions of events', (x) => x.partitions, 0),
    '',
    `Busiest dyad: ${figs.map((f) => `${f.busiest} (${fmt(f.busiestEvents)} events)`).join(', ')}; network of 2024: ${figs.map((f) => `${fmt(f.networkEvents)} events`).join(', ')}.`,
  ].join('\n');
}

/** BENCH_PG_ROWS=0: the scale part alone. */
async function scaleOnly(): Promise<string> {
  const pg = cluster();
  try {
    return scaleTable(await scale(pg.url, (s) => console.error(s)));
  } finally {
    pg.stop();
  }
}

export async function run(): Promise<string> {
  mkdirSync(work, { recursive: true });
  if (ROWS === 0) return scaleOnly();
  const file = join(work, `gdelt-${ROWS}.export.CSV`);
  if (!existsSync(file) || !existsSync(`${file}.done`)) {
    await writeRepeatedGdelt(sources, file, ROWS);
    writeFileSync(`${file}.done`, '');
  }
  const mb = statSync(file).size / 2 ** 20;
  const cli = buildCli();
  const pg = cluster();
  try {
    const psql = join(pg.bin, 'psql');
    const admin = pg.url;
    const benchUrl = pg.url.replace(/\/entente_test$/, '/bench');
    const sqliteDb = join(work, 'pg-bench-sqlite.db');
    const columns = Array.from({ length: 61 }, (_, i) => `c${i} text`).join(', ');
    const ref: Run[] = [];
    const ent: Run[] = [];
    const lite: Run[] = [];
    let report = { read: 0, imported: 0, skipped: 0, errorCount: 0 };
    // Server CPU seconds of each import (the one-core cost of the server's side), and the load around them.
    const cpu = { ref: [] as number[], ent: [] as number[] };
    const serverTimed = (into: number[], cmd: string, args: string[]): Run => {
      const c0 = pg.cpu();
      const r = timed(cmd, args);
      // A backend's time is counted when it has ended and been reaped.
      execFileSync('sleep', ['1']);
      into.push(pg.cpu() - c0);
      return r;
    };
    const load0 = loadavg()[0];
    // Interleaved, so that load from other work on the machine falls on all alike.
    for (let i = 0; i < RUNS; i++) {
      execFileSync(psql, [admin, '-qc', `DROP TABLE IF EXISTS g; CREATE TABLE g (${columns})`]);
      ref.push(serverTimed(cpu.ref, psql, [admin, '-qc', `\\copy g FROM '${file}'`]));
      execFileSync(psql, [admin, '-qc', 'DROP DATABASE IF EXISTS bench', '-c', 'CREATE DATABASE bench']);
      const e = serverTimed(cpu.ent, process.execPath, [cli, 'import', 'gdelt', file, '--db', benchUrl, '--format', 'json']);
      report = JSON.parse(e.out);
      if (report.read !== ROWS || report.errorCount) throw new Error(`Entente read ${report.read} rows with ${report.errorCount} errors`);
      ent.push(e);
      for (const f of [sqliteDb, `${sqliteDb}-wal`, `${sqliteDb}-shm`]) rmSync(f, { force: true });
      lite.push(timed(process.execPath, [cli, 'import', 'gdelt', file, '--db', sqliteDb, '--format', 'json']));
    }
    const load1 = loadavg()[0];
    const n = Number(execFileSync(psql, [admin, '-Atc', 'SELECT count(*) FROM g'], { encoding: 'utf8' }).trim());
    if (n !== ROWS) throw new Error(`psql \\copy loaded ${n} rows, expected ${ROWS}`);
    const rate = (rs: Run[]) => ROWS / median(rs.map((r) => r.seconds));

    const stores = { sqlite: await openSqliteStore(sqliteDb), postgres: await openPostgresStore(benchUrl) };
    const top = (await stores.sqlite.listActors({ limit: 2 })).rows.map((r) => r.code);
    // The year in the middle of the file's dates.
    const year = (await stores.sqlite.listEvents({}, { limit: 1, offset: Math.floor(report.imported / 2) })).rows[0].date!.start.slice(0, 4);
    const q = { sqlite: await queries(stores.sqlite, top[0], top[1], year), postgres: await queries(stores.postgres, top[0], top[1], year) };
    await Promise.all([stores.sqlite.close(), stores.postgres.close()]);
    execFileSync(psql, [admin, '-qc', 'DROP DATABASE IF EXISTS bench', '-c', 'DROP TABLE g']);
    // BENCH_PG_SCALE= (empty): the import and the queries alone.
    const scaled = SCALE.length ? await scale(pg.url, (s) => console.error(s)) : [];

    const row = (what: string, f: (x: typeof q.sqlite) => number, unit: string, digits = 1) =>
      `| ${what} | ${fmt(f(q.sqlite), digits)} ${unit} | ${fmt(f(q.postgres), digits)} ${unit} | ${fmt(f(q.postgres) / f(q.sqlite), 2)} |`;
    return [
      `File: ${fmt(ROWS)} GDELT 2.0 event rows (${fmt(mb)} MB), real rows repeated with fresh ids and dates (as in the import benchmark). Median of ${RUNS} runs each, interleaved; PostgreSQL 15 on the same machine (a throw-away cluster, fsync off, as in the tests), reached over TCP on 127.0.0.1.`,
      '',
      '| import | rows/s (wall) | median wall s | ratio to psql \\copy | server CPU s (median) | client CPU s (median) |',
      '|---|---:|---:|---:|---:|---:|',
      `| reference: \`psql \\copy\` into a bare 61-column text table | ${fmt(rate(ref))} | ${fmt(median(ref.map((r) => r.seconds)), 1)} | 1 | ${fmt(median(cpu.ref), 1)} | ${fmt(median(ref.map((r) => r.cpu)), 1)} |`,
      `| \`entente import gdelt --db postgres://…\` (new years loaded bare, then actor rows, indexes and counters built once per year and attached) | ${fmt(rate(ent))} | ${fmt(median(ent.map((r) => r.seconds)), 1)} | **${fmt(rate(ent) / rate(ref), 2)}** | ${fmt(median(cpu.ent), 1)} | ${fmt(median(ent.map((r) => r.cpu)), 1)} |`,
      `| \`entente import gdelt --db file.db\` (SQLite) | ${fmt(rate(lite))} | ${fmt(median(lite.map((r) => r.seconds)), 1)} | ${fmt(rate(lite) / rate(ref), 2)} | | ${fmt(median(lite.map((r) => r.cpu)), 1)} |`,
      '',
      `Load average (1 min) ${fmt(load0, 1)} before the imports and ${fmt(load1, 1)} after them: other jobs share the two cores, so wall times and their ratio move with the load; the server's CPU time (all its processes, autovacuum included) moves much less. Server CPU per row: \`psql \\copy\` ${fmt((median(cpu.ref) / ROWS) * 1e6, 1)} µs, Entente ${fmt((median(cpu.ent) / ROWS) * 1e6, 1)} µs.`,
      '',
      `Goal: PostgreSQL import at least 0.5× \`psql \\copy\`. Entente's report: read ${fmt(report.read)}, imported ${fmt(report.imported)}, skipped ${fmt(report.skipped)}.`,
      '',
      `Queries on the imported stores (${fmt(report.imported)} events), dyad ${top[0]}–${top[1]} (its two busiest actors), year ${year}; in-process through the Store, warm:`,
      '',
      '| query | SQLite | PostgreSQL | ratio |',
      '|---|---:|---:|---:|',
      row('dyad page of 100 (p95 of pages at offsets 0, 1,000, 5,000)', (x) => x.pageP95, 'ms', 2),
      row(`dyad series rows (analysisEvents, ${fmt(q.sqlite.seriesRows)} rows; median)`, (x) => x.series, 'ms'),
      row(`one-year network rows (analysisEvents, ${fmt(q.sqlite.networkRows)} rows; median)`, (x) => x.network, 'ms'),
      row('50 concurrent readers paging the dyad (pages/s)', (x) => x.concurrent, '/s', 0),
      '',
      `### Scale on one PostgreSQL (docs/scale.md)`,
      '',
      `The generated events of bench/generate-events.ts (real GDELT/ICEWS actor pairs and CAMEO codes, years 1979–2024), loaded in bulk (as \`entente import\` loads new years) into a fresh database for each size, measured after \`ANALYZE\`. Queries through the Store and the analysis services, as the API answers them.`,
      '',
      scaled.length ? scaleTable(scaled) : '(not run this time)',
    ].join('\n');
  } finally {
    pg.stop();
  }
}
