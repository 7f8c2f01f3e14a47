// Deferred index builds for a first bulk import (dataset-import.ts, inBulk): into a store with
// no events yet, the secondary indexes of events and event_actors are dropped and built once at
// the end by CREATE INDEX, which sorts, instead of being kept row by row; actor_counts, whose
// per-batch upkeep reads event_actors through one of them, is recounted then too.
// Crash safety: each dropped index's SQL is recorded in deferred_indexes in the transaction
// that drops it, and every writable open restores what is recorded before anything else, so
// a `kill -9` between drop and rebuild leaves a store that opens whole. Unique indexes (which
// keep imports idempotent) and primary keys are never dropped.
import type Database from 'better-sqlite3';
import type { Migration } from './migrate.js';

const schema = `
-- Indexes an unfinished bulk import dropped, with the SQL that recreates them.
CREATE TABLE deferred_indexes (
  name TEXT PRIMARY KEY,
  sql TEXT NOT NULL
) WITHOUT ROWID;
`;

export const deferredIndexMigrations: Migration[] = [{ id: '101-deferred-indexes', sql: schema }];

/** The indexes a first import builds at its end: none unique, none a primary key. */
export const DEFERRABLE_INDEXES = ['events_day', 'events_long_span', 'event_actors_event', 'event_actors_long_span'];

/** The names of indexes dropped by an import that has not rebuilt them (yet, or ever: a crash). */
export function deferredIndexes(db: Database.Database): string[] {
  return (db.prepare('SELECT name FROM deferred_indexes ORDER BY name').all() as Array<{ name: string }>).map((r) => r.name);
}

/**
 * Drops the deferrable indexes when the store holds no events (a first import), in one
 * transaction that also records them. Returns whether it did. Not inside another transaction.
 */
export function deferIndexes(db: Database.Database): boolean {
  return db.transaction(() => {
    if (db.prepare('SELECT 1 FROM events LIMIT 1').get()) return false;
    const found = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name = ?");
    const record = db.prepare('INSERT INTO deferred_indexes (name, sql) VALUES (?, ?) ON CONFLICT DO NOTHING');
    for (const name of DEFERRABLE_INDEXES) {
      const row = found.get(name) as { name: string; sql: string } | undefined;
      if (!row) continue;
      record.run(row.name, row.sql);
      db.exec(`DROP INDEX ${row.name}`);
    }
    return true;
  }).immediate();
}

/**
 * Rebuilds every index recorded in deferred_indexes and recounts actor_counts from
 * event_actors, in one transaction. A no-op (one small read) when nothing is deferred.
 */
export function restoreIndexes(db: Database.Database): void {
  const pending = () => db.prepare('SELECT name, sql FROM deferred_indexes ORDER BY name').all() as Array<{ name: string; sql: string }>;
  if (!pending().length) return;
  db.transaction(() => {
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?");
    for (const { name, sql } of pending()) {
      if (!exists.get(name)) db.exec(sql);
    }
    db.exec('DELETE FROM deferred_indexes');
    db.exec('DELETE FROM actor_counts');
    db.exec('INSERT INTO actor_counts (code, events) SELECT code, count(*) FROM event_actors GROUP BY code');
  }).immediate();
}

/** Whether an index exists (a reader's INDEXED BY hint must not name one an import dropped). */
export function hasIndex(db: Database.Database, name: string): boolean {
  return !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(name);
}
