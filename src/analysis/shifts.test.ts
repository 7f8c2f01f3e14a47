import { describe, expect, it } from 'vitest';
import { changePoints, noiseScale, pelt, shiftsOf } from './shifts.js';
import { normalSampler, seededRng } from './random.js';
import { dyadSeries } from './series.js';
import { ev } from './test-events.js';

function noise(n: number, seed: number, sd = 1): number[] {
  const z = normalSampler(seededRng(seed));
  return Array.from({ length: n }, () => sd * z());
}

/** Piecewise-constant means plus N(0, 1) noise. */
function planted(levels: Array<[length: number, mean: number]>, seed: number): number[] {
  const z = normalSampler(seededRng(seed));
  return levels.flatMap(([len, m]) => Array.from({ length: len }, () => m + z()));
}

const TOLERANCE = 2; // periods

describe('PELT change points', () => {
  it('splits an exact step where it is', () => {
    expect(pelt([0, 0, 0, 0, 0, 5, 5, 5, 5, 5], 0.5, 3 * Math.log(10), 3)).toEqual([5]);
    expect(pelt([0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0.5, 3 * Math.log(10), 3)).toEqual([]);
  });

  it.each([
    ['one rise', [[40, 0], [40, 2.5]] as Array<[number, number]>, [40]],
    ['rise then fall', [[35, 0], [35, 3], [30, -1]] as Array<[number, number]>, [35, 70]],
    ['three shifts', [[25, 1], [25, -2], [25, 1], [25, 4]] as Array<[number, number]>, [25, 50, 75]],
    ['a short regime', [[12, 0], [12, 3]] as Array<[number, number]>, [12]],
  ])('recovers planted change points (%s) exactly in number and within ±2 periods in ≥ 19 of 20 seeds', (_name, levels, truth) => {
    let recovered = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const found = changePoints(planted(levels, seed), { seed }).map((c) => c.index);
      if (found.length === truth.length && truth.every((t, k) => Math.abs(found[k] - t) <= TOLERANCE)) recovered++;
    }
    expect(recovered).toBeGreaterThanOrEqual(19);
  });

  it('reports direction and size of the shift', () => {
    const [cp] = changePoints(planted([[30, 0], [30, -3]], 7));
    expect(cp.magnitude).toBeLessThan(-2);
    expect(cp.magnitude).toBeGreaterThan(-4);
    expect(cp.confidence).toBeGreaterThanOrEqual(0.95);
  });

  it('must not report a change on pure noise in more than 5 of 100 seeded series (false-alarm rate ≤ 5%)', () => {
    let alarms = 0;
    for (let seed = 1000; seed < 1100; seed++) if (changePoints(noise(60, seed, 3), { seed }).length) alarms++;
    expect(alarms).toBeLessThanOrEqual(5);
  });

  it('must not report anything on constant or tiny series', () => {
    expect(changePoints([4, 4, 4, 4, 4, 4])).toEqual([]);
    expect(changePoints([1, 9])).toEqual([]);
    expect(noiseScale([1])).toBe(0);
  });

  it('is reproducible for one seed', () => {
    const x = planted([[30, 0], [30, 1.5]], 3);
    expect(changePoints(x, { seed: 9 })).toEqual(changePoints(x, { seed: 9 }));
  });
});

describe('shiftsOf', () => {
  // Monthly A–B relations: cooperation for a year, then conflict, with noise in the counts.
  const rng = seededRng(5);
  const events = [];
  for (let m = 0; m < 24; m++) {
    const month = `${2020 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    const k = 3 + Math.floor(rng() * 3);
    for (let i = 0; i < k; i++) events.push(ev('A', 'B', m < 12 ? 'COOPERATE' : 'ASSAULT', `${month}-${String(1 + i * 5).padStart(2, '0')}`, { mentions: 1 + Math.floor(rng() * 3) }));
  }
  events.push(ev('A', 'B', 'ASSAULT', '2021-01-02', { mentions: 40, id: 'invasion' }));
  events.push(ev('C', 'D', 'ASSAULT', '2021-01-02', { mentions: 99, id: 'elsewhere' }));
  const series = dyadSeries(events, { a: 'A', b: 'B' }, { by: 'month' });
  const shifts = shiftsOf(series, events);

  it('dates the shift, gives its direction and the events that explain it', () => {
    expect(shifts).toHaveLength(1);
    expect(shifts[0]).toMatchObject({ period: '2021-01', date: '2021-01-01', direction: 'toward-conflict' });
    expect(shifts[0].events[0].id).toBe('invasion');
    expect(shifts[0].events.length).toBeLessThanOrEqual(5);
  });

  it('must not explain a shift with events of another dyad', () => {
    expect(shifts[0].events.map((e) => e.id)).not.toContain('elsewhere');
  });
});
