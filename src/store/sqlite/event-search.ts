// Full-text search over events' own text on SQLite: an FTS5 index (events_fts) whose content
// is the view event_text, one line per event built from its columns (../search.ts says which).
// Writers index new events with the other derived rows (event-index.ts), in their transaction;
// triggers follow updates (curation, merges) and deletions. The migration indexes the events
// of an existing database in slices, with progress.
import type Database from 'better-sqlite3';
import type { Migration, MigrationProgress } from './migrate.js';
import { EVENT_TEXT_ATTRS, EVENT_TEXT_SEPARATOR, URL_PREFIXES } from '../search.js';

/** An event's searchable text as an SQL expression over the events row `r`. */
export function eventTextSql(r: string): string {
  const attrs = EVENT_TEXT_ATTRS.map((path) => `nullif(json_extract(${r}.attrs, '$.${path.join('.')}'), '')`);
  const codes = (col: string) => `nullif(replace(replace(replace(${r}.${col}, '"', ''), '[', ''), ']', ''), '')`;
  const url = URL_PREFIXES.reduce((sql, p) => `replace(${sql}, '${p}', '')`, `${r}.source_url`);
  return `concat_ws('${EVENT_TEXT_SEPARATOR}', ${[...attrs, `nullif(${r}.loc_name, '')`, codes('sources'), codes('targets'), `nullif(${url}, '')`].join(', ')})`;
}

const schema = `
CREATE VIEW event_text AS SELECT id, ${eventTextSql('events')} AS text FROM events;
CREATE VIRTUAL TABLE events_fts USING fts5 (text, content = 'event_text', content_rowid = 'id');
CREATE TRIGGER events_text_update AFTER UPDATE OF sources, targets, attrs, loc_name, source_url ON events BEGIN
  INSERT INTO events_fts (events_fts, rowid, text) VALUES ('delete', OLD.id, ${eventTextSql('OLD')});
  INSERT INTO events_fts (rowid, text) VALUES (NEW.id, ${eventTextSql('NEW')});
END;
CREATE TRIGGER events_text_delete AFTER DELETE ON events BEGIN
  INSERT INTO events_fts (events_fts, rowid, text) VALUES ('delete', OLD.id, ${eventTextSql('OLD')});
END;
`;

/** The statement that indexes the events with id > @after (run by eventIndexer). */
export const INDEX_NEW_EVENT_TEXT = 'INSERT INTO events_fts (rowid, text) SELECT id, text FROM event_text WHERE id > @after';

/** Events indexed per statement while an existing database is migrated. */
const SLICE = 100_000;

function indexExisting(db: Database.Database, progress: MigrationProgress): void {
  const { lo, hi, n } = db.prepare('SELECT coalesce(min(id), 1) AS lo, coalesce(max(id), 0) AS hi, count(*) AS n FROM events').get() as { lo: number; hi: number; n: number };
  const slice = db.prepare('INSERT INTO events_fts (rowid, text) SELECT id, text FROM event_text WHERE id >= ? AND id < ?');
  let done = 0;
  progress({ step: 'the search index of events', done, total: n });
  for (let from = lo; from <= hi; from += SLICE) {
    done += slice.run(from, from + SLICE).changes;
    progress({ step: 'the search index of events', done: Math.min(done, n), total: n });
  }
}

export const eventSearchMigrations: Migration[] = [{ id: '500-event-search', sql: schema, run: indexExisting }];

/**
 * Matches of an FTS5 query among events: how many, and one page of ids, the most recently
 * stored first. Not by rank: events' texts are a line each, so rank says little, and ordering
 * by it scores every match (a code such as RUS matches a tenth of a GDELT store), while FTS5
 * reads a page in rowid order straight from the index.
 */
export function eventSearch(db: Database.Database) {
  const count = db.prepare('SELECT count(*) AS n FROM events_fts WHERE events_fts MATCH ?').pluck();
  const page = db.prepare(`SELECT rowid AS id FROM events_fts WHERE events_fts MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?`).pluck();
  return {
    count: (match: string) => count.get(match) as number,
    ids: (match: string, limit: number, offset: number) => page.all(match, limit, offset) as number[],
  };
}
