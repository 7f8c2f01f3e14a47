// Row ↔ record mapping for the SQLite event tables, kept apart from the queries.
import type { DateRange } from '../../domain/mention.js';
import type { EventRecord } from '../../domain/event.js';
import { eventSummary } from '../../domain/event-summary.js';
import type { DocumentRef, MentionDetail } from '../event-store.js';

export interface EventRow {
  id: number;
  origin: EventRecord['origin'];
  external_id: string | null;
  type: EventRecord['type'];
  mode: string | null;
  sources: string;
  targets: string;
  date_start: string | null;
  date_end: string | null;
  granularity: DateRange['granularity'] | null;
  day_first: string | null;
  day_last: string | null;
  date_kind: EventRecord['dateKind'];
  modality: EventRecord['modality'];
  mention_count: number;
  disputed: number;
  status: EventRecord['status'];
  intensity: number;
  first_reported: string | null;
  last_reported: string | null;
  loc_name: string | null;
  loc_country: string | null;
  lat: number | null;
  lon: number | null;
  loc_precision: number | null;
  source_url: string | null;
  attrs: string;
  /** Lists select it beside e.*: the first stored sentence of the event's mentions. */
  first_sentence?: string | null;
}

export function dateOf(start: string | null, end: string | null, granularity: DateRange['granularity'] | null): DateRange | null {
  return start ? { start, end: end ?? start, granularity: granularity ?? 'range' } : null;
}

export function eventRecord(r: EventRow, sentence: string | null = r.first_sentence ?? null): EventRecord {
  const hasPlace = r.loc_name !== null || r.loc_country !== null || r.lat !== null;
  const attrs = JSON.parse(r.attrs) as Record<string, unknown>;
  const sources = JSON.parse(r.sources) as string[];
  const targets = JSON.parse(r.targets) as string[];
  return {
    id: String(r.id),
    origin: r.origin,
    externalId: r.external_id,
    type: r.type,
    mode: r.mode,
    sources,
    targets,
    date: dateOf(r.date_start, r.date_end, r.granularity),
    dateKind: r.date_kind,
    modality: r.modality,
    mentionCount: r.mention_count,
    disputed: r.disputed === 1,
    status: r.status,
    intensity: r.intensity,
    firstReported: r.first_reported,
    lastReported: r.last_reported,
    location: hasPlace ? { name: r.loc_name, country: r.loc_country, lat: r.lat, lon: r.lon, precision: r.loc_precision } : null,
    attrs,
    sourceUrl: r.source_url,
    summary: eventSummary({ type: r.type, sources, targets, attrs }, sentence),
  };
}

export interface MentionRow {
  id: number;
  event_id: number;
  document_id: number;
  start_offset: number;
  end_offset: number;
  sentence: string;
  type: MentionDetail['type'];
  mode: string | null;
  source_code: string;
  source_name: string;
  source_role: string | null;
  target_code: string | null;
  target_name: string | null;
  target_role: string | null;
  date_start: string | null;
  date_end: string | null;
  granularity: DateRange['granularity'] | null;
  modality: MentionDetail['modality'];
  attribution_code: string | null;
  attribution_name: string | null;
  confidence: number;
  rule: string | null;
  doc_title: string | null;
  doc_url: string | null;
  doc_source: string | null;
  doc_published: string | null;
}

export function documentRef(r: MentionRow): DocumentRef {
  return { id: String(r.document_id), title: r.doc_title, url: r.doc_url, source: r.doc_source, published: r.doc_published };
}

export function mentionDetail(r: MentionRow): MentionDetail {
  const role = (x: string | null) => (x === null ? {} : { role: x });
  return {
    id: String(r.id),
    eventId: String(r.event_id),
    document: documentRef(r),
    start: r.start_offset,
    end: r.end_offset,
    sentence: r.sentence,
    type: r.type,
    mode: r.mode,
    source: { code: r.source_code, name: r.source_name, ...role(r.source_role) },
    target: r.target_code === null ? null : { code: r.target_code, name: r.target_name ?? r.target_code, ...role(r.target_role) },
    date: dateOf(r.date_start, r.date_end, r.granularity),
    modality: r.modality,
    attribution: r.attribution_name === null ? null : { code: r.attribution_code, name: r.attribution_name },
    confidence: r.confidence,
    rule: r.rule,
  };
}
