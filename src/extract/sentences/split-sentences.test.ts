import { describe, expect, it } from 'vitest';
import { splitSentences, MAX_SENTENCE } from './split-sentences.js';
import { tokenize } from './tokenize.js';

const split = (t: string) => [...splitSentences(t)].map((s) => s.text);

describe('splitSentences', () => {
  it.each([
    ['two plain sentences', 'Russia attacked. Ukraine resisted.', ['Russia attacked.', 'Ukraine resisted.']],
    ['U.S. inside a sentence', 'The U.S. Navy sailed. Then it left.', ['The U.S. Navy sailed.', 'Then it left.']],
    ['Dr. and Jan. abbreviations', 'Dr. Kim met Gen. Lee on Jan. 5 in Seoul. They talked.', ['Dr. Kim met Gen. Lee on Jan. 5 in Seoul.', 'They talked.']],
    ['closing quote after the stop', 'He said “we will win.” The crowd cheered.', ['He said “we will win.”', 'The crowd cheered.']],
    ['question and exclamation', 'Will they meet? Nobody knows!', ['Will they meet?', 'Nobody knows!']],
    ['blank line ends a paragraph', 'A headline without stop\n\nThe body starts here.', ['A headline without stop', 'The body starts here.']],
    ['lower case after a stop does not split', 'It rose 3.5 per cent. in May. Prices fell.', ['It rose 3.5 per cent. in May.', 'Prices fell.']],
  ])('%s', (_name, text, want) => {
    expect(split(text)).toEqual(want);
  });

  it('keeps offsets that slice the text, with a BOM-less CRLF text', () => {
    const text = 'North Korea fired missiles.\r\n\r\nJapan protested on Monday.\r\n';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(split(text)).toEqual(['North Korea fired missiles.', 'Japan protested on Monday.']);
  });

  it('marks paragraph starts', () => {
    const ps = [...splitSentences('One. Two.\n\nThree.')].map((s) => s.paragraphStart);
    expect(ps).toEqual([true, false, true]);
  });

  it('cuts a huge line with no full stop into bounded chunks', () => {
    const text = 'Russia attacked Ukraine '.repeat(2000);
    const parts = [...splitSentences(text)];
    expect(parts.length).toBeGreaterThan(20);
    for (const p of parts) {
      expect(p.text.length).toBeLessThanOrEqual(MAX_SENTENCE + 1);
      expect(text.slice(p.start, p.end)).toBe(p.text);
    }
  });

  it('must not yield empty sentences for whitespace', () => {
    expect(split('   \n\n  \t ')).toEqual([]);
  });
});

describe('tokenize', () => {
  it.each([
    ['Russia’s war', ['Russia', '’s', 'war']],
    ["Kim Jong-un's visit", ['Kim', 'Jong-un', "'s", 'visit']],
    ['the 1980s, 200,000 troops', ['the', '1980s', ',', '200,000', 'troops']],
    ['the U.S. and O’Brien', ['the', 'U.S', '.', 'and', 'O’Brien']],
  ])('%s', (text, want) => {
    expect(tokenize(text).map((t) => t.text)).toEqual(want);
  });
});
