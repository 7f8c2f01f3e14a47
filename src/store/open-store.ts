// The only place that picks a storage backend: a postgres:// URL or a SQLite file.
import type { Store } from './store.js';
import type { Settings } from '../config/settings.js';
import { EntenteError } from '../domain/errors.js';
import { openSqliteStore, type OpenOptions } from './sqlite/sqlite-store.js';
import { stderrProgress } from './migration-progress.js';

/** A long migration on open (rollups of a big file) reports to `progress`, by default on stderr. */
export async function openStore(settings: Pick<Settings, 'db'> | { db: string }, opts: OpenOptions = {}): Promise<Store> {
  const db = settings.db;
  if (/^postgres(ql)?:\/\//i.test(db)) throw new EntenteError('UNSUPPORTED', 'PostgreSQL backend not yet available');
  if (!db) throw new EntenteError('BAD_INPUT', 'no database given (--db FILE or ENTENTE_DB)');
  return openSqliteStore(db, { progress: opts.progress ?? stderrProgress() });
}
