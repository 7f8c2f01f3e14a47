// The rollups against a recomputation from the events: after random imports, ingests, merges
// and curation edits (seeded), after corruption (which the check must report), and when an
// existing database gains them on open.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from './sqlite-store.js';
import type { Store } from '../store.js';
import { seededRng } from '../../analysis/random.js';
import { randomWrites } from './rollup-fixtures.js';

let dir: string;
let file: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'entente-rollups-'));
  file = join(dir, 'r.db');
  store = await openSqliteStore(file);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const sql = <T>(q: string, ...args: unknown[]): T[] => {
  const db = new Database(file);
  try {
    return db.prepare(q).all(...args) as T[];
  } finally {
    db.close();
  }
};
const exec = (q: string) => {
  const db = new Database(file);
  try {
    db.exec(q);
  } finally {
    db.close();
  }
};

describe('rollups', () => {
  it.each([1, 2, 3])('equal a recomputation after random imports, ingests, merges and curations (seed %i)', async (seed) => {
    const step = randomWrites(seededRng(seed));
    const done = new Set<string>();
    for (let i = 0; i < 60; i++) {
      done.add(await step(store));
      if (i % 15 === 14) expect(await store.checkRollups!()).toEqual([]);
    }
    expect(await store.checkRollups!()).toEqual([]);
    // The run exercised the writers it claims to.
    for (const w of ['import', 'ingest', 'status', 'correct', 'merge']) expect(done).toContain(w);
    expect(sql<{ n: number }>('SELECT count(*) AS n FROM rollup_dyads WHERE events > 0')[0].n).toBeGreaterThan(10);
  });

  it('reports a corrupted row, a missing row and a stray row', async () => {
    const step = randomWrites(seededRng(7));
    for (let i = 0; i < 10; i++) await step(store);
    expect(await store.checkRollups!()).toEqual([]);
    const [row] = sql<{ lo: string; hi: string; period: string; events: number }>('SELECT lo, hi, period, events FROM rollup_dyads WHERE events > 0 ORDER BY lo, hi, period LIMIT 1');
    exec(`UPDATE rollup_dyads SET events = events + 1 WHERE lo = '${row.lo}' AND hi = '${row.hi}' AND period = '${row.period}'`);
    let drift = await store.checkRollups!();
    expect(drift.length).toBeGreaterThanOrEqual(1);
    expect(drift.every((d) => d.table === 'rollup_dyads' && d.key.lo === row.lo && d.key.hi === row.hi && d.key.period === row.period)).toBe(true);
    expect(drift[0].stored!.events).toBe(drift[0].expected!.events + 1);

    exec('DELETE FROM rollup_ties WHERE (period, lo, hi) IN (SELECT period, lo, hi FROM rollup_ties WHERE events > 0 LIMIT 1)');
    exec(`INSERT INTO rollup_actors VALUES ('ZZZ', '1999-01', '', 'AID', 'asserted', 'gdelt', 'source', 1, 1, 7, 1, 0)`);
    drift = await store.checkRollups!();
    expect(drift.some((d) => d.table === 'rollup_ties' && d.stored === null && d.expected !== null)).toBe(true);
    expect(drift.some((d) => d.table === 'rollup_actors' && d.key.code === 'ZZZ' && d.expected === null)).toBe(true);
  });

  it('are built when an existing database is opened, with progress, losing nothing', async () => {
    const step = randomWrites(seededRng(11));
    for (let i = 0; i < 20; i++) await step(store);
    const before = { dyads: sql('SELECT * FROM rollup_dyads WHERE events > 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8'), counts: await store.counts() };
    await store.close();
    // A database from before the rollups.
    exec(`DROP TRIGGER rollups_update; DROP TRIGGER rollups_delete; DROP TABLE rollup_dyads; DROP TABLE rollup_actors; DROP TABLE rollup_ties;
      DELETE FROM schema_migrations WHERE id = '004-rollups';`);
    const seen: Array<{ done: number; total: number }> = [];
    store = await openSqliteStore(file, { progress: (p) => seen.push(p) });
    expect(await store.counts()).toEqual(before.counts);
    expect(sql('SELECT * FROM rollup_dyads WHERE events > 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8')).toEqual(before.dyads);
    expect(await store.checkRollups!()).toEqual([]);
    expect(seen.at(-1)).toEqual({ step: 'rollups', done: before.counts.events, total: before.counts.events });
  });

  it('must not count rejected or undated events, and count an event once per pair however its lists repeat', async () => {
    await store.importEvents([
      { origin: 'gdelt', externalId: 'a', type: 'AID', mode: null, sources: ['RUS', 'RUS'], targets: ['UKR', 'RUS'], date: { start: '2022-03-01', end: '2022-03-01', granularity: 'day' }, dateKind: 'event', modality: 'asserted', mentionCount: 2, reportedAt: null, location: null, sourceUrl: null, attrs: {} },
      { origin: 'gdelt', externalId: 'b', type: 'AID', mode: null, sources: ['RUS'], targets: ['UKR'], date: null, dateKind: 'event', modality: 'asserted', mentionCount: 2, reportedAt: null, location: null, sourceUrl: null, attrs: {} },
    ]);
    const tallies = await store.dyadTallies!({ a: 'UKR', b: 'RUS', directed: false });
    expect(tallies.map((t) => [t.month, t.events, t.mentions])).toEqual([['2022-03', 1, 2]]);
    expect(await store.dyadTallies!({ a: 'UKR', b: 'RUS', directed: true })).toEqual([]);
    const id = (await store.listEvents({ actor: 'UKR' })).rows.find((e) => e.externalId === 'a')!.id;
    await store.setEventStatus(id, 'rejected', { tokenId: null, role: 'editor' });
    expect(await store.dyadTallies!({ a: 'UKR', b: 'RUS', directed: false })).toEqual([]);
    expect(await store.checkRollups!()).toEqual([]);
  });
});
