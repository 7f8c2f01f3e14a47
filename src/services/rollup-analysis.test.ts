// Series, shifts and networks read from the rollups must answer exactly as the analyses that
// read the events (which the views use, with the shared count) over seeded random writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { seededRng } from '../analysis/random.js';
import { ACTORS, randomWrites } from '../store/sqlite/rollup-fixtures.js';
import { NetworkParams, SeriesParams, ShiftsParams, networkFor, seriesFor, shiftsFor } from './analysis.js';
import { rollupNetwork, rollupSeries, rollupShifts } from './rollup-analysis.js';

let dir: string;
let store: Store;
let plain: Store;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'entente-rollup-analysis-'));
  store = await openSqliteStore(join(dir, 'a.db'));
  const step = randomWrites(seededRng(5));
  for (let i = 0; i < 80; i++) await step(store);
  plain = { ...store, dyadTallies: undefined, windowTies: undefined, checkRollups: undefined };
}, 60_000);
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const pairs = ACTORS.flatMap((a) => [...ACTORS.filter((b) => b !== a), null].map((b) => [a, b] as const));

describe('analyses from rollups', () => {
  it('give the same series as the events for every dyad, unit, direction and month-aligned range', async () => {
    let nonEmpty = 0;
    for (const [a, b] of pairs) {
      for (const by of ['month', 'quarter', 'year'] as const) {
        for (const range of [{}, { from: '2022' }, { to: '2022-06' }, { from: '2021-03', to: '2023-02' }]) {
          for (const directed of [false, true]) {
            const p = { a, b, by, directed, ...range, modality: ['asserted', 'speculative'] as const };
            const q = SeriesParams.parse({ ...p, modality: [...p.modality] });
            const r = await rollupSeries(store, { a, b, directed }, q);
            const { count: _count, ...e } = await seriesFor(plain, { ...p, modality: [...p.modality] });
            if (a === b) continue;
            expect(r, `${a}-${b} ${by} ${JSON.stringify(range)} ${directed}`).toEqual(e);
            if (e.points.some((x) => x.events > 0)) nonEmpty++;
          }
        }
      }
    }
    expect(nonEmpty).toBeGreaterThan(100);
  });

  it('give the same shifts', async () => {
    for (const [a, b] of pairs.slice(0, 8)) {
      const p = { a, b, by: 'month' as const, minConfidence: 0.5 };
      const r = await rollupShifts(store, { a, b, directed: false }, ShiftsParams.parse(p));
      const { series: { count: _count, ...series }, shifts } = await shiftsFor(plain, p);
      expect(r).toEqual({ series, shifts });
    }
  });

  it('give the same network for whole-month windows and for windows with odd days at either end', async () => {
    for (const w of [{ from: '2022', to: '2022' }, { from: '2021-02', to: '2023-05' }, { at: '2022-08-17', days: 365 }, { at: '2023-03-05', days: 40 }, { at: '2022-05-20', days: 10 }]) {
      const e = await networkFor(plain, w);
      const q = NetworkParams.parse(w);
      const r = await rollupNetwork(store, e.window, q, { minEvents: q.minEvents, seed: q.seed, topUnbalanced: q.topUnbalanced });
      expect(r.edges, JSON.stringify(w)).toEqual(e.edges);
      expect(r.events).toBe(e.events);
      expect(e.edges.length).toBeGreaterThan(0);
    }
  });
});
