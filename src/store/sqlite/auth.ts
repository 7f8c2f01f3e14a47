// SQLite part of the auth store: API tokens, kept as SHA-256 hashes (migrations 300–399).
// Revoking keeps the row (revoked_at) so the audit log's token ids still mean something.
import type Database from 'better-sqlite3';
import { generateToken, hashToken, newTokenId, type AuthStore, type Role, type TokenInfo } from '../auth-store.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../event-store.js';
import type { Migration } from './migrate.js';

interface TokenRow {
  id: string;
  role: Role;
  label: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  expires_at: string | null;
  session: string | null;
}

const toInfo = (r: TokenRow): TokenInfo => ({
  id: r.id,
  role: r.role,
  label: r.label,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
  expiresAt: r.expires_at,
  session: r.session,
});

// Writing last_used_at on every request would turn each read into a write; once a minute is enough.
const TOUCH_EVERY_MS = 60_000;

export function authPart(db: Database.Database): AuthStore {
  const insert = db.prepare('INSERT INTO api_tokens (id, hash, role, label, created_at, expires_at, session) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const byHash = db.prepare('SELECT id, role, label, created_at, last_used_at, revoked_at, expires_at, session FROM api_tokens WHERE hash = ? AND revoked_at IS NULL');
  const touch = db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?');
  /** Notes a token's use without waiting for the write lock: a reader must never wait for a
   * writer (an import in another process holds the lock for minutes). A busy database skips
   * the note; the next request tries again. */
  function touchBestEffort(at: string, id: string): boolean {
    const wait = db.pragma('busy_timeout', { simple: true }) as number;
    db.pragma('busy_timeout = 0');
    try {
      touch.run(at, id);
      return true;
    } catch (e) {
      if ((e as { code?: string }).code?.startsWith('SQLITE_BUSY') || (e as { code?: string }).code?.startsWith('SQLITE_READONLY')) return false;
      throw e;
    } finally {
      db.pragma(`busy_timeout = ${Number(wait)}`);
    }
  }
  const revoke = db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  return {
    async createToken(role, label = null, opts = {}) {
      const token = generateToken();
      const id = newTokenId();
      const now = new Date().toISOString();
      const { expiresAt = null, session = null } = opts;
      insert.run(id, hashToken(token), role, label, now, expiresAt, session);
      return { token, info: { id, role, label, createdAt: now, lastUsedAt: null, revokedAt: null, expiresAt, session } };
    },
    async verifyToken(token) {
      const row = byHash.get(hashToken(token)) as TokenRow | undefined;
      const now = Date.now();
      if (!row || (row.expires_at !== null && row.expires_at <= new Date(now).toISOString())) return null;
      if (!row.last_used_at || now - Date.parse(row.last_used_at) > TOUCH_EVERY_MS) {
        const at = new Date(now).toISOString();
        if (touchBestEffort(at, row.id)) row.last_used_at = at;
      }
      return toInfo(row);
    },
    async listTokens(page = {}) {
      const limit = Math.min(page.limit ?? DEFAULT_LIMIT, MAX_LIMIT);
      const offset = page.offset ?? 0;
      // Live means neither revoked nor expired; ISO timestamps compare as text.
      const where = page.includeRevoked ? 'WHERE @now IS NOT NULL' : 'WHERE revoked_at IS NULL AND (expires_at IS NULL OR expires_at > @now)';
      const now = new Date().toISOString();
      const total = (db.prepare(`SELECT count(*) AS n FROM api_tokens ${where}`).get({ now }) as { n: number }).n;
      const rows = db.prepare(`SELECT id, role, label, created_at, last_used_at, revoked_at, expires_at, session FROM api_tokens ${where}
        ORDER BY created_at DESC, id LIMIT @limit OFFSET @offset`).all({ now, limit, offset }) as TokenRow[];
      return { rows: rows.map(toInfo), total, limit, offset, truncated: offset + rows.length < total };
    },
    async revokeToken(id) {
      return revoke.run(new Date().toISOString(), id).changes > 0;
    },
  };
}

export const authMigrations: Migration[] = [{
  id: '300-api-tokens',
  sql: `
CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
  label TEXT,
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);`,
}, {
  id: '301-token-expiry',
  sql: `
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
ALTER TABLE api_tokens ADD COLUMN session TEXT;`,
}];
