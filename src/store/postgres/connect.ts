// Opening a PostgreSQL connection pool, and saying in one line what went wrong when that fails:
// which server and database, and whether it was unreachable, refused the password, lacked the
// database or was too old. The password never appears in a message.
import pg from 'pg';
import { EntenteError } from '../../domain/errors.js';

/** The oldest PostgreSQL this backend runs on (server_version_num). */
export const MIN_SERVER_VERSION = 150000;

/** host:port/database of a URL, without user or password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    const host = u.searchParams.get('host') ?? (decodeURIComponent(u.hostname) || 'localhost');
    return `${host}:${u.port || 5432}/${decodeURIComponent(u.pathname.slice(1))}`;
  } catch {
    return 'the PostgreSQL URL';
  }
}

/** What a connection failure means, in a few words. */
export function connectFailure(e: unknown): string {
  const err = e as { code?: string; message?: string };
  switch (err.code) {
    case 'ECONNREFUSED': return 'connection refused (is the server running and listening there?)';
    case 'ENOTFOUND': case 'EAI_AGAIN': return 'unknown host';
    case 'ETIMEDOUT': return 'connection timed out';
    case 'ECONNRESET': return 'connection reset by the server';
    case '28P01': return 'password authentication failed';
    case '28000': return `not allowed to connect (${err.message ?? 'pg_hba.conf'})`;
    case '3D000': return 'the database does not exist (create it with createdb)';
    case '57P03': return 'the server is starting up or shutting down';
    default: return (err.message ?? String(e)).split('\n')[0] || 'connection failed';
  }
}

export function checkServerVersion(versionNum: number, where: string): void {
  if (!(versionNum >= MIN_SERVER_VERSION)) {
    const major = Math.floor(versionNum / 10000);
    throw new EntenteError('UNSUPPORTED', `PostgreSQL at ${where} is version ${major}; Entente needs PostgreSQL ${MIN_SERVER_VERSION / 10000} or newer`);
  }
}

export interface PoolOptions {
  max?: number;
}

/** A pool whose first connection has been made (so a bad URL fails here, clearly) and whose server is recent enough. */
export async function openPool(url: string, opts: PoolOptions = {}): Promise<pg.Pool> {
  const where = describeUrl(url);
  let pool: pg.Pool;
  try {
    pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, connectionTimeoutMillis: 15_000, application_name: 'entente' } as pg.PoolConfig);
  } catch (e) {
    throw new EntenteError('BAD_INPUT', `cannot read the PostgreSQL URL ${where}: ${(e as Error).message}`);
  }
  // An idle connection the server drops (restart, failover) must not take the process down;
  // the next query gets a fresh connection or a clear error.
  pool.on('error', () => undefined);
  // Likewise a connection in use: its query fails with the error, which the caller reports.
  pool.on('connect', (client) => client.on('error', () => undefined));
  let version: number;
  try {
    const r = await pool.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
    version = Number(r.rows[0].v);
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw new EntenteError('DB_ERROR', `cannot connect to PostgreSQL at ${where}: ${connectFailure(e)}`);
  }
  try {
    checkServerVersion(version, where);
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw e;
  }
  return pool;
}
