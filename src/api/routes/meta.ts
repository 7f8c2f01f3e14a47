// Health, the caller's role, and the API's own description (OpenAPI and a docs page).
import { z } from 'zod';
import { EntenteError } from '../../domain/errors.js';
import type { RouteTable } from '../route.js';
import type { ApiContext } from '../context.js';
import { docsPage, openapiDocument } from '../openapi.js';

export function metaRoutes(r: RouteTable, ctx: ApiContext): void {
  r.add({
    method: 'GET', url: '/api/health', tag: 'meta', access: 'public',
    summary: 'Liveness, version, and whether reading needs a token',
    response: z.object({ ok: z.boolean(), version: z.string(), open: z.boolean() }),
    handler: async () => ({ ok: true, version: ctx.version, open: ctx.open }),
  });
  r.add({
    method: 'GET', url: '/api/me', tag: 'meta', access: 'public',
    summary: "The caller's role (401 without a valid token)",
    response: z.object({ role: z.enum(['viewer', 'editor', 'admin']), tokenId: z.string() }),
    handler: async ({ req }) => {
      const { role, tokenId } = req.principal;
      if (!role) throw new EntenteError('UNAUTHORIZED', 'no token given (Authorization: Bearer TOKEN or ?token=TOKEN)');
      return { role, tokenId };
    },
  });
  // Built lazily: the table is complete only after every route file has registered.
  let doc: Record<string, unknown> | null = null;
  let page: string | null = null;
  r.add({
    method: 'GET', url: '/api/openapi.json', tag: 'meta', access: 'public',
    summary: 'This API as an OpenAPI 3.1 document',
    handler: async () => (doc ??= openapiDocument(r.specs, ctx.version)),
  });
  r.add({
    method: 'GET', url: '/api/docs', tag: 'meta', access: 'public', produces: 'text/html',
    summary: 'A page listing every operation',
    handler: async ({ reply }) => reply.type('text/html; charset=utf-8').send((page ??= docsPage(r.specs))),
  });
}
