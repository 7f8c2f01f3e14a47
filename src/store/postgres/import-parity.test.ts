// Dataset imports on PostgreSQL (COPY into staging, set-based insert) give what SQLite gives:
// the same reports, events, GDELT mention counts, actors, COW memberships and event volume,
// for every sample of ../shared/data, imported twice (the second run changing nothing) and
// with mentions landing before and after their events; and so when each import has the store to
// itself (exclusive: PostgreSQL then loads each new year in bulk and attaches it, bulk-years.ts).
// Skipped without ENTENTE_TEST_PG.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedDir } from '../../../test/cli.js';
import type { Store } from '../store.js';
import { openSqliteStore } from '../sqlite/sqlite-store.js';
import { importDataset, isDatasetStore, type DatasetKind } from '../../ingest/datasets/index.js';
import { MODALITIES } from '../../domain/mention.js';
import pg from 'pg';
import { openPostgresStore } from './pg-store.js';
import { TEST_PG_URL, dropTestSchemas, freshPgUrl } from './test-db.js';

const data = (p: string) => join(sharedDir, 'data', p);
const IMPORTS: Array<[DatasetKind, string]> = [
  ['gdelt', 'gdelt-v2-mentions/20170101073000.mentions.CSV'],
  ['gdelt', 'gdelt-v2-events/20170101073000.export.CSV'],
  ['gdelt', 'gdelt-v2-events/20191024143000.export.CSV'],
  ['gdelt', 'gdelt-v1-events/reed9999-gdelt-demo.sample_events.csv'],
  ['icews', 'icews/events.2018.sample.tab'],
  ['acled', 'acled/acled.RPanlilio.2020-05.csv'],
  ['sipri', 'sipri/trade-register.csv'],
  ['cow-states', 'cow/states2016.csv'],
];

async function loadAll(store: Store, exclusive: boolean) {
  if (!isDatasetStore(store)) throw new Error('no dataset part');
  const reports = [];
  for (const [kind, file] of [...IMPORTS, ...IMPORTS]) {
    const r = await importDataset(store, kind, [data(file)], { batchSize: 700, exclusive });
    reports.push([r.read, r.imported, r.unchanged, r.skipped, r.errorCount]);
  }
  const events: string[] = [];
  for (let offset = 0; ; offset += 10_000) {
    const page = await store.listEvents({ modality: [...MODALITIES], includeRejected: true }, { limit: 10_000, offset });
    for (const { id: _id, ...e } of page.rows) events.push(JSON.stringify(e));
    if (!page.truncated) break;
  }
  return {
    reports,
    counts: await store.counts(),
    events: events.sort(),
    actors: (await store.listActors({ limit: 10_000 })).rows,
    volume: await store.eventVolume({ modality: [...MODALITIES] }),
    dyad: (await store.listEvents({ actor: 'USA', with: 'RUS', from: '2017' }, { limit: 50 })).rows.map((e) => e.externalId),
  };
}

describe.skipIf(!TEST_PG_URL)('postgres dataset imports equal SQLite ones', () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-parity-'));
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await dropTestSchemas();
  });

  for (const exclusive of [false, true]) {
    it(`imports every sample as SQLite does${exclusive ? ', each import alone (new years in bulk)' : ''}`, async () => {
      const sqlite = await openSqliteStore(join(dir, `p-${exclusive}.db`));
      const url = await freshPgUrl();
      const postgres = await openPostgresStore(url);
      try {
        const want = await loadAll(sqlite, exclusive);
        const got = await loadAll(postgres, exclusive);
        expect(want.counts.events).toBeGreaterThan(3000);
        // Part by part, so that a difference reads in a few lines.
        expect(got.reports).toEqual(want.reports);
        expect(got.counts).toEqual(want.counts);
        expect(got.events.filter((e) => !want.events.includes(e)).slice(0, 3)).toEqual([]);
        expect(got.events).toEqual(want.events);
        expect(got.actors).toEqual(want.actors);
        expect(got.volume).toEqual(want.volume);
        expect(got.dyad).toEqual(want.dyad);
        if (exclusive) {
          // Every year went through a loading table, none is left behind, and no index was built twice.
          const c = new pg.Client({ connectionString: url });
          await c.connect();
          try {
            const n = async (sql: string) => Number((await c.query(sql)).rows[0].n);
            expect(await n("SELECT count(*) AS n FROM pg_constraint WHERE conname LIKE 'events_year_y%'")).toBeGreaterThan(1);
            expect(await n("SELECT count(*) AS n FROM pg_class WHERE relname LIKE '%load_y%' AND relnamespace = current_schema()::regnamespace")).toBe(0);
            expect(await n("SELECT count(*) AS n FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid WHERE c.relname LIKE 'events_y%' AND c.relnamespace = current_schema()::regnamespace AND NOT i.indisvalid")).toBe(0);
            expect(await n("SELECT count(*) AS n FROM pg_index WHERE indrelid = 'events_y2017'::regclass")).toBe(await n("SELECT count(*) AS n FROM pg_index WHERE indrelid = 'events'::regclass"));
          } finally {
            await c.end();
          }
        }
      } finally {
        await Promise.all([sqlite.close(), postgres.close()]);
      }
    }, 300_000);
  }
});
