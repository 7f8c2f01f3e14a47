// One linear pass over an HTML page, without building a tree: its nesting depth and element
// count (to decide whether a DOM and Readability can be afforded), and its text, title and
// date-like attributes. Deeply nested or huge pages are read this way only: Readability's
// cost grows with depth times size (2,000 nested <div> took minutes), a DOM 10,000 deep
// overflows the stack, and htmlparser2's tag stack is itself quadratic in depth.
// Every step moves forward through the text; no pattern can backtrack past a '<'.
import { decodeHTML, decodeHTMLAttribute } from 'entities';

export interface HtmlScan {
  maxDepth: number;
  elements: number;
  title: string | null;
  text: string;
  /** Date-like values in the page, best source first (see DATE_SOURCES). */
  dates: string[];
}

/** Elements whose content is not text of the page. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'title', 'svg', 'math']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements that an opening of the same name closes (HTML's implied end tags, the common ones). */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul',
]);
/** How far down the open-element stack a closing tag looks for its opening (bounds stray closes). */
const CLOSE_SEARCH = 64;

type Attrs = Record<string, string>;
/** Where a page states its publication date, best first (as html-document's DOM selectors). */
const DATE_SOURCES: Array<(name: string, a: Attrs) => string | undefined> = [
  (n, a) => (n === 'meta' && a.property === 'article:published_time' ? a.content : undefined),
  (n, a) => (n === 'meta' && a.property === 'og:article:published_time' ? a.content : undefined),
  (n, a) => (n === 'meta' && a.property === 'og:published_time' ? a.content : undefined),
  (_, a) => (a.itemprop === 'datePublished' ? (a.content ?? a.datetime) : undefined),
  (n, a) => (n === 'meta' && /^(pubdate|publishdate|date|dc\.date|dc\.date\.issued)$/i.test(a.name ?? '') ? a.content : undefined),
  (n, a) => (n === 'time' ? a.datetime : undefined),
];

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)([^<>]*)>/y;
const MARKUP = /<[!?][^<>]*>/y;
const ATTR = /([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function attributesOf(s: string): Attrs {
  const out: Attrs = {};
  for (const m of s.matchAll(ATTR)) out[m[1]!.toLowerCase()] = decodeHTMLAttribute(m[2] ?? m[3] ?? m[4] ?? '');
  return out;
}

export function scanHtml(html: string): HtmlScan {
  const stack: string[] = [];
  let maxDepth = 0;
  let elements = 0;
  let title: string | null = null;
  const parts: string[] = [];
  const found: string[][] = DATE_SOURCES.map(() => []);
  let pos = 0;
  while (pos < html.length) {
    const lt = html.indexOf('<', pos);
    if (lt < 0) {
      parts.push(html.slice(pos));
      break;
    }
    if (lt > pos) parts.push(html.slice(pos, lt));
    pos = lt;
    if (html.startsWith('<!--', pos)) {
      const end = html.indexOf('-->', pos + 4);
      pos = end < 0 ? html.length : end + 3;
      continue;
    }
    MARKUP.lastIndex = pos;
    if (MARKUP.test(html)) {
      pos = MARKUP.lastIndex;
      continue;
    }
    TAG.lastIndex = pos;
    const m = TAG.exec(html);
    if (!m) {
      parts.push('<');
      pos++;
      continue;
    }
    pos = TAG.lastIndex;
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    const rest = m[3]!;
    if (BLOCK.has(name) && parts[parts.length - 1] !== '\n\n') parts.push('\n\n');
    if (closing) {
      if (stack[stack.length - 1] === name) stack.pop();
      else {
        const from = stack.lastIndexOf(name);
        if (from >= 0 && stack.length - from <= CLOSE_SEARCH) stack.length = from;
      }
      continue;
    }
    elements++;
    if (name === 'meta' || name === 'time' || rest.includes('itemprop')) {
      const a = attributesOf(rest);
      DATE_SOURCES.forEach((source, i) => {
        const v = source(name, a);
        if (v) found[i]!.push(v);
      });
    }
    if (SKIP.has(name) && !rest.trimEnd().endsWith('/')) {
      // Raw content up to the matching end tag, read in one step.
      const end = new RegExp(`</${name}\\s*>`, 'gi');
      end.lastIndex = pos;
      const e = end.exec(html);
      const stop = e ? e.index : html.length;
      if (name === 'title' && title === null) title = decodeHTML(html.slice(pos, stop)).replace(/\s+/g, ' ').trim() || null;
      pos = e ? end.lastIndex : html.length;
      continue;
    }
    if (VOID.has(name) || rest.trimEnd().endsWith('/')) continue;
    if (SELF_CLOSING_SIBLINGS.has(name) && stack[stack.length - 1] === name) stack.pop();
    stack.push(name);
    if (stack.length > maxDepth) maxDepth = stack.length;
  }
  const text = decodeHTML(parts.join(''))
    .replace(/[ \t\u00a0\r\f\v]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { maxDepth, elements, title, text, dates: found.flat() };
}
