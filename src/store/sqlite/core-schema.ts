// The core schema (migrations 001–099): documents, mentions, events, event actors, actors
// and full-text search. events.sources / events.targets (JSON arrays of codes) are the truth;
// event_actors (the dyad index), actor_counts and event_stats derive from them: writers call
// indexNewEvents (event-index.ts) after inserting events, and triggers follow updates and deletes.
// Applied migrations are never edited: a change is a new migration.
import type { Migration } from './migrate.js';

/** Events spanning more days than this are "long" (few: wars, eras, multi-year agreements). */
export const LONG_SPAN_DAYS = 31;
/** The term that picks long events of table alias `t` ('' for bare columns, as in an index). */
export const longSpanTerm = (t: string): string => {
  const c = t ? `${t}.` : '';
  return `julianday(${c}day_last) - julianday(${c}day_first) > ${LONG_SPAN_DAYS}`;
};

const core = `
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  title TEXT,
  url TEXT,
  source TEXT,
  published TEXT,
  language TEXT,
  text TEXT NOT NULL,
  length INTEGER NOT NULL,
  ingested_at TEXT NOT NULL
);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  origin TEXT NOT NULL,
  external_id TEXT,
  type TEXT NOT NULL,
  mode TEXT,
  sources TEXT NOT NULL DEFAULT '[]',
  targets TEXT NOT NULL DEFAULT '[]',
  date_start TEXT,
  date_end TEXT,
  granularity TEXT,
  -- first and last day the date range covers (YYYY-MM-DD), for range filters
  day_first TEXT,
  day_last TEXT,
  date_kind TEXT NOT NULL DEFAULT 'event',
  modality TEXT NOT NULL,
  mention_count INTEGER NOT NULL DEFAULT 0,
  disputed INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'extracted',
  intensity REAL NOT NULL,
  first_reported TEXT,
  last_reported TEXT,
  loc_name TEXT,
  loc_country TEXT,
  lat REAL,
  lon REAL,
  loc_precision INTEGER,
  source_url TEXT,
  attrs TEXT NOT NULL DEFAULT '{}'
);
CREATE UNIQUE INDEX events_origin_external ON events (origin, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX events_day ON events (day_first);

-- One row per actor per role per event; filled by the triggers below.
CREATE TABLE event_actors (
  code TEXT NOT NULL,
  day_first TEXT,
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('source', 'target')),
  PRIMARY KEY (code, day_first, event_id, role)
) WITHOUT ROWID;
CREATE INDEX event_actors_event ON event_actors (event_id, code);

CREATE TRIGGER events_actors_insert AFTER INSERT ON events BEGIN
  INSERT OR IGNORE INTO event_actors (code, day_first, event_id, role)
    SELECT value, NEW.day_first, NEW.id, 'source' FROM json_each(NEW.sources);
  INSERT OR IGNORE INTO event_actors (code, day_first, event_id, role)
    SELECT value, NEW.day_first, NEW.id, 'target' FROM json_each(NEW.targets);
END;
CREATE TRIGGER events_actors_update AFTER UPDATE OF sources, targets, day_first ON events BEGIN
  DELETE FROM event_actors WHERE event_id = OLD.id;
  INSERT OR IGNORE INTO event_actors (code, day_first, event_id, role)
    SELECT value, NEW.day_first, NEW.id, 'source' FROM json_each(NEW.sources);
  INSERT OR IGNORE INTO event_actors (code, day_first, event_id, role)
    SELECT value, NEW.day_first, NEW.id, 'target' FROM json_each(NEW.targets);
END;
CREATE TRIGGER events_actors_delete AFTER DELETE ON events BEGIN
  DELETE FROM event_actors WHERE event_id = OLD.id;
END;

CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL REFERENCES events (id),
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  -- '' when an earlier mention of the same document and span holds the sentence
  sentence TEXT NOT NULL,
  type TEXT NOT NULL,
  mode TEXT,
  source_code TEXT NOT NULL,
  source_name TEXT NOT NULL,
  source_role TEXT,
  target_code TEXT,
  target_name TEXT,
  target_role TEXT,
  date_start TEXT,
  date_end TEXT,
  granularity TEXT,
  modality TEXT NOT NULL,
  location TEXT,
  cluster TEXT,
  attribution_code TEXT,
  attribution_name TEXT,
  confidence REAL NOT NULL,
  rule TEXT
);
CREATE INDEX mentions_document ON mentions (document_id, start_offset, end_offset);
CREATE INDEX mentions_event ON mentions (event_id);

CREATE TABLE actors (
  code TEXT PRIMARY KEY,
  name TEXT
);

CREATE VIRTUAL TABLE documents_fts USING fts5 (title, text, content = 'documents', content_rowid = 'id');
CREATE VIRTUAL TABLE mentions_fts USING fts5 (sentence, content = 'mentions', content_rowid = 'id');
`;

// event_actors, second form: one row per actor per event (role source, target or both, so no
// query has to drop duplicates), an undated event's day as '' (so probes compare with =), and
// the event's filter columns, so a dyad page and its count are read from this one table in
// date order; the events table is visited only for the rows returned.
const ACTOR_ROW = `code, day_first, event_id, role, day_last, type, modality, status, origin`;

