// `entente source` and `entente follow` as a user runs them, against a local GDELT-like
// server: a follow killed with SIGKILL in the middle of a download, then restarted, ends
// with exactly the events of one clean import — nothing lost, nothing twice.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { repoRoot, runCli, sharedDir } from '../../test/cli.js';
import { startSourceServer } from '../../test/source-server.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { importDataset, isDatasetStore } from '../ingest/datasets/index.js';

const work = mkdtempSync(join(tmpdir(), 'entente-follow-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sample = readFileSync(join(sharedDir, 'data/gdelt-v2-events/20191024143000.export.CSV'), 'utf8').split('\n').filter(Boolean);
const third = Math.ceil(sample.length / 3);
const parts = [0, 1, 2].map((k) => Buffer.from(`${sample.slice(k * third, (k + 1) * third).join('\n')}\n`));
const STAMPS = ['20191024143000', '20191024144500', '20191024150000'];
const env = { ENTENTE_ALLOW_PRIVATE_FETCH: 'true', ENTENTE_HOST_INTERVAL_MS: '0' };

/** The CLI in a child process without blocking this one (the test's server must keep answering). */
function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), ...args], { env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })));
}

function rows(db: string, q: string): Array<Record<string, unknown>> {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(q).all() as Array<Record<string, unknown>>;
  } finally {
    d.close();
  }
}

describe('entente follow', () => {
  it('adds, lists, pauses and removes sources, refusing bad ones with a code', () => {
    const db = join(work, 'cfg.db');
    const add = runCli(['source', 'add', 'feed', 'https://example.org/news.rss', '--every', '5m', '--format', 'json', '--db', db]);
    expect(add.code).toBe(0);
    expect(JSON.parse(add.stdout)[0]).toMatchObject({ kind: 'feed', every: '5m', status: 'ok' });
    expect(runCli(['source', 'add', 'gdelt', '--mentions', '--order', 'newest', '--db', db]).code).toBe(0);
    expect(runCli(['source', 'pause', '2', '--db', db]).code).toBe(0);
    const list = JSON.parse(runCli(['source', 'list', '--format', 'json', '--db', db]).stdout) as Array<Record<string, unknown>>;
    expect(list.map((s) => [s.kind, s.status])).toEqual([['feed', 'ok'], ['gdelt', 'paused']]);
    expect(list[1].options).toMatchObject({ mentions: true, order: 'newest' });
    const bad = runCli(['source', 'add', 'feed', 'file:///etc/passwd', '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/\[BAD_INPUT\]/);
    expect(runCli(['source', 'remove', '9', '--db', db]).stderr).toMatch(/\[NOT_FOUND\]/);
  }, 300_000);

  it('resumes after kill -9 in the middle of a download with nothing lost and nothing duplicated', async () => {
    const server = await startSourceServer();
    const db = join(work, 'kill.db');
    try {
      expect(runCli(['source', 'add', 'gdelt', '--url', server.gdelt, '--db', db]).code).toBe(0);
      server.publish(STAMPS[0], parts[0]);
      const first = await cli(['follow', '--once', '--db', db]);
      expect(first.code).toBe(0);
      server.publish(STAMPS[1], parts[1]);
      server.publish(STAMPS[2], parts[2]);
      server.stall(`/gdeltv2/${STAMPS[1]}`);
      // Due now rather than in 15 minutes.
      expect(runCli(['source', 'resume', '1', '--db', db]).code).toBe(0);
      const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), 'follow', '--db', db], { env: { ...process.env, ...env }, stdio: 'ignore' });
      let gone = false;
      const exited = new Promise((r) => child.on('exit', () => { gone = true; r(null); }));
      // Wait (no time limit beyond the test's) for the child to be half-way through the file.
      while (!gone && !server.requests.some((r) => r.path.startsWith(`/gdeltv2/${STAMPS[1]}`))) await new Promise((r) => setTimeout(r, 50));
      expect(gone).toBe(false);
      child.kill('SIGKILL');
      await exited;
      server.release();
      const again = await cli(['follow', '--once', '--db', db]);
      expect(again.code).toBe(0);

      const ref = join(work, 'ref.db');
      const store = await openSqliteStore(ref);
      if (!isDatasetStore(store)) throw new Error('no dataset part');
      const whole = join(work, 'whole.export.CSV');
      writeFileSync(whole, Buffer.concat(parts));
      await importDataset(store, 'gdelt', [whole]);
      await store.close();
      const q = "SELECT external_id, type, sources, targets, date_start, mention_count FROM events WHERE origin = 'gdelt' ORDER BY external_id";
      expect(rows(db, q)).toEqual(rows(ref, q));
      expect(rows(db, 'SELECT key FROM source_items ORDER BY key').map((r) => r.key)).toEqual(STAMPS.map((s) => `${s}.export.CSV.zip`));
      const list = JSON.parse(runCli(['source', 'list', '--format', 'json', '--db', db]).stdout) as Array<Record<string, unknown>>;
      expect(list[0]).toMatchObject({ itemsAdded: rows(ref, "SELECT count(*) AS n FROM events")[0].n, failures: 0 });
    } finally {
      server.release();
      await server.close();
    }
  }, 300_000);
});
