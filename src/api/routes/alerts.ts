// Alerts and watchlists: the alert list, its Atom feed, a server-sent-event stream of new
// alerts, and watch management (editors). A watch's webhook is checked like an ingest URL:
// the server will POST to it, so private addresses are refused unless allowPrivateFetch.
import { z } from 'zod';
import { EntenteError } from '../../domain/errors.js';
import { addWatch, alertsToAtom } from '../../alerts/index.js';
import type { Alert, Watch } from '../../store/watch-store.js';
import type { Role } from '../../store/auth-store.js';
import type { RouteTable } from '../route.js';
import type { ApiContext } from '../context.js';
import { IdParams, actorText, pageOf, pageQuery } from '../schemas.js';
import { actorCodeOf } from '../../services/actor-input.js';
import { checkFetchUrl } from '../url-guard.js';
import { SECURITY_HEADERS } from '../security-headers.js';
import { tokenOf } from '../auth.js';

const WatchSchema = z.object({
  id: z.string(), a: z.string(), b: z.string().nullable(), threshold: z.number(),
  webhook: z.string().nullable().describe('the full URL, for admins only (it often holds a secret); null for everyone else'),
  webhookHost: z.string().nullable().describe('the webhook\'s scheme and host, for every reader'),
  label: z.string().nullable(), createdAt: z.string(), lastCheckedAt: z.string().nullable(),
});

const AlertSchema = z.object({
  id: z.string(), watchId: z.string(), dyad: z.string(), kind: z.enum(['shift', 'event']), key: z.string(), title: z.string(), summary: z.string(),
  date: z.string().nullable(), data: z.record(z.string(), z.unknown()), createdAt: z.string(),
  delivery: z.enum(['none', 'pending', 'delivered', 'failed']), attempts: z.number().int(), lastError: z.string().nullable(), deliveredAt: z.string().nullable(),
});

const WatchBody = z.object({
  a: actorText,
  b: z.union([actorText, z.null()]).optional().describe('the other actor; * or absent for A against everyone'),
  threshold: z.number().min(0).max(10).default(7).describe('alert on events with |intensity| at least this'),
  webhook: z.url({ protocol: /^https?$/ }).max(2000).nullable().optional(),
  label: z.string().trim().max(200).optional(),
}).strict();

/** A webhook URL often carries a secret (a Slack or Teams hook, a key in the query): only admins
 * read it whole; everyone else sees where alerts go, not how to post there. */
export function watchView(w: Watch, role: Role | null): Watch & { webhookHost: string | null } {
  let host: string | null = null;
  if (w.webhook) {
    try {
      const u = new URL(w.webhook);
      host = `${u.protocol}//${u.host}`;
    } catch {
      host = '(unreadable URL)';
    }
  }
  return { ...w, webhook: role === 'admin' ? w.webhook : null, webhookHost: host };
}

/** How often an idle stream sends a comment, so proxies and browsers keep it open. */
const KEEPALIVE_MS = 25_000;
/** How often an open stream checks that its token still lives (revoked by the API, the CLI or another server, or expired). */
const RECHECK_MS = 5_000;

