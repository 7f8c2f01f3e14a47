// Deferred index builds over real SQLite files: a first bulk import drops and rebuilds the
// secondary indexes; a store left with them dropped (an import killed between drop and
// rebuild) still answers queries read-only, is reported by the checks, and is whole again
// after the next writable open.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { DatasetEventInput } from '../../domain/event.js';
import { openSqliteDatabase, openSqliteStore } from './sqlite-store.js';
import { DEFERRABLE_INDEXES, deferIndexes, deferredIndexes } from './deferred-indexes.js';
import { datasetImportPart } from './dataset-import.js';
import { checkPart } from './checks.js';

const work = mkdtempSync(join(tmpdir(), 'entente-deferred-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;
const file = () => join(work, `d${n++}.db`);

/** A dataset event; `long` spans a year, so date windows read it through the long-span index. */
function event(i: number, long = false): DatasetEventInput {
  const day = `2020-0${1 + (i % 9)}-1${i % 10}`;
  return {
    origin: 'icews', externalId: `e${i}`, type: i % 2 ? 'ASSAULT' : 'AGREE', mode: null,
    sources: [['RUS', 'USA', 'CHN'][i % 3]], targets: i % 4 ? [['UKR', 'GBR'][i % 2]] : [],
    date: long ? { start: '2019-03-01', end: '2020-02-28', granularity: 'range' } : { start: day, end: day, granularity: 'day' },
    dateKind: 'event', modality: 'asserted', mentionCount: 1, reportedAt: null, location: null, sourceUrl: null, attrs: { n: i },
  };
}
const events = (count: number, from = 0) => Array.from({ length: count }, (_, i) => event(from + i, (from + i) % 25 === 0));

const indexSql = (db: Database.Database) =>
  db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all();
const snapshot = (db: Database.Database) => ({
  actors: db.prepare('SELECT * FROM event_actors ORDER BY code, day_first, event_id').all(),
  counts: db.prepare('SELECT * FROM actor_counts WHERE events > 0 ORDER BY code').all(),
  indexes: indexSql(db),
});

describe('deferred index builds', () => {
  it('a bulk import into an empty store ends with the same indexes and derived rows as row-by-row batches', async () => {
    const bulk = openSqliteDatabase(file());
    const before = indexSql(bulk);
    const part = datasetImportPart(bulk);
    let dropped: unknown[] = [];
    await part.inBulk(100, async () => {
      for (let i = 0; i < 5; i++) {
        await part.importEvents(events(60, i * 60));
        dropped = DEFERRABLE_INDEXES.filter((x) => bulk.prepare("SELECT 1 FROM sqlite_master WHERE name = ?").get(x));
      }
    });
    // Dropped while the import ran, rebuilt at its end.
    expect(dropped).toEqual([]);
    expect(deferredIndexes(bulk)).toEqual([]);
    expect(indexSql(bulk)).toEqual(before);

    const plain = openSqliteDatabase(file());
    const plainPart = datasetImportPart(plain);
    for (let i = 0; i < 5; i++) await plainPart.importEvents(events(60, i * 60));
    expect(snapshot(bulk)).toEqual(snapshot(plain));
    bulk.close();
    plain.close();
  });

  it('a store with events keeps its indexes through a bulk import', async () => {
    const db = openSqliteDatabase(file());
    const part = datasetImportPart(db);
    await part.importEvents(events(10));
    expect(deferIndexes(db)).toBe(false);
    let during = 0;
    await part.inBulk(100, async () => {
      await part.importEvents(events(50, 10));
      during = (db.prepare('SELECT count(*) AS n FROM deferred_indexes').get() as { n: number }).n;
    });
    expect(during).toBe(0);
    db.close();
  });

  it('left deferred (a crash between drop and rebuild): read, checked, and rebuilt on the next writable open', async () => {
    const f = file();
    const db = openSqliteDatabase(f);
    const clean = openSqliteDatabase(file());
    expect(deferIndexes(db)).toBe(true);
    // Written as the killed import wrote them: derived rows but not actor_counts, which the rebuild recounts.
    const part = datasetImportPart(db);
    await part.inBulk(100, async () => {
      await part.importEvents(events(200)); // 200 rows: committed (more than 100)
      // The process dies here: nothing after this line of the import runs.
      db.close();
    }).catch(() => undefined);
    await datasetImportPart(clean).importEvents(events(200));

    // Read-only (as `entente events` and `entente check` open it): queries answer, checks report.
    const ro = await openSqliteStore(f, { readonly: true });
    const window = { actor: 'RUS', from: '2020-01-01', to: '2020-12-31' };
    const cleanStore = await openSqliteStore(clean.name, { readonly: true });
    clean.close();
    const ids = async (s: typeof ro) => (await s.listEvents(window, { limit: 500 })).rows.map((r) => r.id).sort();
    expect((await ids(ro)).length).toBeGreaterThan(0);
    expect(await ids(ro)).toEqual(await ids(cleanStore));
    const results = await ro.check!();
    const byName = Object.fromEntries(results.map((r) => [r.name, r]));
    expect(byName.indexes.ok).toBe(false);
    expect(byName.indexes.problems).toEqual(DEFERRABLE_INDEXES.map((i) => expect.stringMatching(new RegExp(`^index ${i} is missing: an import deferred it`))));
    await ro.close();
    const stale = new Database(f, { readonly: true });
    expect(stale.prepare('SELECT count(*) AS n FROM actor_counts').get()).toEqual({ n: 0 }); // recounted by the rebuild
    stale.close();

    // Writable: rebuilt before anything else, and every check passes.
    const rw = await openSqliteStore(f);
    expect((await rw.check!()).filter((r) => !r.ok)).toEqual([]);
    expect(await ids(rw)).toEqual(await ids(cleanStore));
    await rw.close();
    await cleanStore.close();
    const a = new Database(f, { readonly: true });
    const b = new Database(clean.name, { readonly: true });
    expect(snapshot(a)).toEqual(snapshot(b));
    a.close();
    b.close();
  });

  it('check names an index missing for any reason', () => {
    const db = openSqliteDatabase(file());
    db.exec('DROP INDEX events_day');
    const r = checkPart(db).check();
    return r.then((results) => {
      expect(results.find((c) => c.name === 'indexes')).toMatchObject({ ok: false, problems: ['index events_day is missing'] });
      db.close();
    });
  });
});
