// Loading a year in bulk (migration 005), for an import that has the store to itself (inBulk)
// and meets a year whose partition does not exist yet: its rows are inserted into a bare table
// `events_load_y2019` (one unique index, for idempotency; no triggers, no other index), and when
// the import ends the year's actor rows are computed from it set-based, every index of events and
// event_actors is built once (a GIN index built in bulk costs a fraction of one filled row by row),
// and the two tables are attached as the year's partitions with the counters of their rows, in one
// transaction. A CHECK constraint of the year's bounds on each table spares ATTACH its scan.
//
// A session that loads a year holds a session advisory lock on it (two keys: a hash of the schema,
// and the year; no other lock of Entente has two keys); entente_year_partitions takes the same lock shared before it makes a partition, so any
// other writer to that year waits until the year is attached (rows of other years go on). A load
// that ended without attaching (a crash, a lost connection) leaves its table behind, its committed
// rows in it; the next load of that year resumes it (the unique index then counts the rows already
// there as unchanged), and a writer that made the year's partition meanwhile makes it stale: it
// is dropped and the rerun imports those rows into the partition.
import type { Migration } from './migrate.js';
import type { Db } from './sql.js';
import { PARTITION_LOCK } from './partitions.js';
import { actorRows } from './core-schema.js';

/** The loading table of a year ('2019' → events_load_y2019). */
export const loadTable = (year: string): string => `events_load_y${year.replace('-', 'm')}`;

