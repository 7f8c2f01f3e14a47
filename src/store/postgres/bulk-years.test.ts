// Years loaded in bulk on a real server (ENTENTE_TEST_PG): a writer to a year being loaded waits
// until it is attached and loses nothing, two imports loading years the other writes do not wait
// on each other for ever, a year that has rows takes the usual path, and a loading
// table left behind is resumed by the next load of its year, or dropped once the year was made
// meanwhile by another writer (its rows then come in with the rerun).
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { DatasetEventInput } from '../../domain/event.js';
import type { Store } from '../store.js';
import { openPostgresStore } from './pg-store.js';
import { isDatasetStore, type DatasetStore } from '../../ingest/datasets/dataset-store.js';
import { TEST_PG_URL, dropTestSchemas, freshPgUrl } from './test-db.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedDir } from '../../../test/cli.js';
import { openSqliteStore } from '../sqlite/sqlite-store.js';
import { importDataset } from '../../ingest/datasets/index.js';
import { MODALITIES } from '../../domain/mention.js';

const ev = (id: string, day: string, sources = ['USA'], targets = ['CHN']): DatasetEventInput => ({
  origin: 'gdelt', externalId: id, type: 'CONSULT', mode: null, sources, targets,
  date: { start: day, end: day, granularity: 'day' }, dateKind: 'event', modality: 'asserted',
  mentionCount: 1, reportedAt: null, location: null, sourceUrl: null, attrs: {},
});

function dataset(s: Store): DatasetStore & Required<Pick<DatasetStore, 'inBulk'>> {
  if (!isDatasetStore(s) || !s.inBulk) throw new Error('no bulk import');
  return s as DatasetStore & Required<Pick<DatasetStore, 'inBulk'>>;
}

async function query<T = Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
}
const n = async (url: string, sql: string) => Number((await query<{ n: string }>(url, sql))[0].n);
const loadTables = (url: string) => n(url, "SELECT count(*) AS n FROM pg_class WHERE relname LIKE 'event%load_y%' AND relnamespace = current_schema()::regnamespace");
const countersAgree = async (url: string) =>
  expect(await n(url, 'SELECT coalesce(sum(n), 0) AS n FROM actor_count_deltas')).toBe(await n(url, 'SELECT count(*) AS n FROM event_actors'));

