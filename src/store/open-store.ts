// The only place that picks a storage backend: a postgres:// URL or a SQLite file.
import type { Store } from './store.js';
import type { Settings } from '../config/settings.js';
import { EntenteError } from '../domain/errors.js';
import { openSqliteStore, type OpenOptions } from './sqlite/sqlite-store.js';
import { stderrProgress } from './migration-progress.js';

export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/** The database as it may be shown: a PostgreSQL URL without user and password. */
export function displayDb(db: string): string {
  if (!isPostgresUrl(db)) return db;
  try {
    const u = new URL(db);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return 'postgres://…';
  }
}

/**
 * A long migration on open (rollups of a big file) reports to `progress`, by default on stderr.
 * `readonly` (commands that only read) opens an up-to-date SQLite file read-only.
 */
export async function openStore(settings: (Pick<Settings, 'db'> & Partial<Pick<Settings, 'readDb'>>) | { db: string; readDb?: string }, opts: OpenOptions = {}): Promise<Store> {
  const db = settings.db;
  const readUrls = (settings.readDb ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (isPostgresUrl(db)) {
    if (readUrls.some((u) => !isPostgresUrl(u))) throw new EntenteError('BAD_INPUT', 'read replicas (--read-db) must be postgres:// URLs');
    // Loaded only when asked for: a SQLite user never loads the PostgreSQL driver.
    const { openPostgresStore } = await import('./postgres/pg-store.js');
    return openPostgresStore(db, { readUrls });
  }
  if (readUrls.length) throw new EntenteError('BAD_INPUT', 'read replicas (--read-db) need a PostgreSQL primary (--db postgres://…)');
  if (!db) throw new EntenteError('BAD_INPUT', 'no database given (--db FILE or ENTENTE_DB)');
  return openSqliteStore(db, { progress: opts.progress ?? stderrProgress(), readonly: opts.readonly });
}
