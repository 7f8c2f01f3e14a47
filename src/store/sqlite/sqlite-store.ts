// The SQLite backend: opens the file (WAL, foreign keys, busy timeout), applies every
// part's migrations, and composes the parts into one Store. better-sqlite3 is synchronous;
// the Store is async so that a network backend can share the interface.
import Database from 'better-sqlite3';
import type { Store } from '../store.js';
import { EntenteError } from '../../domain/errors.js';
import { migrate, type MigrationProgress } from './migrate.js';
import { rollupMigrations, rollupPart } from './rollups.js';
import { withDbErrors } from './db-errors.js';
import { checkPart } from './checks.js';
import { coreMigrations } from './core-schema.js';
import { eventsPart } from './events.js';
import { watchPart, watchMigrations } from './watch.js';
import { authPart, authMigrations } from './auth.js';
import { curationPart, curationMigrations } from './curation.js';
import { datasetImportPart, datasetImportMigrations } from './dataset-import.js';
import { sourcePart, sourceMigrations } from './sources.js';
import { eventSearchMigrations } from './event-search.js';

export const sqliteMigrations = [...coreMigrations, ...rollupMigrations, ...datasetImportMigrations, ...watchMigrations, ...authMigrations, ...curationMigrations, ...eventSearchMigrations, ...sourceMigrations];

export interface OpenOptions {
  /** Told how a long migration (rollups of a big database) is getting on. */
  progress?: MigrationProgress;
}

export function openSqliteDatabase(file: string, opts: OpenOptions = {}): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 10000');
    db.pragma('synchronous = NORMAL');
  } catch (e) {
    throw new EntenteError('DB_ERROR', `cannot open database ${file}: ${(e as Error).message}`);
  }
  try {
    migrate(db, sqliteMigrations, file, opts.progress);
  } catch (e) {
    db.close();
    if (e instanceof EntenteError) throw e;
    throw new EntenteError('DB_ERROR', `cannot prepare database ${file}: ${(e as Error).message}`);
  }
  return db;
}

export async function openSqliteStore(file: string, opts: OpenOptions = {}): Promise<Store> {
  const db = openSqliteDatabase(file, opts);
  return withDbErrors<Store>({
    kind: 'sqlite',
    ...eventsPart(db),
    ...watchPart(db),
    ...authPart(db),
    ...curationPart(db),
    ...datasetImportPart(db),
    ...rollupPart(db),
    ...checkPart(db),
    ...sourcePart(db),
    async close() {
      if (db.open) db.close();
    },
  }, file);
}
