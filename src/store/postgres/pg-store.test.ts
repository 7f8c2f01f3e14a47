// The store contract and the PostgreSQL-only behaviour against a real server (ENTENTE_TEST_PG;
// scripts/test-pg.sh starts a throw-away one). Skipped without it.
import { afterAll, describe, expect, it } from 'vitest';
import { runStoreContract } from '../store.contract.js';
import { openPostgresStore } from './pg-store.js';
import { checkServerVersion, describeUrl } from './connect.js';
import { TEST_PG_URL, dropTestSchemas, execIn, freshPgUrl } from './test-db.js';

describe('postgres connection helpers', () => {
  it('names host, port and database without the password', () => {
    expect(describeUrl('postgres://ann:secret@db.example.org:6543/news')).toBe('db.example.org:6543/news');
    expect(describeUrl('postgresql://localhost/news')).toBe('localhost:5432/news');
  });
  it('refuses a server older than PostgreSQL 15', () => {
    expect(() => checkServerVersion(140011, 'h:5432/db')).toThrow(expect.objectContaining({ code: 'UNSUPPORTED', message: expect.stringContaining('version 14') }));
    expect(() => checkServerVersion(150004, 'h:5432/db')).not.toThrow();
    expect(() => checkServerVersion(170000, 'h:5432/db')).not.toThrow();
  });
});

describe.skipIf(!TEST_PG_URL)('postgres store', () => {
  afterAll(dropTestSchemas);

  runStoreContract('postgres', async () => openPostgresStore(await freshPgUrl()), {
    async openTooNew() {
      const url = await freshPgUrl();
      await (await openPostgresStore(url)).close();
      await execIn(url, "INSERT INTO schema_migrations (id, applied_at) VALUES ('999-from-the-future', '2030-01-01')");
      return openPostgresStore(url);
    },
  });
});