function fill(row: string): string {
  const values = (role: string) => `value, coalesce(${row}.day_first, ''), ${row}.id, '${role}', ${row}.day_last, ${row}.type, ${row}.modality, ${row}.status, ${row}.origin`;
  return `  INSERT INTO event_actors (${ACTOR_ROW}) SELECT ${values('source')} FROM json_each(${row}.sources) WHERE true ON CONFLICT DO NOTHING;
  INSERT INTO event_actors (${ACTOR_ROW}) SELECT ${values('target')} FROM json_each(${row}.targets) WHERE true
    ON CONFLICT (code, day_first, event_id) DO UPDATE SET role = 'both' WHERE role = 'source';`;
}

const actorRows = `
DROP TRIGGER events_actors_insert;
DROP TRIGGER events_actors_update;
DROP TRIGGER events_actors_delete;
DROP TABLE event_actors;
CREATE TABLE event_actors (
  code TEXT NOT NULL,
  day_first TEXT NOT NULL,
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('source', 'target', 'both')),
  day_last TEXT,
  type TEXT NOT NULL,
  modality TEXT NOT NULL,
  status TEXT NOT NULL,
  origin TEXT NOT NULL,
  PRIMARY KEY (code, day_first, event_id)
) WITHOUT ROWID;
CREATE INDEX event_actors_event ON event_actors (event_id);
INSERT INTO event_actors (${ACTOR_ROW})
  SELECT j.value, coalesce(e.day_first, ''), e.id, 'source', e.day_last, e.type, e.modality, e.status, e.origin
  FROM events e, json_each(e.sources) j WHERE true ON CONFLICT DO NOTHING;
INSERT INTO event_actors (${ACTOR_ROW})
  SELECT j.value, coalesce(e.day_first, ''), e.id, 'target', e.day_last, e.type, e.modality, e.status, e.origin
  FROM events e, json_each(e.targets) j WHERE true ON CONFLICT (code, day_first, event_id) DO UPDATE SET role = 'both' WHERE role = 'source';
CREATE TRIGGER events_actors_insert AFTER INSERT ON events BEGIN
${fill('NEW')}
END;
CREATE TRIGGER events_actors_update AFTER UPDATE OF sources, targets, day_first ON events BEGIN
  DELETE FROM event_actors WHERE event_id = OLD.id;
${fill('NEW')}
END;
CREATE TRIGGER events_actors_filters AFTER UPDATE OF day_last, type, modality, status, origin ON events BEGIN
  UPDATE event_actors SET day_last = NEW.day_last, type = NEW.type, modality = NEW.modality, status = NEW.status, origin = NEW.origin
    WHERE event_id = NEW.id;
END;
CREATE TRIGGER events_actors_delete AFTER DELETE ON events BEGIN
  DELETE FROM event_actors WHERE event_id = OLD.id;
END;
`;

// Third form: inserts are indexed by the writer, set-based per batch (event-index.ts), since a
// per-row trigger cost a dataset import half its SQLite time. Updates and deletes are rare and
// keep their triggers. actor_counts holds each actor's events, so listing actors reads one
// small table; event_stats holds the longest event span in days, so a date window bounds
// day_first on both sides (day_first >= from - span) instead of walking every earlier event.
const derivedTables = `
DROP TRIGGER events_actors_insert;
CREATE TABLE actor_counts (
  code TEXT PRIMARY KEY,
  events INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO actor_counts (code, events) SELECT code, count(*) FROM event_actors GROUP BY code;
CREATE TRIGGER event_actors_count_delete AFTER DELETE ON event_actors BEGIN
  UPDATE actor_counts SET events = events - 1 WHERE code = OLD.code;
END;
DROP TRIGGER events_actors_update;
CREATE TRIGGER events_actors_update AFTER UPDATE OF sources, targets, day_first ON events BEGIN
  DELETE FROM event_actors WHERE event_id = OLD.id;
${fill('NEW')}
  INSERT INTO actor_counts (code, events) SELECT code, 1 FROM event_actors WHERE event_id = NEW.id
    ON CONFLICT (code) DO UPDATE SET events = events + 1;
END;
CREATE TABLE event_stats (
  key TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO event_stats (key, value)
  SELECT 'max_span_days', coalesce(max(CAST(round(julianday(day_last) - julianday(day_first)) AS INTEGER)), 0)
  FROM events WHERE day_last > day_first;
CREATE TRIGGER events_span_update AFTER UPDATE OF day_first, day_last ON events WHEN NEW.day_last > NEW.day_first BEGIN
  UPDATE event_stats SET value = max(value, CAST(round(julianday(NEW.day_last) - julianday(NEW.day_first)) AS INTEGER))
    WHERE key = 'max_span_days';
END;
`;

// Fourth form: one event spanning decades ("during the Cold War") made max_span_days 45 years,
// so every date window walked every event up to 45 years before it. Events longer than
// LONG_SPAN_DAYS are few and get partial indexes of their own: a window reads the short events
// from `from - LONG_SPAN_DAYS` and the long ones from these (event-query.ts). The WHERE must
// read exactly as the queries' longSpan() term, or SQLite will not use the index.
const longSpanIndexes = `
CREATE INDEX events_long_span ON events (day_first) WHERE ${longSpanTerm('')};
CREATE INDEX event_actors_long_span ON event_actors (code, day_first) WHERE ${longSpanTerm('')};
`;

export const coreMigrations: Migration[] = [
  { id: '001-core', sql: core },
  { id: '002-event-actor-rows', sql: actorRows },
  { id: '003-derived-tables', sql: derivedTables },
  { id: '005-long-span-indexes', sql: longSpanIndexes },
];
