import { describe, expect, it } from 'vitest';
import { formatDate, isCooperation, isUncertain, monthsBetween, periodBounds } from './format.js';

describe('periodBounds', () => {
  const cases: Array<[string, [string, string]]> = [
    ['2023', ['2023-01-01', '2023-12-31']],
    ['2023-09', ['2023-09-01', '2023-09-30']],
    ['2024-02', ['2024-02-01', '2024-02-29']],
    ['2023-Q3', ['2023-07-01', '2023-09-30']],
    ['2023-Q1', ['2023-01-01', '2023-03-31']],
    ['2023-09-13', ['2023-09-13', '2023-09-13']],
    ['1950s', ['1950-01-01', '1959-12-31']],
  ];
  for (const [p, want] of cases) it(p, () => expect(periodBounds(p)).toEqual(want));
});

describe('monthsBetween', () => {
  it('crosses years inclusively', () => expect(monthsBetween('2023-11', '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']));
  it('one month', () => expect(monthsBetween('1950-06', '1950-06')).toEqual(['1950-06']));
  it('must not run backwards', () => expect(monthsBetween('2024-02', '2023-11')).toEqual([]));
});

describe('display rules', () => {
  it('formats dates across granularities', () => {
    expect(formatDate(null)).toBe('undated');
    expect(formatDate({ start: '1950', end: '1959', granularity: 'decade' })).toBe('1950s');
    expect(formatDate({ start: '2023-09-13', end: '2023-09-13', granularity: 'day' })).toBe('2023-09-13');
    expect(formatDate({ start: '1950-06', end: '1953-07', granularity: 'range' })).toBe('1950-06 – 1953-07');
  });
  it('marks speculative, conditional and questions as uncertain, and nothing else', () => {
    expect(['speculative', 'conditional', 'question'].every(isUncertain)).toBe(true);
    expect(['asserted', 'negated', 'intended'].some(isUncertain)).toBe(false);
  });
  it('colours by quad class', () => {
    expect(isCooperation('AID')).toBe(true);
    expect(isCooperation('CONSULT')).toBe(true);
    expect(isCooperation('ASSAULT')).toBe(false);
    expect(isCooperation('NOT_A_TYPE')).toBe(false);
  });
});
