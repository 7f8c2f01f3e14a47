// Documents: the list, and one document's text with the offsets of every mention,
// which the reader view highlights.
import { z } from 'zod';
import { EntenteError } from '../../domain/errors.js';
import { EVENT_STATUSES } from '../../domain/event.js';
import type { DocumentDetail } from '../../store/event-store.js';
import type { RouteTable } from '../route.js';
import type { ApiContext } from '../context.js';
import { IdParams, pageOf, pageQuery } from '../schemas.js';

const DocumentSummarySchema = z.object({
  id: z.string(), title: z.string().nullable(), url: z.string().nullable(), source: z.string().nullable(), published: z.string().nullable(),
  hash: z.string(), language: z.string().nullable(), length: z.number().int(), mentions: z.number().int(), ingestedAt: z.string(),
});

const DocumentDetailSchema = z.object({
  id: z.string(), title: z.string().nullable(), url: z.string().nullable(), published: z.string().nullable(), text: z.string(),
  mentions: z.array(z.object({ id: z.string(), start: z.number().int(), end: z.number().int(), eventId: z.string(), type: z.string(), modality: z.string(), status: z.enum(EVENT_STATUSES).describe("the event's curation status (its type and modality are the event's, as corrected)") })),
});

export function documentJson(d: DocumentDetail) {
  const { mentionSpans, mentions: mentionCount, ...rest } = d;
  return { ...rest, mentionCount, mentions: mentionSpans };
}

export function documentRoutes(r: RouteTable, { store }: ApiContext): void {
  r.add({
    method: 'GET', url: '/api/documents', tag: 'documents', access: 'read',
    summary: 'Stored documents, newest first',
    query: z.object(pageQuery),
    response: pageOf(DocumentSummarySchema),
    handler: async ({ query }) => store.listDocuments({ limit: query.limit, offset: query.offset }),
  });
  r.add({
    method: 'GET', url: '/api/documents/:id', tag: 'documents', access: 'read',
    summary: "One document's text and the offsets of every mention in it",
    params: IdParams,
    response: DocumentDetailSchema,
    handler: async ({ params }) => {
      const d = await store.getDocument(params.id);
      if (!d) throw new EntenteError('NOT_FOUND', `no document ${params.id}`);
      return documentJson(d);
    },
  });
}
