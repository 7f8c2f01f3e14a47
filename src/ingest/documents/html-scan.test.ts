import { describe, expect, it } from 'vitest';
import { scanHtml } from './html-scan.js';

describe('scanHtml', () => {
  it.each([
    ['entities', '<p>Kim &amp; Putin &#8212; &quot;talks&quot;</p>', 'Kim & Putin — "talks"'],
    ['scripts, styles and comments', '<p>a</p><script>if (a < b) alert("x")</script><style>p{}</style><!-- <p>hidden</p> --><p>b</p>', 'a\n\nb'],
    ['a stray < in text', '<p>1 < 2 and 3 <4</p>', '1 < 2 and 3 <4'],
    ['an unterminated comment', '<p>a</p><!-- never closed <p>b</p>', 'a'],
    ['an unclosed script', '<p>a</p><script>alert(1)', 'a'],
    ['doctype and processing instructions', '<!doctype html><?xml version="1.0"?><p>a</p>', 'a'],
    ['inline elements inside blocks', '<p>Russia <b>attacked</b> <a href="/u">Ukraine</a>.</p><div>Next</div>', 'Russia attacked Ukraine.\n\nNext'],
  ])('%s', (_, html, text) => {
    expect(scanHtml(html).text).toBe(text);
  });

  it('measures depth with implied and void elements', () => {
    expect(scanHtml('<div><div><p>a<p>b<br><img src=x><li>c<li>d</div></div>').maxDepth).toBe(4);
    expect(scanHtml(`${'<div>'.repeat(300)}x${'</div>'.repeat(300)}`)).toMatchObject({ maxDepth: 300, elements: 300 });
  });

  it('ignores stray closing tags', () => {
    expect(scanHtml(`<div>${'</span>'.repeat(1000)}<div>x</div></div>`).maxDepth).toBe(2);
  });

  it('finds the title and date attributes, best source first', () => {
    const s = scanHtml(`<html><head><title>A &amp; B</title><meta name="date" content="2023-01-02">
      <meta property='article:published_time' content=2023-01-01></head><body><time datetime="2023-01-03">x</time></body></html>`);
    expect(s.title).toBe('A & B');
    expect(s.dates).toEqual(['2023-01-01', '2023-01-02', '2023-01-03']);
  });
});
