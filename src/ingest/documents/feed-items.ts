// RSS 2.0, RSS 1.0 (RDF) and Atom feeds to documents, one per item. Entity expansion is
// off and any DTD entity declaration is refused up front, so an entity bomb costs nothing.
// Item HTML (description, content:encoded) becomes plain text.
import { XMLParser } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { EntenteError } from '../../domain/errors.js';
import { parsePublished } from './published-date.js';

export interface FeedItem {
  /** 1-based position in the feed, for error messages. */
  index: number;
  title: string | null;
  url: string | null;
  /** The item's own id (RSS guid, Atom id), for telling items apart across polls. */
  guid: string | null;
  published: string | null;
  text: string;
  error?: string;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The five predefined XML entities and character references, nothing else. */
function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return XML_ENTITIES[e.toLowerCase()] ?? m;
  });
}

function textOf(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (typeof v === 'object' && '#text' in (v as object)) return String((v as Record<string, unknown>)['#text']);
  return '';
}

function htmlToText(s: string): string {
  const raw = unescapeXml(s);
  if (!/[<&]/.test(raw)) return raw.trim();
  const { document } = parseHTML(`<html><body>${raw}</body></html>`);
  type El = { remove(): void; after(...nodes: string[]): void };
  for (const el of Array.from(document.querySelectorAll('script, style') as ArrayLike<El>)) el.remove();
  for (const el of Array.from(document.querySelectorAll('p, br, li, h1, h2, h3, h4, div') as ArrayLike<El>)) el.after('\n\n');
  return (document.body?.textContent ?? '').replace(/[ \t\u00a0]+/g, ' ').replace(/\n\s*\n+/g, '\n\n').trim();
}

function linkOf(v: unknown): string | null {
  const links = Array.isArray(v) ? v : v === undefined ? [] : [v];
  for (const l of links) {
    if (typeof l === 'string' && l.trim()) return unescapeXml(l.trim());
    if (l && typeof l === 'object') {
      const o = l as Record<string, unknown>;
      if (typeof o['@href'] === 'string' && (o['@rel'] === undefined || o['@rel'] === 'alternate')) return unescapeXml(o['@href']);
      if (typeof o['#text'] === 'string') return unescapeXml(o['#text']);
    }
  }
  return null;
}

export function isFeed(text: string): boolean {
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<(rss|feed|rdf:RDF)\b/i.test(text.slice(0, 4096));
}

export function feedItems(xml: string, where: string): FeedItem[] {
  if (/<!ENTITY/i.test(xml)) throw new EntenteError('BAD_INPUT', `${where}: the feed declares XML entities; refused (entity expansion is disabled)`);
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml, true) as Record<string, unknown>;
  } catch (e) {
    throw new EntenteError('BAD_FORMAT', `${where}: not a well-formed feed: ${(e as Error).message.split('\n')[0]}`);
  }
  const rss = doc.rss as Record<string, unknown> | undefined;
  const rdf = doc['rdf:RDF'] as Record<string, unknown> | undefined;
  const atom = doc.feed as Record<string, unknown> | undefined;
  const raw = (rss ? (rss.channel as Record<string, unknown> | undefined)?.item : rdf ? rdf.item : atom ? atom.entry : undefined) as unknown[] | undefined;
  if (!rss && !rdf && !atom) throw new EntenteError('BAD_FORMAT', `${where}: not an RSS or Atom feed`);
  return (raw ?? []).map((it, i): FeedItem => {
    const o = (it ?? {}) as Record<string, unknown>;
    const title = htmlToText(textOf(o.title)) || null;
    const body = htmlToText(textOf(o['content:encoded'] ?? o.content ?? o.description ?? o.summary));
    const date = o.pubDate ?? o.published ?? o.updated ?? o['dc:date'];
    const published = parsePublished(textOf(date));
    const item: FeedItem = {
      index: i + 1, title, url: linkOf(o.link) ?? (textOf(o.guid) || null),
      guid: unescapeXml(textOf(o.guid ?? o.id).trim()) || null,
      published: published ?? null,
      // The headline is part of what the item reports.
      text: body ? (title && !body.startsWith(title) ? `${title}\n\n${body}` : body) : title ?? '',
    };
    if (published === undefined) item.error = `item ${i + 1}: field published: "${textOf(date)}" is not a date`;
    else if (!body && !title) item.error = `item ${i + 1}: no title and no text`;
    return item;
  });
}
