import { describe, expect, it } from 'vitest';
import { parsePublished } from './published-date.js';

describe('parsePublished', () => {
  const cases: Array<[unknown, string | null | undefined]> = [
    ['2024-06-19', '2024-06-19'],
    ['2024-06', '2024-06'],
    ['2024', '2024'],
    ['2024-06-19T10:00:00Z', '2024-06-19'],
    ['2024-06-19 23:59:00+09:00', '2024-06-19'],
    ['Wed, 19 Jun 2024 10:00:00 GMT', '2024-06-19'],
    ['19 Jun 2024 10:00:00 +0000', '2024-06-19'],
    ['', null],
    [null, null],
    [undefined, null],
    // must not guess
    ['not a date', undefined],
    ['2024-02-30', undefined],
    ['2024-13-01', undefined],
    ['06/19/2024', undefined],
    ['yesterday', undefined],
    [20240619, undefined],
  ];
  for (const [input, want] of cases) it(`${JSON.stringify(input)} → ${JSON.stringify(want)}`, () => expect(parsePublished(input)).toBe(want));
});
