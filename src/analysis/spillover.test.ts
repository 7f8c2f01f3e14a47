import { describe, expect, it } from 'vitest';
import { crossCorrelation, eventStudy, grangerTest, spillover } from './spillover.js';
import { ols } from './least-squares.js';
import { normalSampler, seededRng } from './random.js';

function noise(n: number, seed: number): number[] {
  const z = normalSampler(seededRng(seed));
  return Array.from({ length: n }, () => z());
}

/** y_t = 0.8 · x_{t−2} + ε_t, x and ε independent N(0, 1). */
function lagged(n: number, seed: number): { x: number[]; y: number[] } {
  const x = noise(n, seed);
  const e = noise(n, seed + 10_000);
  return { x, y: x.map((_, t) => (t >= 2 ? 0.8 * x[t - 2] : 0) + e[t]) };
}

describe('least squares', () => {
  it('recovers exact coefficients and refuses dependent columns', () => {
    const X = [[1, 0], [1, 1], [1, 2], [1, 3]];
    const fit = ols(X, [1, 3, 5, 7])!;
    expect(fit.coefficients[0]).toBeCloseTo(1);
    expect(fit.coefficients[1]).toBeCloseTo(2);
    expect(fit.rss).toBeCloseTo(0);
    expect(ols([[1, 2], [2, 4], [3, 6]], [1, 2, 3])).toBeNull();
  });
});

describe('planted lagged dependence y_t = 0.8 x_{t−2} + noise', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])('is found at lag 2 with Granger p < 0.01 (seed %i, 120 periods)', (seed) => {
    const { x, y } = lagged(120, seed);
    const s = spillover({ periods: x.map((_, i) => String(i)), cause: x, effect: y }, { maxLag: 4 });
    expect(s.strongestLag!.lag).toBe(2);
    expect(s.strongestLag!.r!).toBeGreaterThan(0.4);
    expect(s.granger.insufficient).toBe(false);
    if (!s.granger.insufficient) {
      expect(s.granger.pValue).toBeLessThan(0.01);
      expect(s.granger.n).toBe(116);
      expect(s.granger.partialR2).toBeGreaterThan(0.2);
    }
  });

  it('must not find the effect causing the cause (reverse direction not significant in ≥ 9 of 10 seeds)', () => {
    let significant = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const { x, y } = lagged(120, seed);
      const g = grangerTest(y, x, 2);
      if (!g.insufficient && g.pValue < 0.05) significant++;
    }
    expect(significant).toBeLessThanOrEqual(1);
  });
});

describe('independent noise', () => {
  it('is significant at α = 0.05 in at most 10 of 100 seeded pairs (nominal rate 5%)', () => {
    let significant = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const g = grangerTest(noise(80, seed), noise(80, seed + 5000), 2);
      if (!g.insufficient && g.pValue < 0.05) significant++;
    }
    expect(significant).toBeLessThanOrEqual(10);
  });
});

describe('too few periods', () => {
  it.each([
    [8, 2, /too few/], [15, 3, /too few/],
  ])('%i periods at order %i: insufficient', (n, p, reason) => {
    const g = grangerTest(noise(n, 1), noise(n, 2), p);
    expect(g.insufficient).toBe(true);
    if (g.insufficient) expect(g.reason).toMatch(reason);
  });

  it('says a constant cause series cannot be tested', () => {
    const g = grangerTest(new Array(40).fill(0), noise(40, 3), 2);
    expect(g).toEqual({ insufficient: true, reason: 'the cause series is constant' });
  });

  it('must not correlate two sparse series on their few busy periods', () => {
    const x = new Array(60).fill(0);
    const y = new Array(60).fill(0);
    x[10] = 5; x[11] = 3; y[11] = 5; y[12] = 3;
    expect(crossCorrelation(x, y, 2).map((c) => c.r)).toEqual([null, null, null]);
    const g = grangerTest(x, y, 1);
    expect(g.insufficient && g.reason).toMatch(/too few periods with events/);
  });

  it('marks the whole result insufficient when nothing can be said', () => {
    const s = spillover({ periods: ['a', 'b'], cause: [1, 2], effect: [2, 1] });
    expect(s.insufficient).toBe(true);
    expect(s.reason).toMatch(/too few/);
  });
});

describe('cross-correlation', () => {
  it('is 1 at the lag where the effect copies the cause', () => {
    const x = noise(50, 4);
    const y = [0, 0, 0, ...x.slice(0, 47)];
    const cc = crossCorrelation(x, y, 4);
    expect(cc[3].r).toBeCloseTo(1);
    expect(cc[3].n).toBe(47);
    expect(Math.abs(cc[0].r!)).toBeLessThan(0.5);
  });
});

describe('event study', () => {
  it('measures a planted jump with a 95% interval that holds it', () => {
    const z = noise(24, 11);
    const y = z.map((v, i) => v + (i >= 12 ? -4 : 0));
    const es = eventStudy(y, 12, 12);
    expect(es.insufficient).toBe(false);
    if (!es.insufficient) {
      expect(es.ci95[0]).toBeLessThan(-4);
      expect(es.ci95[1]).toBeGreaterThan(-4);
      expect(es.ci95[1]).toBeLessThan(0);
      expect(es.before.n).toBe(12);
      expect(es.pValue).toBeLessThan(0.001);
    }
  });

  it('matches a hand computation (Welch)', () => {
    // before 1,2,3 (mean 2, var 1), after 5,7,9 (mean 7, var 4): se = √(1/3 + 4/3) = 1.2910,
    // df = (5/3)² / ((1/3)²/2 + (4/3)²/2) = 2.9412
    const es = eventStudy([1, 2, 3, 5, 7, 9], 3, 3);
    if (es.insufficient) throw new Error(es.reason);
    expect(es.difference).toBe(5);
    expect(es.df).toBeCloseTo(2.9412, 3);
    expect(es.t).toBeCloseTo(5 / Math.sqrt(5 / 3), 6);
  });

  it.each([[[1, 2, 3], 0], [[1, 2, 3], 5], [[4, 4, 4, 4], 2]])('must not pretend on %j at %i', (ys, at) => {
    expect(eventStudy(ys, at).insufficient).toBe(true);
  });
});