describe.skipIf(!TEST_PG_URL)('postgres years loaded in bulk', () => {
  afterAll(dropTestSchemas);

  it('a writer to a year being loaded waits for it to be attached; a year with rows takes the usual path', async () => {
    const url = await freshPgUrl();
    const [a, b] = [await openPostgresStore(url), await openPostgresStore(url)];
    try {
      let other: Promise<unknown> | null = null;
      let otherDone = false;
      const r = await dataset(a).inBulk(1000, async () => {
        const first = await dataset(a).importEvents([ev('1', '2019-03-01'), ev('2', '2019-04-01', ['RUS'], ['UKR'])]);
        expect(first).toEqual({ imported: 2, unchanged: 0 });
        expect(await loadTables(url)).toBe(1);
        // Another process writes 2019 (and 2020) meanwhile: it waits, the load goes on.
        other = dataset(b).importEvents([ev('3', '2019-05-01'), ev('4', '2020-01-01')]).then((x) => { otherDone = true; return x; });
        await new Promise((res) => setTimeout(res, 500));
        expect(otherDone).toBe(false);
        return dataset(a).importEvents([ev('2', '2019-04-01', ['RUS'], ['UKR']), ev('5', '2019-12-31')]);
      });
      expect(r).toEqual({ imported: 1, unchanged: 1 });
      expect(await other).toEqual({ imported: 2, unchanged: 0 });
      expect((await a.listEvents({ actor: 'USA', with: 'CHN' })).rows.map((e) => e.externalId).sort()).toEqual(['1', '3', '4', '5']);
      expect(await loadTables(url)).toBe(0);
      await countersAgree(url);
      // 2019 now has rows: a second load of it goes the usual way and adds nothing twice.
      const again = await dataset(a).inBulk(1000, () => dataset(a).importEvents([ev('1', '2019-03-01'), ev('6', '2019-06-01')]));
      expect(again).toEqual({ imported: 1, unchanged: 1 });
      expect(await loadTables(url)).toBe(0);
      expect(await n(url, 'SELECT count(*) AS n FROM events')).toBe(6);
      await countersAgree(url);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('two imports loading years the other writes never wait on each other', async () => {
    const url = await freshPgUrl();
    const [a, b] = [await openPostgresStore(url), await openPostgresStore(url)];
    try {
      let release!: () => void;
      const bHolds2020 = new Promise<void>((res) => (release = res));
      let bEnd!: () => void;
      const bMayEnd = new Promise<void>((res) => (bEnd = res));
      // B loads 2020 and, later, writes 2019; A loads 2019 and then writes 2020.
      const bDone = dataset(b).inBulk(1000, async () => {
        await dataset(b).importEvents([ev('b1', '2020-01-01')]);
        release();
        await bMayEnd;
        return dataset(b).importEvents([ev('b2', '2019-02-01')]);
      });
      const aDone = dataset(a).inBulk(1000, async () => {
        await dataset(a).importEvents([ev('a1', '2019-01-01')]);
        await bHolds2020;
        // 2020 is B's: A attaches 2019 first, then waits for B's 2020.
        const r = dataset(a).importEvents([ev('a2', '2020-02-01'), ev('a3', '2019-03-01')]);
        await new Promise((res) => setTimeout(res, 300));
        expect(await n(url, "SELECT count(*) AS n FROM pg_inherits WHERE inhrelid = to_regclass('events_y2019')")).toBe(1);
        bEnd();
        return r;
      });
      expect(await aDone).toEqual({ imported: 2, unchanged: 0 });
      expect(await bDone).toEqual({ imported: 1, unchanged: 0 });
      expect((await a.listEvents({ actor: 'USA' })).rows.map((e) => e.externalId).sort()).toEqual(['a1', 'a2', 'a3', 'b1', 'b2']);
      expect(await loadTables(url)).toBe(0);
      await countersAgree(url);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('GDELT events and their mentions in one import count each mention once, as on SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-bulk-'));
    const sqlite = await openSqliteStore(join(dir, 'x.db'));
    const postgres = await openPostgresStore(await freshPgUrl());
    try {
      const files = ['gdelt-v2-events/20170101073000.export.CSV', 'gdelt-v2-mentions/20170101073000.mentions.CSV'].map((f) => join(sharedDir, 'data', f));
      const rows = async (s: Store) => {
        const r = await importDataset(dataset(s), 'gdelt', files, { exclusive: true });
        const page = await s.listEvents({ modality: [...MODALITIES] }, { limit: 10_000 });
        return { r, events: page.rows.map((e) => `${e.externalId} ${e.mentionCount} ${e.lastReported}`).sort() };
      };
      const [want, got] = [await rows(sqlite), await rows(postgres)];
      expect(got).toEqual(want);
      // Some events did gain later mentions.
      expect(want.events.filter((e) => !e.endsWith(' 2017-01-01')).length).toBeGreaterThan(0);
    } finally {
      await Promise.all([sqlite.close(), postgres.close()]);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a loading table left behind is resumed, or dropped when the year was made meanwhile', async () => {
    const url = await freshPgUrl();
    const store = await openPostgresStore(url);
    try {
      // A load that ended without attaching (its connection gone): 2021 and 2022 wait in loading tables.
      const crashed = new pg.Client({ connectionString: url });
      await crashed.connect();
      await crashed.query("SELECT entente_bulk_begin('2021'), entente_bulk_begin('2022')");
      await crashed.query(`INSERT INTO events_load_y2021 (origin, external_id, type, sources, targets, day_first, day_last, modality, intensity)
        VALUES ('gdelt', '10', 'CONSULT', '{USA}', '{CHN}', '2021-01-01', '2021-01-01', 'asserted', 1)`);
      await crashed.query(`INSERT INTO events_load_y2022 (origin, external_id, type, sources, targets, day_first, day_last, modality, intensity)
        VALUES ('gdelt', '20', 'CONSULT', '{USA}', '{CHN}', '2022-01-01', '2022-01-01', 'asserted', 1)`);
      await crashed.end();
      expect(await loadTables(url)).toBe(2);
      // Another writer makes 2022 meanwhile.
      expect(await dataset(store).importEvents([ev('21', '2022-02-01')])).toEqual({ imported: 1, unchanged: 0 });
      // The rerun: 2021's row is there already (resumed), 2022's comes in the usual way.
      const r = await dataset(store).inBulk(1000, () => dataset(store).importEvents([ev('10', '2021-01-01'), ev('11', '2021-02-01'), ev('20', '2022-01-01')]));
      expect(r).toEqual({ imported: 2, unchanged: 1 });
      expect(await loadTables(url)).toBe(0);
      expect((await store.listEvents({ actor: 'USA' })).rows.map((e) => e.externalId).sort()).toEqual(['10', '11', '20', '21']);
      await countersAgree(url);
    } finally {
      await store.close();
    }
  });
});
