// Dataset imports on PostgreSQL (COPY into staging, set-based insert) give what SQLite gives:
// the same reports, events, GDELT mention counts, actors, COW memberships and event volume,
// for every sample of ../shared/data, imported twice (the second run changing nothing) and
// with mentions landing before and after their events. Skipped without ENTENTE_TEST_PG.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedDir } from '../../../test/cli.js';
import type { Store } from '../store.js';
import { openSqliteStore } from '../sqlite/sqlite-store.js';
import { importDataset, isDatasetStore, type DatasetKind } from '../../ingest/datasets/index.js';
import { MODALITIES } from '../../domain/mention.js';
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

async function loadAll(store: Store) {
  if (!isDatasetStore(store)) throw new Error('no dataset part');
  const reports = [];
  for (const [kind, file] of [...IMPORTS, ...IMPORTS]) {
    const r = await importDataset(store, kind, [data(file)], { batchSize: 700 });
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

  it('imports every sample as SQLite does', async () => {
    const sqlite = await openSqliteStore(join(dir, 'p.db'));
    const postgres = await openPostgresStore(await freshPgUrl());
    try {
      const want = await loadAll(sqlite);
      const got = await loadAll(postgres);
      expect(want.counts.events).toBeGreaterThan(3000);
      // Part by part, so that a difference reads in a few lines.
      expect(got.reports).toEqual(want.reports);
      expect(got.counts).toEqual(want.counts);
      expect(got.events.filter((e) => !want.events.includes(e)).slice(0, 3)).toEqual([]);
      expect(got.events).toEqual(want.events);
      expect(got.actors).toEqual(want.actors);
      expect(got.volume).toEqual(want.volume);
      expect(got.dyad).toEqual(want.dyad);
    } finally {
      await Promise.all([sqlite.close(), postgres.close()]);
    }
  }, 300_000);
});
