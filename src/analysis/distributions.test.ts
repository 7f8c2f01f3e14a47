import { describe, expect, it } from 'vitest';
import { fSurvival, incompleteBeta, logGamma, tCdf, tQuantile } from './distributions.js';

describe('distributions', () => {
  it.each([
    [1, 0], [2, 0], [5, Math.log(24)], [0.5, Math.log(Math.sqrt(Math.PI))], [10.5, 13.940625219403763],
  ])('logGamma(%d)', (x, want) => {
    expect(logGamma(x)).toBeCloseTo(want, 9);
  });

  it.each([
    // scipy.special.betainc(a, b, x)
    [0.5, 2, 3, 0.6875], [0.2, 0.5, 0.5, 0.2951672353008665], [0.9, 5, 1, 0.59049], [0, 2, 2, 0], [1, 2, 2, 1],
  ])('I_%d(%d, %d)', (x, a, b, want) => {
    expect(incompleteBeta(x, a, b)).toBeCloseTo(want, 9);
  });

  it.each([
    // scipy.stats.f.sf(f, d1, d2)
    [3.0, 2, 20, 0.0725381503], [1.0, 5, 10, 0.4651194265], [10, 3, 100, 8.001257542e-06], [0, 3, 10, 1],
  ])('P(F(%d, %d) > %d)', (f, d1, d2, want) => {
    expect(fSurvival(f, d1, d2)).toBeCloseTo(want, 6);
  });

  it.each([
    // scipy.stats.t.cdf and t.ppf
    [2.0, 10, 0.9633060], [-1.5, 4, 0.1040000], [0, 7, 0.5],
  ])('tCdf(%d, %d)', (t, df, want) => {
    expect(tCdf(t, df)).toBeCloseTo(want, 5);
  });

  it.each([[0.975, 10, 2.228139], [0.975, 1000, 1.962339], [0.025, 5.5, -2.5018586]])('tQuantile(%d, %d)', (p, df, want) => {
    expect(tQuantile(p, df)).toBeCloseTo(want, 3);
  });

  it('must not accept p outside (0, 1)', () => {
    expect(() => tQuantile(1, 5)).toThrow(RangeError);
  });
});
