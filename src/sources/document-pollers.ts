// Feeds and pages: conditional GET (ETag, Last-Modified), then each new item through the
// document ingest. Feed items are told apart by GUID, URL and content hash, so an item
// whose link or wording changes is not taken twice; an item that carries only a summary
// has its article fetched and reduced to text. A feed that turns into HTML is an error.
import { htmlDocument } from '../ingest/documents/html-document.js';
import { feedItems, isFeed } from '../ingest/documents/feed-items.js';
import { storeText } from '../ingest/documents/ingest-text.js';
import { normalizeText } from '../ingest/documents/decode-text.js';
import { contentHash } from '../store/content-hash.js';
import { EntenteError } from '../domain/errors.js';
import type { Source } from '../store/source-store.js';
import { FetchError } from './http-get.js';
import type { PollContext, PollResult } from './types.js';

/** An item whose text is shorter than this, with a link, is a summary: its article is fetched. */
export const SUMMARY_CHARS = 600;

interface HttpState { etag?: string | null; lastModified?: string | null }

function host(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

async function article(url: string, ctx: PollContext): Promise<{ text: string; published: string | null } | null> {
  try {
    const r = await ctx.fetcher.get(url, { accept: 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5' });
    const body = r.body.toString('utf8');
    if (/html/i.test(r.contentType) || /^\s*</.test(body)) {
      const d = htmlDocument(body);
      return { text: d.text, published: d.published };
    }
    return { text: body, published: null };
  } catch (e) {
    ctx.log(`article ${url}: ${(e as Error).message}; keeping the feed's summary`);
    return null;
  }
}

export async function pollFeed(source: Source, ctx: PollContext): Promise<PollResult> {
  const prev = source.state as HttpState;
  const r = await ctx.fetcher.get(source.target, {
    etag: prev.etag, lastModified: prev.lastModified,
    accept: 'application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.8',
  });
  if (r.notModified) return { added: 0 };
  const xml = r.body.toString('utf8');
  if (!isFeed(xml)) throw new FetchError('BAD_FORMAT', `${source.target} is no longer an RSS or Atom feed (it answered ${r.contentType || 'something else'})`);
  const items = feedItems(xml, source.target);
  let added = 0;
  const problems: string[] = [];
  // Oldest first (feeds list newest first), so a crash part-way leaves the older items taken.
  for (const item of [...items].reverse()) {
    const keys = [item.guid && `guid:${item.guid}`, item.url && `url:${item.url}`, `hash:${contentHash(normalizeText(item.text))}`].filter((k): k is string => !!k);
    const seen = await ctx.store.seenSourceItems(source.id, keys);
    if (seen.size) {
      if (seen.size < keys.length) await ctx.store.markSourceItems(source.id, keys);
      continue;
    }
    if (item.error) {
      // Reported once, not at every poll: the item is taken as seen.
      problems.push(item.error);
      await ctx.store.markSourceItems(source.id, keys);
      continue;
    }
    let text = item.text;
    let published = item.published;
    if (text.length < SUMMARY_CHARS && item.url) {
      const a = await article(item.url, ctx);
      if (a && a.text.length > text.length) {
        text = item.title && !a.text.startsWith(item.title) ? `${item.title}\n\n${a.text}` : a.text;
        published ??= a.published;
      }
    }
    try {
      const res = await storeText(ctx.store, { text, title: item.title, url: item.url, published, source: host(item.url ?? source.target) });
      if (res.stored) added++;
    } catch (e) {
      if (!(e instanceof EntenteError) || e.code === 'DB_ERROR') throw e;
      problems.push(`item ${item.index}: ${e.message}`);
    }
    await ctx.store.markSourceItems(source.id, keys);
  }
  const result: PollResult = { added, state: { etag: r.etag, lastModified: r.lastModified } };
  if (problems.length) result.problem = problems.length === 1 ? problems[0] : `${problems.length} items failed; first: ${problems[0]}`;
  return result;
}

/** A web page whose article changes: stored again whenever its text changes. */
export async function pollPage(source: Source, ctx: PollContext): Promise<PollResult> {
  const prev = source.state as HttpState;
  const r = await ctx.fetcher.get(source.target, { etag: prev.etag, lastModified: prev.lastModified, accept: 'text/html,application/xhtml+xml;q=0.9' });
  if (r.notModified) return { added: 0 };
  const d = htmlDocument(r.body.toString('utf8'));
  if (!d.text.trim()) throw new FetchError('BAD_FORMAT', `${source.target}: no article text on the page`);
  const res = await storeText(ctx.store, { text: d.text, title: d.title, url: source.target, published: d.published, source: host(source.target) });
  return { added: res.stored ? 1 : 0, state: { etag: r.etag, lastModified: r.lastModified } };
}