const sql = `
SET LOCAL client_min_messages = warning;

-- The lock on year y while it is loaded in bulk: keyed by the schema too, so that stores in two
-- schemas seldom wait on each other (only when their names' hashes collide).
CREATE FUNCTION entente_year_lock(y text, shared boolean, try boolean) RETURNS boolean LANGUAGE plpgsql AS $f$
BEGIN
  IF try THEN
    RETURN pg_try_advisory_lock(hashtext(current_schema()), y::integer);
  ELSIF shared THEN
    PERFORM pg_advisory_xact_lock_shared(hashtext(current_schema()), y::integer);
  END IF;
  RETURN true;
END
$f$;

-- As in 002, waiting first for any bulk load of a missing year of events or event_actors (all
-- the year locks before the partition lock, in one order: no two writers wait on each other).
CREATE OR REPLACE FUNCTION entente_year_partitions(parent regclass, years text[]) RETURNS void LANGUAGE plpgsql AS $f$
DECLARE
  y text; base text; nsp text; part text; missing text[];
BEGIN
  SELECT c.relname, n.nspname INTO base, nsp FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = parent;
  missing := array(SELECT DISTINCT x FROM unnest(years) x WHERE x IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = parent AND c.relname = base || '_y' || replace(x, '-', 'm')) ORDER BY 1);
  IF cardinality(missing) = 0 THEN
    RETURN;
  END IF;
  FOREACH y IN ARRAY missing LOOP
    IF y !~ '^-?[0-9]{4,6}$' THEN
      RAISE EXCEPTION 'cannot make a partition of % for year "%"', base, y USING ERRCODE = '22023';
    END IF;
  END LOOP;
  IF base IN ('events', 'event_actors') THEN
    PERFORM entente_year_lock(x, true, false) FROM (SELECT x FROM unnest(missing) x ORDER BY x::integer) l;
  END IF;
  PERFORM pg_advisory_xact_lock(${PARTITION_LOCK});
  FOREACH y IN ARRAY missing LOOP
    part := base || '_y' || replace(y, '-', 'm');
    CONTINUE WHEN EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = parent AND c.relname = part);
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

-- Makes on table tbl the indexes of parent (only the unique ones when only_unique), named after
-- the parent's with the suffix, where missing: the definitions PostgreSQL prints for the parent,
-- so ATTACH finds each index it needs already built. A primary key becomes one on tbl too.
CREATE FUNCTION entente_load_indexes(parent regclass, tbl text, suffix text, only_unique boolean) RETURNS void LANGUAGE plpgsql AS $f$
DECLARE
  r record; name text;
BEGIN
  FOR r IN SELECT c.relname, pg_get_indexdef(i.indexrelid) AS def, i.indisprimary, pg_get_constraintdef(k.oid) AS condef
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    LEFT JOIN pg_constraint k ON k.conindid = i.indexrelid AND k.conrelid = i.indrelid
    WHERE i.indrelid = parent AND (i.indisunique OR NOT only_unique) ORDER BY c.relname
  LOOP
    name := r.relname || suffix;
    CONTINUE WHEN EXISTS (SELECT 1 FROM pg_class c WHERE c.relname = name AND c.relnamespace = (SELECT relnamespace FROM pg_class WHERE oid = to_regclass(tbl)));
    IF r.condef IS NOT NULL THEN
      EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I %s', tbl, name, r.condef);
    ELSE
      EXECUTE regexp_replace(r.def, '^(CREATE (UNIQUE )?INDEX) \\S+ ON ONLY \\S+ ', format('\\1 %I ON %I ', name, tbl));
    END IF;
  END LOOP;
END
$f$;

-- Starts (or resumes) loading year y in bulk on this session: 'bulk' when this session now holds
-- the year's lock and its loading table exists; 'usual' when the year has a partition (or a
-- detached table of that name, or is no year a partition can take): its rows take the usual
-- path; 'busy' when another session loads it: the usual path then waits for that load to end.
CREATE FUNCTION entente_bulk_begin(y text) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE
  part text := '_y' || replace(y, '-', 'm');
  load text := 'events_load' || part;
BEGIN
  IF y !~ '^-?[0-9]{4,6}$' THEN
    RETURN 'usual';
  END IF;
  IF NOT entente_year_lock(y, false, true) THEN
    RETURN 'busy';
  END IF;
  IF to_regclass('events' || part) IS NOT NULL THEN
    -- A loading table left behind is stale now: its rows never showed, and a rerun puts them in the partition.
    EXECUTE format('DROP TABLE IF EXISTS %I, %I', load, 'event_actors_load' || part);
    PERFORM pg_advisory_unlock(hashtext(current_schema()), y::integer);
    RETURN 'usual';
  END IF;
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I (LIKE events INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
    CONSTRAINT %I CHECK (day_first IS NOT NULL AND day_first >= %L AND day_first < %L))', load, 'events_year' || part, y || '-', y || '.');
  PERFORM entente_load_indexes('events', load, part, true);
  RETURN 'bulk';
END
$f$;

-- Ends the bulk load of year y (this session holds its lock; the caller releases it after the
-- commit): GDELT mentions stored before their events count into them, the actor rows, every
-- index, then under the partition lock both tables become the year's partitions and the counters
-- take their rows. Returns the year's events.
CREATE FUNCTION entente_bulk_finish(y text) RETURNS bigint LANGUAGE plpgsql AS $f$
DECLARE
  part text := '_y' || replace(y, '-', 'm');
  ev text := 'events_load' || part;
  ea text := 'event_actors_load' || part;
  n bigint;
BEGIN
  IF to_regclass(ev) IS NULL THEN
    RETURN 0;
  END IF;
  IF EXISTS (SELECT 1 FROM gdelt_mentions) THEN
    EXECUTE format('UPDATE %1$I e SET mention_count = e.mention_count + m.n FROM (
        SELECT global_event_id::text AS gid, count(*)::int AS n FROM gdelt_mentions
        WHERE mention_time > event_time AND global_event_id IN (SELECT external_id::bigint FROM %1$I WHERE origin = ''gdelt'' AND external_id ~ ''^[0-9]{1,18}$'')
        GROUP BY 1) m
      WHERE e.origin = ''gdelt'' AND e.external_id = m.gid', ev);
  END IF;
  EXECUTE format('DROP TABLE IF EXISTS %I', ea);
  EXECUTE format('CREATE TABLE %I (LIKE event_actors INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
    CONSTRAINT %I CHECK (day_first >= %L AND day_first < %L))', ea, 'event_actors_year' || part, y || '-', y || '.');
  EXECUTE format('INSERT INTO %1$I ${actorRows('%2$I e', 'true').replace(/'/g, "''")}', ea, ev);
  PERFORM entente_load_indexes('events', ev, part, false);
  PERFORM entente_load_indexes('event_actors', ea, part, false);
  EXECUTE format('ANALYZE %I, %I', ev, ea);
  -- The counters first: ATTACH locks the default partitions until the commit.
  EXECUTE format('INSERT INTO actor_count_deltas SELECT code, count(*) FROM %I GROUP BY code', ea);
  EXECUTE format('INSERT INTO event_volume_deltas SELECT day_first, coalesce(day_last, day_first), origin, modality, status, count(*), sum(greatest(mention_count, 1))
    FROM %I GROUP BY 1, 2, 3, 4, 5', ev);
  EXECUTE format('SELECT max(day_last::date - day_first::date) FROM %I WHERE day_last > day_first', ev) INTO n;
  PERFORM entente_raise_span(n::integer);
  EXECUTE format('SELECT count(*) FROM %I', ev) INTO n;
  PERFORM pg_advisory_xact_lock(${PARTITION_LOCK});
  EXECUTE format('ALTER TABLE %I RENAME TO %I', ev, 'events' || part);
  EXECUTE format('ALTER TABLE %I RENAME TO %I', ea, 'event_actors' || part);
  EXECUTE format('ALTER TABLE events ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', 'events' || part, y || '-', y || '.');
  EXECUTE format('ALTER TABLE event_actors ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', 'event_actors' || part, y || '-', y || '.');
  RETURN n;
END
$f$;
`;

export const bulkYearMigrations: Migration[] = [{ id: '005-bulk-year-loads', sql }];

/** How the rows of a year go: loaded in bulk by this session, the usual way, or the usual way once another session's load of it ends. */
export type YearPath = 'bulk' | 'usual' | 'busy';

/** entente_bulk_begin: whether this session now loads year y in bulk. */
export async function beginYear(db: Db, year: string): Promise<YearPath> {
  return (await db.query<{ path: YearPath }>('SELECT entente_bulk_begin($1) AS path', [year])).rows[0].path;
}

/** entente_bulk_finish in the caller's transaction; release the year's lock after its commit. */
export async function finishYear(db: Db, year: string): Promise<void> {
  await db.query("SET LOCAL maintenance_work_mem = '256MB'");
  await db.query('SELECT entente_bulk_finish($1)', [year]);
}

export async function releaseYear(db: Db, year: string): Promise<void> {
  await db.query('SELECT pg_advisory_unlock(hashtext(current_schema()), $1::integer)', [year]);
}
