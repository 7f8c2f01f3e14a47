// Small helpers shared by the PostgreSQL parts: numbered parameters, transactions with retry
// on serialization failures and deadlocks, and turning driver errors into EntenteErrors.
import type pg from 'pg';
import { EntenteError } from '../../domain/errors.js';

/** Collects values and hands out their $n placeholders. */
export class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
  list(vs: readonly unknown[]): string {
    return vs.map((v) => this.add(v)).join(', ');
  }
}

export type Db = pg.Pool | pg.PoolClient;

export async function rows<T>(db: Db, sql: string, values: unknown[] = []): Promise<T[]> {
  return (await db.query(sql, values)).rows as T[];
}

export async function one<T>(db: Db, sql: string, values: unknown[] = []): Promise<T | undefined> {
  return (await db.query(sql, values)).rows[0] as T | undefined;
}

/** SQLSTATEs worth retrying the whole transaction for: serialization failure, deadlock. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;

export function isRetryable(e: unknown): boolean {
  return RETRYABLE.has((e as { code?: string })?.code ?? '');
}

/**
 * Runs fn in one transaction on one pooled connection. With `retry`, a serialization failure or
 * deadlock reruns fn (it must then be safe to run again: no side effects outside the database).
 */
export async function transaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>, opts: { retry?: boolean } = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const out = await fn(client);
      await client.query('COMMIT');
      return out;
    } catch (e) {
      try {
        await client.query('ROLLBACK');
      } catch (r) {
        broken = r as Error;
      }
      if (opts.retry && attempt < MAX_ATTEMPTS && isRetryable(e)) {
        await new Promise((res) => setTimeout(res, 5 * attempt * Math.random()));
        continue;
      }
      throw e;
    } finally {
      client.release(broken);
    }
  }
}

/** Server shut down, crashed or unreachable. */
const LOST = new Set(['57P01', '57P02', '57P03', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);

/** A driver error as an EntenteError (DB_ERROR) saying what was being done; EntenteErrors pass through. */
export function dbError(what: string, e: unknown): EntenteError {
  if (e instanceof EntenteError) return e;
  const err = e as { message?: string; code?: string };
  const message = (err.message ?? String(e)).split('\n')[0];
  if (LOST.has(err.code ?? '') || /Connection terminated|connection timeout/i.test(message)) {
    return new EntenteError('DB_ERROR', `${what}: lost the connection to the PostgreSQL server (${message}); what was committed stays, and running it again completes the rest`);
  }
  return new EntenteError('DB_ERROR', `${what}: ${message}`, err.code ? { sqlstate: err.code } : undefined);
}
