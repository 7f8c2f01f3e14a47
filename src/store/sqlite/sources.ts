// SQLite part of the source store (migrations 600–699): followed sources with their
// schedule and last outcome, and the keys of the items each has taken in.
import type Database from 'better-sqlite3';
import type { Source, SourceInput, SourceStore, SourceUpdate } from '../source-store.js';
import type { Migration } from './migrate.js';

const schema = `
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  target TEXT NOT NULL,
  every_seconds INTEGER NOT NULL,
  options TEXT NOT NULL DEFAULT '{}',
  label TEXT,
  created_at TEXT NOT NULL,
  paused INTEGER NOT NULL DEFAULT 0,
  last_fetch_at TEXT,
  last_success_at TEXT,
  next_fetch_at TEXT,
  items_added INTEGER NOT NULL DEFAULT 0,
  failures INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  last_error_at TEXT,
  state TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE source_items (
  source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (source_id, key)
) WITHOUT ROWID;
`;

export const sourceMigrations: Migration[] = [{ id: '600-sources', sql: schema }];

interface Row {
  id: number; kind: string; target: string; every_seconds: number; options: string; label: string | null; created_at: string;
  paused: number; last_fetch_at: string | null; last_success_at: string | null; next_fetch_at: string | null; items_added: number;
  failures: number; last_error: string | null; last_error_at: string | null; state: string;
}

function toSource(r: Row): Source {
  return {
    id: String(r.id), kind: r.kind as Source['kind'], target: r.target, everySeconds: r.every_seconds, options: JSON.parse(r.options) as Record<string, unknown>,
    label: r.label, createdAt: r.created_at, paused: r.paused === 1, lastFetchAt: r.last_fetch_at, lastSuccessAt: r.last_success_at,
    nextFetchAt: r.next_fetch_at, itemsAdded: r.items_added, failures: r.failures, lastError: r.last_error, lastErrorAt: r.last_error_at,
    state: JSON.parse(r.state) as Record<string, unknown>,
  };
}

const COLUMNS: Record<Exclude<keyof SourceUpdate, 'addItems'>, string> = {
  paused: 'paused', lastFetchAt: 'last_fetch_at', lastSuccessAt: 'last_success_at', nextFetchAt: 'next_fetch_at',
  failures: 'failures', lastError: 'last_error', lastErrorAt: 'last_error_at', state: 'state',
};

const idOf = (id: string): number => (/^\d+$/.test(id) ? Number(id) : -1);

export function sourcePart(db: Database.Database): SourceStore {
  const get = (id: string) => {
    const r = db.prepare('SELECT * FROM sources WHERE id = ?').get(idOf(id)) as Row | undefined;
    return r ? toSource(r) : null;
  };
  return {
    async addSource(input: SourceInput) {
      const r = db.prepare('INSERT INTO sources (kind, target, every_seconds, options, label, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(input.kind, input.target, input.everySeconds, JSON.stringify(input.options ?? {}), input.label ?? null, new Date().toISOString());
      return get(String(r.lastInsertRowid))!;
    },
    async listSources() {
      return (db.prepare('SELECT * FROM sources ORDER BY id').all() as Row[]).map(toSource);
    },
    async getSource(id) {
      return get(id);
    },
    async removeSource(id) {
      return db.prepare('DELETE FROM sources WHERE id = ?').run(idOf(id)).changes > 0;
    },
    async updateSource(id, patch) {
      const sets: string[] = [];
      const args: unknown[] = [];
      for (const [k, col] of Object.entries(COLUMNS) as Array<[keyof typeof COLUMNS, string]>) {
        if (patch[k] === undefined) continue;
        const v = patch[k];
        sets.push(`${col} = ?`);
        args.push(k === 'state' ? JSON.stringify(v) : k === 'paused' ? (v ? 1 : 0) : v);
      }
      if (patch.addItems) {
        sets.push('items_added = items_added + ?');
        args.push(patch.addItems);
      }
      if (!sets.length) return get(id) !== null;
      return db.prepare(`UPDATE sources SET ${sets.join(', ')} WHERE id = ?`).run(...args, idOf(id)).changes > 0;
    },
    async seenSourceItems(id, keys) {
      const stmt = db.prepare('SELECT 1 FROM source_items WHERE source_id = ? AND key = ?');
      return new Set(keys.filter((k) => stmt.get(idOf(id), k) !== undefined));
    },
    async markSourceItems(id, keys) {
      const stmt = db.prepare('INSERT INTO source_items (source_id, key, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
      const at = new Date().toISOString();
      db.transaction(() => { for (const k of keys) stmt.run(idOf(id), k, at); })();
    },
  };
}
