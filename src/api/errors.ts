// The one error handler: every failure leaves the server as { error: { code, message } }
// with a status that fits its code. Unknown errors become a bare 500: internals (stack
// traces, SQL) are logged, never sent.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { EntenteError, isEntenteError, type ErrorCode } from '../domain/errors.js';

const MB = 1024 * 1024;

const STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_INPUT: 400,
  BAD_FORMAT: 400,
  NOT_TEXT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  PERMISSION_DENIED: 500,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNSUPPORTED: 415,
  // The database refused (read-only, locked, damaged, disk full): the server is up, the store is not.
  DB_ERROR: 503,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code] ?? 500;
}

export interface ErrorBody { error: { code: ErrorCode; message: string } }

/** "query.limit: Too big: expected number to be <=10000" — the first issue names the field. */
function zodMessage(e: ZodError, where: string): string {
  const first = e.issues[0];
  const path = [where, ...(first?.path ?? []).map(String)].filter(Boolean).join('.');
  const more = e.issues.length > 1 ? ` (and ${e.issues.length - 1} more)` : '';
  return `${path}: ${first?.message ?? 'invalid'}${more}`;
}

/** A ZodError tagged with the part of the request it validated (query, params, body). */
export class RequestValidationError extends Error {
  constructor(readonly where: string, readonly zod: ZodError) {
    super(zodMessage(zod, where));
  }
}

/** Fastify's own errors (body too large, bad JSON, wrong content type) carry a status and an FST_ code. */
function fromFastify(e: FastifyError, maxUploadMb: number): EntenteError | null {
  switch (e.statusCode) {
    case 413:
      return new EntenteError('TOO_LARGE', `request body is larger than the limit of this endpoint (uploads: ${maxUploadMb} MB, the maxUploadMb setting)`);
    case 415:
      return new EntenteError('UNSUPPORTED', `unsupported content type: ${e.message}`);
    case 429:
      return new EntenteError('RATE_LIMITED', e.message || 'too many requests; slow down');
    case 404:
      return new EntenteError('NOT_FOUND', e.message);
    default:
      if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return new EntenteError('BAD_INPUT', e.message);
      return null;
  }
}

export function toEntenteError(e: unknown, maxUploadMb: number): EntenteError {
  if (isEntenteError(e)) return e;
  if (e instanceof RequestValidationError) return new EntenteError('BAD_INPUT', e.message);
  if (e instanceof ZodError) return new EntenteError('BAD_INPUT', zodMessage(e, ''));
  const fe = e as FastifyError;
  // Multipart reports an oversized file with its own code and no statusCode on some paths.
  if (fe?.code === 'FST_REQ_FILE_TOO_LARGE' || fe?.code === 'FST_PARTS_LIMIT' || fe?.code === 'FST_FILES_LIMIT') {
    return new EntenteError('TOO_LARGE', `upload is larger than the ${maxUploadMb} MB limit (the maxUploadMb setting)`);
  }
  if (fe && typeof fe.statusCode === 'number') {
    const mapped = fromFastify(fe, maxUploadMb);
    if (mapped) return mapped;
  }
  return new EntenteError('INTERNAL', 'internal error');
}

/** What a client may read of a database error: the reason, never the file's path. */
function dbReason(e: EntenteError): string {
  const why = e.details?.why;
  return `database unavailable: ${typeof why === 'string' ? why : 'the database cannot be read or written'}`;
}

export function makeErrorHandler(maxUploadMb: number, onDatabaseError?: (e: EntenteError) => void) {
  return function handle(e: unknown, req: FastifyRequest, reply: FastifyReply): void {
    let err = toEntenteError(e, maxUploadMb);
    // A body over the route's own limit names that limit (a JSON route's is not the upload one).
    const limit = req.routeOptions?.bodyLimit;
    if ((e as FastifyError)?.code === 'FST_ERR_CTP_BODY_TOO_LARGE' && typeof limit === 'number') {
      const size = limit >= MB ? `${Math.round((limit / MB) * 10) / 10} MB` : `${Math.round(limit / 1024)} KB`;
      err = new EntenteError('TOO_LARGE', `request body is larger than the ${size} this endpoint accepts`, { limit });
    }
    const status = statusOf(err.code);
    // Server-side failures keep their code but not their message: it may carry SQL or paths.
    if (status >= 500) req.log.error({ err: e }, 'request failed');
    if (err.code === 'DB_ERROR') onDatabaseError?.(err);
    const message = err.code === 'DB_ERROR' ? dbReason(err) : status >= 500 ? 'internal error' : err.message;
    const body: ErrorBody = { error: { code: err.code, message } };
    void reply.status(status).type('application/json; charset=utf-8').send(body);
  };
}
