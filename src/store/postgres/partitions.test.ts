// Partitioning by year on a real server (ENTENTE_TEST_PG): partitions made on demand, a one-year
// query reading one partition (EXPLAIN), rows following a date change into another year,
// detaching and attaching a year, and converting a database made before partitioning.
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { DatasetEventInput } from '../../domain/event.js';
import type { EventMention } from '../../domain/mention.js';
import type { Store } from '../store.js';
import { openPostgresStore, postgresMigrations } from './pg-store.js';
import { isDatasetStore } from '../../ingest/datasets/dataset-store.js';
import { migrate } from './migrate.js';
import { filterSql } from './event-query.js';
import { yearOf } from './partitions.js';
import { TEST_PG_URL, dropTestSchemas, freshPgUrl } from './test-db.js';

const ev = (id: string, day: string | null, sources = ['USA'], targets = ['CHN']): DatasetEventInput => ({
  origin: 'gdelt', externalId: id, type: 'CONSULT', mode: null, sources, targets,
  date: day ? { start: day, end: day, granularity: 'day' } : null, dateKind: 'event', modality: 'asserted',
  mentionCount: 1, reportedAt: null, location: null, sourceUrl: null, attrs: {},
});

async function withPool<T>(url: string, fn: (p: pg.Pool) => Promise<T>): Promise<T> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    return await fn(pool);
  } finally {
    await pool.end();
  }
}

async function children(pool: pg.Pool, parent: string): Promise<string[]> {
  const r = await pool.query<{ name: string }>(`SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = $1::regclass ORDER BY 1`, [parent]);
  return r.rows.map((x) => x.name);
}

/** The tables an EXPLAIN (FORMAT JSON) plan reads. */
function relations(plan: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(plan)) plan.forEach((p) => relations(p, out));
  else if (plan && typeof plan === 'object') {
    const o = plan as Record<string, unknown>;
    if (typeof o['Relation Name'] === 'string') out.add(o['Relation Name']);
    for (const v of Object.values(o)) if (typeof v === 'object') relations(v, out);
  }
  return out;
}

describe('year of a day', () => {
  it('reads the year of a day, before year 0 too, and nothing of no day', () => {
    expect(yearOf('2019-05-01')).toBe('2019');
    expect(yearOf('-0044-03-15')).toBe('-0044');
    expect(yearOf(null)).toBeNull();
  });
});

