// Many writers on one PostgreSQL database: four ingesters, each with its own connection pool,
// store overlapping sets of documents (every document by three of them) and import
// overlapping dataset batches at the same time. The result must equal one serial run:
// the same events with the same mentions, counts, actor tallies and volume. Skipped without ENTENTE_TEST_PG.
import { afterAll, describe, expect, it } from 'vitest';
import type { Store } from '../store.js';
import type { DateRange, Modality } from '../../domain/mention.js';
import type { PloverType } from '../../domain/plover.js';
import type { DatasetEventInput } from '../../domain/event.js';
import { makeDoc } from '../store.contract.js';
import { contentHash } from '../content-hash.js';
import { openPostgresStore } from './pg-store.js';
import { TEST_PG_URL, dropTestSchemas, freshPgUrl } from './test-db.js';

const WORKERS = 4;
const day = (d: string): DateRange => ({ start: d, end: d, granularity: 'day' });
const month = (d: string): DateRange => ({ start: d, end: d, granularity: 'month' });

/**
 * Documents reporting four of twelve events each, in ways whose merge does not depend on the
 * order documents arrive in (so any serial order is the serial run): each event has its own
 * month; "polarity" events are told asserted, speculative or denied, always on their day;
 * "precision" events asserted or speculative, on the day or only in the month.
 */
function documents(): Array<{ text: string; mentions: ReturnType<typeof makeDoc>['mentions'] }> {
  const dyads: Array<[string, string]> = [['RUS', 'PRK'], ['USA', 'CHN'], ['RUS', 'UKR'], ['JPN', 'KOR'], ['IRN', 'ISR']];
  const types: PloverType[] = ['CONSULT', 'AID', 'ACCUSE', 'ASSAULT'];
  const docs = [];
  for (let d = 0; d < 32; d++) {
    const ms = [];
    for (let k = 0; k < 4; k++) {
      const j = (d + k * 3) % 12;
      const [src, tgt] = dyads[j % dyads.length];
      const mm = String(1 + j).padStart(2, '0');
      const polarity = j % 2 === 0;
      const modality: Modality = polarity ? (['asserted', 'speculative', 'negated', 'asserted'] as const)[(d + k) % 4] : (['asserted', 'speculative'] as const)[(d + k) % 2];
      const date = !polarity && (d + k) % 3 === 0 ? month(`2021-${mm}`) : day(`2021-${mm}-15`);
      ms.push({ type: types[j % types.length], src, tgt, modality, date });
    }
    docs.push(makeDoc(ms, `Report ${d}.`));
  }
  return docs;
}

function datasetRows(from: number, to: number): DatasetEventInput[] {
  return Array.from({ length: to - from }, (_, j) => {
    const i = from + j;
    return {
      origin: 'gdelt', externalId: String(i), type: i % 2 ? 'CONSULT' : 'ACCUSE', mode: null, sources: [['USA', 'RUS', 'CHN'][i % 3]], targets: [['PRK', 'UKR'][i % 2]],
      date: day(`2022-0${1 + (i % 9)}-0${1 + (i % 9)}`), dateKind: 'event', modality: 'asserted', mentionCount: 1 + (i % 4), reportedAt: null, location: null, sourceUrl: null, attrs: {},
    };
  });
}

/** Everything a serial and a concurrent run must agree on, without ids. */
async function snapshot(store: Store) {
  const events = [];
  for await (const e of store.streamEvents({ modality: ['asserted', 'speculative', 'negated'] })) {
    events.push(JSON.stringify([e.origin, e.externalId, e.type, e.sources, e.targets, e.date, e.modality, e.mentionCount, e.disputed,
      e.mentions.map((m) => `${contentHash(m.sentence)}@${m.start}`).sort()]));
  }
  const docs = await store.listDocuments({ limit: 1000 });
  return {
    counts: await store.counts(),
    events: events.sort(),
    documents: docs.rows.map((d) => `${d.hash}:${d.mentions}`).sort(),
    actors: (await store.listActors({ limit: 1000 })).rows,
    volume: await store.eventVolume({ modality: ['asserted', 'speculative', 'negated'] }),
  };
}

describe.skipIf(!TEST_PG_URL)('postgres: many writers at once', () => {
  afterAll(dropTestSchemas);

  it('four concurrent ingesters of overlapping documents end as one serial run', async () => {
    const docs = documents();
    const serial = await openPostgresStore(await freshPgUrl());
    let expected;
    try {
      for (const d of docs) await serial.addDocument({ text: d.text, published: '2023-04-01' }, d.mentions);
      await serial.importEvents(datasetRows(0, 600));
      expected = await snapshot(serial);
    } finally {
      await serial.close();
    }
    expect(expected.counts).toMatchObject({ documents: 32, mentions: 128 });
    // Merging happened: fewer events than mentions, some of them disputed.
    expect(expected.counts.events).toBe(600 + 12);
    expect(expected.events.some((e) => e.includes(',true,'))).toBe(true);

    const url = await freshPgUrl();
    const stores = await Promise.all(Array.from({ length: WORKERS }, () => openPostgresStore(url, { poolSize: 3 })));
    try {
      await Promise.all(stores.map(async (s, w) => {
        // Each worker skips every fourth document (so each document is stored by three workers)
        // and goes through the rest in its own order.
        const mine = docs.filter((_, i) => i % WORKERS !== w);
        const order = w % 2 ? mine.reverse() : mine;
        for (const [i, d] of order.entries()) {
          await s.addDocument({ text: d.text, published: '2023-04-01' }, d.mentions);
          // Overlapping dataset batches between documents: rows 0–600 in batches of 150, shifted per worker.
          if (i % 6 === 0) {
            const from = ((w + i) * 75) % 600;
            await s.importEvents(datasetRows(from, Math.min(600, from + 150)));
          }
        }
        for (let from = 0; from < 600; from += 150) await s.importEvents(datasetRows(from, from + 150));
      }));
      const got = await snapshot(stores[0]);
      expect(got).toEqual(expected);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  }, 120_000);
});
