// Test helper: a fresh, empty schema on the PostgreSQL server named by ENTENTE_TEST_PG for each
// store a test opens (a URL whose search_path points at it), dropped again by dropTestSchemas.
// Without ENTENTE_TEST_PG the PostgreSQL tests are skipped; scripts/test-pg.sh sets it.
import pg from 'pg';
import { randomBytes } from 'node:crypto';

export const TEST_PG_URL = process.env.ENTENTE_TEST_PG || '';

const made: string[] = [];

export function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: TEST_PG_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A URL of a new empty schema on the test server. */
export async function freshPgUrl(): Promise<string> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE SCHEMA ${schema}`));
  made.push(schema);
  return withSearchPath(TEST_PG_URL, schema);
}

export async function dropTestSchemas(): Promise<void> {
  if (!made.length) return;
  const schemas = made.splice(0);
  await admin(async (c) => {
    for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  });
}

/** Run SQL on the test server in the schema of a URL from freshPgUrl. */
export async function execIn(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}
