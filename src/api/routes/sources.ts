// Followed sources (admins): list with their last and next fetch, items added and last error;
// add, pause, resume and remove. `entente serve --follow` (or a separate `entente follow`)
// polls them. A source's URL is checked for form here and for its address on every fetch.
import { z } from 'zod';
import { EntenteError } from '../../domain/errors.js';
import { SOURCE_KINDS } from '../../store/source-store.js';
import { sourceInput } from '../../sources/source-config.js';
import type { RouteTable } from '../route.js';
import type { ApiContext } from '../context.js';
import { IdParams } from '../schemas.js';
import { SourceSchema, type SourceWire } from '../source-schema.js';


const SourceBody = z.object({
  kind: z.enum(SOURCE_KINDS),
  target: z.string().trim().max(2000).optional().describe('feed or page URL, GDELT base URL (default GDELT 2.0), or the folder of an acled or icews source'),
  every: z.string().max(20).optional().describe('poll interval: 30s, 10m, 1h …'),
  label: z.string().trim().max(200).optional(),
  mentions: z.boolean().optional().describe('GDELT: import the mentions files too'),
  translation: z.boolean().optional().describe('GDELT: follow the translated stream too'),
  order: z.enum(['oldest', 'newest']).optional().describe('GDELT catch-up order after downtime'),
  maxCatchUp: z.number().int().min(1).max(10_000).optional().describe('GDELT: files per poll when catching up'),
}).strict();

/** The store's source without its poller state (ETags and the like stay inside). */
const wire = ({ state: _s, ...rest }: { state: unknown } & SourceWire): SourceWire => rest;

export function sourceRoutes(r: RouteTable, { store }: ApiContext): void {
  r.add({
    method: 'GET', url: '/api/sources', tag: 'sources', access: 'admin',
    summary: 'Followed sources with their last fetch, next fetch, items added and last error',
    response: z.object({ rows: z.array(SourceSchema) }),
    handler: async () => ({ rows: (await store.listSources()).map(wire) }),
  });
  r.add({
    method: 'POST', url: '/api/sources', tag: 'sources', access: 'admin', perMinute: 30,
    summary: 'Follow a source (feed, page, gdelt, acled or icews)',
    body: SourceBody,
    response: SourceSchema,
    handler: async ({ body, reply }) => {
      const s = await store.addSource(sourceInput(body));
      reply.status(201);
      return wire(s);
    },
  });
  for (const [action, paused] of [['pause', true], ['resume', false]] as const) {
    r.add({
      method: 'POST', url: `/api/sources/:id/${action}`, tag: 'sources', access: 'admin', perMinute: 60,
      summary: paused ? 'Stop polling a source, keeping it' : 'Poll a paused source again, now',
      params: IdParams,
      response: SourceSchema,
      handler: async ({ params }) => {
        const ok = await store.updateSource(params.id, paused ? { paused } : { paused, nextFetchAt: null, failures: 0 });
        const s = ok ? await store.getSource(params.id) : null;
        if (!s) throw new EntenteError('NOT_FOUND', `no source ${params.id}`);
        return wire(s);
      },
    });
  }
  r.add({
    method: 'DELETE', url: '/api/sources/:id', tag: 'sources', access: 'admin', perMinute: 30,
    summary: 'Stop following a source',
    params: IdParams,
    handler: async ({ params }) => {
      if (!(await store.removeSource(params.id))) throw new EntenteError('NOT_FOUND', `no source ${params.id}`);
      return { removed: params.id };
    },
  });
}