export function alertRoutes(r: RouteTable, ctx: ApiContext): void {
  const { store, settings } = ctx;
  r.add({
    method: 'GET', url: '/api/alerts', tag: 'alerts', access: 'read',
    summary: 'Alerts raised by watches, newest first',
    query: z.object({ watch: z.string().max(100).optional().describe('only this watch'), ...pageQuery }),
    response: pageOf(AlertSchema),
    handler: async ({ query }) => store.listAlerts({ watchId: query.watch }, { limit: query.limit, offset: query.offset }),
  });
  r.add({
    method: 'GET', url: '/api/alerts.atom', tag: 'alerts', access: 'read', produces: 'application/atom+xml',
    summary: 'The newest alerts as an Atom feed',
    query: z.object({ limit: pageQuery.limit }),
    handler: async ({ query, req, reply }) => {
      const page = await store.listAlerts({}, { limit: query.limit });
      const self = `${req.protocol}://${req.host}/api/alerts.atom`;
      return reply.type('application/atom+xml; charset=utf-8').send(alertsToAtom(page.rows, { selfUrl: self }));
    },
  });
  r.add({
    method: 'GET', url: '/api/alerts/stream', tag: 'alerts', access: 'read', produces: 'text/event-stream',
    summary: 'Server-sent events: one `alert` event per new alert (EventSource; pass ?token=)',
    handler: async ({ req, reply }) => {
      // The token is checked again before each alert and every few seconds: a stream outlives
      // the request that opened it, and must not outlive its token.
      const secret = tokenOf(req);
      const live = async () => secret === null || (await store.verifyToken(secret)) !== null;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      res.write('retry: 5000\n\n');
      const send = (a: Alert) => res.write(`id: ${a.id}\nevent: alert\ndata: ${JSON.stringify(a)}\n\n`);
      let closed = false;
      const revoked = () => {
        if (closed) return;
        closed = true;
        const body = { error: { code: 'UNAUTHORIZED', message: 'the token of this stream was revoked or has expired' } };
        res.end(`event: error\ndata: ${JSON.stringify(body)}\n\n`);
      };
      // One check at a time, in order, so alerts keep their order and none slips past a revocation.
      let queue: Promise<void> = Promise.resolve();
      const deliver = (alerts: Alert[]) => {
        queue = queue.then(async () => {
          if (closed) return;
          if (!(await live().catch(() => true))) return revoked(); // a busy database is not a revocation
          if (!closed) for (const a of alerts) send(a);
        });
        return queue;
      };
      const unsubscribe = await ctx.alerts.subscribe((a) => void deliver([a as Alert]));
      // A reconnecting EventSource names the last alert it saw: send what it missed.
      const last = Number(req.headers['last-event-id']);
      if (Number.isFinite(last) && last > 0) {
        const missed = (await store.listAlerts({}, { limit: 100 })).rows.filter((a) => Number(a.id) > last).reverse();
        void deliver(missed);
      }
      const ping = setInterval(() => res.write(': keep-alive\n\n'), KEEPALIVE_MS);
      const recheck = setInterval(() => void deliver([]), RECHECK_MS);
      const end = () => {
        closed = true;
        clearInterval(ping);
        clearInterval(recheck);
        unsubscribe();
        ctx.streams.delete(res);
      };
      ctx.streams.add(res);
      res.on('close', end);
    },
  });
  r.add({
    method: 'GET', url: '/api/watches', tag: 'alerts', access: 'read',
    summary: 'Watchlists (webhook URLs in full for admins only; others get their host)',
    query: z.object(pageQuery),
    response: pageOf(WatchSchema),
    handler: async ({ query, req }) => {
      const all = await store.listWatches();
      const rows = all.slice(query.offset, query.offset + query.limit).map((w) => watchView(w, req.principal.role));
      return { rows, total: all.length, limit: query.limit, offset: query.offset, truncated: query.offset + rows.length < all.length };
    },
  });
  r.add({
    method: 'POST', url: '/api/watches', tag: 'alerts', access: 'editor',
    summary: 'Watch a dyad: alert on new high-intensity events and shifts (what is already stored is the baseline)',
    body: WatchBody,
    response: WatchSchema,
    handler: async ({ body, req, reply }) => {
      if (body.webhook) await checkFetchUrl(body.webhook, { allowPrivate: settings.allowPrivateFetch === 'true' });
      // Names resolve through the registry; an unknown actor is refused, never watched in vain.
      const a = await actorCodeOf(store, body.a, 'a');
      const b = body.b === '*' || !body.b ? null : await actorCodeOf(store, body.b, 'b');
      if (b === a) throw new EntenteError('BAD_INPUT', 'b: a watch needs two different actors (or * for all)');
      const w = await addWatch(store, { a, b, threshold: body.threshold, webhook: body.webhook ?? null, label: body.label ?? null });
      reply.status(201);
      return watchView(w, req.principal.role);
    },
  });
  r.add({
    method: 'DELETE', url: '/api/watches/:id', tag: 'alerts', access: 'editor',
    summary: 'Remove a watch and its alerts',
    params: IdParams,
    handler: async ({ params }) => {
      if (!(await store.removeWatch(params.id))) throw new EntenteError('NOT_FOUND', `no watch ${params.id}`);
      return { removed: params.id };
    },
  });
}
