// HTML pages to plain text: the main article through @mozilla/readability on linkedom
// (no scripts run: linkedom has no script engine), paragraphs kept as blank-line-separated
// blocks, and the publication date from the page's meta tags or its first <time>.
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { parsePublished } from './published-date.js';
import { scanHtml } from './html-scan.js';

/** Pages nested deeper, with more elements or longer than this are read by the linear scan
 * alone (Readability took 2 s on a flat 0.5 MB page of 15,000 elements, and minutes on 2,000
 * nested <div>). */
export const DOM_MAX_DEPTH = 200;
export const DOM_MAX_ELEMENTS = 20_000;
export const DOM_MAX_CHARS = 1_500_000;

export interface HtmlDocument {
  title: string | null;
  text: string;
  published: string | null;
}

const DATE_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[property="og:article:published_time"]',
  'meta[property="og:published_time"]',
  'meta[itemprop="datePublished"]',
  '[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
  'time[pubdate]',
  'time[datetime]',
];

/** The few DOM members used here (linkedom's own typings leave query results untyped). */
interface El {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(sel: string): El | null;
  querySelectorAll(sel: string): ArrayLike<El>;
  remove(): void;
}
const all = (root: { querySelectorAll(sel: string): unknown }, sel: string): El[] => Array.from(root.querySelectorAll(sel) as ArrayLike<El>);

const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, td, figcaption';

function clean(s: string): string {
  return s.replace(/[ \t\u00a0]+/g, ' ').replace(/ *\n */g, '\n').trim();
}

function blocksText(root: El): string {
  const parts: string[] = [];
  for (const el of all(root, BLOCKS)) {
    // Nested blocks (a <p> inside an <li>) are read once, at the innermost level.
    if (el.querySelector(BLOCKS)) continue;
    const t = clean(el.textContent ?? '');
    if (t) parts.push(t);
  }
  return parts.length ? parts.join('\n\n') : clean(root.textContent ?? '');
}

function publishedOf(document: ReturnType<typeof parseHTML>['document']): string | null {
  for (const sel of DATE_SELECTORS) {
    for (const el of all(document, sel)) {
      const v = el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent;
      const p = parsePublished(v);
      if (p) return p;
    }
  }
  return null;
}

export function htmlDocument(html: string): HtmlDocument {
  const scan = scanHtml(html);
  if (scan.maxDepth > DOM_MAX_DEPTH || scan.elements > DOM_MAX_ELEMENTS || html.length > DOM_MAX_CHARS) {
    let published: string | null = null;
    for (const d of scan.dates) if ((published = parsePublished(d) ?? null)) break;
    return { title: scan.title, text: scan.text, published };
  }
  const { document } = parseHTML(html);
  const published = publishedOf(document);
  const pageTitle = clean(document.querySelector('title')?.textContent ?? '') || null;
  const article = new Readability(document as never).parse();
  if (article?.content) {
    const { document: inner } = parseHTML(`<html><body>${article.content}</body></html>`);
    const text = blocksText(inner.body as never);
    if (text) return { title: clean(article.title ?? '') || pageTitle, text, published };
  }
  // Readability gives up on pages without an article: take the body without scripts.
  const { document: again } = parseHTML(html);
  for (const el of all(again, 'script, style, noscript, template')) el.remove();
  return { title: pageTitle, text: again.body ? blocksText(again.body as never) : '', published };
}
