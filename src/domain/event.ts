// Events: one row per real-world event, the merge of its mentions (text) or one
// dataset record (GDELT, ICEWS, ACLED, SIPRI). Actors are lists per role, as in PLOVER;
// dyads are expanded only at query time.
import type { PloverType } from './plover.js';
import type { DateRange, Modality } from './mention.js';

export const ORIGINS = ['text', 'curated', 'gdelt', 'icews', 'acled', 'sipri'] as const;
export type Origin = (typeof ORIGINS)[number];

/** Whether the date says when the event happened or only when it was reported (GDELT). */
export type DateKind = 'event' | 'report';

export const EVENT_STATUSES = ['extracted', 'accepted', 'rejected', 'corrected'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export interface GeoPoint {
  name: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  /** Dataset's own precision code where it has one (ACLED geo_precision, GDELT geo type). */
  precision?: number | null;
}

export interface EventRecord {
  id: string;
  origin: Origin;
  /** The dataset's own id (GLOBALEVENTID, ACLED data_id …); null for text events. */
  externalId: string | null;
  type: PloverType;
  mode: string | null;
  sources: string[];
  targets: string[];
  date: DateRange | null;
  dateKind: DateKind;
  /** The strongest modality among the event's mentions (asserted beats speculative). */
  modality: Modality;
  mentionCount: number;
  /** Mentions disagree on date, actors or polarity; see the event detail for each version. */
  disputed: boolean;
  status: EventStatus;
  /** PLOVER intensity, −10 … +10. */
  intensity: number;
  firstReported: string | null;
  lastReported: string | null;
  location: GeoPoint | null;
  /** Dataset-specific fields kept as they came (CAMEO code, Goldstein, AvgTone, fatalities …). */
  attrs: Record<string, unknown>;
  /** The page a dataset record cites (GDELT SOURCEURL, the reference timeline's source); null for text events, whose sources are their documents. */
  sourceUrl: string | null;
  /** One line: the dataset's title, else the first sentence stating the event, else "SRC <verb> TGT" (eventSummary). */
  summary: string;
}

/** A dataset record ready to store: importers produce these. */
export interface DatasetEventInput {
  origin: Exclude<Origin, 'text'>;
  externalId: string;
  type: PloverType;
  mode: string | null;
  sources: string[];
  targets: string[];
  date: DateRange | null;
  dateKind: DateKind;
  modality: Modality;
  mentionCount: number;
  reportedAt: string | null;
  location: GeoPoint | null;
  sourceUrl: string | null;
  attrs: Record<string, unknown>;
}

/** The slim event the analyses need (plain data, no store types). */
export interface AnalysisEvent {
  id: string;
  type: PloverType;
  sources: string[];
  targets: string[];
  /** First and last day, YYYY-MM-DD. */
  start: string;
  end: string;
  modality: Modality;
  mentions: number;
  intensity: number;
  origin: Origin;
}
