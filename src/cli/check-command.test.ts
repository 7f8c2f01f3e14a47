// `entente check` on a sound database, one whose derived table was tampered with, and one
// with damaged pages: each failure named, with a non-zero exit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, openSync, rmSync, writeSync, closeSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../../test/cli.js';
import { openStore } from '../store/index.js';
import { loadStarterDataset } from '../starter/index.js';

let dir: string;
let good: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'entente-check-'));
  good = join(dir, 'good.db');
  const store = await openStore({ db: good });
  await loadStarterDataset(store);
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('entente check', { timeout: 120_000 }, () => {
  it('passes a sound database, and names a tampered derived table', async () => {
    const store = await openStore({ db: good });
    try {
      const results = await store.check();
      expect(results.map((r) => r.name)).toEqual(['integrity', 'foreign_keys', 'full_text', 'event_index', 'mentions']);
      expect(results.every((r) => r.ok)).toBe(true);
    } finally {
      await store.close();
    }
    const bad = join(dir, 'tampered.db');
    const src = new Database(good);
    await src.backup(bad);
    src.close();
    const db = new Database(bad);
    db.exec("DELETE FROM event_actors WHERE event_id = (SELECT min(id) FROM events)");
    db.close();
    const r = runCli(['check', '--db', bad, '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(false);
    expect(out.checks.find((c: { name: string }) => c.name === 'event_index')).toMatchObject({ ok: false, problems: expect.arrayContaining([expect.stringMatching(/missing from the dyad index/)]) });
  });

  it('reports damaged pages with a non-zero exit, and a missing file as NOT_FOUND', async () => {
    const bad = join(dir, 'damaged.db');
    const src = new Database(good);
    await src.backup(bad);
    src.close();
    const size = statSync(bad).size;
    const fd = openSync(bad, 'r+');
    // Scribble over pages in the middle of the file (the header and schema stay readable).
    writeSync(fd, Buffer.alloc(4096 * 4, 0x5a), 0, 4096 * 4, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const r = runCli(['check', '--db', bad]);
    expect(r.code).toBe(1);
    expect(`${r.stdout}${r.stderr}`).toMatch(/FAIL|DB_ERROR/);
    const missing = runCli(['check', '--db', join(dir, 'nope.db')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/\[NOT_FOUND\]/);
  });
});
