// The one typed client for the Entente HTTP API. Every call sends the session token as a
// Bearer header and turns the API's `{ error: { code, message } }` into an ApiError.
// Shapes mirror the server's JSON; the domain types are shared, never redefined.
import type { EventRecord, Origin } from '../../src/domain/event.js';
import type { DateRange, Modality } from '../../src/domain/mention.js';
import type { PloverType } from '../../src/domain/plover.js';
import type { PageResult, MentionDetail, EventVersion, DocumentSummary, ActorSummary, SearchHit, SearchKind, EventSearchHit, DocumentDetail as StoredDocument } from '../../src/store/event-store.js';
import type { Series, SeriesPoint } from '../../src/analysis/series.js';
import type { Shift } from '../../src/analysis/shifts.js';
import type { NetworkNode, NetworkEdge } from '../../src/analysis/network.js';
import type { LagCorrelation } from '../../src/analysis/spillover.js';
import type { NetworkDiffResult, NetworkResult, SeriesResult, ShiftsResult, SpilloverResult } from '../../src/services/analysis.js';
import type { ActorCounts, ExplainedCount } from '../../src/services/count.js';
import type { ActorResolution } from '../../src/services/actor-input.js';
import type { Overview } from '../../src/services/overview.js';
import type { Watch, Alert } from '../../src/store/watch-store.js';
import type { AuditEntry, EventCorrection } from '../../src/store/curation-store.js';
import type { SourceWire } from '../../src/api/source-schema.js';
import { currentToken } from './token.js';

export type { EventRecord, Origin, DateRange, Modality, PloverType, EventVersion, DocumentSummary, SearchHit, SearchKind, EventSearchHit };

/** Every list: capped, paged, and honest about truncation (total is null when uncounted). */
export type Page<T> = PageResult<T>;

export type Role = 'viewer' | 'editor' | 'admin';

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A mention as GET /api/events/:id gives it: the stored mention with its document flattened beside it. */
export interface EventMentionRow extends MentionDetail {
  documentId: string;
  documentTitle: string | null;
}

export interface EventDetail extends EventRecord {
  mentions: EventMentionRow[];
  /** Each distinct account when the event is disputed; empty otherwise. */
  versions: EventVersion[];
}

export type DocumentMentionSpan = StoredDocument['mentionSpans'][number];

/** GET /api/documents/:id: the text and the offsets of every mention in it. */
export interface DocumentDetail extends Omit<StoredDocument, 'mentions' | 'mentionSpans'> {
  mentionCount: number;
  mentions: DocumentMentionSpan[];
}

export type Actor = ActorSummary;

export type { ExplainedCount, ActorCounts, ActorResolution, SeriesResult };
export type { Series, SeriesPoint, Shift, NetworkNode, NetworkEdge, NetworkResult, NetworkDiffResult, SpilloverResult, LagCorrelation, Watch, Alert };

/** POST /api/ingest: the stored document and the events extracted from it. */
export interface IngestResult {
  document: { id: string; title: string | null; url: string | null; published: string | null; stored: boolean; mentions: number };
  /** All of them for a small document; the first 100 for a large one (a background job). */
  events: EventRecord[];
  eventCount: number;
}

/** GET /api/ingest/jobs/{id}: a large document's ingest, run in the background. */
export interface IngestJob {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: { done: number; total: number };
  result: IngestResult | null;
  error: { code: string; message: string } | null;
}

/** A large document is answered with 202 and a job: follow it until it is done or failed. */
async function ingested(answer: IngestResult | { job: IngestJob }): Promise<IngestResult> {
  if (!('job' in answer)) return answer;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const j = await request<IngestJob>('GET', `/ingest/jobs/${enc(answer.job.id)}`);
    if (j.status === 'done' && j.result) return j.result;
    if (j.status === 'failed') throw new ApiError(400, j.error?.code ?? 'INTERNAL', j.error?.message ?? 'the ingest failed');
  }
}

export type { AuditEntry, EventCorrection };

/** A watch as the API shows it: `webhook` in full for admins only, `webhookHost` for everyone. */
export type WatchView = Watch & { webhookHost: string | null };

/** A followed source as GET /api/sources gives it. */
export type Source = SourceWire;

/** POST /api/sources. */
export interface SourceSpec {
  kind: Source['kind'];
  target?: string;
  every?: string;
  label?: string;
  mentions?: boolean;
  translation?: boolean;
  order?: 'oldest' | 'newest';
  maxCatchUp?: number;
}

export interface EventFilter {
  actor?: string;
  with?: string;
  type?: string[];
  modality?: string[];
  origin?: string[];
  status?: string[];
  order?: 'asc' | 'desc';
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

type Query = Record<string, string | number | boolean | string[] | undefined | null>;

/** Query string from a params object: lists become comma lists, empty values are left out. */
export function queryString(q: Query | undefined): string {
  if (!q) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length) p.set(k, v.join(','));
    } else p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

function authHeaders(): Record<string, string> {
  const t = currentToken();
  return t ? { Authorization: `Bearer ${t}` } : {};
}

async function request<T>(method: string, path: string, opts: { query?: Query; json?: unknown; form?: FormData } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...authHeaders() };
  let body: BodyInit | undefined;
  if (opts.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.form) body = opts.form;
  let res: Response;
  try {
    res = await fetch(`/api${path}${queryString(opts.query)}`, { method, headers, body });
  } catch (e) {
    throw new ApiError(0, 'NETWORK', `cannot reach the server (${e instanceof Error ? e.message : String(e)})`);
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? (res.statusText || `HTTP ${res.status}`));
  }
  return data as T;
}

const enc = encodeURIComponent;

