import { describe, expect, it } from 'vitest';
import { findDates } from './find-dates.js';

const first = (s: string, pub = '2023-09-25') => {
  const d = findDates(s, pub)[0];
  return d ? [d.range.start, d.range.end, d.range.granularity] : null;
};

describe('findDates', () => {
  it.each([
    ['On February 24, 2022, troops crossed', ['2022-02-24', '2022-02-24', 'day']],
    ['met on September 13 in Vostochny', ['2023-09-13', '2023-09-13', 'day']],
    ['in June 1950', ['1950-06', '1950-06', 'month']],
    ['annexing Crimea in 2014', ['2014', '2014', 'year']],
    ['throughout the 1980s', ['1980', '1989', 'decade']],
    ['for the past 18 months', ['2022-03', '2023-09', 'range']],
    ['since 2022', ['2022', '2023-09-25', 'range']],
    ['soon after the Korean War', ['1953', '1960', 'range']],
    ['towards the end of the Cold War', ['1981', '1991-12', 'range']],
    ['since the start of the Covid-19 pandemic', ['2020-01', '2023-09-25', 'range']],
    ['troops sent last year', ['2022', '2022', 'year']],
    ['in February last year', ['2022-02', '2022-02', 'month']],
    ['five years ago', ['2018', '2018', 'year']],
    // Vague spans as the codebook reads them (2023-09-25 is a Monday).
    ['they recently joined', ['2023-06', '2023-09-25', 'range']],
    ['in recent months', ['2023-04', '2023-09-25', 'range']],
    ['in recent years', ['2018', '2023-09-25', 'range']],
    ['they met last week', ['2023-09-18', '2023-09-24', 'range']],
    ['talks earlier this week', ['2023-09-25', '2023-09-25', 'day']],
    ['early this year', ['2023-01', '2023-03', 'range']],
    ['late last year', ['2022-10', '2022-12', 'range']],
    ['earlier this month', ['2023-09', '2023-09-25', 'range']],
  ])('%s', (s, want) => {
    expect(first(s)).toEqual(want);
  });

  it('puts a yearless date before publication, never after it', () => {
    expect(first('reports emerged in October', '2025-04-28')).toEqual(['2024-10', '2024-10', 'month']);
  });

  it.each([
    ['counts are not years', '200,000 soldiers and 1,000 tanks'],
    ['speeds are not dates', 'it moves 20-30 miles per hour'],
    ['a bare number of troops', '2000 troops crossed'],
    ['relative dates without a publication date', 'last year'],
    ['vague spans without a publication date', 'they recently met'],
    ['"may" the verb is no month', 'Russia may supply arms'],
  ])('must not: %s', (_why, s) => {
    expect(findDates(s, ['last year', 'they recently met'].includes(s) ? null : '2023-09-25')).toEqual([]);
  });
});
