// SQLite part of the curation store (owned by the curation area; empty until it lands).
import type Database from 'better-sqlite3';
import type { CurationStore } from '../curation-store.js';
import type { Migration } from './migrate.js';

export function curationPart(_db: Database.Database): CurationStore {
  return {};
}

export const curationMigrations: Migration[] = [];