export const api = {
  me: () => request<{ role: Role }>('GET', '/me'),
  overview: () => request<Overview>('GET', '/overview'),

  events: (f: EventFilter = {}) => request<Page<EventRecord>>('GET', '/events', { query: { ...f } }),
  event: (id: string) => request<EventDetail>('GET', `/events/${enc(id)}`),
  timeline: (f: EventFilter = {}) => request<Page<EventRecord>>('GET', '/timeline', { query: { ...f } }),
  search: (q: string, limit = 50, offset = 0, kind?: SearchKind[]) => request<Page<SearchHit>>('GET', '/search', { query: { q, limit, offset, kind } }),
  searchActors: (q: string) => request<{ actors: Array<{ code: string; name: string }> }>('GET', '/search/actors', { query: { q } }),

  documents: (limit = 100, offset = 0) => request<Page<DocumentSummary>>('GET', '/documents', { query: { limit, offset } }),
  document: (id: string) => request<DocumentDetail>('GET', `/documents/${enc(id)}`),
  actors: (limit = 500, offset = 0) => request<Page<Actor>>('GET', '/actors', { query: { limit, offset } }),

  series: (q: { a: string; b: string; by?: string; from?: string; to?: string; origin?: string[]; modality?: string[]; normalise?: boolean }) => request<SeriesResult>('GET', '/series', { query: q }),
  count: (q: { actor: string; with?: string; by?: string; from?: string; to?: string; origin?: string[]; modality?: string[] }) => request<ExplainedCount>('GET', '/count', { query: q }),
  resolveActor: (q: string) => request<ActorResolution>('GET', '/actors/resolve', { query: { q } }),
  shifts: (q: { a: string; b: string; by?: string; from?: string; to?: string }) => request<ShiftsResult>('GET', '/shifts', { query: q }),
  actorCounts: (q: { from?: string; to?: string; origin?: string[]; modality?: string[] }) => request<ActorCounts>('GET', '/actors/counts', { query: q }),
  network: (q: { from?: string; to?: string; minEvents?: number; at?: string; top?: number }) => request<NetworkResult>('GET', '/network', { query: q }),
  networkDiff: (q: { from1: string; to1: string; from2: string; to2: string; minEvents?: number }) => request<NetworkDiffResult>('GET', '/network/diff', { query: q }),
  spillover: (q: { cause: string; effect: string; maxLag?: number; by?: string; anchor?: string }) => request<SpilloverResult>('GET', '/spillover', { query: q }),

  alerts: (limit = 100, offset = 0) => request<Page<Alert>>('GET', '/alerts', { query: { limit, offset } }),
  watches: () => request<Page<WatchView>>('GET', '/watches', { query: { limit: 1000 } }),
  addWatch: (w: { a: string; b: string | null; threshold?: number; webhook?: string; label?: string }) => request<WatchView>('POST', '/watches', { json: w }),
  deleteWatch: (id: string) => request<unknown>('DELETE', `/watches/${enc(id)}`),

  ingestText: (doc: { text: string; title?: string; url?: string; published?: string }) => request<IngestResult | { job: IngestJob }>('POST', '/ingest', { json: doc }).then(ingested),
  ingestUrl: (fetchUrl: string) => request<IngestResult | { job: IngestJob }>('POST', '/ingest', { json: { fetchUrl } }).then(ingested),
  ingestFile: (file: File, meta: { title?: string; published?: string } = {}) => {
    const form = new FormData();
    // Fields before the file: the server reads the parts in order.
    if (meta.title) form.append('title', meta.title);
    if (meta.published) form.append('published', meta.published);
    form.append('file', file, file.name);
    return request<IngestResult | { job: IngestJob }>('POST', '/ingest', { form }).then(ingested);
  },

  accept: (id: string, reason?: string) => request<EventRecord>('POST', `/events/${enc(id)}/accept`, { json: reason ? { reason } : {} }),
  reject: (id: string, reason?: string) => request<EventRecord>('POST', `/events/${enc(id)}/reject`, { json: reason ? { reason } : {} }),
  correct: (id: string, patch: Omit<EventCorrection, 'sources' | 'targets'> & { sources?: string[]; targets?: string[]; reason?: string }) => request<EventRecord>('PATCH', `/events/${enc(id)}`, { json: patch }),
  mergeEvents: (ids: string[]) => request<EventRecord>('POST', '/events/merge', { json: { ids } }),
  splitEvent: (id: string, mentionIds: string[]) => request<{ original: EventRecord; created: EventRecord }>('POST', `/events/${enc(id)}/split`, { json: { mentionIds } }),
  mergeActors: (from: string, into: string) => request<{ events: number; mentions: number }>('POST', '/actors/merge', { json: { from, into } }),
  audit: (q: { subject?: string; action?: string; user?: string; from?: string; to?: string; limit?: number; offset?: number } = {}) => request<Page<AuditEntry>>('GET', '/audit', { query: q }),

  sources: () => request<{ rows: Source[] }>('GET', '/sources'),
  addSource: (spec: SourceSpec) => request<Source>('POST', '/sources', { json: spec }),
  pauseSource: (id: string) => request<Source>('POST', `/sources/${enc(id)}/pause`, { json: {} }),
  resumeSource: (id: string) => request<Source>('POST', `/sources/${enc(id)}/resume`, { json: {} }),
  removeSource: (id: string) => request<unknown>('DELETE', `/sources/${enc(id)}`),
};

/** The URL of the live alert stream; EventSource cannot send headers, so the token rides in the query. */
export function alertStreamUrl(): string {
  const t = currentToken();
  return `/api/alerts/stream${t ? `?token=${enc(t)}` : ''}`;
}

/** The Atom feed as a feed reader needs it: the token rides in the URL (readers cannot send headers). */
export function feedUrl(): string {
  const t = currentToken();
  return `/api/alerts.atom${t ? `?token=${enc(t)}` : ''}`;
}
