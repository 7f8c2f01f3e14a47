// `entente check` for SQLite: page integrity, foreign keys, the full-text indexes (documents,
// mentions, events) and the derived tables (event_actors, actor_counts) against the tables
// they derive from. Each check is one entry of SQLITE_CHECKS; a new derived table adds its own entry here.
import type Database from 'better-sqlite3';
import type { CheckResult, CheckStore } from '../check-store.js';

export interface SqliteCheck {
  name: string;
  /** Problems found (empty when all is well), at most `limit` of them. */
  run(db: Database.Database, limit: number): string[];
  /** What an ok result says. */
  ok: string;
  /** Runs a write statement (FTS5's integrity-check is an INSERT), so a read-only database skips it. */
  writes?: boolean;
}

const LIMIT = 20;

export const SQLITE_CHECKS: SqliteCheck[] = [
  {
    name: 'integrity',
    ok: 'every page and index is sound (PRAGMA integrity_check)',
    run: (db, limit) => (db.prepare(`PRAGMA integrity_check(${limit})`).all() as Array<{ integrity_check: string }>)
      .map((r) => r.integrity_check).filter((m) => m !== 'ok'),
  },
  {
    name: 'foreign_keys',
    ok: 'every reference points at a row that exists',
    run: (db, limit) => (db.prepare('PRAGMA foreign_key_check').all() as Array<{ table: string; rowid: number; parent: string }>)
      .slice(0, limit).map((r) => `${r.table} row ${r.rowid} refers to a missing ${r.parent} row`),
  },
  {
    name: 'full_text',
    ok: 'the search indexes match the documents and mentions',
    writes: true,
    run: (db) => {
      const out: string[] = [];
      // Documents are checked against their content; mentions only for the index's own
      // soundness, since a sentence repeated by several mentions is indexed once (the
      // content table holds '' for the others, which FTS5's content check counts as drift).
      for (const [t, rank] of [['documents_fts', 1], ['mentions_fts', 0]] as const) {
        try {
          db.prepare(`INSERT INTO ${t} (${t}, rank) VALUES ('integrity-check', ?)`).run(rank);
        } catch (e) {
          out.push(`${t}: ${(e as Error).message}`);
        }
      }
      return out;
    },
  },
  {
    name: 'event_search',
    ok: 'the search index of events holds every event and no other',
    run: (db, limit) => {
      // Read-only: every event has its row in the index's docsize table and every row there an
      // event. Writable: FTS5's integrity-check against the content (the event_text view) also
      // finds an event indexed with text it no longer has.
      const missing = db.prepare(`SELECT e.id FROM events e WHERE NOT EXISTS (SELECT 1 FROM events_fts_docsize d WHERE d.id = e.id) LIMIT ?`).all(limit) as Array<{ id: number }>;
      const stray = db.prepare(`SELECT d.id FROM events_fts_docsize d WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = d.id) LIMIT ?`).all(limit) as Array<{ id: number }>;
      const out = [...missing.map((r) => `event ${r.id} is missing from the search index`), ...stray.map((r) => `the search index holds event ${r.id}, which no longer exists`)];
      if (!db.readonly && out.length === 0) {
        try {
          db.prepare("INSERT INTO events_fts (events_fts, rank) VALUES ('integrity-check', 1)").run();
        } catch (e) {
          out.push(`events_fts: the index differs from the events' text (${(e as Error).message})`);
        }
      }
      return out;
    },
  },
  {
    name: 'event_index',
    ok: 'the dyad index (event_actors) and actor counts agree with the events',
    run: (db, limit) => {
      // Dataset records with no actor codes (a fifth of GDELT rows) have no dyad rows.
      const missing = db.prepare(`SELECT e.id FROM events e WHERE (e.sources <> '[]' OR e.targets <> '[]')
        AND NOT EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id) LIMIT ?`).all(limit) as Array<{ id: number }>;
      const counts = db.prepare(`SELECT c.code, c.events, (SELECT count(*) FROM event_actors a WHERE a.code = c.code) AS n FROM actor_counts c
        WHERE c.events <> (SELECT count(*) FROM event_actors a WHERE a.code = c.code) LIMIT ?`).all(limit) as Array<{ code: string; events: number; n: number }>;
      return [
        ...missing.map((r) => `event ${r.id} is missing from the dyad index`),
        ...counts.map((r) => `actor ${r.code}: counted ${r.events} events, indexed ${r.n}`),
      ];
    },
  },
  {
    name: 'mentions',
    ok: 'every mention belongs to an event and a document',
    run: (db, limit) => (db.prepare(`SELECT m.id FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = m.event_id)
      OR NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = m.document_id) LIMIT ?`).all(limit) as Array<{ id: number }>)
      .map((r) => `mention ${r.id} has no event or no document`),
  },
];

export function checkPart(db: Database.Database, checks: SqliteCheck[] = SQLITE_CHECKS): CheckStore {
  return {
    async check() {
      const results: CheckResult[] = [];
      for (const c of checks) {
        if (c.writes && db.readonly) {
          results.push({ name: c.name, ok: true, message: 'skipped: the database is opened read-only and this check runs a write statement', problems: [] });
          continue;
        }
        let problems: string[];
        try {
          problems = c.run(db, LIMIT);
        } catch (e) {
          // A check that cannot even run (a damaged page) is itself the finding.
          problems = [(e as Error).message];
        }
        results.push({ name: c.name, ok: problems.length === 0, message: problems.length ? `${problems.length}${problems.length >= LIMIT ? '+' : ''} problem(s)` : c.ok, problems });
      }
      return results;
    },
  };
}
