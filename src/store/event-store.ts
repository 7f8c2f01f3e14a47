// The event part of the store: documents, mentions merged into events, dataset events,
// and the queries over them. Backend-neutral: every backend implements this interface
// and passes store.contract.ts. Lists are capped and paged; nothing returns unbounded rows.
import type { EventMention, Modality, DateRange, ActorRef, Attribution } from '../domain/mention.js';
import type { PloverType } from '../domain/plover.js';
import type { AnalysisEvent, DatasetEventInput, EventRecord, EventStatus, Origin } from '../domain/event.js';
import type { SearchHit, SearchKind } from './search.js';

export type { SearchHit, SearchKind, TextSearchHit, EventSearchHit } from './search.js';

export interface DocumentInput {
  text: string;
  title?: string | null;
  url?: string | null;
  source?: string | null;
  /** ISO date or prefix; null when unknown. */
  published: string | null;
  language?: string | null;
  /** Content hash (contentHash of the text); computed when absent. */
  hash?: string;
}

export interface IngestResult {
  documentId: string;
  /** False when the same content was already stored (nothing changed). */
  stored: boolean;
  mentions: number;
  eventIds: string[];
}

export interface EventFilter {
  /** Actor code, in any role. */
  actor?: string;
  /** A second actor code: events involving both `actor` and `with`. */
  with?: string;
  type?: PloverType[];
  /** ISO date or prefix: events whose date range ends on or after it. */
  from?: string;
  /** ISO date or prefix: events whose date range starts on or before it. */
  to?: string;
  /** Default ['asserted']. */
  modality?: Modality[];
  origin?: Origin[];
  includeRejected?: boolean;
  /** Only events with these curation statuses ('rejected' among them lists rejected ones too). */
  status?: EventStatus[];
  /** Date order of lists: oldest first (default) or newest first. */
  order?: 'asc' | 'desc';
}

export interface Page {
  limit?: number;
  offset?: number;
}

export interface PageResult<T> {
  rows: T[];
  /** All matching rows; null when counting them would cost more than the page. */
  total: number | null;
  limit: number;
  offset: number;
  /** More rows match than this page holds. */
  truncated: boolean;
}

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 10_000;

export interface DocumentRef {
  id: string;
  title: string | null;
  url: string | null;
  source: string | null;
  published: string | null;
}

export interface MentionDetail {
  id: string;
  eventId: string;
  document: DocumentRef;
  /** Offsets [start, end) into the document text (UTF-16 code units). */
  start: number;
  end: number;
  sentence: string;
  type: PloverType;
  mode: string | null;
  source: ActorRef;
  target: ActorRef | null;
  date: DateRange | null;
  modality: Modality;
  attribution: Attribution | null;
  confidence: number;
  rule: string | null;
}

/** One account of a disputed event: what some sources say, and which sources say it. */
export interface EventVersion {
  date: DateRange | null;
  sources: string[];
  targets: string[];
  modality: Modality;
  mentionIds: string[];
  documents: DocumentRef[];
}

export interface EventDetail extends EventRecord {
  /** Every mention, or the page of them asked for (see mentionPage). */
  mentions: MentionDetail[];
  /** How many mentions the event has and which of them `mentions` holds. */
  mentionPage: { total: number; limit: number; offset: number; truncated: boolean };
  /** Each distinct version when the event is disputed; empty otherwise. */
  versions: EventVersion[];
}

export interface ActorSummary {
  code: string;
  name: string | null;
  events: number;
}

export interface DocumentSummary extends DocumentRef {
  hash: string;
  language: string | null;
  length: number;
  mentions: number;
  ingestedAt: string;
}

export interface DocumentDetail extends DocumentSummary {
  text: string;
  mentions: number;
  /** Type, modality and status are the event's, as curated. */
  mentionSpans: Array<{ id: string; start: number; end: number; eventId: string; type: PloverType; modality: Modality; status: EventStatus }>;
}

/** A window for per-actor counts: first and last day (YYYY-MM-DD), null for all time. */
export interface ActorCountQuery {
  from: string | null;
  to: string | null;
  origin?: Origin[];
  /** Only these modalities; every modality when absent. */
  modality?: Modality[];
  /** Only these actors; every actor when absent. */
  actors?: string[];
}

export interface StoreCounts {
  documents: number;
  mentions: number;
  events: number;
  actors: number;
}

export interface EventStore {
  /** Stores a document and its mentions in one transaction; a lazy iterable (extractStream) is
   *  consumed inside it, so a huge text's mentions never sit in memory all at once. */
  addDocument(doc: DocumentInput, mentions: Iterable<EventMention>): Promise<IngestResult>;
  /** The id of the document with this content hash, if stored (lets ingest skip extraction). */
  findDocument(hash: string): Promise<string | null>;
  importEvents(batch: DatasetEventInput[]): Promise<{ imported: number; unchanged: number }>;
  /** Registry actors (code and name); names of actors met in data are kept too. */
  registerActors(actors: Array<{ code: string; name: string }>): Promise<void>;
  listEvents(filter: EventFilter, page?: Page): Promise<PageResult<EventRecord>>;
  /** One event; with `mentions`, only that page of its mentions (in document order), else all of them. */
  getEvent(id: string, mentions?: Page): Promise<EventDetail | null>;
  /** An actor's (or a dyad's, when `other` is given) events in date order. */
  timeline(actor: string, other: string | null, filter?: EventFilter, page?: Page): Promise<PageResult<EventRecord>>;
  /**
   * Full-text search (search.ts: every word, "a phrase", a OR b): documents, then sentences
   * of text events' mentions, then events' own text (title, notes, actor names, place, codes,
   * source link), one page across them; `kinds` keeps only some (all when absent).
   */
  search(q: string, page?: Page, kinds?: SearchKind[]): Promise<PageResult<SearchHit>>;
  listActors(page?: Page): Promise<PageResult<ActorSummary>>;
  /**
   * Per actor and modality, the events the shared count looks at (services/count.ts): not
   * rejected, dated, STARTING inside the window, with a chosen origin; zero rows left out.
   */
  actorEventCounts(q: ActorCountQuery): Promise<Array<{ code: string; modality: Modality; events: number }>>;
  getDocument(id: string): Promise<DocumentDetail | null>;
  listDocuments(page?: Page): Promise<PageResult<DocumentSummary>>;
  streamEvents(filter: EventFilter): AsyncIterable<EventDetail>;
  analysisEvents(filter: EventFilter): Promise<AnalysisEvent[]>;
  counts(): Promise<StoreCounts>;
}