describe.skipIf(!TEST_PG_URL)('postgres partitions by year', () => {
  afterAll(dropTestSchemas);

  it('makes a partition per year on demand, keeps undated events apart, and reads one partition for a one-year window', async () => {
    const url = await freshPgUrl();
    const store = await openPostgresStore(url);
    try {
      await store.importEvents([ev('1', '2018-12-31'), ev('2', '2019-01-01'), ev('3', '2019-06-30', ['RUS'], ['USA']), ev('4', '2020-01-01'), ev('5', null)]);
      await store.importEvents([ev('6', '-0044-03-15', ['ROM'], ['GAU'])]);
      await withPool(url, async (pool) => {
        expect(await children(pool, 'events')).toEqual(['events_undated', 'events_y2018', 'events_y2019', 'events_y2020', 'events_ym0044']);
        expect(await children(pool, 'event_actors')).toEqual(['event_actors_undated', 'event_actors_y2018', 'event_actors_y2019', 'event_actors_y2020', 'event_actors_ym0044']);
        expect((await pool.query('SELECT external_id FROM events_y2019 ORDER BY 1')).rows.map((r) => r.external_id)).toEqual(['2', '3']);
        expect((await pool.query('SELECT external_id FROM events_undated')).rows.map((r) => r.external_id)).toEqual(['5']);
        for (const f of [{ from: '2019', to: '2019' }, { from: '2019', to: '2019', actor: 'USA' }, { from: '2019-01-01', to: '2019-12-31', actor: 'USA', with: 'RUS' }]) {
          const s = await filterSql(pool, f);
          // A page of the list, and the rows of a series or network.
          for (const sql of [`SELECT e.* ${s.from} ORDER BY ${s.orderBy} LIMIT 50`, `SELECT e.id ${s.analysisFrom} AND e.day_first IS NOT NULL ORDER BY e.day_first, e.id`]) {
            const plan = (await pool.query(`EXPLAIN (FORMAT JSON) ${sql}`, s.params.values)).rows[0]['QUERY PLAN'];
            const read = [...relations(plan)].sort();
            expect(read.every((r) => r.endsWith('_y2019')), `${JSON.stringify(f)} reads ${read.join(', ')}`).toBe(true);
          }
        }
      });
      expect((await store.listEvents({ from: '2019', to: '2019' })).rows.map((e) => e.externalId)).toEqual(['2', '3']);
      expect((await store.listEvents({ actor: 'USA', from: '2019', to: '2019' })).rows.map((e) => e.externalId)).toEqual(['2', '3']);
      // Importing again changes nothing, undated included.
      expect(await store.importEvents([ev('1', '2018-12-31'), ev('5', null), ev('6', '-0044-03-15', ['ROM'], ['GAU'])])).toEqual({ imported: 0, unchanged: 3 });
    } finally {
      await store.close();
    }
  });

  it('moves an event into another year\'s partition when its date changes, its actor rows and counts with it', async () => {
    const url = await freshPgUrl();
    const store = await openPostgresStore(url);
    const who = { tokenId: null, role: 'curator' as const };
    try {
      const text = 'Russia attacked Ukraine.';
      const m: EventMention = {
        type: 'ASSAULT', source: { code: 'RUS', name: 'Russia' }, target: { code: 'UKR', name: 'Ukraine' },
        date: { start: '2021-03-01', end: '2021-03-01', granularity: 'day' }, modality: 'asserted',
        evidence: { start: 0, end: text.length, text }, confidence: 0.9,
      };
      const { eventIds: [id] } = await store.addDocument({ text, published: '2021-03-02' }, [m]);
      await store.correctEvent(id, { date: { start: '2023-07-04', end: '2023-07-04', granularity: 'day' } }, who);
      await withPool(url, async (pool) => {
        expect((await pool.query('SELECT id::text FROM events_y2023')).rows).toEqual([{ id }]);
        expect((await pool.query('SELECT count(*)::int AS n FROM events_y2021')).rows[0].n).toBe(0);
        expect((await pool.query('SELECT code FROM event_actors_y2023 ORDER BY 1')).rows.map((r) => r.code)).toEqual(['RUS', 'UKR']);
        expect((await pool.query('SELECT count(*)::int AS n FROM event_actors_y2021')).rows[0].n).toBe(0);
      });
      expect((await store.timeline('RUS', 'UKR', { from: '2023', to: '2023' })).rows.map((e) => e.id)).toEqual([id]);
      expect((await store.timeline('RUS', 'UKR', { from: '2021', to: '2021' })).rows).toEqual([]);
      expect((await store.listActors()).rows.find((a) => a.code === 'RUS')?.events).toBe(1);
      expect((await store.getEvent(id))?.mentions).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it('detaches a year, out of lists and counts, and attaches it again', async () => {
    const url = await freshPgUrl();
    const store = await openPostgresStore(url);
    try {
      await store.importEvents([ev('1', '2015-05-01'), ev('2', '2015-06-01', ['USA'], ['IRN']), ev('3', '2016-01-01')]);
      if (!isDatasetStore(store)) throw new Error('not a dataset store');
      await store.importGdeltMentions([{
        globalEventId: '1', mentionTime: '20150501120000', identifier: 'https://example.org/a', sentenceId: 1, eventTime: '20150501000000',
        mentionType: 1, sourceName: 'example.org', actor1Offset: 1, actor2Offset: 2, actionOffset: 3, inRawText: true, confidence: 100,
        docLength: 1000, docTone: 0, translationInfo: null,
      }]);
      const volume = async () => (await store.eventVolume({})).reduce((n, v) => n + v.events, 0);
      expect(await volume()).toBe(3);
      await withPool(url, (pool) => pool.query("SELECT entente_detach_year('2015')"));
      expect((await store.listEvents({ actor: 'USA' })).rows.map((e) => e.externalId)).toEqual(['3']);
      expect((await store.listActors()).rows.find((a) => a.code === 'USA')?.events).toBe(1);
      expect((await store.listActors()).rows.find((a) => a.code === 'IRN')?.events ?? 0).toBe(0);
      expect(await volume()).toBe(1);
      await withPool(url, async (pool) => {
        expect((await pool.query('SELECT count(*)::int AS n FROM events_y2015')).rows[0].n).toBe(2);
        expect((await pool.query('SELECT count(*)::int AS n FROM gdelt_mentions_y2015')).rows[0].n).toBe(1);
        expect(await children(pool, 'events')).not.toContain('events_y2015');
        // Writing to a detached year is refused, clearly, rather than hidden in another table.
        await expect(store.importEvents([ev('9', '2015-07-01')])).rejects.toThrow(/year 2015 of events was detached/);
        await pool.query("SELECT entente_attach_year('2015')");
      });
      expect((await store.listEvents({ actor: 'USA' })).rows.map((e) => e.externalId)).toEqual(['1', '2', '3']);
      expect((await store.listActors()).rows.find((a) => a.code === 'USA')?.events).toBe(3);
      expect(await volume()).toBe(3);
    } finally {
      await store.close();
    }
  });

  it('converts a database made before partitioning, keeping its events, ids, dyad index and counts', async () => {
    const url = await freshPgUrl();
    const before = postgresMigrations.filter((m) => !['002-partition-by-year', '005-bulk-year-loads', '101-gdelt-mentions-by-year'].includes(m.id));
    await withPool(url, async (pool) => {
      await migrate(pool, before, 'test');
      await pool.query(`INSERT INTO events (origin, external_id, type, sources, targets, date_start, date_end, granularity, day_first, day_last, modality, mention_count, intensity)
        VALUES ('icews', 'a', 'CONSULT', '{USA}', '{CHN}', '2010-02-03', '2010-02-03', 'day', '2010-02-03', '2010-02-03', 'asserted', 1, 1),
               ('icews', 'b', 'CONSULT', '{USA}', '{RUS}', '2012-02-03', '2012-02-03', 'day', '2012-02-03', '2012-02-03', 'asserted', 1, 1),
               ('icews', 'c', 'CONSULT', '{USA}', '{}', NULL, NULL, NULL, NULL, NULL, 'asserted', 1, 1)`);
      await pool.query(`INSERT INTO gdelt_mentions VALUES (7, '20120203000000', 'x', 1, '20120203000000', 1, 's', 1, 2, 3, true, 100, 10, 0, NULL)`);
    });
    const store: Store = await openPostgresStore(url);
    try {
      const old = (await store.listEvents({ actor: 'USA' })).rows;
      expect(old.map((e) => e.externalId)).toEqual(['c', 'a', 'b']);
      expect((await store.listActors()).rows.find((a) => a.code === 'USA')?.events).toBe(3);
      await withPool(url, async (pool) => {
        expect(await children(pool, 'events')).toEqual(['events_undated', 'events_y2010', 'events_y2012']);
        expect(await children(pool, 'gdelt_mentions')).toEqual(['gdelt_mentions_other', 'gdelt_mentions_y2012']);
      });
      await store.importEvents([ev('new', '2012-05-05'), { ...ev('a', '2010-02-03'), origin: 'icews' }]);
      const all = (await store.listEvents({ actor: 'USA' })).rows;
      expect(all.map((e) => e.externalId)).toEqual(['c', 'a', 'b', 'new']);
      expect(Number(all[3].id)).toBeGreaterThan(Math.max(...old.map((e) => Number(e.id))));
    } finally {
      await store.close();
    }
  });
});
