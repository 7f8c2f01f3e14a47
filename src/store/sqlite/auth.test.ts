import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../open-store.js';
import type { Store } from '../store.js';
import { testDb } from '../../../test/test-store.js';

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'entente-auth-'));
  store = await openStore({ db: await testDb(join(dir, 'a.db')) });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SQLite auth store', () => {
  it('verifies live tokens only, and notes their use', async () => {
    const { token, info } = await store.createToken('viewer', 'x');
    expect(info.lastUsedAt).toBeNull();
    const seen = await store.verifyToken(token);
    expect(seen).toMatchObject({ id: info.id, role: 'viewer' });
    expect(seen!.lastUsedAt).not.toBeNull();
    expect(await store.verifyToken(`${token}x`)).toBeNull();
    expect(await store.verifyToken('')).toBeNull();
    expect(await store.revokeToken(info.id)).toBe(true);
    expect(await store.verifyToken(token)).toBeNull();
    expect(await store.revokeToken(info.id)).toBe(false);
    expect((await store.listTokens()).total).toBe(0);
    expect((await store.listTokens({ includeRevoked: true })).rows[0].revokedAt).not.toBeNull();
  });
  it('makes a different secret every time', async () => {
    const secrets = new Set<string>();
    for (let i = 0; i < 20; i++) secrets.add((await store.createToken('admin')).token);
    expect(secrets.size).toBe(20);
  });

  it('refuses a token once its lifetime is over, and lists it as live only until then', async () => {
    const past = new Date(Date.now() - 1000).toISOString();
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const old = await store.createToken('admin', 'old session', { expiresAt: past, session: 'host:1' });
    const fresh = await store.createToken('admin', 'new session', { expiresAt: future, session: 'host:2' });
    const lasting = await store.createToken('viewer');
    expect(await store.verifyToken(old.token)).toBeNull();
    expect(await store.verifyToken(fresh.token)).toMatchObject({ id: fresh.info.id, expiresAt: future, session: 'host:2' });
    expect(await store.verifyToken(lasting.token)).toMatchObject({ expiresAt: null, session: null });
    expect((await store.listTokens()).rows.map((t) => t.id).sort()).toEqual([fresh.info.id, lasting.info.id].sort());
    const all = await store.listTokens({ includeRevoked: true });
    expect(all.total).toBe(3);
    expect(all.rows.find((t) => t.id === old.info.id)).toMatchObject({ expiresAt: past, revokedAt: null, session: 'host:1' });
  });

  // SQLite's write lock; PostgreSQL has no such lock.
  it.skipIf(process.env.ENTENTE_TEST_STORE === 'postgres')('verifies a token while another process holds the write lock, without waiting for it', async () => {
    const { token } = await store.createToken('viewer');
    const writer = new Database(join(dir, 'a.db'));
    writer.prepare('BEGIN IMMEDIATE').run();
    try {
      const seen = await store.verifyToken(token);
      expect(seen).toMatchObject({ role: 'viewer', lastUsedAt: null });
      expect((await store.listEvents({})).rows).toEqual([]);
    } finally {
      writer.prepare('ROLLBACK').run();
      writer.close();
    }
    expect((await store.verifyToken(token))!.lastUsedAt).not.toBeNull();
  });
});
