import { describe, expect, it } from 'vitest';
import { keyAt, signature, tokenize } from './tokens.js';

const keys = (text: string): string[] => {
  const t = tokenize(text);
  return Array.from({ length: t.count }, (_, i) => keyAt(t, i));
};

describe('tokenize', () => {
  const cases: [string, string[]][] = [
    ['Kim Jong-un', ['kim', 'jong', 'un']],
    ['U.S. troops', ['u', '.', 's', '.', 'troops']],
    ['Russia’s army', ['russia', "'", 's', 'army']],
    ['Côte d’Ivoire', ['côte', 'd', "'", 'ivoire']],
    ['  ', []],
    ['a—b', ['a', '—', 'b']],
    // Words glued by markup split at a capital after two lower-case letters.
    ['ComradeKim Jong Un', ['comrade', 'kim', 'jong', 'un']],
    ['theDPRK', ['the', 'dprk']],
    ['McDonald iPhone', ['mcdonald', 'iphone']],
  ];
  it.each(cases)('%s', (text, want) => expect(keys(text)).toEqual(want));

  it('marks the word after a hyphen, and only that word', () => {
    const t = tokenize('Kim Jong-un met Moon');
    expect(Array.from(t.flag.slice(0, t.count))).toEqual([0, 0, 1, 0, 0]);
  });

  it('splits a word where it is told to', () => {
    const t = tokenize('Kim Jong Unreceived', [11]);
    expect(Array.from({ length: t.count }, (_, i) => keyAt(t, i))).toEqual(['kim', 'jong', 'un', 'received']);
  });

  it('keeps UTF-16 offsets', () => {
    const text = '😀 Seoul';
    const t = tokenize(text);
    expect(text.slice(t.start[t.count - 1], t.end[t.count - 1])).toBe('Seoul');
  });

  it('reuses buffers beyond their first size', () => {
    const long = Array.from({ length: 1000 }, (_, i) => `w${i}`).join(' ');
    const t = tokenize(long);
    expect(t.count).toBe(1000);
    expect(keyAt(t, 999)).toBe('w999');
  });
});

describe('signature', () => {
  it('folds case and tells words apart', () => {
    expect(signature('Russia', 0, 6)).toBe(signature('RUSSIA', 0, 6));
    expect(signature('Russia', 0, 6)).not.toBe(signature('Russians', 0, 8));
    expect(signature('Seoul', 0, 5)).not.toBe(signature('Sudan', 0, 5));
    expect(signature('Kyïv', 0, 4)).toBe(-1);
  });
});
