// Partitioning by year on PostgreSQL (migration 002): `events` and its dyad index `event_actors`
// are range-partitioned on day_first, one partition per year (`events_y2019` holds the days
// '2019-…'), with a default partition for undated events (day_first NULL, '' in event_actors).
// A year window then reads one partition, and an old year can be detached whole.
// Partitions are made on demand: before a batch or document writes a day of a year that has no
// partition yet, entente_event_years creates it under an advisory lock (so two writers never race
// to make the same one). The default partitions hold undated rows only (a CHECK constraint), which
// also spares PostgreSQL a scan of them when a new year is added.
// Day columns are COLLATE "C": partition bounds and every day comparison are then byte order,
// as in SQLite, whatever the database's locale.
import type { Migration } from './migrate.js';
import type { Db } from './sql.js';
import { EVENT_TRIGGER_FUNCTIONS_INSERTED, EVENT_TRIGGER_FUNCTIONS_UPDATED } from './core-schema.js';

/** pg_advisory_xact_lock key held while partitions are created. */
export const PARTITION_LOCK = 0x70617274;

const EVENT_COLUMNS = `
  origin text NOT NULL,
  external_id text,
  type text NOT NULL,
  mode text,
  sources text[] NOT NULL DEFAULT '{}',
  targets text[] NOT NULL DEFAULT '{}',
  date_start text,
  date_end text,
  granularity text,
  day_first text COLLATE "C",
  day_last text COLLATE "C",
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
  attrs json NOT NULL DEFAULT '{}'`;

const TRIGGERS = `
CREATE TRIGGER events_inserted AFTER INSERT ON events REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION entente_events_inserted();
CREATE TRIGGER events_updated AFTER UPDATE ON events REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION entente_events_updated();
CREATE TRIGGER events_deleted AFTER DELETE ON events REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION entente_events_deleted();
CREATE TRIGGER event_actors_inserted AFTER INSERT ON event_actors REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION entente_actor_rows_inserted();
CREATE TRIGGER event_actors_deleted AFTER DELETE ON event_actors REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION entente_actor_rows_deleted();`;

/** The year of a day, in SQL: '2019-05-01' → '2019', '-0044-03-15' → '-0044'. */
const YEAR_OF = (col: string) => `substring(${col} from '^(-?[0-9]+)-')`;

