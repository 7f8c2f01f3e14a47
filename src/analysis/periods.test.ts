import { describe, expect, it } from 'vitest';
import { addPeriods, periodLabel, periodOf, periodsBetween } from './periods.js';

describe('periods', () => {
  it.each([
    ['2024-03-05', 'day', '2024-03-05', '2024-03-05', '2024-03-05'],
    ['2024-03-05', 'week', '2024-W10', '2024-03-04', '2024-03-10'],
    ['2021-01-01', 'week', '2020-W53', '2020-12-28', '2021-01-03'],
    ['2024-12-30', 'week', '2025-W01', '2024-12-30', '2025-01-05'],
    ['2024-02-15', 'month', '2024-02', '2024-02-01', '2024-02-29'],
    ['2024-08-31', 'quarter', '2024-Q3', '2024-07-01', '2024-09-30'],
    ['2023-06-01', 'year', '2023', '2023-01-01', '2023-12-31'],
  ] as const)('%s by %s is %s [%s, %s]', (day, by, label, start, end) => {
    expect(periodOf(day, by)).toEqual({ label, start, end });
    expect(periodLabel(day, by)).toBe(label);
    expect(periodLabel(end, by)).toBe(label);
  });

  it('lists every period between two days, both ends included', () => {
    expect(periodsBetween('2023-11-20', '2024-02-01', 'month').map((p) => p.label)).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(periodsBetween('2024-01-01', '2024-12-31', 'week')).toHaveLength(53);
    expect(periodsBetween('2024-05-01', '2024-04-01', 'month')).toEqual([]);
  });

  it('must not loop forever on a huge span', () => {
    expect(() => periodsBetween('1000-01-01', '2024-01-01', 'day', 1000)).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
  });

  it.each([
    ['2024-03-15', 2, 'month', '2024-05-01'], ['2024-03-15', -3, 'month', '2023-12-01'],
    ['2024-03-06', -1, 'week', '2024-02-26'], ['2024-03-06', 0, 'quarter', '2024-01-01'],
  ] as const)('addPeriods(%s, %d, %s) = %s', (day, n, by, want) => {
    expect(addPeriods(day, n, by)).toBe(want);
  });
});
