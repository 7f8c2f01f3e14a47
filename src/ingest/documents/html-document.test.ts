import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlDocument } from './html-document.js';
import { sharedDir } from '../../../test/cli.js';

const page = (head: string, body: string) => `<!doctype html><html><head><title>Page title</title>${head}</head><body>${body}</body></html>`;
const article = '<article><h1>Summit</h1><p>Kim Jong Un met Vladimir Putin at the Vostochny cosmodrome on Wednesday.</p><p>They discussed military cooperation, the Kremlin said.</p></article>';

describe('htmlDocument', () => {
  const dates: Array<[string, string, string | null]> = [
    ['article:published_time', '<meta property="article:published_time" content="2023-09-13T08:00:00Z">', '2023-09-13'],
    ['og:published_time', '<meta property="og:published_time" content="2023-09-14">', '2023-09-14'],
    ['itemprop datePublished', '<meta itemprop="datePublished" content="2023-09-15">', '2023-09-15'],
    ['meta name=date', '<meta name="date" content="2023-09-16">', '2023-09-16'],
    ['no date at all', '', null],
    ['MUST NOT: an unparsable meta date', '<meta property="article:published_time" content="last week">', null],
  ];
  for (const [name, head, want] of dates) it(`date from ${name}`, () => expect(htmlDocument(page(head, article)).published).toBe(want));

  it('takes the date from a <time datetime> in the body', () => {
    expect(htmlDocument(page('', `<time datetime="2023-09-17T10:00">Sept 17</time>${article}`)).published).toBe('2023-09-17');
  });

  it('keeps paragraphs as blocks and drops scripts', () => {
    const d = htmlDocument(page('<script>alert(1)</script>', `<nav><a href="/">Home</a></nav>${article}<script>document.write("evil")</script>`));
    expect(d.text).toContain('Kim Jong Un met Vladimir Putin at the Vostochny cosmodrome on Wednesday.\n\nThey discussed');
    expect(d.text).not.toMatch(/alert|evil|<script/);
  });

  it('extracts the text of the script-injection sample without any markup', () => {
    const d = htmlDocument(readFileSync(join(sharedDir, 'data/bad-input/script-injection.html'), 'utf8'));
    expect(d.text).toContain('Putin met Kim Jong Un in Pyongyang on June 19, 2024.');
    expect(d.text).not.toMatch(/<|alert|fetch|onerror/);
  });
});

describe('htmlDocument on hostile nesting', () => {
  const nested = (n: number, tag = 'div') => page('<meta property="article:published_time" content="2022-02-25">',
    `${`<${tag}>`.repeat(n)}<p>Russia attacked Ukraine on 24 February 2022.</p>${`</${tag}>`.repeat(n)}`);

  // 2,000 nested <div> took minutes in Readability; 10,000 overflowed the stack.
  it.each([2_000, 10_000, 100_000])('reads %i nested <div> by the linear scan', (n) => {
    expect(htmlDocument(nested(n))).toEqual({ title: 'Page title', text: 'Russia attacked Ukraine on 24 February 2022.', published: '2022-02-25' });
  });

  it('reads nested lists and quotes too', () => {
    expect(htmlDocument(nested(5_000, 'blockquote')).text).toBe('Russia attacked Ukraine on 24 February 2022.');
  });

  it('still gives shallow pages to Readability (the navigation is left out)', () => {
    const d = htmlDocument(page('', `<nav><a href="/">Home</a></nav>${article}`));
    expect(d.text).not.toContain('Home');
  });
});
