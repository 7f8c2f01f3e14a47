// What full-text search reads and how a page of hits is cut, shared by every backend: the
// analyst's query syntax (words that must all match, "a phrase", a OR b), the fields of an
// event that are searched (dataset events have no document: their title, notes, actor names,
// place, codes and source link are their text), and the slices of one page across kinds.
import type { EventRecord, EventStatus, Origin } from '../domain/event.js';
import type { PloverType } from '../domain/plover.js';
import type { DateRange } from '../domain/mention.js';
import { snippetOf } from './snippet.js';
import { EntenteError } from '../domain/errors.js';

/** What a hit is: a document, a sentence a text event was read from, or an event's own record. */
export const SEARCH_KINDS = ['document', 'mention', 'event'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** One term of a query: a word, a phrase (its words in order), or OR between two terms. */
export type SearchTerm = { words: string[] } | 'OR';

/**
 * The analyst's text as terms: every term must match, `"a phrase"` matches those words in
 * order, OR between terms matches either. Only letters and digits make words, so no other
 * text is read as query syntax by any backend. Empty when there is no word.
 */
export function searchTerms(text: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const m of text.matchAll(/"([^"]*)"?|(\S+)/g)) {
    if (m[2] === 'OR') {
      // OR only between two terms.
      if (terms.length && terms[terms.length - 1] !== 'OR') terms.push('OR');
      continue;
    }
    const words = (m[1] ?? m[2]).match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length) terms.push({ words });
  }
  while (terms[terms.length - 1] === 'OR') terms.pop();
  return terms;
}

/**
 * An event's searchable text, in the order a snippet shows it: JSON paths into its dataset
 * attributes (the reference timeline's title, ICEWS event text, ACLED notes, SIPRI weapon and
 * description, the actor names GDELT, ICEWS, ACLED and SIPRI give), then its place, its actor
 * codes and its source link. Each backend builds its SQL from this one list.
 */
export const EVENT_TEXT_ATTRS: ReadonlyArray<readonly string[]> = [
  ['title'], ['eventText'], ['notes'], ['weapon'], ['description'],
  ['actor1', 'name'], ['actor2', 'name'], ['source', 'name'], ['target', 'name'], ['supplier'], ['recipient'],
];
/** Between the fields of an event's text (a separator to every tokenizer). */
export const EVENT_TEXT_SEPARATOR = ' · ';
/** URL prefixes left out of an event's text: in every link, they would match everything. */
export const URL_PREFIXES = ['https://', 'http://', 'www.'] as const;

/** A hit in a document or in the sentence of a text event's mention. */
export interface TextSearchHit {
  kind: 'document' | 'mention';
  documentId: string;
  mentionId: string | null;
  eventId: string | null;
  title: string | null;
  /** The matching text with the matched words in [brackets]. */
  snippet: string;
}

/** A hit in an event's own record (dataset and reference events have no document). */
export interface EventSearchHit {
  kind: 'event';
  eventId: string;
  documentId: null;
  mentionId: null;
  /** The event's one-line summary (EventRecord.summary). */
  title: string;
  /** The event's searchable text around the match, matched words in [brackets]. */
  snippet: string;
  type: PloverType;
  origin: Origin;
  sources: string[];
  targets: string[];
  date: DateRange | null;
  status: EventStatus;
  sourceUrl: string | null;
}

export type SearchHit = TextSearchHit | EventSearchHit;

/** Characters either side of the match in an event hit's snippet. */
const EVENT_SNIPPET_CONTEXT = 100;

export function eventHit(e: EventRecord, text: string, words: readonly string[]): EventSearchHit {
  return {
    kind: 'event', eventId: e.id, documentId: null, mentionId: null, title: e.summary,
    snippet: snippetOf(text, words, { context: EVENT_SNIPPET_CONTEXT }),
    type: e.type, origin: e.origin, sources: e.sources, targets: e.targets, date: e.date, status: e.status, sourceUrl: e.sourceUrl,
  };
}

/**
 * Which rows of each kind one page holds, the kinds read one after another in `counts`'
 * order (documents, then mentions, then events): a kind is queried only when the page
 * reaches into it.
 */
export function pageSlices<K extends string>(counts: ReadonlyArray<readonly [K, number]>, page: { limit: number; offset: number }): Array<{ kind: K; offset: number; limit: number }> {
  const out: Array<{ kind: K; offset: number; limit: number }> = [];
  let skip = page.offset;
  let left = page.limit;
  for (const [kind, n] of counts) {
    if (left <= 0) break;
    if (skip >= n) {
      skip -= n;
      continue;
    }
    const take = Math.min(left, n - skip);
    out.push({ kind, offset: skip, limit: take });
    left -= take;
    skip = 0;
  }
  return out;
}

/** The kinds asked for, in page order; all of them when none is named. */
export function checkKinds(kinds: readonly string[] | undefined): SearchKind[] {
  if (!kinds || kinds.length === 0) return [...SEARCH_KINDS];
  const bad = kinds.find((k) => !(SEARCH_KINDS as readonly string[]).includes(k));
  if (bad !== undefined) throw new EntenteError('BAD_INPUT', `kind: unknown value "${bad}" (one of ${SEARCH_KINDS.join(', ')})`);
  return SEARCH_KINDS.filter((k) => kinds.includes(k));
}

/** The query as one string of FTS5 syntax: each term a string literal, OR between. */
export function fts5Query(terms: readonly SearchTerm[]): string {
  return terms.map((t) => (t === 'OR' ? 'OR' : `"${t.words.join(' ')}"`)).join(' ');
}

/** The query for PostgreSQL's to_tsquery: each word a quoted lexeme, a phrase's words joined by <->, & between terms, | for OR. */
export function tsqueryText(terms: readonly SearchTerm[]): string {
  const out: string[] = [];
  for (const t of terms) {
    if (t === 'OR') {
      out.push('|');
      continue;
    }
    if (out.length && out[out.length - 1] !== '|') out.push('&');
    out.push(`(${t.words.map((w) => `'${w}'`).join(' <-> ')})`);
  }
  return out.join(' ');
}
