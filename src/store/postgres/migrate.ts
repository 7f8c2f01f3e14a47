// Versioned schema migrations on PostgreSQL, as on SQLite: every part contributes `{ id, sql }`
// entries (the same id ranges), applied in id order, each in its own transaction, recorded in
// schema_migrations. A database holding an id this code does not know was written by a newer
// Entente and is refused. An advisory lock lets several processes open one database at once.
import type pg from 'pg';
import { EntenteError } from '../../domain/errors.js';

export interface Migration {
  /** "NNN-name"; ranges: core 001–099, dataset-import 100–199, watch 200–299, auth 300–399, curation 400–499, search 500–599. */
  id: string;
  sql: string;
}

/** pg_advisory_lock key of migrations ("entente migrate" as a 32-bit hash would collide less readably). */
const MIGRATE_LOCK = 0x656e7465;

export async function migrate(pool: pg.Pool, migrations: Migration[], where: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at text NOT NULL)');
      const known = new Set(migrations.map((m) => m.id));
      const applied = new Set((await client.query<{ id: string }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id));
      const unknown = [...applied].filter((id) => !known.has(id)).sort();
      if (unknown.length) {
        throw new EntenteError('DB_TOO_NEW', `${where} was written by a newer Entente (schema ${unknown.join(', ')}); upgrade Entente to open it`);
      }
      for (const m of [...migrations].sort((a, b) => a.id.localeCompare(b.id))) {
        if (applied.has(m.id)) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (id, applied_at) VALUES ($1, $2)', [m.id, new Date().toISOString()]);
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK');
          throw e;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATE_LOCK]);
    }
  } finally {
    client.release();
  }
}
