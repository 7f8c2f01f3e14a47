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
import { EventSchema, IdParams, actorCode, actorText, pageOf, pageQuery } from '../schemas.js';
import { actorCodeOf } from '../../services/actor-input.js';

const curator = (req: FastifyRequest): Curator => ({ tokenId: req.principal.tokenId, role: req.principal.role ?? 'none' });

const DateInput = z.object({ start: IsoPrefix, end: IsoPrefix.optional(), granularity: z.enum(GRANULARITIES).optional() })
  .transform((d) => ({ start: d.start, end: d.end ?? d.start, granularity: d.granularity ?? granularityOf(d.start, d.end ?? d.start) }));

const Correction = z.object({
  type: z.enum(PLOVER_TYPES).optional(),
  sources: z.array(actorText).min(1).max(50).optional(),
  targets: z.array(actorText).max(50).optional(),
  date: DateInput.nullable().optional(),
  modality: z.enum(MODALITIES).optional(),
  reason: z.string().trim().max(1000).optional().describe('why, kept in the audit log'),
}).strict();

/** Accept and reject take an optional reason, kept in the audit log. */
const ReasonBody = z.object({ reason: z.string().trim().max(1000).optional() }).strict().optional();

const withReason = (who: Curator, reason: string | undefined): Curator => (reason ? { ...who, reason } : who);

async function codes(store: ApiContext['store'], list: string[] | undefined, field: string): Promise<string[] | undefined> {
  if (!list) return undefined;
  const out: string[] = [];
  for (const [i, t] of list.entries()) out.push(await actorCodeOf(store, t, `${field}[${i}]`));
  return [...new Set(out)];
}

export function curationRoutes(r: RouteTable, { store }: ApiContext): void {
  r.add({
    method: 'POST', url: '/api/events/:id/accept', tag: 'curation', access: 'editor',
    summary: 'Mark an extracted event as checked and right',
    params: IdParams, body: ReasonBody, response: EventSchema,
    handler: async ({ params, body, req }) => store.setEventStatus(params.id, 'accepted', withReason(curator(req), body?.reason)),
  });
  r.add({
    method: 'POST', url: '/api/events/:id/reject', tag: 'curation', access: 'editor',
    summary: 'Reject an event: it leaves every default list, for every reader',
    params: IdParams, body: ReasonBody, response: EventSchema,
    handler: async ({ params, body, req }) => store.setEventStatus(params.id, 'rejected', withReason(curator(req), body?.reason)),
  });
  r.add({
    method: 'PATCH', url: '/api/events/:id', tag: 'curation', access: 'editor',
    summary: "Correct an event's type, actors, date or modality; it is marked corrected and re-extraction leaves it alone",
    params: IdParams, body: Correction, response: EventSchema,
    handler: async ({ params, body, req }) => {
      // Actors may be typed as names; each resolves to a registry code or is refused with suggestions.
      const { reason, sources, targets, ...rest } = body;
      const patch = { ...rest, ...(sources ? { sources: await codes(store, sources, 'sources') } : {}), ...(targets ? { targets: await codes(store, targets, 'targets') } : {}) };
      return store.correctEvent(params.id, patch, withReason(curator(req), reason));
    },
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
    body: z.object({ from: actorCode, into: actorText }).strict(),
    response: z.object({ events: z.number().int(), mentions: z.number().int() }),
    handler: async ({ body, req }) => store.mergeActors(body.from, await actorCodeOf(store, body.into, 'into'), curator(req)),
  });
  r.add({
    method: 'GET', url: '/api/audit', tag: 'curation', access: 'editor',
    summary: 'The audit log of curation: who changed what, when, before and after (newest first)',
    query: z.object({
      subject: z.string().max(200).optional().describe('an event id or actor code'), action: z.enum(AUDIT_ACTIONS).optional(),
      user: z.string().max(200).optional().describe('the token id that made the change'),
      from: IsoPrefix.optional().describe('changes made on or after this day'), to: IsoPrefix.optional().describe('changes made on or before this day'),
      ...pageQuery,
    }),
    response: pageOf(z.object({ id: z.number().int(), at: z.string(), tokenId: z.string().nullable(), role: z.string(), action: z.enum(AUDIT_ACTIONS), subject: z.string(), before: z.unknown(), after: z.unknown() })),
    handler: async ({ query }) => store.listAudit({ subject: query.subject, action: query.action, tokenId: query.user, from: query.from, to: query.to }, { limit: query.limit, offset: query.offset }),
  });
}
