// Faults on PostgreSQL, through the CLI as a user meets them: a wrong password, a missing
// database or no server at all give one line naming the server and what failed, and a non-zero
// exit; a server stopped dead in the middle of an import (pg_ctl stop -m immediate) ends the
// import with an error, and rerunning it completes with nothing lost and nothing twice. The import
// loads its new years in bulk (bulk-years.ts), so the crash leaves half-loaded tables that the
// rerun resumes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { repoRoot, runCli } from '../../../test/cli.js';
import { pgClusterUsable, startPgCluster, type PgCluster } from '../../../test/pg-cluster.js';
import { writeRepeatedGdelt } from '../../ingest/datasets/gdelt-synth.js';
import { TEST_PG_URL } from './test-db.js';

const GDELT_ROW = ['881990868', '20190924', '201909', '2019', '2019.7233', 'GBR', 'UNITED KINGDOM', 'GBR', '', '', '', '', '', '', '',
  'SAU', 'SAUDI ARABIA', 'SAU', '', '', '', '', '', '', '', '0', '042', '042', '04', '1', '1.9', '2', '1', '2', '2.8604118993135',
  '1', 'United Kingdom', 'UK', 'UK', '', '54', '-4', 'UK', '4', 'Riyadh, Saudi Arabia', 'SA', 'SA10', '25316', '24.6408', '46.7728', '-3093009',
  '4', 'Riyadh, Saudi Arabia', 'SA', 'SA10', '25316', '24.6408', '46.7728', '-3093009', '20191024143000', 'https://example.org/article'];

function expectOneLineError(r: { code: number; stderr: string }, ...parts: RegExp[]): void {
  expect(r.code).not.toBe(0);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^entente: .*\[DB_ERROR\]$/);
  for (const p of parts) expect(lines[0]).toMatch(p);
}

describe.skipIf(!TEST_PG_URL)('postgres: connection failures', () => {
  // Collected even when skipped: a placeholder keeps the URL parse from throwing.
  const u = new URL(TEST_PG_URL || 'postgres://skipped@127.0.0.1:1/skipped');
  const hostPort = `${u.hostname}:${u.port}`;

  it('a wrong password: one line naming the server, no password, non-zero exit', () => {
    const bad = new URL(TEST_PG_URL);
    bad.password = 'not-the-password';
    const r = runCli(['events', '--db', bad.toString()]);
    expectOneLineError(r, new RegExp(hostPort.replace(/\./g, '\\.')), /password authentication failed/);
    expect(r.stderr).not.toContain('not-the-password');
  });

  it('a missing database', () => {
    const bad = new URL(TEST_PG_URL);
    bad.pathname = '/no_such_database';
    expectOneLineError(runCli(['events', '--db', bad.toString()]), /no_such_database/, /does not exist/);
  });

  it('no server listening', () => {
    expectOneLineError(runCli(['events', '--db', 'postgres://entente:x@127.0.0.1:1/entente']), /127\.0\.0\.1:1\/entente/, /connection refused/);
  });
});

// Stops and starts servers of its own: run with ENTENTE_TEST_PG_CLUSTERS=1 (scripts/test-pg.sh
// --clusters). Kept out of the default run after it once hung under the full suite's load.
describe.skipIf(!pgClusterUsable || !process.env.ENTENTE_TEST_PG_CLUSTERS)('postgres: the server stops mid-import', () => {
  let cluster: PgCluster;
  let work: string;
  beforeAll(() => {
    cluster = startPgCluster();
    work = mkdtempSync(join(tmpdir(), 'entente-crash-'));
  }, 120_000);
  afterAll(() => {
    cluster?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  // Events stored: those in events, and those committed to the loading tables of years loaded in bulk.
  const STORED = `SELECT (SELECT count(*) FROM events) + coalesce(sum((xpath('/row/n/text()',
      query_to_xml(format('SELECT count(*) AS n FROM %I', relname), false, true, '')))[1]::text::bigint), 0) AS n
    FROM pg_class WHERE relname LIKE 'events_load_y%' AND relkind = 'r'`;

  async function count(sql: string): Promise<number> {
    const c = new pg.Client({ connectionString: cluster.url });
    await c.connect();
    try {
      return Number((await c.query(sql)).rows[0].n);
    } finally {
      await c.end();
    }
  }

  it('stops with an error, and a rerun completes with no duplicates and nothing lost', async () => {
    // One GDELT 2.0 row (from the 2019-10-24 14:30 export) as 1,000 articles, repeated with fresh
    // ids and dates: rows that differ only in their id would be one event (GDELT's twins).
    const template = join(work, 'one.export.CSV');
    writeFileSync(template, Array.from({ length: 1000 }, (_, k) => `${[...GDELT_ROW.slice(0, -1), `https://example.org/article/${k}`].join('\t')}\n`).join(''));
    const file = join(work, 'big.export.CSV');
    await writeRepeatedGdelt([template], file, 60_000);
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), 'import', 'gdelt', file, '--db', cluster.url, '--batch', '500', '--format', 'json'],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b) => (stderr += b));
    let done = false;
    const exited = new Promise<number>((res) => child.on('close', (code) => { done = true; res(code ?? -1); }));
    // Wait until some batches are in, then pull the plug (an import that ended first fails the test, not hangs it).
    for (;;) {
      await new Promise((r) => setTimeout(r, 200));
      if (done) throw new Error(`the import ended before the server was stopped (exit ${await exited}): ${stderr.slice(-2000)}`);
      const n = await count("SELECT count(*) AS n FROM pg_tables WHERE tablename = 'events'").then((t) => (t ? count(STORED) : 0)).catch(() => 0);
      if (n >= 3000) break;
    }
    cluster.crash();
    const code = await exited;
    expect(code).not.toBe(0);
    expect(stderr.trim().split('\n').at(-1)).toMatch(/^entente: importing events: lost the connection to the PostgreSQL server .*\[DB_ERROR\]$/);
    cluster.restart();
    const partial = await count(STORED);
    expect(partial).toBeGreaterThan(0);
    // What was committed waits in the loading tables, not yet part of events.
    expect(await count('SELECT count(*) AS n FROM events')).toBeLessThan(partial);

    const rerun = runCli(['import', 'gdelt', file, '--db', cluster.url, '--format', 'json'], { timeoutMs: 600_000 });
    expect(rerun.stderr).toBe('');
    expect(rerun.code).toBe(0);
    const report = JSON.parse(rerun.stdout) as { read: number; imported: number; unchanged: number; skipped: number; errorCount: number };
    expect(report).toMatchObject({ read: 60_000, errorCount: 0 });
    expect(report.unchanged).toBe(partial);
    const events = await count('SELECT count(*) AS n FROM events');
    // Every row is stored, once.
    expect(report.skipped).toBe(0);
    expect(events).toBe(60_000);
    expect(await count('SELECT count(DISTINCT external_id) AS n FROM events')).toBe(events);
    // The derived tables agree with the events: every actor row counted once.
    expect(await count('SELECT coalesce(sum(n), 0) AS n FROM actor_count_deltas')).toBe(await count('SELECT count(*) AS n FROM event_actors'));
    // Every year attached, no loading table left.
    expect(await count(STORED)).toBe(events);
    expect(await count("SELECT count(*) AS n FROM pg_class WHERE relname LIKE 'event%load%'")).toBe(0);
  }, 900_000);
});
