// The server's request log: one JSON line per answered request (time, method, path, status,
// milliseconds, client address) and, for every 5xx, the error's code, message and stack, so a
// 500 leaves a trace while its answer says only "internal error". Tokens never reach the log:
// `token` is dropped from query strings, headers are not logged, and anything shaped like a
// token (`ent_…`) is blanked from the whole line as a last guard.
import type { FastifyInstance, FastifyRequest } from 'fastify';

export type LogSink = (line: string) => void;

const TOKEN_SHAPE = /ent_[A-Za-z0-9_-]{8,}/g;

/** The request's path and query without a `token` parameter. */
export function loggedPath(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = url.slice(q + 1).split('&').filter((p) => p && !/^token(=|$)/i.test(decodeURIComponentSafe(p)));
  return params.length ? `${url.slice(0, q)}?${params.join('&')}` : url.slice(0, q);
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function logLine(entry: Record<string, unknown>): string {
  return JSON.stringify(entry).replace(TOKEN_SHAPE, 'ent_[redacted]');
}

export function addRequestLog(app: FastifyInstance, sink: LogSink): void {
  const failures = new WeakMap<FastifyRequest, unknown>();
  app.addHook('onError', async (req, _reply, error) => {
    failures.set(req, error);
  });
  app.addHook('onResponse', async (req, reply) => {
    const status = reply.statusCode;
    const entry: Record<string, unknown> = {
      time: new Date().toISOString(),
      level: status >= 500 ? 'error' : 'info',
      method: req.method,
      path: loggedPath(req.url),
      status,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      ip: req.ip,
    };
    const err = failures.get(req) as { code?: unknown; message?: unknown; stack?: unknown } | undefined;
    if (status >= 500 && err) entry.error = { code: err.code ?? null, message: String(err.message ?? err), stack: typeof err.stack === 'string' ? err.stack : null };
    sink(logLine(entry));
  });
}
