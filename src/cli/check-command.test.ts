// `entente check` on a sound database, one whose derived table was tampered with, one with
// damaged pages, and one built as a user builds one (ingest, imports, curation) with a
// rollup row corrupted by hand: each failure named, with a non-zero exit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, openSync, rmSync, writeSync, closeSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli, sharedDir } from '../../test/cli.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
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
const who = { tokenId: null, role: 'editor' };

describe('entente check', { timeout: 120_000 }, () => {
  it('passes a sound database, and names a tampered derived table', async () => {
    const store = await openStore({ db: good });
    try {
      const results = await store.check!();
      expect(results.map((r) => r.name)).toEqual(['integrity', 'foreign_keys', 'full_text', 'event_search', 'event_index', 'mentions']);
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
    // An event deleted behind the search index's back (its trigger dropped).
    db.exec('DROP TRIGGER events_text_delete; DELETE FROM events WHERE id = (SELECT max(id) FROM events)');
    db.close();
    const r = runCli(['check', '--db', bad, '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(false);
    expect(out.checks.find((c: { name: string }) => c.name === 'event_index')).toMatchObject({ ok: false, problems: expect.arrayContaining([expect.stringMatching(/missing from the dyad index/)]) });
    expect(out.checks.find((c: { name: string }) => c.name === 'event_search')).toMatchObject({ ok: false, problems: [expect.stringMatching(/^the search index holds event \d+, which no longer exists$/)] });
    expect(out.checks.find((c: { name: string }) => c.name === 'full_text')).toMatchObject({ ok: true });
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

describe('entente check after ingest, import and curation', { timeout: 300_000 }, () => {
  it('finds no drift after ingest, import and curation, and reports a corrupted rollup row', async () => {
    const db = join(dir, 'c.db');
    const cli = (...args: string[]) => runCli([...args, '--db', db]);
    expect(cli('ingest', join(sharedDir, 'corpus/seed-russia-korean-peninsula.txt'), '--published', '2023-09-25').code).toBe(0);
    expect(cli('import', 'gdelt', join(sharedDir, 'data/gdelt-v2-events')).code).toBe(0);
    expect(cli('import', 'icews', join(sharedDir, 'data/icews/events.2018.sample.tab')).code).toBe(0);
    const store = await openSqliteStore(db);
    try {
      const text = (await store.listEvents({ origin: ['text'] })).rows;
      const gdelt = (await store.listEvents({ origin: ['gdelt'] }, { limit: 3 })).rows;
      expect(text.length).toBeGreaterThan(2);
      await store.setEventStatus(text[0].id, 'rejected', who);
      await store.correctEvent(text[1].id, { targets: ['UKR'], date: { start: '2023-09', end: '2023-10', granularity: 'range' } }, who);
      await store.mergeEvents([gdelt[0].id, gdelt[1].id], who);
      await store.correctEvent(gdelt[2].id, { type: 'ASSAULT' }, who);
    } finally {
      await store.close();
    }
    const ok = cli('check');
    expect(ok.stdout).toMatch(/^ok +rollups: rollups match the events/m);
    expect(ok.code).toBe(0);

    const d = new Database(db);
    d.exec(`UPDATE rollup_ties SET weight = weight + 1 WHERE (period, lo, hi) IN (SELECT period, lo, hi FROM rollup_ties WHERE events > 0 LIMIT 1)`);
    d.close();
    const bad = cli('check', '--only', 'rollups', '--format', 'json');
    expect(bad.code).toBe(1);
    const report = JSON.parse(bad.stdout);
    expect(report.ok).toBe(false);
    expect(report.checks[0]).toMatchObject({ name: 'rollups', ok: false });
    expect(report.checks[0].problems).toHaveLength(1);
    expect(report.checks[0].problems[0]).toMatch(/^rollup_ties /);
    expect(cli('check', '--only', 'nonsense').stderr).toMatch(/BAD_INPUT/);
  });
});
