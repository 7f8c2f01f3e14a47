// Who is asking and may they: a token from `Authorization: Bearer …` or `?token=` (the
// UI's first load and EventSource cannot set headers) resolves to a role. Viewers read,
// editors also ingest, curate and manage watchlists, admins also manage tokens.
// With `open` set, reading needs no token; writing always does.
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { EntenteError } from '../domain/errors.js';
import type { Role } from '../store/auth-store.js';
import type { Store } from '../store/store.js';
import { AuthFailures } from './auth-failures.js';

export type Access = 'public' | 'read' | 'editor' | 'admin';

export interface Principal {
  tokenId: string | null;
  role: Role | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
  interface FastifyInstance {
    openReads: boolean;
  }
}

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

function roleAtLeast(role: Role | null, needed: Role): boolean {
  return role !== null && RANK[role] >= RANK[needed];
}

/** The token a request carries (header or `?token=`), or null. */
export function tokenOf(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (header) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) throw new EntenteError('UNAUTHORIZED', 'Authorization header must be "Bearer TOKEN"');
    return m[1];
  }
  const q = (req.query as Record<string, unknown> | undefined)?.token;
  return typeof q === 'string' && q ? q : null;
}

/**
 * Resolves the caller once per request; a token that is given but unknown is refused outright.
 * An address with more than `failuresPerMinute` refused tokens in a minute is refused (429) until
 * the minute is over, whatever token it sends.
 */
export function addPrincipal(app: FastifyInstance, store: Store, open: boolean, failuresPerMinute = 20): void {
  app.decorate('openReads', open);
  app.decorateRequest('principal', null as unknown as Principal);
  const failures = new AuthFailures(failuresPerMinute);
  app.addHook('onRequest', async (req, reply) => {
    req.principal = { tokenId: null, role: null };
    // The workbench's pages need no principal: a stale `?token=` link must open the app (whose
    // sign-in box says why), not a JSON 401. Only the API checks tokens.
    if (!req.url.startsWith('/api/')) return;
    const hasToken = req.headers.authorization !== undefined || /[?&]token=/.test(req.url);
    const wait = hasToken ? failures.blockedFor(req.ip) : 0;
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      void reply.header('retry-after', String(seconds));
      throw new EntenteError('RATE_LIMITED', `too many failed sign-ins from this address: at most ${failuresPerMinute} a minute; retry in ${seconds} s`);
    }
    let token: string | null;
    try {
      token = tokenOf(req);
    } catch (e) {
      failures.fail(req.ip);
      throw e;
    }
    if (!token) return;
    const info = await store.verifyToken(token);
    if (!info) {
      failures.fail(req.ip);
      throw new EntenteError('UNAUTHORIZED', 'unknown, revoked or expired token');
    }
    req.principal = { tokenId: info.id, role: info.role };
  });
}

const NEEDED: Record<Exclude<Access, 'public'>, Role> = { read: 'viewer', editor: 'editor', admin: 'admin' };

export function requireAccess(access: Access): onRequestAsyncHookHandler {
  return async function checkAccess(req) {
    if (access === 'public') return;
    if (access === 'read' && req.server.openReads) return;
    const needed = NEEDED[access];
    const { role } = req.principal;
    if (role === null) throw new EntenteError('UNAUTHORIZED', `this endpoint needs a token with the ${needed} role (Authorization: Bearer TOKEN)`);
    if (!roleAtLeast(role, needed)) throw new EntenteError('FORBIDDEN', `this endpoint needs the ${needed} role; your token is a ${role} token`);
  };
}

