// Versioned schema migrations: every part contributes `{ id, sql }` entries, applied in
// id order on open, each in its own transaction, recorded in schema_migrations. A database
// holding an id this code does not know was written by a newer Entente and is refused.
import type Database from 'better-sqlite3';
import { EntenteError } from '../../domain/errors.js';

export interface Migration {
  /** "NNN-name"; ranges: core 001–099, dataset-import 100–199, watch 200–299, auth 300–399, curation 400–499, search 500–599, sources 600–699. */
  id: string;
  sql: string;
  /** Data work after the SQL, in the same transaction (e.g. filling a new table from a big one). */
  run?: (db: Database.Database, progress: MigrationProgress) => void;
}

/** Told how far a long migration step has got: `done` of `total` units (events, say). */
export type MigrationProgress = (p: { step: string; done: number; total: number }) => void;

export function migrate(db: Database.Database, migrations: Migration[], file: string, progress: MigrationProgress = () => {}): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const known = new Set(migrations.map((m) => m.id));
  const applied = new Set((db.prepare('SELECT id FROM schema_migrations').all() as Array<{ id: string }>).map((r) => r.id));
  const unknown = [...applied].filter((id) => !known.has(id)).sort();
  if (unknown.length) {
    throw new EntenteError('DB_TOO_NEW', `${file} was written by a newer Entente (schema ${unknown.join(', ')}); upgrade Entente to open it`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)');
  for (const m of [...migrations].sort((a, b) => a.id.localeCompare(b.id))) {
    if (applied.has(m.id)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      m.run?.(db, progress);
      record.run(m.id, new Date().toISOString());
    }).immediate();
  }
}
