// PostgreSQL part of the auth store: API tokens, kept as SHA-256 hashes (migrations 300–399).
// Revoking keeps the row (revoked_at) so the audit log's token ids still mean something.
import { generateToken, hashToken, newTokenId, type AuthStore, type Role, type TokenInfo } from '../auth-store.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../event-store.js';
import type { Migration } from './migrate.js';
import type { Pools } from './pools.js';
import { one, rows } from './sql.js';

interface TokenRow { id: string; role: Role; label: string | null; created_at: string; last_used_at: string | null; revoked_at: string | null; expires_at: string | null; session: string | null }

const toInfo = (r: TokenRow): TokenInfo => ({
  id: r.id, role: r.role, label: r.label, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at,
  expiresAt: r.expires_at,
  session: r.session,
});

// Writing last_used_at on every request would turn each read into a write; once a minute is enough.
const TOUCH_EVERY_MS = 60_000;

export function authPart({ primary }: Pools): AuthStore {
  return {
    async createToken(role, label = null, opts = {}) {
      const token = generateToken();
      const id = newTokenId();
      const now = new Date().toISOString();
      const { expiresAt = null, session = null } = opts;
      await primary.query('INSERT INTO api_tokens (id, hash, role, label, created_at, expires_at, session) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [id, hashToken(token), role, label, now, expiresAt, session]);
      return { token, info: { id, role, label, createdAt: now, lastUsedAt: null, revokedAt: null, expiresAt, session } };
    },
    async verifyToken(token) {
      const row = await one<TokenRow>(primary, 'SELECT id, role, label, created_at, last_used_at, revoked_at, expires_at, session FROM api_tokens WHERE hash = $1 AND revoked_at IS NULL', [hashToken(token)]);
      const now = Date.now();
      if (!row || (row.expires_at !== null && row.expires_at <= new Date(now).toISOString())) return null;
      if (!row.last_used_at || now - Date.parse(row.last_used_at) > TOUCH_EVERY_MS) {
        row.last_used_at = new Date(now).toISOString();
        await primary.query('UPDATE api_tokens SET last_used_at = $1 WHERE id = $2', [row.last_used_at, row.id]);
      }
      return toInfo(row);
    },
    async listTokens(page = {}) {
      const limit = Math.min(page.limit ?? DEFAULT_LIMIT, MAX_LIMIT);
      const offset = page.offset ?? 0;
      // Live means neither revoked nor expired; ISO timestamps compare as text.
      const where = page.includeRevoked ? 'WHERE $1::text IS NOT NULL' : 'WHERE revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $1)';
      const now = new Date().toISOString();
      const total = (await one<{ n: number }>(primary, `SELECT count(*)::int AS n FROM api_tokens ${where}`, [now]))!.n;
      const rs = await rows<TokenRow>(primary, `SELECT id, role, label, created_at, last_used_at, revoked_at, expires_at, session FROM api_tokens ${where}
        ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`, [now, limit, offset]);
      return { rows: rs.map(toInfo), total, limit, offset, truncated: offset + rs.length < total };
    },
    async revokeToken(id) {
      const r = await primary.query('UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [new Date().toISOString(), id]);
      return (r.rowCount ?? 0) > 0;
    },
  };
}

export const authMigrations: Migration[] = [{
  id: '300-api-tokens',
  sql: `
CREATE TABLE api_tokens (
  id text PRIMARY KEY,
  hash text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
  label text,
  created_at text NOT NULL,
  last_used_at text,
  revoked_at text
);`,
}, {
  id: '301-token-expiry',
  sql: `
ALTER TABLE api_tokens ADD COLUMN expires_at text;
ALTER TABLE api_tokens ADD COLUMN session text;`,
}];