// Converts the tables of 001-core (empty on a new database, filled on an older one) in one
// transaction: the old tables are renamed, the partitioned ones made with a partition for every
// year present, the rows copied, the indexes and triggers made after the copy, the old tables dropped.
const partitionByYear = `
SET LOCAL client_min_messages = warning;

-- Partitions of parent for years ('2019', '-0044'), made under an advisory lock where missing.
-- Day partitions hold ['2019-', '2019.'): every '2019-MM-DD' and nothing else; GDELT mention
-- times (YYYYMMDDHHMMSS) ['2019', '2019~').
CREATE FUNCTION entente_year_partitions(parent regclass, years text[]) RETURNS void LANGUAGE plpgsql AS $f$
DECLARE
  y text; base text; nsp text; part text; locked boolean := false;
BEGIN
  SELECT c.relname, n.nspname INTO base, nsp FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = parent;
  FOREACH y IN ARRAY years LOOP
    CONTINUE WHEN y IS NULL;
    IF y !~ '^-?[0-9]{4,6}$' THEN
      RAISE EXCEPTION 'cannot make a partition of % for year "%"', base, y USING ERRCODE = '22023';
    END IF;
    part := base || '_y' || replace(y, '-', 'm');
    CONTINUE WHEN EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = parent AND c.relname = part);
    IF NOT locked THEN
      PERFORM pg_advisory_xact_lock(${PARTITION_LOCK});
      locked := true;
      CONTINUE WHEN EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = parent AND c.relname = part);
    END IF;
    BEGIN
      IF base = 'gdelt_mentions' THEN
        EXECUTE format('CREATE TABLE %I.%I PARTITION OF %s FOR VALUES FROM (%L) TO (%L)', nsp, part, parent, y, y || '~');
      ELSE
        EXECUTE format('CREATE TABLE %I.%I PARTITION OF %s FOR VALUES FROM (%L) TO (%L)', nsp, part, parent, y || '-', y || '.');
      END IF;
    EXCEPTION WHEN duplicate_table THEN
      RAISE EXCEPTION 'year % of % was detached: table % exists; attach it again (SELECT entente_attach_year(''%'')) or rename it', y, base, part, y
        USING ERRCODE = '55000';
    END;
  END LOOP;
END
$f$;

-- The partitions of events and event_actors for years.
CREATE FUNCTION entente_event_years(years text[]) RETURNS void LANGUAGE sql AS $f$
  SELECT entente_year_partitions('events', years);
  SELECT entente_year_partitions('event_actors', years);
$f$;

DROP TRIGGER events_inserted ON events;
DROP TRIGGER events_updated ON events;
DROP TRIGGER events_deleted ON events;
DROP TRIGGER event_actors_inserted ON event_actors;
DROP TRIGGER event_actors_deleted ON event_actors;
-- A foreign key must point at a unique key, and a partitioned table's keys include day_first.
ALTER TABLE mentions DROP CONSTRAINT mentions_event_id_fkey;
ALTER TABLE events RENAME TO events_flat;
ALTER INDEX events_pkey RENAME TO events_flat_pkey;
ALTER INDEX events_origin_external RENAME TO events_flat_origin_external;
ALTER INDEX events_day RENAME TO events_flat_day;
ALTER TABLE event_actors RENAME TO event_actors_flat;
ALTER INDEX event_actors_pkey RENAME TO event_actors_flat_pkey;
ALTER INDEX event_actors_event RENAME TO event_actors_flat_event;

CREATE SEQUENCE event_ids;
SELECT setval('event_ids', coalesce(max(id), 0) + 1, false) FROM events_flat;
CREATE TABLE events (
  id bigint NOT NULL DEFAULT nextval('event_ids'),${EVENT_COLUMNS}
) PARTITION BY RANGE (day_first);
ALTER SEQUENCE event_ids OWNED BY events.id;
CREATE TABLE events_undated PARTITION OF events (CONSTRAINT events_undated_day CHECK (day_first IS NULL)) DEFAULT;

CREATE TABLE event_actors (
  code text NOT NULL,
  day_first text COLLATE "C" NOT NULL,
  event_id bigint NOT NULL,
  role text NOT NULL CHECK (role IN ('source', 'target', 'both')),
  day_last text COLLATE "C",
  type text NOT NULL,
  modality text NOT NULL,
  status text NOT NULL,
  origin text NOT NULL
) PARTITION BY RANGE (day_first);
CREATE TABLE event_actors_undated PARTITION OF event_actors (CONSTRAINT event_actors_undated_day CHECK (day_first = '')) DEFAULT;

SELECT entente_event_years(array(SELECT DISTINCT ${YEAR_OF('day_first')} FROM events_flat WHERE day_first IS NOT NULL));
INSERT INTO events SELECT * FROM events_flat;
INSERT INTO event_actors SELECT * FROM event_actors_flat;
DROP TABLE events_flat;
DROP TABLE event_actors_flat;

CREATE INDEX events_id ON events (id);
-- Idempotency of dataset imports: one event per (origin, external id, first day). A record
-- imported again carries the same date, so it lands on the same key.
CREATE UNIQUE INDEX events_origin_external ON events (origin, external_id, day_first) NULLS NOT DISTINCT WHERE external_id IS NOT NULL;
CREATE INDEX events_day ON events (day_first NULLS FIRST, id);
ALTER TABLE event_actors ADD PRIMARY KEY (code, day_first, event_id);
CREATE INDEX event_actors_event ON event_actors (event_id);
${EVENT_TRIGGER_FUNCTIONS_INSERTED}
${EVENT_TRIGGER_FUNCTIONS_UPDATED}
${TRIGGERS}

-- Takes a year out of events and event_actors (and gdelt_mentions): the partitions become plain
-- tables (events_y2015, …) to archive (pg_dump -t) and drop. The counters (events per actor,
-- event volume) are lowered first, so lists, series and actor tallies read as without that year.
CREATE FUNCTION entente_detach_year(y text) RETURNS void LANGUAGE plpgsql AS $f$
DECLARE
  part text := '_y' || replace(y, '-', 'm');
BEGIN
  PERFORM pg_advisory_xact_lock(${PARTITION_LOCK});
  IF to_regclass('events' || part) IS NULL THEN
    RAISE EXCEPTION 'no partition for year % (events%)', y, part USING ERRCODE = '42P01';
  END IF;
  EXECUTE format('INSERT INTO actor_count_deltas SELECT code, -count(*) FROM %I GROUP BY code', 'event_actors' || part);
  EXECUTE format('INSERT INTO event_volume_deltas SELECT day_first, coalesce(day_last, day_first), origin, modality, status, -count(*), -sum(greatest(mention_count, 1))
    FROM %I WHERE day_first IS NOT NULL GROUP BY 1, 2, 3, 4, 5', 'events' || part);
  EXECUTE format('ALTER TABLE events DETACH PARTITION %I', 'events' || part);
  EXECUTE format('ALTER TABLE event_actors DETACH PARTITION %I', 'event_actors' || part);
  IF to_regclass('gdelt_mentions' || part) IS NOT NULL THEN
    EXECUTE format('ALTER TABLE gdelt_mentions DETACH PARTITION %I', 'gdelt_mentions' || part);
  END IF;
END
$f$;

-- Puts a detached year back (restored from its archive if it was dropped), counters included.
CREATE FUNCTION entente_attach_year(y text) RETURNS void LANGUAGE plpgsql AS $f$
DECLARE
  part text := '_y' || replace(y, '-', 'm');
BEGIN
  PERFORM pg_advisory_xact_lock(${PARTITION_LOCK});
  EXECUTE format('ALTER TABLE events ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', 'events' || part, y || '-', y || '.');
  EXECUTE format('ALTER TABLE event_actors ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', 'event_actors' || part, y || '-', y || '.');
  IF to_regclass('gdelt_mentions' || part) IS NOT NULL THEN
    EXECUTE format('ALTER TABLE gdelt_mentions ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', 'gdelt_mentions' || part, y, y || '~');
  END IF;
  EXECUTE format('INSERT INTO actor_count_deltas SELECT code, count(*) FROM %I GROUP BY code', 'event_actors' || part);
  EXECUTE format('INSERT INTO event_volume_deltas SELECT day_first, coalesce(day_last, day_first), origin, modality, status, count(*), sum(greatest(mention_count, 1))
    FROM %I WHERE day_first IS NOT NULL GROUP BY 1, 2, 3, 4, 5', 'events' || part);
END
$f$;
`;

