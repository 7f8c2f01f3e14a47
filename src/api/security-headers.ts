// Security headers on every response. The CSP forbids inline scripts, so untrusted text
// that slips into a page as markup still runs nothing; styles may be inline (React's
// style props), workers and images may come from blob: (WebGL and canvas libraries).
import type { FastifyInstance } from 'fastify';
import { EntenteError } from '../domain/errors.js';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// no-referrer: the first page load carries the token in its URL.
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export function addSecurityHeaders(app: FastifyInstance): void {
  // onRequest, not onSend, so error replies and streamed (SSE, static) replies carry them too.
  app.addHook('onRequest', async (_req, reply) => {
    void reply.headers(SECURITY_HEADERS);
  });
}

/** Refuses requests whose Host header names another host (DNS-rebinding defence, as Jupyter does). */
export function checkHost(app: FastifyInstance, allowed: string[]): void {
  const names = new Set(allowed.map((h) => h.toLowerCase()));
  app.addHook('onRequest', async (req) => {
    const host = (req.headers.host ?? '').toLowerCase();
    const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
    if (!names.has(name)) throw new EntenteError('FORBIDDEN', `Host ${JSON.stringify(host)} is not a name this server answers to`);
  });
}
