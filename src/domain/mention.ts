// The event-mention record of the spec (shared/spec/events.md) as zod schemas and types.
// An extractor emits mentions; the store merges mentions into events.
import { z } from 'zod';
import { PLOVER_TYPES } from './plover.js';

import { MODALITIES } from './modality.js';
export { MODALITIES, type Modality } from './modality.js';

export const GRANULARITIES = ['day', 'month', 'year', 'decade', 'range'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** The main roles; the actor registry gives the full CAMEO role list (COP, JUD, LEG, ...). */
export const ACTOR_ROLES = ['GOV', 'MIL', 'REB', 'OPP', 'COP', 'JUD', 'CVL', 'BUS', 'MED', 'IGO', 'NGO', 'PPL'] as const;

/** ISO date or prefix: "1950", "1950-06", "1950-06-25". */
/** A real calendar month (01–12) and day (within its month, leap years counted). */
export function isRealIsoPrefix(s: string): boolean {
  const m = /^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const y = Number(m[1]);
  const last = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day >= 1 && day <= last;
}

export const IsoPrefix = z.string()
  .regex(/^-?\d{4}(-\d{2}(-\d{2})?)?$/, 'an ISO date or prefix (YYYY, YYYY-MM, YYYY-MM-DD)')
  .refine(isRealIsoPrefix, 'not a calendar date (month 01–12, day within its month)');

export const ActorRefSchema = z.object({
  code: z.string().min(1),
  role: z.string().optional(),
  name: z.string(),
});
export type ActorRef = z.infer<typeof ActorRefSchema>;

export const DateRangeSchema = z.object({
  start: IsoPrefix,
  end: IsoPrefix,
  granularity: z.enum(GRANULARITIES),
});
export type DateRange = z.infer<typeof DateRangeSchema>;

export const EvidenceSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const AttributionSchema = z.object({ code: z.string().nullable(), name: z.string() });
export type Attribution = z.infer<typeof AttributionSchema>;

export const EventMentionSchema = z.object({
  type: z.enum(PLOVER_TYPES),
  mode: z.string().nullable().optional(),
  source: ActorRefSchema,
  target: ActorRefSchema.nullable(),
  date: DateRangeSchema.nullable(),
  modality: z.enum(MODALITIES),
  location: z.string().nullable().optional(),
  evidence: EvidenceSchema,
  cluster: z.string().optional(),
  attribution: AttributionSchema.nullable().optional(),
  confidence: z.number().min(0).max(1),
  /** Which rule produced the mention (trigger lexicon entry, role pattern). */
  rule: z.string().optional(),
});
export type EventMention = z.infer<typeof EventMentionSchema>;

export const DocumentMetaSchema = z.object({
  id: z.string().optional(),
  title: z.string().nullable().optional(),
  url: z.string().nullable().optional(),
  source: z.string().nullable().optional(),
  published: IsoPrefix.nullable(),
  /** Where the publication date came from: the caller, file metadata, or the text itself. */
  publishedFrom: z.enum(['given', 'metadata', 'text', 'none']).optional(),
  language: z.string().optional(),
});
export type DocumentMeta = z.infer<typeof DocumentMetaSchema>;

/** What `extract` returns for one document. */
export interface Extraction {
  document: DocumentMeta & { length: number; sentences: number };
  events: EventMention[];
}
