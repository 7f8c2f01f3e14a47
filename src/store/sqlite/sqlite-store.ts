// The SQLite backend: opens the file (WAL, foreign keys, busy timeout), applies every
// part's migrations, and composes the parts into one Store. better-sqlite3 is synchronous;
// the Store is async so that a network backend can share the interface.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Store } from '../store.js';
import { EntenteError } from '../../domain/errors.js';
import { migrate, type MigrationProgress } from './migrate.js';
import { rollupMigrations, rollupPart } from './rollups.js';
import { dbError, withDbErrors } from './db-errors.js';
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
  /**
   * Only reading: an existing, up-to-date file is opened read-only, so a database in a
   * read-only file or folder can be read (a missing or older one is opened as usual).
   */
  readonly?: boolean;
}

/** The database opened read-only, or null when it needs migrations (or does not exist yet). */
function openReadonly(file: string): Database.Database | null {
  if (file === ':memory:' || !existsSync(file)) return null;
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 10000');
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
    const applied = new Set(hasTable ? (db.prepare('SELECT id FROM schema_migrations').all() as Array<{ id: string }>).map((r) => r.id) : []);
    const known = new Set(sqliteMigrations.map((m) => m.id));
    const unknown = [...applied].filter((id) => !known.has(id)).sort();
    if (unknown.length) throw new EntenteError('DB_TOO_NEW', `${file} was written by a newer Entente (schema ${unknown.join(', ')}); upgrade Entente to open it`);
    if (sqliteMigrations.some((m) => !applied.has(m.id))) {
      db.close();
      return null;
    }
    return db;
  } catch (e) {
    db?.close();
    if (e instanceof EntenteError) throw e;
    throw dbError(e, file);
  }
}

/** Page size of a new database file, in bytes. */
export const PAGE_SIZE = 8192;

export function openSqliteDatabase(file: string, opts: OpenOptions = {}): Database.Database {
  const ro = opts.readonly ? openReadonly(file) : null;
  if (ro) return ro;
  let db: Database.Database;
  try {
    db = new Database(file);
    // A new database gets 8 KB pages (an existing one keeps its own): a bulk import then splits
    // and writes half as many B-tree pages, for about a tenth less wall time (BENCHMARKS.md).
    // Set before WAL mode, which fixes the page size.
    db.pragma(`page_size = ${PAGE_SIZE}`);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 10000');
    db.pragma('synchronous = NORMAL');
  } catch (e) {
    // SQLite's own codes say why (read-only, damaged, not a database); others keep their message.
    const known = dbError(e, file);
    if (known instanceof EntenteError) throw known;
    throw new EntenteError('DB_ERROR', `cannot open database ${file}: ${(e as Error).message}`);
  }
  try {
    migrate(db, sqliteMigrations, file, opts.progress);
  } catch (e) {
    db.close();
    if (e instanceof EntenteError) throw e;
    const known = dbError(e, file);
    if (known instanceof EntenteError) throw known;
    throw new EntenteError('DB_ERROR', `cannot prepare database ${file}: ${(e as Error).message}`);
  }
  return db;
}

export async function openSqliteStore(file: string, opts: OpenOptions = {}): Promise<Store> {
  const db = openSqliteDatabase(file, opts);
  const writable = !db.readonly;
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
      if (!db.open) return;
      // The last connection leaves the file in rollback-journal mode, so that it can later be
      // read from a read-only folder (a WAL database needs its -shm file created beside it).
      // Another connection still open keeps WAL: the switch is refused at once, and skipped.
      if (writable && file !== ':memory:') {
        try {
          db.pragma('busy_timeout = 0');
          db.pragma('journal_mode = DELETE');
        } catch {
          // Busy or read-only: WAL stays.
        }
      }
      db.close();
    },
  }, file);
}
