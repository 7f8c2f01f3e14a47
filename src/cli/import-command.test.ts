// `entente import` as a user runs it: reports, --strict, bad arguments, dataset events beside
// extracted ones in `entente events`, and a real kill -9 in the middle of a large import.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { repoRoot, runCli, sharedDir } from '../../test/cli.js';
import { writeRepeatedGdelt } from '../ingest/datasets/gdelt-synth.js';
import { BULK_TRANSACTION_ROWS } from '../ingest/datasets/index.js';

const work = mkdtempSync(join(tmpdir(), 'entente-import-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const data = (p: string) => join(sharedDir, 'data', p);
const broken = data('bad-input/gdelt-v2-broken.export.CSV');
let n = 0;
const db = () => join(work, `c${n++}.db`);

function count(file: string, sql = 'SELECT count(*) AS n FROM events'): number {
  const d = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (d.prepare(sql).get() as { n: number }).n;
  } finally {
    d.close();
  }
}

// Each test spawns the CLI from source several times; on a busy machine one spawn can take 10 s.
describe('entente import', { timeout: 300_000 }, () => {
  it('exits 1 when every row of the file fails (it exited 0 having imported nothing)', () => {
    const file = join(work, 'all-bad.CSV');
    writeFileSync(file, 'a\tb\tc\nd\te\tf\n');
    const r = runCli(['import', 'gdelt', file, '--db', db()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/every row failed .*\[BAD_INPUT\]/);
  });
  it('reports the broken file by line number as JSON, and a rerun adds nothing', () => {
    const file = db();
    const first = runCli(['import', 'gdelt', broken, '--db', file, '--format', 'json']);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({ read: 21, imported: 14, unchanged: 1, skipped: 2 });
    expect(report.errors.map((e: { line: number }) => e.line)).toEqual([11, 12, 13, 21]);
    expect(report.errors[0]).not.toHaveProperty('file');
    const second = JSON.parse(runCli(['import', 'gdelt', broken, '--db', file, '--format', 'json']).stdout);
    expect(second).toMatchObject({ read: 21, imported: 0, unchanged: 15 });
    expect(count(file)).toBe(14);
  });

  it('with --strict stops at line 11 with one line and a non-zero exit', () => {
    const r = runCli(['import', 'gdelt', broken, '--db', db(), '--strict']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^entente: gdelt-v2-broken\.export\.CSV:11: GoldsteinScale.*\[BAD_INPUT\]$/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the file of each error when several are read', () => {
    const r = runCli(['import', 'gdelt', broken, data('gdelt-samples-aamend/events.csv'), '--db', db(), '--format', 'json']);
    const report = JSON.parse(r.stdout);
    expect(report.files).toEqual(['gdelt-v2-broken.export.CSV', 'events.csv']);
    expect(report.errors[0]).toMatchObject({ file: 'gdelt-v2-broken.export.CSV', line: 11 });
  });

  it.each([
    [['import', 'polecat', broken], /unknown dataset kind.*\[BAD_INPUT\]/],
    [['import', 'gdelt', join(work, 'missing.CSV')], /missing\.CSV: no such file.*\[NOT_FOUND\]/],
    [['import', 'gdelt', broken, '--batch', '0'], /--batch.*\[BAD_INPUT\]/],
    [['import', 'icews', broken], /^entente: gdelt-v2-broken\.export\.CSV: line 1: not an ICEWS event table.*\[BAD_FORMAT\]$/m],
  ])('refuses %j with a clear error', (args, message) => {
    const r = runCli([...args, '--db', db(), '--strict']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('puts GDELT and ICEWS events beside extracted ones in `entente events`, with origins', () => {
    const file = db();
    expect(runCli(['import', 'gdelt', data('gdelt-v2-events'), '--db', file]).code).toBe(0);
    expect(runCli(['import', 'icews', data('icews/events.2018.sample.tab'), '--db', file]).code).toBe(0);
    const text = join(work, 'vostochny.txt');
    writeFileSync(text, 'On September 13, 2023, Vladimir Putin met Kim Jong Un at the Vostochny Cosmodrome.\n');
    expect(runCli(['ingest', text, '--published', '2023-09-14', '--db', file]).code).toBe(0);
    const rusPrk = JSON.parse(runCli(['events', '--actor', 'RUS', '--with', 'PRK', '--limit', '1000', '--format', 'json', '--db', file]).stdout);
    const origins = new Set(rusPrk.rows.map((e: { origin: string }) => e.origin));
    expect(origins.has('icews')).toBe(true);
    expect(origins.has('text')).toBe(true);
    // The GDELT samples hold no RUS–PRK dyad; PRK–USA shows GDELT's own events.
    const prkUsa = JSON.parse(runCli(['events', '--actor', 'PRK', '--with', 'USA', '--origin', 'gdelt', '--format', 'json', '--db', file]).stdout);
    expect(prkUsa.rows.length).toBeGreaterThan(0);
    expect(prkUsa.rows.every((e: { origin: string }) => e.origin === 'gdelt')).toBe(true);
  }, 300_000);

  it('after a kill -9 mid-import, a rerun leaves exactly the rows of one clean import', async () => {
    const big = join(work, 'big.export.CSV');
    const rows = 80_000;
    await writeRepeatedGdelt([data('gdelt-v2-events/20191024143000.export.CSV'), data('gdelt-v2-events/20170101073000.export.CSV')], big, rows);
    const killed = db();
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), 'import', 'gdelt', big, '--db', killed], { cwd: repoRoot, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Wait until some batches are committed, then kill without warning.
    let before = 0;
    for (let i = 0; i < 1200 && before < 3000; i++) {
      await new Promise((r) => setTimeout(r, 50));
      try {
        before = count(killed);
      } catch {
        before = 0; // not created yet
      }
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const afterKill = count(killed);
    expect(afterKill).toBeGreaterThan(0);
    // Only whole transactions (BULK_TRANSACTION_ROWS events each) survive the kill.
    expect(afterKill % BULK_TRANSACTION_ROWS).toBe(0);

    const rerun = runCli(['import', 'gdelt', big, '--db', killed, '--format', 'json'], { timeoutMs: 600_000 });
    expect(rerun.code).toBe(0);
    const report = JSON.parse(rerun.stdout);
    const clean = db();
    const once = JSON.parse(runCli(['import', 'gdelt', big, '--db', clean, '--format', 'json'], { timeoutMs: 600_000 }).stdout);
    expect(afterKill).toBeLessThan(once.imported);
    expect(report.unchanged).toBe(afterKill);
    expect(report.imported + report.unchanged).toBe(once.imported);
    for (const q of ['SELECT count(*) AS n FROM events', 'SELECT count(*) AS n FROM event_actors', 'SELECT count(DISTINCT external_id) AS n FROM events']) {
      expect(count(killed, q)).toBe(count(clean, q));
    }
  }, 900_000);
});
