// Curation (editors): accept, reject or correct an event, merge and split events, merge
// actors, and read the audit log. Every change is recorded with the token that made it.
import { z } from 'zod';
import { PLOVER_TYPES } from '../../domain/plover.js';
import { IsoPrefix, MODALITIES, GRANULARITIES } from '../../domain/mention.js';
import { granularityOf } from '../../domain/date-range.js';
import { AUDIT_ACTIONS, type Curator } from '../../store/curation-store.js';
import type { FastifyRequest } from 'fastify';
import type { RouteTable } from '../route.js';
import type { ApiContext } from '../context.js';
import { EventSchema, IdParams, actorCode, pageOf, pageQuery } from '../schemas.js';

const curator = (req: FastifyRequest): Curator => ({ tokenId: req.principal.tokenId, role: req.principal.role ?? 'none' });

const DateInput = z.object({ start: IsoPrefix, end: IsoPrefix.optional(), granularity: z.enum(GRANULARITIES).optional() })
  .transform((d) => ({ start: d.start, end: d.end ?? d.start, granularity: d.granularity ?? granularityOf(d.start, d.end ?? d.start) }));

const Correction = z.object({
  type: z.enum(PLOVER_TYPES).optional(),
  sources: z.array(actorCode).min(1).max(50).optional(),
  targets: z.array(actorCode).max(50).optional(),
  date: DateInput.nullable().optional(),
  modality: z.enum(MODALITIES).optional(),
}).strict();

const NoBody = z.object({}).strict().optional();

export function curationRoutes(r: RouteTable, { store }: ApiContext): void {
  r.add({
    method: 'POST', url: '/api/events/:id/accept', tag: 'curation', access: 'editor',
    summary: 'Mark an extracted event as checked and right',
    params: IdParams, body: NoBody, response: EventSchema,
    handler: async ({ params, req }) => store.setEventStatus(params.id, 'accepted', curator(req)),
  });
  r.add({
    method: 'POST', url: '/api/events/:id/reject', tag: 'curation', access: 'editor',
    summary: 'Reject an event: it leaves every default list, for every reader',
    params: IdParams, body: NoBody, response: EventSchema,
    handler: async ({ params, req }) => store.setEventStatus(params.id, 'rejected', curator(req)),
  });
  r.add({
    method: 'PATCH', url: '/api/events/:id', tag: 'curation', access: 'editor',
    summary: "Correct an event's type, actors, date or modality; it is marked corrected and re-extraction leaves it alone",
    params: IdParams, body: Correction, response: EventSchema,
    handler: async ({ params, body, req }) => store.correctEvent(params.id, body, curator(req)),
  });
  r.add({
    method: 'POST', url: '/api/events/merge', tag: 'curation', access: 'editor',
    summary: 'Merge events into the first one named (its mentions join it)',
    body: z.object({ ids: z.array(z.string().min(1).max(200)).min(2).max(100) }).strict(), response: EventSchema,
    handler: async ({ body, req }) => store.mergeEvents(body.ids, curator(req)),
  });
  r.add({
    method: 'POST', url: '/api/events/:id/split', tag: 'curation', access: 'editor',
    summary: 'Move some mentions of an event into a new event',
    params: IdParams,
    body: z.object({ mentionIds: z.array(z.string().min(1).max(200)).min(1).max(10_000) }).strict(),
    response: z.object({ original: EventSchema, created: EventSchema }),
    handler: async ({ params, body, req }) => store.splitEvent(params.id, body.mentionIds, curator(req)),
  });
  r.add({
    method: 'POST', url: '/api/actors/merge', tag: 'curation', access: 'editor',
    summary: 'Merge one actor code into another across every event and mention',
    body: z.object({ from: actorCode, into: actorCode }).strict(),
    response: z.object({ events: z.number().int(), mentions: z.number().int() }),
    handler: async ({ body, req }) => store.mergeActors(body.from, body.into, curator(req)),
  });
  r.add({
    method: 'GET', url: '/api/audit', tag: 'curation', access: 'editor',
    summary: 'The audit log of curation: who changed what, when, before and after (newest first)',
    query: z.object({ subject: z.string().max(200).optional().describe('an event id or actor code'), action: z.enum(AUDIT_ACTIONS).optional(), ...pageQuery }),
    response: pageOf(z.object({ id: z.number().int(), at: z.string(), tokenId: z.string().nullable(), role: z.string(), action: z.enum(AUDIT_ACTIONS), subject: z.string(), before: z.unknown(), after: z.unknown() })),
    handler: async ({ query }) => store.listAudit({ subject: query.subject, action: query.action }, { limit: query.limit, offset: query.offset }),
  });
}
