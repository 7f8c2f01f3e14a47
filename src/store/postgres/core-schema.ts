// The core schema on PostgreSQL (migrations 001–099): documents, mentions, events, the dyad
// index event_actors, actors, and full-text search (tsvector columns with GIN indexes; the
// 'simple' configuration, like SQLite's unicode61: words, no stemming, no stop words).
// events.sources / events.targets are the truth; event_actors, the actor counts, the event
// volume and the longest span derive from them through statement-level triggers with
// transition tables, so a 1,000-row import or a COPY batch is indexed set-based, whoever writes.
// Counters are kept as insert-only delta rows (summed on read, compacted now and then): many
// concurrent writers then never queue on one hot counter row, nor deadlock over two.
import type { Migration } from './migrate.js';
import { LONG_SPAN_DAYS } from '../sqlite/core-schema.js';

/** The term that picks long events of table alias `t` ('' for bare columns, as in an index). */
export const longSpanTerm = (t: string): string => {
  const c = t ? `${t}.` : '';
  return `entente_span_days(${c}day_first, ${c}day_last) > ${LONG_SPAN_DAYS}`;
};

/** Characters of a document that full-text search covers: a tsvector holds at most 1 MB. */
export const FTS_DOCUMENT_CHARS = 500_000;

/**
 * The actor rows of the events `e` in `from` that pass `cond`: one per actor per event, a code
 * in both lists once as 'both'. Two unnests: the sources, then the targets that are not sources;
 * a code listed twice is dropped by DISTINCT ON over the sort the index wants anyway (cheaper
 * than ON CONFLICT's speculative insertion; the rows are of new or re-indexed events, so never
 * already there).
 */
export function actorRows(from: string, cond: string): string {
  const cols = `coalesce(e.day_first, ''), e.id`;
  const rest = 'e.day_last, e.type, e.modality, e.status, e.origin';
  return `SELECT DISTINCT ON (1, 2, 3) x.* FROM (
      SELECT s AS code, ${cols}, CASE WHEN s = ANY (e.targets) THEN 'both' ELSE 'source' END, ${rest} FROM ${from}, unnest(e.sources) s WHERE ${cond}
      UNION ALL
      SELECT t, ${cols}, 'target', ${rest} FROM ${from}, unnest(e.targets) t WHERE (${cond}) AND NOT t = ANY (e.sources)
    ) x ORDER BY 1, 2, 3`;
}

/** The trigger functions that write event_actors (also redefined by migration 002 on older databases). */
export const EVENT_TRIGGER_FUNCTIONS_INSERTED = `CREATE OR REPLACE FUNCTION entente_events_inserted() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  INSERT INTO event_actors ${actorRows('new_rows e', 'true')};
  INSERT INTO event_volume_deltas
    SELECT day_first, coalesce(day_last, day_first), origin, modality, status, count(*), sum(greatest(mention_count, 1))
    FROM new_rows WHERE day_first IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
  PERFORM entente_raise_span((SELECT max(day_last::date - day_first::date) FROM new_rows WHERE day_last > day_first));
  RETURN NULL;
END
$f$;
`;
export const EVENT_TRIGGER_FUNCTIONS_UPDATED = `CREATE OR REPLACE FUNCTION entente_events_updated() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  -- Actors or start day changed: the event's actor rows again.
  DELETE FROM event_actors a USING old_rows o JOIN new_rows n ON n.id = o.id
    WHERE a.event_id = o.id AND (o.sources <> n.sources OR o.targets <> n.targets OR o.day_first IS DISTINCT FROM n.day_first);
  INSERT INTO event_actors ${actorRows('old_rows o JOIN new_rows e ON e.id = o.id', 'o.sources <> e.sources OR o.targets <> e.targets OR o.day_first IS DISTINCT FROM e.day_first')};
  -- Only filter columns changed: the actor rows follow.
  UPDATE event_actors a SET day_last = n.day_last, type = n.type, modality = n.modality, status = n.status, origin = n.origin
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE a.event_id = n.id AND o.sources = n.sources AND o.targets = n.targets AND o.day_first IS NOT DISTINCT FROM n.day_first
      AND (o.day_last IS DISTINCT FROM n.day_last OR o.type <> n.type OR o.modality <> n.modality OR o.status <> n.status OR o.origin <> n.origin);
  INSERT INTO event_volume_deltas
    SELECT v.day_first, v.day_last, v.origin, v.modality, v.status, sum(v.events), sum(v.mentions) FROM (
      SELECT o.day_first, coalesce(o.day_last, o.day_first) AS day_last, o.origin, o.modality, o.status, -1 AS events, -greatest(o.mention_count, 1) AS mentions
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE o.day_first IS NOT NULL AND (o.day_first, o.day_last, o.origin, o.modality, o.status, o.mention_count)
          IS DISTINCT FROM (n.day_first, n.day_last, n.origin, n.modality, n.status, n.mention_count)
      UNION ALL
      SELECT n.day_first, coalesce(n.day_last, n.day_first), n.origin, n.modality, n.status, 1, greatest(n.mention_count, 1)
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE n.day_first IS NOT NULL AND (o.day_first, o.day_last, o.origin, o.modality, o.status, o.mention_count)
          IS DISTINCT FROM (n.day_first, n.day_last, n.origin, n.modality, n.status, n.mention_count)
    ) v GROUP BY 1, 2, 3, 4, 5 HAVING sum(v.events) <> 0 OR sum(v.mentions) <> 0;
  PERFORM entente_raise_span((SELECT max(day_last::date - day_first::date) FROM new_rows WHERE day_last > day_first));
  RETURN NULL;
END
$f$;
`;

