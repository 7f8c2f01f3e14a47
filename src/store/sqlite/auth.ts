// SQLite part of the auth store (owned by the auth area; empty until it lands).
import type Database from 'better-sqlite3';
import type { AuthStore } from '../auth-store.js';
import type { Migration } from './migrate.js';

export function authPart(_db: Database.Database): AuthStore {
  return {};
}

export const authMigrations: Migration[] = [];
