import { describe, expect, it } from 'vitest';
import { PLOVER_TYPES, intensity, quadOf, cameoToPlover, rangesOverlap, granularityOf, spanDays } from './index.js';

describe('PLOVER vocabulary', () => {
  it('has 16 types, each with a quad class and a score on −10…+10', () => {
    expect(PLOVER_TYPES).toHaveLength(16);
    for (const t of PLOVER_TYPES) {
      expect([1, 2, 3, 4]).toContain(quadOf(t));
      expect(Math.abs(intensity(t))).toBeLessThanOrEqual(10);
    }
  });
  it.each([
    ['AID', 2, 10], ['ASSAULT', 4, -9], ['CONSULT', 1, 2.5], ['ACCUSE', 3, -3],
  ] as const)('%s is quad %i with score %d', (t, q, s) => {
    expect(quadOf(t)).toBe(q);
    expect(intensity(t)).toBe(s);
  });
  it('refines the score by mode', () => {
    expect(intensity('CONSULT', 'visit')).toBe(4);
    expect(intensity('CONSULT', 'no-such-mode')).toBe(2.5);
  });
});

describe('CAMEO → PLOVER', () => {
  it.each([
    ['042', 'CONSULT'], ['0311', 'AGREE'], ['190', 'ASSAULT'], ['161', 'SANCTION'], ['163', 'COERCE'], ['1031', 'REQUEST'], ['020', 'REQUEST'],
  ])('maps %s to %s', (code, type) => {
    expect(cameoToPlover(code)?.type).toBe(type);
  });
  it('keeps codes as strings and falls back to prefixes', () => {
    expect(cameoToPlover('1905')?.type).toBe('ASSAULT');
    expect(cameoToPlover('42')).toBeNull();
    expect(cameoToPlover('010')).toBeNull();
    expect(cameoToPlover('abc')).toBeNull();
  });
});

describe('date ranges', () => {
  it('overlap within their granularity', () => {
    expect(rangesOverlap({ start: '1950', end: '1950' }, { start: '1950-06-25', end: '1950-06-25' })).toBe(true);
    expect(rangesOverlap({ start: '1980', end: '1989' }, { start: '1991-12', end: '1991-12' })).toBe(false);
    expect(rangesOverlap(null, { start: '1950', end: '1950' })).toBe(false);
  });
  it('names granularities and measures spans', () => {
    expect(granularityOf('1980', '1989')).toBe('decade');
    expect(granularityOf('2023-09', '2023-09')).toBe('month');
    expect(granularityOf('2022-02', '2023-09')).toBe('range');
    expect(spanDays({ start: '2024', end: '2024' })).toBe(366);
  });
});
