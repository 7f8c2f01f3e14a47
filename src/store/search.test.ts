import { describe, expect, it } from 'vitest';
import { checkKinds, pageSlices, searchTerms, tsqueryText } from './search.js';

describe('tsqueryText', () => {
  it.each([
    ['Putin Kim', "('Putin') & ('Kim')"],
    ['Putin OR Kim', "('Putin') | ('Kim')"],
    ['"defence treaty" Russia', "('defence' <-> 'treaty') & ('Russia')"],
    ['OR Putin OR', "('Putin')"],
    ['a OR b c', "('a') | ('b') & ('c')"],
    // Lower-case or, a minus, a bang and stray quotes stay words, never tsquery syntax.
    ['war or peace', "('war') & ('or') & ('peace')"],
    ['-sanctions !x "unclosed', "('sanctions') & ('x') & ('unclosed')"],
  ])('%s', (text, want) => {
    expect(tsqueryText(searchTerms(text))).toBe(want);
  });
  it('has no terms for text without a word', () => {
    expect(searchTerms('*** -- ""')).toEqual([]);
  });
});

describe('pageSlices', () => {
  const counts = [['document', 3], ['mention', 0], ['event', 5]] as const;
  it.each([
    [{ limit: 2, offset: 0 }, [{ kind: 'document', offset: 0, limit: 2 }]],
    [{ limit: 4, offset: 2 }, [{ kind: 'document', offset: 2, limit: 1 }, { kind: 'event', offset: 0, limit: 3 }]],
    [{ limit: 10, offset: 4 }, [{ kind: 'event', offset: 1, limit: 4 }]],
    [{ limit: 10, offset: 8 }, []],
  ])('%o', (page, want) => {
    expect(pageSlices(counts, page)).toEqual(want);
  });
});

describe('checkKinds', () => {
  it('keeps page order whatever the order asked, and refuses an unknown kind', () => {
    expect(checkKinds(['event', 'document'])).toEqual(['document', 'event']);
    expect(checkKinds(undefined)).toEqual(['document', 'mention', 'event']);
    expect(() => checkKinds(['tweet'])).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
  });
});