const core = `
CREATE TABLE documents (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  hash text NOT NULL UNIQUE,
  title text,
  url text,
  source text,
  published text,
  language text,
  text text NOT NULL,
  length integer NOT NULL,
  ingested_at text NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || left(text, ${FTS_DOCUMENT_CHARS}))) STORED
);
CREATE INDEX documents_tsv ON documents USING gin (tsv);

CREATE TABLE events (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  origin text NOT NULL,
  external_id text,
  type text NOT NULL,
  mode text,
  sources text[] NOT NULL DEFAULT '{}',
  targets text[] NOT NULL DEFAULT '{}',
  date_start text,
  date_end text,
  granularity text,
  day_first text,
  day_last text,
  date_kind text NOT NULL DEFAULT 'event',
  modality text NOT NULL,
  mention_count integer NOT NULL DEFAULT 0,
  disputed boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'extracted',
  intensity double precision NOT NULL,
  first_reported text,
  last_reported text,
  loc_name text,
  loc_country text,
  lat double precision,
  lon double precision,
  loc_precision integer,
  source_url text,
  attrs json NOT NULL DEFAULT '{}'
);
CREATE UNIQUE INDEX events_origin_external ON events (origin, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX events_day ON events (day_first NULLS FIRST, id);

-- One row per actor per event (role source, target or both), with the event's filter columns,
-- so a dyad page and its count are read from this table in date order. Undated: day_first ''.
CREATE TABLE event_actors (
  code text NOT NULL,
  day_first text NOT NULL,
  event_id bigint NOT NULL,
  role text NOT NULL CHECK (role IN ('source', 'target', 'both')),
  day_last text,
  type text NOT NULL,
  modality text NOT NULL,
  status text NOT NULL,
  origin text NOT NULL,
  PRIMARY KEY (code, day_first, event_id)
);
CREATE INDEX event_actors_event ON event_actors (event_id);

CREATE TABLE mentions (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  event_id bigint NOT NULL REFERENCES events (id),
  start_offset integer NOT NULL,
  end_offset integer NOT NULL,
  -- '' when an earlier mention of the same document and span holds the sentence
  sentence text NOT NULL,
  type text NOT NULL,
  mode text,
  source_code text NOT NULL,
  source_name text NOT NULL,
  source_role text,
  target_code text,
  target_name text,
  target_role text,
  date_start text,
  date_end text,
  granularity text,
  modality text NOT NULL,
  location text,
  cluster text,
  attribution_code text,
  attribution_name text,
  confidence double precision NOT NULL,
  rule text,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', sentence)) STORED
);
CREATE INDEX mentions_document ON mentions (document_id, start_offset, end_offset);
CREATE INDEX mentions_event ON mentions (event_id);
CREATE INDEX mentions_tsv ON mentions USING gin (tsv);

CREATE TABLE actors (
  code text PRIMARY KEY,
  name text
);

-- Events per actor, as deltas: sum(n) per code is the count.
CREATE TABLE actor_count_deltas (
  code text NOT NULL,
  n integer NOT NULL
);
CREATE INDEX actor_count_deltas_code ON actor_count_deltas (code);

-- Events and mentions per exact day range, as deltas (see WatchStore.eventVolume).
CREATE TABLE event_volume_deltas (
  day_first text NOT NULL,
  day_last text NOT NULL,
  origin text NOT NULL,
  modality text NOT NULL,
  status text NOT NULL,
  events integer NOT NULL,
  mentions integer NOT NULL
);
CREATE INDEX event_volume_deltas_day ON event_volume_deltas (day_first);

-- max_span_days: the longest day_last - day_first of any event, so a date window can bound
-- day_first from below. Only ever raised, and only when it grows (rare), so rarely locked.
CREATE TABLE event_stats (
  key text PRIMARY KEY,
  value integer NOT NULL
);
INSERT INTO event_stats VALUES ('max_span_days', 0);

CREATE FUNCTION entente_raise_span(rows_max integer) RETURNS void LANGUAGE sql AS $f$
  UPDATE event_stats SET value = rows_max WHERE key = 'max_span_days' AND value < rows_max
$f$;

${EVENT_TRIGGER_FUNCTIONS_INSERTED}CREATE TRIGGER events_inserted AFTER INSERT ON events REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION entente_events_inserted();

${EVENT_TRIGGER_FUNCTIONS_UPDATED}CREATE TRIGGER events_updated AFTER UPDATE ON events REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION entente_events_updated();

CREATE FUNCTION entente_events_deleted() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  DELETE FROM event_actors WHERE event_id IN (SELECT id FROM old_rows);
  INSERT INTO event_volume_deltas
    SELECT day_first, coalesce(day_last, day_first), origin, modality, status, -count(*), -sum(greatest(mention_count, 1))
    FROM old_rows WHERE day_first IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
  RETURN NULL;
END
$f$;
CREATE TRIGGER events_deleted AFTER DELETE ON events REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION entente_events_deleted();

CREATE FUNCTION entente_actor_rows_inserted() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  INSERT INTO actor_count_deltas SELECT code, count(*) FROM new_rows GROUP BY code;
  RETURN NULL;
END
$f$;
CREATE TRIGGER event_actors_inserted AFTER INSERT ON event_actors REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION entente_actor_rows_inserted();

CREATE FUNCTION entente_actor_rows_deleted() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  INSERT INTO actor_count_deltas SELECT code, -count(*) FROM old_rows GROUP BY code;
  RETURN NULL;
END
$f$;
CREATE TRIGGER event_actors_deleted AFTER DELETE ON event_actors REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION entente_actor_rows_deleted();

-- Folds the delta rows into one row per key. Inserters are never blocked (they add new rows);
-- callers take an advisory lock so that only one compaction runs at a time.
CREATE FUNCTION entente_compact_counters() RETURNS void LANGUAGE sql AS $f$
  WITH d AS (DELETE FROM actor_count_deltas RETURNING code, n)
  INSERT INTO actor_count_deltas SELECT code, sum(n) FROM d GROUP BY code HAVING sum(n) <> 0;
  WITH d AS (DELETE FROM event_volume_deltas RETURNING *)
  INSERT INTO event_volume_deltas SELECT day_first, day_last, origin, modality, status, sum(events), sum(mentions)
    FROM d GROUP BY 1, 2, 3, 4, 5 HAVING sum(events) <> 0 OR sum(mentions) <> 0;
$f$;
`;

