// The auth part of the store: API tokens with roles. Only a token's SHA-256 is stored;
// the token itself is shown once, when it is created. Generation and hashing live here
// so every backend makes and checks tokens the same way.
import { createHash, randomBytes } from 'node:crypto';
import type { Page, PageResult } from './event-store.js';

export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(x: unknown): x is Role {
  return typeof x === 'string' && (ROLES as readonly string[]).includes(x);
}

export interface TokenInfo {
  id: string;
  role: Role;
  label: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** When the token stops working by itself; null for tokens that last until revoked. */
  expiresAt: string | null;
  /** The server process a session token was made for (`host:pid`); null for other tokens. */
  session: string | null;
}

export interface TokenOptions {
  expiresAt?: string | null;
  session?: string | null;
}

export interface NewToken {
  /** The secret, shown once. */
  token: string;
  info: TokenInfo;
}

/** 32 random bytes, base64url, with a prefix that makes leaked tokens easy to grep for. */
export function generateToken(): string {
  return `ent_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newTokenId(): string {
  return `tok_${randomBytes(6).toString('hex')}`;
}

export interface AuthStore {
  createToken(role: Role, label?: string | null, opts?: TokenOptions): Promise<NewToken>;
  /** The live token a secret belongs to (and notes its use), or null when unknown, revoked or expired. */
  verifyToken(token: string): Promise<TokenInfo | null>;
  listTokens(page?: Page & { includeRevoked?: boolean }): Promise<PageResult<TokenInfo>>;
  /** False when no live token has this id. */
  revokeToken(id: string): Promise<boolean>;
}
