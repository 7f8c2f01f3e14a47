// GDELT import speed: Entente's `import gdelt` (CAMEO→PLOVER and actor mapping, the events
// table with its indexes, per-actor rows, actor counts, volumes and the events' full-text
// index filled set-based once per transaction of 20,000 rows, written 1,000 at a time) against the
// sqlite3 command-line tool's `.import` of the same file into one plain 61-column table.
// The file repeats the real GDELT 2.0 rows of ../shared/data with fresh ids and dates.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { writeRepeatedGdelt } from '../src/ingest/datasets/gdelt-synth.js';
import { median, fmt } from './util.js';

export const title = 'Dataset import: GDELT 2.0 events';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const work = join(here, '.work');
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 2_000_000);
// Two runs each keep the benchmark near five minutes on an idle 2-core machine.
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 2);
const sources = ['20191024143000.export.CSV', '20170101073000.export.CSV'].map((f) => join(root, '..', 'shared', 'data', 'gdelt-v2-events', f));
const TIME = '/usr/bin/time';

export interface Run { seconds: number; cpu: number; maxRssMb: number | null; out: string }

/** Runs a command under /usr/bin/time (when present) for wall time, CPU time and peak RSS. */
export function timed(cmd: string, args: string[], input?: string): Run {
  const useTime = existsSync(TIME);
  const t0 = process.hrtime.bigint();
  const r = useTime
    ? spawnSync(TIME, ['-f', '@@time %e %U %S %M', cmd, ...args], { cwd: root, input, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 })
    : spawnSync(cmd, args, { cwd: root, input, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const m = /@@time ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
  return { seconds, cpu: m ? Number(m[2]) + Number(m[3]) : NaN, maxRssMb: m ? Number(m[4]) / 1024 : null, out: r.stdout };
}

function sqliteImport(file: string): Run {
  const db = join(work, 'reference.db');
  for (const f of [db, `${db}-journal`]) rmSync(f, { force: true });
  const columns = Array.from({ length: 61 }, (_, i) => `c${i} TEXT`).join(', ');
  const script = `CREATE TABLE g (${columns});\n.mode tabs\n.import ${file} g\nSELECT count(*) FROM g;\n`;
  const run = timed('sqlite3', [db], script);
  const n = Number(run.out.trim().split('\n').at(-1));
  if (n !== ROWS) throw new Error(`sqlite3 imported ${n} rows, expected ${ROWS}`);
  return run;
}

/**
 * Compiles the package into bench/.work/pkg (as `npm run build` would, without touching the
 * shared dist/), so the timed child runs the JavaScript users run, not the tsx loader.
 */
export function buildCli(): string {
  const pkg = join(work, 'pkg');
  rmSync(pkg, { recursive: true, force: true });
  mkdirSync(pkg, { recursive: true });
  // Type errors elsewhere in a tree under work still emit JavaScript; the check below is what counts.
  spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', join(pkg, 'dist')], { cwd: root, stdio: 'ignore' });
  const copyData = (dir: string) => {
    for (const name of readdirSync(join(root, 'src', dir), { withFileTypes: true })) {
      const rel = join(dir, name.name);
      if (name.isDirectory()) copyData(rel);
      else if (/\.(json|tsv|csv|txt|sql|xml)$/.test(name.name)) cpSync(join(root, 'src', rel), join(pkg, 'dist', rel));
    }
  };
  copyData('.');
  cpSync(join(root, 'package.json'), join(pkg, 'package.json'));
  const main = join(pkg, 'dist', 'cli', 'main.js');
  if (!existsSync(main)) throw new Error('the build produced no dist/cli/main.js');
  return main;
}

function ententeImport(cli: string, file: string): Run & { report: { read: number; imported: number; skipped: number; errorCount: number } } {
  const db = join(work, 'entente.db');
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  const run = timed(process.execPath, [cli, 'import', 'gdelt', file, '--db', db, '--format', 'json']);
  const report = JSON.parse(run.out);
  if (report.read !== ROWS || report.errorCount !== 0) throw new Error(`Entente read ${report.read} rows with ${report.errorCount} errors, expected ${ROWS} and none`);
  return { ...run, report };
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
  const ref: Run[] = [];
  const ent: ReturnType<typeof ententeImport>[] = [];
  // Interleaved, so that load from other work on the machine falls on both alike.
  for (let i = 0; i < RUNS; i++) {
    ref.push(sqliteImport(file));
    ent.push(ententeImport(cli, file));
  }
  const refRate = ROWS / median(ref.map((r) => r.seconds));
  const entRate = ROWS / median(ent.map((r) => r.seconds));
  const refCpuRate = ROWS / median(ref.map((r) => r.cpu));
  const entCpuRate = ROWS / median(ent.map((r) => r.cpu));
  const peak = ent.map((r) => r.maxRssMb).filter((x): x is number => x !== null);
  const rep = ent[0].report;
  const baseRss = timed(process.execPath, [cli, 'import', '--help']).maxRssMb ?? NaN;
  return [
    `Load average when the runs ended: ${loadavg().map((x) => x.toFixed(1)).join(', ')} (1, 5, 15 min) on ${cpus().length} cores.`,
    '',
    `File: ${fmt(ROWS)} GDELT 2.0 event rows (${fmt(mb)} MB), the ${sources.length} real 15-minute exports repeated with fresh GLOBALEVENTIDs and dates. Median of ${RUNS} runs each, interleaved.`,
    '',
    '| | rows/s (wall) | rows/s (CPU time) | median wall s | peak RSS MB |',
    '|---|---:|---:|---:|---:|',
    `| sqlite3 \`.import\` (tabs) into a plain 61-column table | ${fmt(refRate)} | ${fmt(refCpuRate)} | ${fmt(median(ref.map((r) => r.seconds)), 1)} | ${fmt(median(ref.map((r) => r.maxRssMb ?? NaN)))} |`,
    `| \`entente import gdelt\` (mapping, events + indexes + actor rows + the events' search index, set-based per 20,000-row transaction) | ${fmt(entRate)} | ${fmt(entCpuRate)} | ${fmt(median(ent.map((r) => r.seconds)), 1)} | ${peak.length ? fmt(Math.max(...peak)) : 'n/a'} |`,
    '',
    `Ratio Entente / sqlite3: **${fmt(entRate / refRate, 2)}** by wall time, ${fmt(entCpuRate / refCpuRate, 2)} by CPU time (goal: at least 0.5).`,
    `Entente peak memory: **${peak.length ? fmt(Math.max(...peak)) : 'n/a'} MB** (goal: under 300 MB), the whole compiled CLI process (it loads the import command only: ${fmt(baseRss)} MB before reading a row).`,
    `Entente's report: read ${fmt(rep.read)}, imported ${fmt(rep.imported)}, skipped ${fmt(rep.skipped)} (CAMEO 01x public statements), errors ${rep.errorCount}.`,
  ].join('\n');
}