// Events longer than LONG_SPAN_DAYS (wars, eras) get partial indexes, so a date window reads the
// short events from from − LONG_SPAN_DAYS and the long ones from these, instead of every event back
// to the longest span (event-query.ts; as in sqlite/core-schema.ts). text::date is immutable for
// the ISO days stored here; other text (years before 0001) gives no span.
const longSpanIndexes = `
CREATE FUNCTION entente_span_days(first text, last text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
  SELECT CASE WHEN first ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND last ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND first >= '0001' THEN last::date - first::date END
$f$;
CREATE INDEX events_long_span ON events (day_first) WHERE ${longSpanTerm('')};
CREATE INDEX event_actors_long_span ON event_actors (code, day_first) WHERE ${longSpanTerm('')};
`;

// The same function, cheap enough for the two partial indexes above that evaluate it on every
// insert (migration 004). 003's was run by the SQL-function executor for each row: text::date
// is only STABLE (it reads DateStyle), and PostgreSQL does not inline an IMMUTABLE function whose
// body is not. make_date over the digits is immutable, so this one is inlined; and a one-day event
// (every GDELT event) skips the regular expressions: equal days give 0 whatever their text, where
// 003 gave NULL for text that is no ISO day. Both are "not long" (neither 0 > 31 nor NULL > 31 is
// true), so every index and query takes the same rows and nothing is reindexed.
const ymdDate = (c: string) => `make_date(substr(${c}, 1, 4)::int, substr(${c}, 6, 2)::int, substr(${c}, 9, 2)::int)`;
const spanDaysInlined = `
CREATE OR REPLACE FUNCTION entente_span_days(first text, last text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
  SELECT CASE WHEN first = last THEN 0
    WHEN first ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND last ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND first >= '0001' THEN ${ymdDate('last')} - ${ymdDate('first')} END
$f$;
`;

export const coreMigrations: Migration[] = [
  { id: '001-core', sql: core },
  { id: '003-long-span-indexes', sql: longSpanIndexes },
  { id: '004-span-days-inlined', sql: spanDaysInlined },
];
