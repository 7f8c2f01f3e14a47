// Series, shifts, networks and the shared count read from the rollups must answer exactly as
// the same services reading the events (a store without the rollup methods, as PostgreSQL is)
// over seeded random writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { seededRng } from '../analysis/random.js';
import { ACTORS, randomWrites } from '../store/sqlite/rollup-fixtures.js';
import { networkFor, seriesFor, shiftsFor } from './analysis.js';
import { countFor } from './count.js';
import { rollupCount, rollupSeries } from './rollup-analysis.js';

let dir: string;
let store: Store;
let plain: Store;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'entente-rollup-analysis-'));
  store = await openSqliteStore(join(dir, 'a.db'));
  const step = randomWrites(seededRng(5));
  for (let i = 0; i < 80; i++) await step(store);
  plain = { ...store, dyadTallies: undefined, windowTies: undefined, dyadCounts: undefined, undatedEvents: undefined, checkRollups: undefined };
}, 60_000);
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const pairs = ACTORS.flatMap((a) => [...ACTORS.filter((b) => b !== a), null].map((b) => [a, b] as const));

describe('analyses from rollups', () => {
  const ranges = [{}, { from: '2022' }, { to: '2022-06' }, { from: '2021-03', to: '2023-02' }, { from: '2021-03-15', to: '2022-07-09' }, { from: '2022-05-20' }, { to: '2021-09-02' }];
  it('give the same series and count as the events for every dyad, unit, direction and range', async () => {
    let nonEmpty = 0;
    let fromRollups = 0;
    let n = 0;
    for (const [a, b] of pairs) {
      for (const by of ['month', 'quarter', 'year', 'week'] as const) {
        for (const range of ranges) {
          for (const directed of [false, true]) {
            // Asserted only (the default) or with speculative events, in turn.
            const modality = (n++ % 2 ? ['asserted', 'speculative'] : undefined) as Array<'asserted' | 'speculative'> | undefined;
            {
              const p = { a, b, by, directed, ...range, modality };
              const label = `${a}-${b} ${by} ${JSON.stringify(range)} ${directed} ${modality}`;
              const e = await seriesFor(plain, p);
              expect(await seriesFor(store, p), label).toEqual(e);
              if (await rollupSeries(store, { a, b, directed }, { by, normalise: true, ...range })) fromRollups++;
              if (e.points.some((x) => x.events > 0)) nonEmpty++;
            }
          }
        }
      }
    }
    expect(nonEmpty).toBeGreaterThan(150);
    // Every question by month, quarter or year of two different actors (or one against all).
    expect(fromRollups).toBe(pairs.filter(([a, b]) => a !== b).length * 3 * ranges.length * 2);
  }, 180_000);

  it('give the same count, with its undated events, for every actor and pair', async () => {
    let undated = 0;
    for (const [a, b] of pairs.filter(([x, y]) => x !== y)) {
      for (const range of ranges) {
        for (const by of [undefined, 'month', 'year'] as const) {
          const q = { actor: a, with: b, ...range, by };
          const r = await rollupCount(store, q);
          expect(r, JSON.stringify(q)).toEqual(await countFor(plain, q));
          undated += r!.undated ?? 0;
        }
      }
    }
    expect(undated).toBeGreaterThan(0);
  });

  it('give the same shifts', async () => {
    for (const [a, b] of pairs.slice(0, 8)) {
      const p = { a, b, by: 'month' as const, minConfidence: 0.5 };
      expect(await shiftsFor(store, p)).toEqual(await shiftsFor(plain, p));
    }
  });

  it('give the same network for whole-month windows and for windows with odd days at either end', async () => {
    for (const w of [{ from: '2022', to: '2022' }, { from: '2021-02', to: '2023-05' }, { at: '2022-08-17', days: 365 }, { at: '2023-03-05', days: 40 }, { at: '2022-05-20', days: 10 }]) {
      const e = await networkFor(plain, w);
      expect(await networkFor(store, w), JSON.stringify(w)).toEqual(e);
      expect(e.edges.length).toBeGreaterThan(0);
    }
  });
});
