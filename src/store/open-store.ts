// The only place that picks a storage backend: a postgres:// URL or a SQLite file.
import type { Store } from './store.js';
import type { Settings } from '../config/settings.js';
import { EntenteError } from '../domain/errors.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';

export async function openStore(settings: Pick<Settings, 'db'> | { db: string }): Promise<Store> {
  const db = settings.db;
  if (/^postgres(ql)?:\/\//i.test(db)) throw new EntenteError('UNSUPPORTED', 'PostgreSQL backend not yet available');
  if (!db) throw new EntenteError('BAD_INPUT', 'no database given (--db FILE or ENTENTE_DB)');
  return openSqliteStore(db);
}
