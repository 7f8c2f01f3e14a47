// Token management (admins): list, create (the secret is shown once) and revoke.
import { z } from 'zod';
import { EntenteError } from '../../domain/errors.js';
import { ROLES } from '../../store/auth-store.js';
import type { RouteTable } from '../route.js';
import type { ApiContext } from '../context.js';
import { IdParams, pageOf, pageQuery } from '../schemas.js';

const TokenSchema = z.object({
  id: z.string(), role: z.enum(ROLES), label: z.string().nullable(), createdAt: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable(),
  expiresAt: z.string().nullable().describe('when the token stops working by itself; null: until revoked'),
  session: z.string().nullable().describe('the server process a session token was printed by'),
});

export function tokenRoutes(r: RouteTable, { store }: ApiContext): void {
  r.add({
    method: 'GET', url: '/api/tokens', tag: 'tokens', access: 'admin',
    summary: 'API tokens (never their secrets)',
    query: z.object({ ...pageQuery, revoked: z.enum(['true', 'false']).default('false').describe('include revoked tokens') }),
    response: pageOf(TokenSchema),
    handler: async ({ query }) => store.listTokens({ limit: query.limit, offset: query.offset, includeRevoked: query.revoked === 'true' }),
  });
  r.add({
    method: 'POST', url: '/api/tokens', tag: 'tokens', access: 'admin', perMinute: 30,
    summary: 'Create a token; its secret is in the answer and nowhere else',
    body: z.object({
      role: z.enum(ROLES), label: z.string().trim().max(200).optional(),
      expiresInHours: z.number().positive().max(24 * 366 * 10).optional().describe('lifetime; absent: until revoked'),
    }),
    response: z.object({ token: z.string(), info: TokenSchema }),
    handler: async ({ body, reply }) => {
      reply.status(201);
      const expiresAt = body.expiresInHours ? new Date(Date.now() + body.expiresInHours * 3_600_000).toISOString() : null;
      return store.createToken(body.role, body.label ?? null, { expiresAt });
    },
  });
  r.add({
    method: 'DELETE', url: '/api/tokens/:id', tag: 'tokens', access: 'admin',
    summary: 'Revoke a token',
    params: IdParams,
    handler: async ({ params }) => {
      if (!(await store.revokeToken(params.id))) throw new EntenteError('NOT_FOUND', `no live token ${params.id}`);
      return { revoked: params.id };
    },
  });
}