// gdelt_mentions (migration 100) by the year of the mention's time, the same way; a default
// partition takes a time that does not start with a year.
const gdeltMentionsByYear = `
SET LOCAL client_min_messages = warning;
ALTER TABLE gdelt_mentions RENAME TO gdelt_mentions_flat;
ALTER INDEX gdelt_mentions_pkey RENAME TO gdelt_mentions_flat_pkey;
CREATE TABLE gdelt_mentions (
  global_event_id bigint NOT NULL,
  mention_time text COLLATE "C" NOT NULL,
  identifier text NOT NULL,
  sentence_id integer NOT NULL,
  event_time text NOT NULL,
  mention_type integer NOT NULL,
  source_name text NOT NULL,
  actor1_offset integer NOT NULL,
  actor2_offset integer NOT NULL,
  action_offset integer NOT NULL,
  in_raw_text boolean NOT NULL,
  confidence integer NOT NULL,
  doc_length integer NOT NULL,
  doc_tone double precision NOT NULL,
  translation_info text
) PARTITION BY RANGE (mention_time);
CREATE TABLE gdelt_mentions_other PARTITION OF gdelt_mentions DEFAULT;
SELECT entente_year_partitions('gdelt_mentions', array(SELECT DISTINCT left(mention_time, 4) FROM gdelt_mentions_flat WHERE mention_time ~ '^[0-9]{4}'));
INSERT INTO gdelt_mentions SELECT * FROM gdelt_mentions_flat;
DROP TABLE gdelt_mentions_flat;
ALTER TABLE gdelt_mentions ADD PRIMARY KEY (global_event_id, mention_time, identifier, sentence_id, actor1_offset, actor2_offset, action_offset);
`;

export const partitionMigrations: Migration[] = [
  { id: '002-partition-by-year', sql: partitionByYear },
  { id: '101-gdelt-mentions-by-year', sql: gdeltMentionsByYear },
];

/** The year of a day ('2019-05-01' → '2019', '-0044-03-15' → '-0044'), null for none. */
export function yearOf(day: string | null | undefined): string | null {
  return day ? (/^(-?\d+)-/.exec(day)?.[1] ?? null) : null;
}

function distinct(years: Iterable<string | null>): string[] {
  return [...new Set([...years].filter((y): y is string => y !== null))].sort();
}

/** Makes the partitions of events and event_actors for the years of these days, where missing. */
export async function ensureEventYears(db: Db, days: Iterable<string | null | undefined>): Promise<void> {
  const years = distinct([...days].map(yearOf));
  if (years.length) await db.query('SELECT entente_event_years($1::text[])', [years]);
}

/** Makes the partitions of gdelt_mentions for the years of these GDELT times (YYYYMMDDHHMMSS). */
export async function ensureGdeltMentionYears(db: Db, times: Iterable<string>): Promise<void> {
  const years = distinct([...times].map((t) => (/^\d{4}/.test(t) ? t.slice(0, 4) : null)));
  if (years.length) await db.query("SELECT entente_year_partitions('gdelt_mentions', $1::text[])", [years]);
}

/**
 * ensureEventYears with a memory of the years known to exist, for writers that touch one event
 * at a time (documents, curation) inside their transaction. forget() after a failed transaction:
 * a partition made in it was rolled back, or a year was detached meanwhile.
 */
export function eventYearCache(): { ensure(db: Db, days: Iterable<string | null | undefined>): Promise<void>; forget(): void } {
  const known = new Set<string>();
  return {
    async ensure(db, days) {
      const missing = distinct([...days].map(yearOf)).filter((y) => !known.has(y));
      if (!missing.length) return;
      await db.query('SELECT entente_event_years($1::text[])', [missing]);
      for (const y of missing) known.add(y);
    },
    forget: () => known.clear(),
  };
}
