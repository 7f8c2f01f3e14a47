// createApp: builds the HTTP server over a store without listening, so tests drive it
// in-process with app.inject() and `entente serve` calls listen() on loopback.
// Every route is declared through the route table (validation, access, rate limit, docs).
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import type { Store } from '../store/store.js';
import { loadSettings, type Settings } from '../config/settings.js';
import { EntenteError } from '../domain/errors.js';
import { makeErrorHandler } from './errors.js';
import { addSecurityHeaders, checkHost, SECURITY_HEADERS } from './security-headers.js';
import { addPrincipal } from './auth.js';
import { addRequestLog, type LogSink } from './request-log.js';
import { routeTable } from './route.js';
import type { ApiContext } from './context.js';
import { AlertBus } from './alert-bus.js';
import { IngestJobs } from './ingest-jobs.js';
import { DEFAULT_WEB_DIR, serveWeb } from './web.js';
import { metaRoutes } from './routes/meta.js';
import { eventRoutes } from './routes/events.js';
import { documentRoutes } from './routes/documents.js';
import { tokenRoutes } from './routes/tokens.js';
import { analysisRoutes } from './routes/analysis.js';
import { ingestRoutes } from './routes/ingest.js';
import { curationRoutes } from './routes/curation.js';
import { alertRoutes } from './routes/alerts.js';
import { sourceRoutes } from './routes/sources.js';
import { checkWatches } from '../alerts/index.js';

export interface AppOptions {
  store: Store;
  /**
   * Where the store was opened (its `db` setting). Given, API ingests run in a worker thread
   * with its own connection to it; without it they run on the server's own thread.
   */
  db?: string;
  settings?: Settings;
  /** Reading needs no token (writing still does). */
  open?: boolean;
  /** The built web UI; defaults to this package's web/dist. */
  webDir?: string;
  /** Requests per minute per token or address on write endpoints (default 120), reads (default 6000) and ingest (default 30). */
  writesPerMinute?: number;
  readsPerMinute?: number;
  ingestsPerMinute?: number;
  /** Refused tokens per minute per address before it is refused outright until the minute ends (default 20). */
  authFailuresPerMinute?: number;
  /** Told of every database error a request met (answered 503 DB_ERROR); `serve` stops on a fatal one. */
  onDatabaseError?: (e: EntenteError) => void;
  /** Fastify's own logger (pino), for library users who want it. */
  logger?: boolean;
  /** Where the request log's JSON lines go (`entente serve`: stderr); none by default. */
  requestLog?: LogSink;
  /**
   * Host names the server answers to (any port). A server on loopback sets them so that a web
   * page whose own name was re-pointed at 127.0.0.1 (DNS rebinding) cannot talk to it.
   */
  allowedHosts?: string[];
}

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const MB = 1024 * 1024;

export async function createApp(opts: AppOptions): Promise<FastifyInstance> {
  const settings = opts.settings ?? loadSettings();
  const maxUploadMb = Number(settings.maxUploadMb);
  if (!Number.isFinite(maxUploadMb) || maxUploadMb <= 0) throw new EntenteError('BAD_INPUT', `setting maxUploadMb: expected a positive number, got ${settings.maxUploadMb}`);
  const open = opts.open ?? false;
  const app = Fastify({
    logger: opts.logger ? { level: 'info' } : false,
    // Routes declare their own limits; this is the ceiling for anything undeclared.
    bodyLimit: MB,
    // Keep /api/x and /api/x/ the same route.
    routerOptions: { ignoreTrailingSlash: true },
    // Requests Node refuses before routing (a broken request line, headers over the limit)
    // get the same error shape and security headers as every other answer.
    clientErrorHandler(err: NodeJS.ErrnoException, socket) {
      if (!socket.writable) return;
      const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
      const status = tooLarge ? 431 : 400;
      const body = JSON.stringify({ error: { code: tooLarge ? 'TOO_LARGE' : 'BAD_INPUT', message: tooLarge ? 'request headers are larger than the server accepts (16 KB)' : 'malformed HTTP request' } });
      const headers = Object.entries({ ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), connection: 'close' })
        .map(([k, v]) => `${k}: ${v}`).join('\r\n');
      socket.end(`HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n${headers}\r\n\r\n${body}`);
    },
  });
  app.setErrorHandler(makeErrorHandler(maxUploadMb, opts.onDatabaseError));
  addSecurityHeaders(app);
  if (opts.requestLog) addRequestLog(app, opts.requestLog);
  if (opts.allowedHosts) checkHost(app, opts.allowedHosts);
  addPrincipal(app, opts.store, open, opts.authFailuresPerMinute);
  await app.register(fastifyRateLimit, {
    global: false,
    keyGenerator: (req) => req.principal?.tokenId ?? req.ip,
    errorResponseBuilder: (_req, c) => new EntenteError('RATE_LIMITED', `too many requests: at most ${c.max} a minute; retry in ${c.after}`),
  });
  await app.register(fastifyMultipart, {
    limits: { fileSize: maxUploadMb * MB, files: 1, fields: 10, fieldSize: 64 * 1024, parts: 12 },
  });

  const store = opts.store;
  let checking: Promise<void> = Promise.resolve();
  const ctx: ApiContext = {
    store, settings, open, version: VERSION, maxUploadBytes: maxUploadMb * MB, ingestsPerMinute: opts.ingestsPerMinute ?? 30,
    alerts: new AlertBus(async () => (await store.listAlerts({}, { limit: 100 })).rows),
    streams: new Set(),
    ingestJobs: new IngestJobs({ db: opts.db ?? '', store }),
    afterIngest(_eventIds) {
      // Chained, so two quick ingests never check the same watch at once; never rejects.
      checking = checking.then(async () => {
        await checkWatches(store, { webhookTimeoutMs: Number(settings.webhookTimeoutMs) || 5000, log: (line) => app.log.info(line) });
        await ctx.alerts.poke();
      }).catch((e: unknown) => app.log.error({ err: e }, 'watch check failed'));
      return checking;
    },
  };
  const table = routeTable(app, { writesPerMinute: opts.writesPerMinute ?? 120, readsPerMinute: opts.readsPerMinute ?? 6000, jsonBodyLimit: MB });
  for (const register of [metaRoutes, eventRoutes, documentRoutes, analysisRoutes, alertRoutes, ingestRoutes, curationRoutes, sourceRoutes, tokenRoutes]) register(table, ctx);
  await serveWeb(app, opts.webDir ?? DEFAULT_WEB_DIR);
  app.addHook('preClose', async () => {
    await ctx.ingestJobs.close();
    ctx.alerts.close();
    for (const res of ctx.streams) res.end();
    await checking;
  });
  return app;
}
