// `entente check` on a database built as a user builds one (text ingest, dataset imports,
// curation): no drift; then one rollup row corrupted by hand, which it must report.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli, sharedDir } from '../../test/cli.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';

const work = mkdtempSync(join(tmpdir(), 'entente-check-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const who = { tokenId: null, role: 'editor' };

describe('entente check', { timeout: 300_000 }, () => {
  it('finds no drift after ingest, import and curation, and reports a corrupted rollup row', async () => {
    const db = join(work, 'c.db');
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
    const bad = cli('check', '--format', 'json');
    expect(bad.code).toBe(1);
    const report = JSON.parse(bad.stdout);
    expect(report.ok).toBe(false);
    expect(report.checks[0]).toMatchObject({ name: 'rollups', ok: false });
    expect(report.checks[0].problems).toHaveLength(1);
    expect(report.checks[0].problems[0]).toMatch(/^rollup_ties /);
    expect(cli('check', '--only', 'nonsense').stderr).toMatch(/BAD_INPUT/);
  });
});
