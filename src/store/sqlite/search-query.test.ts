import { describe, expect, it } from 'vitest';
import { searchQuery } from './events.js';

describe('searchQuery', () => {
  it.each([
    ['Putin Kim', '"Putin" "Kim"'],
    ['Putin OR Kim', '"Putin" OR "Kim"'],
    ['"defence treaty" Russia', '"defence treaty" "Russia"'],
    ['OR Putin OR', '"Putin"'],
    ['a OR OR b', '"a" OR "b"'],
    ['NEAR(x) AND "unclosed', '"NEAR x" "AND" "unclosed"'],
    ['*** ---', null],
    ['or lower case is a word', '"or" "lower" "case" "is" "a" "word"'],
  ])('%s', (text, want) => {
    expect(searchQuery(text)).toBe(want);
  });
});
