// Serves the built workbench (web/dist) at /, with index.html for client-side routes.
// Unknown /api paths stay JSON 404s. Without a build, / says how to make one.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { EntenteError } from '../domain/errors.js';

/** web/dist of this package: two levels up from src/api (or dist/api once built). */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

const NO_BUILD = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Entente</title></head>
<body style="font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto">
<h1>Entente</h1>
<p>The API is running, but the web workbench has not been built.</p>
<p>Build it with <code>npm run build:web</code> (or <code>npx vite build web</code>) in the package folder, then reload.</p>
<p>The API itself is described at <a href="/api/docs">/api/docs</a>.</p>
</body></html>
`;

export async function serveWeb(app: FastifyInstance, webDir: string): Promise<void> {
  const built = existsSync(join(webDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: ['index.html'] });
    app.get('/*', { config: { rateLimit: false } }, async (req, reply) => {
      const path = req.url.split('?')[0];
      if (path.startsWith('/api/')) throw new EntenteError('NOT_FOUND', `no route GET ${path}`);
      // A path with a file extension is a missing asset, not a client route.
      if (/\.[a-z0-9]+$/i.test(path)) throw new EntenteError('NOT_FOUND', `no file ${path}`);
      return reply.sendFile('index.html');
    });
  } else {
    app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(NO_BUILD));
  }
  app.setNotFoundHandler(async (req) => {
    throw new EntenteError('NOT_FOUND', `no route ${req.method} ${req.url.split('?')[0]}`);
  });
}
