// Which backend the store-touching tests run on. By default a SQLite file; with
// ENTENTE_TEST_STORE=postgres (scripts/test-pg.sh's second pass) a fresh schema on the server
// named by ENTENTE_TEST_PG, so the ingest, import, curation, watch, auth and API tests run
// unchanged against PostgreSQL too.
import Database from 'better-sqlite3';
import pg from 'pg';
import { freshPgUrl } from '../src/store/postgres/test-db.js';

export const testStoreKind: 'sqlite' | 'postgres' = process.env.ENTENTE_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

/** The `db` setting for a test store: `file` on SQLite, else a new PostgreSQL schema's URL. */
export async function testDb(file: string): Promise<string> {
  return testStoreKind === 'postgres' ? freshPgUrl() : file;
}

/** Rows of a query run straight on a test store's database (to check what is stored, not what the Store says). */
export async function queryTestDb(db: string, sql: string): Promise<Array<Record<string, unknown>>> {
  if (/^postgres(ql)?:\/\//.test(db)) {
    const c = new pg.Client({ connectionString: db });
    await c.connect();
    try {
      return (await c.query(sql)).rows;
    } finally {
      await c.end();
    }
  }
  const s = new Database(db, { readonly: true });
  try {
    return s.prepare(sql).all() as Array<Record<string, unknown>>;
  } finally {
    s.close();
  }
}
