import { describe, expect, it } from 'vitest';
import { csv, table, csvSafe } from './output.js';

describe('CLI output of untrusted text', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`], ['+1+2', `'+1+2`], ['-2+3', `'-2+3`], ['@SUM(A1)', `'@SUM(A1)`], ['\tx', `'\tx`],
    ['-3.5', '-3.5'], ['+7', '+7'], ['Russia', 'Russia'], ['', ''],
  ])('csv neutralises %j', (v, want) => {
    expect(csvSafe(v)).toBe(want);
  });

  it('quotes a neutralised cell that needs quoting', () => {
    expect(csv([{ a: '=1,2' }], ['a'])).toBe(`a\r\n"'=1,2"`);
  });

  it('strips terminal control sequences from table cells', () => {
    const out = table([{ title: 'News\u001b[2J\u001b]0;owned\u0007 today\u009b' }], ['title']);
    expect(out).not.toMatch(/\u001b|\u0007|\u009b/);
    expect(out).toContain('News [2J ]0;owned  today');
  });
});
