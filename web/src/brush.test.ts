import { describe, expect, it } from 'vitest';
import { brushWindow, hasMonthDetail, monthsOfYears } from './brush.js';

describe('the date brush', () => {
  const span: [number, number] = [1950, 2025];
  it.each([
    { name: 'untouched: all time', b: { years: null, months: null }, w: null },
    { name: 'the whole span chosen: all time', b: { years: [1950, 2025] as [number, number], months: null }, w: null },
    { name: 'years', b: { years: [1990, 2000] as [number, number], months: null }, w: { from: '1990', to: '2000' } },
    { name: 'month detail within two years', b: { years: [2023, 2024] as [number, number], months: [2, 12] as [number, number] }, w: { from: '2023-03', to: '2024-01' } },
    { name: 'months covering the years are the years', b: { years: [2024, 2024] as [number, number], months: [0, 11] as [number, number] }, w: { from: '2024', to: '2024' } },
    { name: 'reversed handles are put in order', b: { years: [2024, 2024] as [number, number], months: [8, 3] as [number, number] }, w: { from: '2024-04', to: '2024-09' } },
    { name: 'months ignored once the years are too many', b: { years: [2000, 2010] as [number, number], months: [2, 5] as [number, number] }, w: { from: '2000', to: '2010' } },
  ])('$name', ({ b, w }) => {
    expect(brushWindow(span, b)).toEqual(w);
  });
  it('month detail is offered for a few years only', () => {
    expect(hasMonthDetail([2022, 2024])).toBe(true);
    expect(hasMonthDetail([2021, 2024])).toBe(false);
    expect(monthsOfYears(999, 1000)).toHaveLength(24);
    expect(monthsOfYears(999, 1000)[12]).toBe('1000-01');
  });
});
