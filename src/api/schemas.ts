// Zod fragments shared by the routes: pagination, comma lists, the event filter.
// Query strings arrive as text, so numbers are coerced and lists split here.
import { z } from 'zod';
import { PLOVER_TYPES } from '../domain/plover.js';
import { MODALITIES, IsoPrefix } from '../domain/mention.js';
import { EVENT_STATUSES, ORIGINS } from '../domain/event.js';
import type { EventFilter } from '../store/event-store.js';

/** The largest page any list endpoint returns. */
export const API_MAX_LIMIT = 1000;
export const API_DEFAULT_LIMIT = 100;

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(API_MAX_LIMIT).default(API_DEFAULT_LIMIT).describe(`rows per page (1–${API_MAX_LIMIT})`),
  offset: z.coerce.number().int().min(0).default(0).describe('rows to skip'),
};

/** "ASSAULT,AID" → ['ASSAULT', 'AID'], each checked against the vocabulary. */
export function commaList<T extends string>(values: readonly [T, ...T[]], what: string) {
  return z.string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)).min(1))
    .describe(`comma-separated ${what}: ${values.join(', ')}`);
}

export const actorCode = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/, 'an actor code such as RUS or NATO').transform((s) => s.toUpperCase());

/** An actor as typed: a code or a name ("North Korea", "Putin"); the route resolves it (services/actor-input). */
export const actorText = z.string().trim().min(1).max(100).describe('an actor code (RUS) or name (Russia)');

export const eventFilterQuery = {
  actor: actorCode.optional().describe('actor code, in any role'),
  with: actorCode.optional().describe('a second actor: events involving both'),
  type: commaList(PLOVER_TYPES, 'PLOVER types').optional(),
  from: IsoPrefix.optional().describe('ISO date or prefix: events ending on or after it'),
  to: IsoPrefix.optional().describe('ISO date or prefix: events starting on or before it'),
  modality: commaList(MODALITIES, 'modalities').optional().describe('comma-separated modalities (default asserted)'),
  origin: commaList(ORIGINS, 'origins').optional(),
  status: commaList(EVENT_STATUSES, 'curation statuses').optional().describe('only these statuses (rejected ones are listed only when named)'),
  order: z.enum(['asc', 'desc']).default('asc').describe('date order: oldest first (asc) or newest first (desc)'),
};

export const EventFilterQuery = z.object({ ...eventFilterQuery, ...pageQuery });

export function toEventFilter(q: { actor?: string; with?: string; type?: EventFilter['type']; from?: string; to?: string; modality?: EventFilter['modality']; origin?: EventFilter['origin']; status?: EventFilter['status']; order?: EventFilter['order'] }): EventFilter {
  const f: EventFilter = {};
  if (q.actor) f.actor = q.actor;
  if (q.with) f.with = q.with;
  if (q.type) f.type = q.type;
  if (q.from) f.from = q.from;
  if (q.to) f.to = q.to;
  if (q.modality) f.modality = q.modality;
  if (q.origin) f.origin = q.origin;
  if (q.status) f.status = q.status;
  if (q.order === 'desc') f.order = 'desc';
  return f;
}

export const IdParams = z.object({ id: z.string().min(1).max(200) });

export function pageOf<T extends z.ZodType>(row: T) {
  return z.object({
    rows: z.array(row),
    total: z.number().int().nullable(),
    limit: z.number().int(),
    offset: z.number().int(),
    truncated: z.boolean(),
  });
}

/** Documented shapes (responses are not validated at run time). */
export const EventSchema = z.object({
  id: z.string(),
  origin: z.enum(ORIGINS),
  externalId: z.string().nullable(),
  type: z.enum(PLOVER_TYPES),
  mode: z.string().nullable(),
  sources: z.array(z.string()),
  targets: z.array(z.string()),
  date: z.object({ start: z.string(), end: z.string(), granularity: z.string() }).nullable(),
  dateKind: z.enum(['event', 'report']),
  modality: z.enum(MODALITIES),
  mentionCount: z.number().int(),
  disputed: z.boolean(),
  status: z.enum(['extracted', 'accepted', 'rejected', 'corrected']),
  intensity: z.number(),
  firstReported: z.string().nullable(),
  lastReported: z.string().nullable(),
  location: z.unknown().nullable(),
  attrs: z.record(z.string(), z.unknown()),
  sourceUrl: z.string().nullable().describe('the page a dataset record cites (GDELT SOURCEURL, the reference source); null for text events, whose sources are their documents'),
  summary: z.string().describe("one line: the record's title, else the first sentence stating the event, else actors and type"),
});

const snippet = z.string().describe('the matching text, matched words in [brackets]');

/** A search hit: in a document, in a text event's sentence, or in an event's own record. */
export const SearchHitSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.enum(['document', 'mention']), documentId: z.string(), mentionId: z.string().nullable(), eventId: z.string().nullable(),
    title: z.string().nullable().describe("the document's title"), snippet,
  }),
  z.object({
    kind: z.literal('event'), eventId: z.string(), documentId: z.null(), mentionId: z.null(),
    title: z.string().describe("the event's one-line summary"),
    snippet: snippet.describe("the event's searchable text (title, notes, actor names, place, codes, source link) around the match, matched words in [brackets]"),
    type: z.enum(PLOVER_TYPES), origin: z.enum(ORIGINS), sources: z.array(z.string()), targets: z.array(z.string()),
    date: EventSchema.shape.date, status: z.enum(EVENT_STATUSES), sourceUrl: z.string().nullable().describe('the page the record cites'),
  }),
]);
