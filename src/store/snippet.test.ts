import { describe, expect, it } from 'vitest';
import { snippetOf, queryWords, SNIPPET_SCAN_CHARS } from './snippet.js';

describe('snippetOf', () => {
  it.each([
    ['Moscow and Pyongyang signed a treaty.', ['treaty'], 'Moscow and Pyongyang signed a [treaty].'],
    ['RUSSIA met Korea', ['russia'], '[RUSSIA] met Korea'],
    ['Russian troops, then Russia', ['Russia'], 'Russian troops, then [Russia]'],
    ['no match here', ['absent'], 'no match here'],
  ])('%s', (text, words, want) => {
    expect(snippetOf(text, words)).toBe(want);
  });

  it('keeps a window around the match and marks the elisions', () => {
    const text = `${'alpha '.repeat(100)}Russia attacked${' omega'.repeat(100)}`;
    const s = snippetOf(text, ['Russia'], { context: 20 });
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s).toContain('[Russia] attacked');
    expect(s.length).toBeLessThan(80);
  });

  it('looks only at a bounded prefix of a huge text', () => {
    const text = `${'x'.repeat(SNIPPET_SCAN_CHARS + 10)} Russia`;
    expect(snippetOf(text, ['Russia'])).not.toContain('[Russia]');
  });

  it('reads query words as letters and digits only', () => {
    expect(queryWords('Russia* OR "Korea" (1950)')).toEqual(['Russia', 'OR', 'Korea', '1950']);
    expect(snippetOf('a.b c', ['.'])).toBe('a.b c');
  });
});
