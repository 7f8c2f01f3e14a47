// SQLite part of the watch store (owned by the watch area; empty until it lands).
import type Database from 'better-sqlite3';
import type { WatchStore } from '../watch-store.js';
import type { Migration } from './migrate.js';

export function watchPart(_db: Database.Database): WatchStore {
  return {};
}

export const watchMigrations: Migration[] = [];
