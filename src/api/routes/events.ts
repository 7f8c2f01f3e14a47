// Reading events: filtered lists, one event with every mention and version, the
// timeline of an actor or dyad, actors and full-text search. Rejected events are left
// out of every list (the store's default), for every role.
import { z } from 'zod';
import { EntenteError } from '../../domain/errors.js';
import type { EventDetail } from '../../store/event-store.js';
import type { RouteTable } from '../route.js';
import type { ApiContext } from '../context.js';
import { actorsNamed, resolveActorText } from '../../services/actor-input.js';
import { overviewOf } from '../../services/overview.js';
import { API_DEFAULT_LIMIT, API_MAX_LIMIT, EventFilterQuery, EventSchema, IdParams, SearchHitSchema, actorCode, commaList, eventFilterQuery, pageOf, pageQuery, toEventFilter } from '../schemas.js';
import { SEARCH_KINDS } from '../../store/search.js';

/** The event detail with each mention's document flattened beside it, as the reader view wants it. */
export function eventDetailJson(e: EventDetail) {
  return {
    ...e,
    mentions: e.mentions.map((m) => ({ ...m, documentId: m.document.id, documentTitle: m.document.title })),
  };
}

const DocumentRef = z.object({ id: z.string(), title: z.string().nullable(), url: z.string().nullable(), source: z.string().nullable(), published: z.string().nullable() });
const ActorRef = z.object({ code: z.string(), role: z.string().optional(), name: z.string() });

const EventDetailSchema = EventSchema.extend({
  mentions: z.array(z.object({
    id: z.string(), eventId: z.string(), document: DocumentRef, documentId: z.string(), documentTitle: z.string().nullable(),
    start: z.number().int().describe('offset of the sentence in the document text (UTF-16 code units)'), end: z.number().int(), sentence: z.string(),
    type: z.string(), mode: z.string().nullable(), source: ActorRef, target: ActorRef.nullable(), date: z.unknown().nullable(), modality: z.string(),
    attribution: z.object({ code: z.string().nullable(), name: z.string() }).nullable(), confidence: z.number(), rule: z.string().nullable(),
  })),
  mentionPage: z.object({ total: z.number().int(), limit: z.number().int(), offset: z.number().int(), truncated: z.boolean() })
    .describe('how many mentions the event has and which of them `mentions` holds (mentionsLimit, mentionsOffset)'),
  versions: z.array(z.object({
    date: z.unknown().nullable(), sources: z.array(z.string()), targets: z.array(z.string()), modality: z.string(), mentionIds: z.array(z.string()), documents: z.array(DocumentRef),
  })).describe('each account of a disputed event; empty otherwise'),
});

export function eventRoutes(r: RouteTable, { store }: ApiContext): void {
  r.add({
    method: 'GET', url: '/api/events', tag: 'events', access: 'read',
    summary: 'Events matching the filters (asserted only unless modality says otherwise)',
    query: EventFilterQuery,
    response: pageOf(EventSchema),
    handler: async ({ query }) => store.listEvents(toEventFilter(query), { limit: query.limit, offset: query.offset }),
  });
  r.add({
    method: 'GET', url: '/api/events/:id', tag: 'events', access: 'read',
    summary: 'One event with a page of its mentions (sentence, offsets, document) and, if disputed, each version',
    params: IdParams,
    query: z.object({
      mentionsLimit: z.coerce.number().int().min(1).max(API_MAX_LIMIT).default(API_DEFAULT_LIMIT).describe(`mentions per page (1–${API_MAX_LIMIT})`),
      mentionsOffset: z.coerce.number().int().min(0).default(0).describe('mentions to skip'),
    }),
    response: EventDetailSchema,
    handler: async ({ params, query }) => {
      const e = await store.getEvent(params.id, { limit: query.mentionsLimit, offset: query.mentionsOffset });
      if (!e) throw new EntenteError('NOT_FOUND', `no event ${params.id}`);
      return eventDetailJson(e);
    },
  });
  r.add({
    method: 'GET', url: '/api/timeline', tag: 'events', access: 'read',
    summary: "An actor's (or a dyad's) events in date order, historical ones included",
    query: z.object({ ...eventFilterQuery, actor: actorCode.describe('actor code'), ...pageQuery }),
    response: pageOf(EventSchema),
    handler: async ({ query }) => {
      const { actor, with: other, ...rest } = toEventFilter(query);
      return store.timeline(actor!, other ?? null, rest, { limit: query.limit, offset: query.offset });
    },
  });
  r.add({
    method: 'GET', url: '/api/actors', tag: 'events', access: 'read',
    summary: 'Actors with their event counts',
    query: z.object(pageQuery),
    response: pageOf(z.object({ code: z.string(), name: z.string().nullable(), events: z.number().int() })),
    handler: async ({ query }) => store.listActors({ limit: query.limit, offset: query.offset }),
  });
  r.add({
    method: 'GET', url: '/api/overview', tag: 'events', access: 'read',
    summary: 'What the database holds: documents, events by origin, the years covered, the busiest actors',
    handler: async () => overviewOf(store),
  });
  r.add({
    method: 'GET', url: '/api/actors/resolve', tag: 'events', access: 'read',
    summary: 'The actor a typed code or name denotes (through the registry), or the closest ones',
    query: z.object({ q: z.string().trim().min(1).max(100).describe('a code (PRK) or a name (North Korea, Putin)') }),
    response: z.object({
      match: z.object({ code: z.string(), name: z.string(), how: z.enum(['code', 'name', 'store-code']) }).nullable(),
      suggestions: z.array(z.object({ code: z.string(), name: z.string() })),
    }),
    handler: async ({ query }) => resolveActorText(store, query.q),
  });
  r.add({
    method: 'GET', url: '/api/search', tag: 'events', access: 'read',
    summary: 'Documents, sentences of text events, and events\' own text (titles, notes, actor names, places, codes, source links) matching every word, "a phrase", or a OR b',
    query: z.object({
      q: z.string().trim().min(1).max(500).describe('words to find; "quoted phrase"; OR between terms'),
      kind: commaList(SEARCH_KINDS, 'kinds of hit').optional().describe('only these kinds of hit, one page across them in the order document, mention, event (all when absent)'),
      ...pageQuery,
    }),
    response: pageOf(SearchHitSchema),
    handler: async ({ query }) => store.search(query.q, { limit: query.limit, offset: query.offset }, query.kind),
  });
  r.add({
    method: 'GET', url: '/api/search/actors', tag: 'events', access: 'read',
    summary: 'The actors a search names (codes, names, leaders), each OR term and quoted phrase on its own',
    query: z.object({ q: z.string().trim().min(1).max(500) }),
    response: z.object({ actors: z.array(z.object({ code: z.string(), name: z.string() })) }),
    handler: async ({ query }) => ({ actors: await actorsNamed(store, query.q) }),
  });
}
