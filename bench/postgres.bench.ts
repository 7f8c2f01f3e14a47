// The PostgreSQL backend beside SQLite, on the same generated GDELT 2.0 file: import speed
// against plain `psql \copy` of the file into a bare 61-column table (the reference), the
// SQLite import of the same file, then the same queries on both stores: a dyad page (p95),
// a dyad's series rows, a one-year network's rows, and 50 concurrent readers. Starts and
// removes a throw-away PostgreSQL cluster (scripts/pg-cluster.sh); needs PostgreSQL 15+ installed.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeRepeatedGdelt } from '../src/ingest/datasets/gdelt-synth.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import { openPostgresStore } from '../src/store/postgres/index.js';
import type { Store } from '../src/store/store.js';
import { buildCli, timed, type Run } from './import.bench.js';
import { median, percentile, fmt } from './util.js';

export const title = 'PostgreSQL beside SQLite: GDELT import and queries';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const work = join(here, '.work');
const ROWS = Number(process.env.BENCH_PG_ROWS ?? 2_000_000);
const RUNS = Number(process.env.BENCH_PG_RUNS ?? 2);
const sources = ['20191024143000.export.CSV', '20170101073000.export.CSV'].map((f) => join(root, '..', 'shared', 'data', 'gdelt-v2-events', f));

function cluster(): { url: string; bin: string; stop(): void } {
  const parent = mkdtempSync(join(work, 'pg-'));
  chmodSync(parent, 0o755);
  const dir = join(parent, 'cluster');
  const script = join(root, 'scripts', 'pg-cluster.sh');
  const url = execFileSync('bash', [script, 'start', dir], { encoding: 'utf8' }).trim();
  return {
    url, bin: readFileSync(join(dir, 'bin'), 'utf8').trim(),
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

export async function run(): Promise<string> {
  mkdirSync(work, { recursive: true });
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
    // Interleaved, so that load from other work on the machine falls on all alike.
    for (let i = 0; i < RUNS; i++) {
      execFileSync(psql, [admin, '-qc', `DROP TABLE IF EXISTS g; CREATE TABLE g (${columns})`]);
      ref.push(timed(psql, [admin, '-qc', `\\copy g FROM '${file}'`]));
      execFileSync(psql, [admin, '-qc', 'DROP DATABASE IF EXISTS bench', '-c', 'CREATE DATABASE bench']);
      const e = timed(process.execPath, [cli, 'import', 'gdelt', file, '--db', benchUrl, '--format', 'json']);
      report = JSON.parse(e.out);
      if (report.read !== ROWS || report.errorCount) throw new Error(`Entente read ${report.read} rows with ${report.errorCount} errors`);
      ent.push(e);
      for (const f of [sqliteDb, `${sqliteDb}-wal`, `${sqliteDb}-shm`]) rmSync(f, { force: true });
      lite.push(timed(process.execPath, [cli, 'import', 'gdelt', file, '--db', sqliteDb, '--format', 'json']));
    }
    const n = Number(execFileSync(psql, [admin, '-Atc', 'SELECT count(*) FROM g'], { encoding: 'utf8' }).trim());
    if (n !== ROWS) throw new Error(`psql \\copy loaded ${n} rows, expected ${ROWS}`);
    const rate = (rs: Run[]) => ROWS / median(rs.map((r) => r.seconds));

    const stores = { sqlite: await openSqliteStore(sqliteDb), postgres: await openPostgresStore(benchUrl) };
    const top = (await stores.sqlite.listActors({ limit: 2 })).rows.map((r) => r.code);
    // The year in the middle of the file's dates.
    const year = (await stores.sqlite.listEvents({}, { limit: 1, offset: Math.floor(report.imported / 2) })).rows[0].date!.start.slice(0, 4);
    const q = { sqlite: await queries(stores.sqlite, top[0], top[1], year), postgres: await queries(stores.postgres, top[0], top[1], year) };
    await Promise.all([stores.sqlite.close(), stores.postgres.close()]);

    const row = (what: string, f: (x: typeof q.sqlite) => number, unit: string, digits = 1) =>
      `| ${what} | ${fmt(f(q.sqlite), digits)} ${unit} | ${fmt(f(q.postgres), digits)} ${unit} | ${fmt(f(q.postgres) / f(q.sqlite), 2)} |`;
    return [
      `File: ${fmt(ROWS)} GDELT 2.0 event rows (${fmt(mb)} MB), real rows repeated with fresh ids and dates (as in the import benchmark). Median of ${RUNS} runs each, interleaved; PostgreSQL 15 on the same machine (a throw-away cluster, fsync off, as in the tests), reached over TCP on 127.0.0.1.`,
      '',
      '| import | rows/s (wall) | median wall s | ratio to psql \\copy |',
      '|---|---:|---:|---:|',
      `| reference: \`psql \\copy\` into a bare 61-column text table | ${fmt(rate(ref))} | ${fmt(median(ref.map((r) => r.seconds)), 1)} | 1 |`,
      `| \`entente import gdelt --db postgres://…\` (COPY into staging, set-based insert, triggers fill actor rows and counters) | ${fmt(rate(ent))} | ${fmt(median(ent.map((r) => r.seconds)), 1)} | **${fmt(rate(ent) / rate(ref), 2)}** |`,
      `| \`entente import gdelt --db file.db\` (SQLite) | ${fmt(rate(lite))} | ${fmt(median(lite.map((r) => r.seconds)), 1)} | ${fmt(rate(lite) / rate(ref), 2)} |`,
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
    ].join('\n');
  } finally {
    pg.stop();
  }
}
