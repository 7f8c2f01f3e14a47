// PostgreSQL side of the dataset importers: each batch is copied (COPY … FROM STDIN) into a
// temporary staging table and moved into `events` by one set-based INSERT … SELECT … ON
// CONFLICT DO NOTHING, idempotent by (origin, external_id); the statement triggers then index
// the whole batch at once. One transaction per batch: a server lost mid-import loses at most
// the batch in flight, and a rerun skips what is stored and completes the rest.
// An import that has the store to itself (inBulk) loads the rows of a year that has no partition
// yet into a bare table instead, attached with its indexes when the import ends (bulk-years.ts);
// its transactions then span batches up to the rows inBulk is given.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';
import type { EventStore } from '../event-store.js';
import type { DatasetEventInput } from '../../domain/event.js';
import { intensity } from '../../domain/plover.js';
import { dayBounds } from '../../domain/date-range.js';
import type { DatasetStore, GdeltMentionInput, StateMembershipInput, WriteResult } from '../../ingest/datasets/dataset-store.js';
import type { Migration } from './migrate.js';
import type { Pools } from './pools.js';
import { dbError, transaction } from './sql.js';
import { ensureEventYears, ensureGdeltMentionYears, yearOf } from './partitions.js';
import { beginYear, finishYear, loadTable, releaseYear, type YearPath } from './bulk-years.js';

const schema = `
CREATE TABLE gdelt_mentions (
  global_event_id bigint NOT NULL,
  mention_time text NOT NULL,
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
  translation_info text,
  PRIMARY KEY (global_event_id, mention_time, identifier, sentence_id, actor1_offset, actor2_offset, action_offset)
);

CREATE TABLE actor_memberships (
  code text NOT NULL,
  system text NOT NULL,
  start text NOT NULL,
  "end" text NOT NULL,
  system_code text NOT NULL,
  system_abb text,
  name text NOT NULL,
  PRIMARY KEY (code, system, start)
);
ALTER TABLE actors ADD COLUMN cow_code integer;
ALTER TABLE actors ADD COLUMN cow_abb text;
`;

export const datasetImportMigrations: Migration[] = [{ id: '100-dataset-import', sql: schema }];

const EVENT_COLUMNS = `origin, external_id, type, mode, sources, targets, date_start, date_end, granularity, day_first,
  day_last, date_kind, modality, mention_count, intensity, first_reported, last_reported, loc_name, loc_country, lat, lon,
  loc_precision, source_url, attrs`;
const MENTION_COLUMNS = `global_event_id, mention_time, identifier, sentence_id, event_time, mention_type, source_name,
  actor1_offset, actor2_offset, action_offset, in_raw_text, confidence, doc_length, doc_tone, translation_info`;

// Temporary tables live per connection; ON COMMIT DELETE ROWS empties them after each batch.
// Made inside the batch's transaction, so a rolled-back batch cannot leave a connection without them.
// No JIT: a batch's plans are estimated costly enough to compile, and compiling costs more than it
// saves on a batch. work_mem for the batch's sorts, transition tables and the full-text index's
// pending list, which otherwise spill to disk.
const STAGING = `SET LOCAL client_min_messages = warning;
SET LOCAL jit = off;
SET LOCAL work_mem = '64MB';
CREATE TEMP TABLE IF NOT EXISTS staging_events ON COMMIT DELETE ROWS AS SELECT ${EVENT_COLUMNS} FROM events WITH NO DATA;
CREATE TEMP TABLE IF NOT EXISTS staging_gdelt_mentions (LIKE gdelt_mentions) ON COMMIT DELETE ROWS;`;

async function ensureStaging(c: pg.PoolClient): Promise<void> {
  await c.query(STAGING);
}

/** The batch's new events from staging_events into `into` (events, or a year's loading table), as many as were new. */
async function insertStaged(c: pg.PoolClient, into: string, where = 'true'): Promise<pg.QueryResult<{ id: string; external_id: string; origin: string }>> {
  // Records an editor merged into another event stay merged; rejected ones keep their row, so
  // the conflict on (origin, external_id, day_first) already leaves them as they are.
  return c.query(`INSERT INTO ${into} (${EVENT_COLUMNS})
    SELECT ${EVENT_COLUMNS} FROM staging_events s
    WHERE (${where}) AND NOT EXISTS (SELECT 1 FROM merged_records m WHERE m.origin = s.origin AND m.external_id = s.external_id)
    ON CONFLICT (origin, external_id, day_first) WHERE external_id IS NOT NULL DO NOTHING
    RETURNING id, external_id, origin`);
}

/** One value in COPY's text format. */
function cell(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  const s = typeof v === 'string' ? v : String(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

/** A text[] literal: every element quoted, so commas, braces and spaces in codes stay literal. */
function arrayLiteral(xs: string[]): string {
  return `{${xs.map((x) => `"${x.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

function days(e: DatasetEventInput): [string, string] | [null, null] {
  const d = e.date;
  return !d ? [null, null] : d.start.length === 10 && d.end === d.start ? [d.start, d.start] : dayBounds(d);
}

function eventLine(e: DatasetEventInput): string {
  const d = e.date;
  const [first, last] = days(e);
  const loc = e.location;
  return [
    e.origin, e.externalId, e.type, e.mode, arrayLiteral(e.sources), arrayLiteral(e.targets),
    d?.start ?? null, d?.end ?? null, d?.granularity ?? null, first, last,
    e.dateKind, e.modality, e.mentionCount, intensity(e.type, e.mode), e.reportedAt, e.reportedAt,
    loc?.name ?? null, loc?.country ?? null, loc?.lat ?? null, loc?.lon ?? null, loc?.precision ?? null,
    e.sourceUrl, JSON.stringify(e.attrs),
  ].map(cell).join('\t');
}

function mentionLine(m: GdeltMentionInput): string {
  return [
    m.globalEventId, m.mentionTime, m.identifier, m.sentenceId, m.eventTime, m.mentionType, m.sourceName,
    m.actor1Offset, m.actor2Offset, m.actionOffset, m.inRawText ? 't' : 'f', m.confidence, m.docLength, m.docTone, m.translationInfo,
  ].map(cell).join('\t');
}

async function copyIn(c: pg.PoolClient, table: string, columns: string, lines: string[]): Promise<void> {
  const sink = c.query(copyStreams.from(`COPY ${table} (${columns}) FROM STDIN`));
  await pipeline(Readable.from([`${lines.join('\n')}\n`]), sink);
}

/** GDELT's YYYYMMDDHHMMSS as an ISO timestamp. */
function isoTime(t: string): string {
  return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(8, 10)}:${t.slice(10, 12)}:${t.slice(12, 14)}Z`;
}

export function datasetImportPart({ primary }: Pools, afterWrite: () => Promise<void>): Pick<EventStore, 'importEvents'> & Required<Pick<DatasetStore, 'inBulk'>> & DatasetStore {
  const run = <T>(what: string, tx: (c: pg.PoolClient, b: T[]) => Promise<WriteResult>, partitions?: (b: T[]) => Promise<void>) => async (batch: T[]): Promise<WriteResult> => {
    if (!batch.length) return { imported: 0, unchanged: 0 };
    try {
      // Partitions for new years first, in their own short transaction: the batch's never holds the DDL locks.
      if (partitions) await partitions(batch);
      const r = await transaction(primary, (c) => tx(c, batch), { retry: true });
      await afterWrite();
      return r;
    } catch (e) {
      throw dbError(what, e);
    }
  };

  const importEvents = run('importing events', async (c, batch: DatasetEventInput[]) => {
      await ensureStaging(c);
      await copyIn(c, 'staging_events', EVENT_COLUMNS, batch.map(eventLine));
      const ins = await insertStaged(c, 'events');
      // GDELT mentions imported before their event count into it as it lands.
      const gdelt = ins.rows.filter((r) => r.origin === 'gdelt');
      if (gdelt.length && (await c.query('SELECT 1 FROM gdelt_mentions LIMIT 1')).rowCount) {
        await c.query(`UPDATE events e SET mention_count = e.mention_count + m.n FROM (
            SELECT global_event_id::text AS gid, count(*)::int AS n FROM gdelt_mentions
            WHERE global_event_id = ANY ($1::bigint[]) AND mention_time > event_time GROUP BY 1) m
          WHERE e.id = ANY ($2::bigint[]) AND e.external_id = m.gid`,
        [gdelt.filter((r) => /^\d{1,18}$/.test(r.external_id)).map((r) => r.external_id), gdelt.map((r) => r.id)]);
      }
      const imported = ins.rowCount ?? 0;
      return { imported, unchanged: batch.length - imported };
    }, (batch) => ensureEventYears(primary, batch.map((e) => days(e)[0])));

  const importMentions = run('importing GDELT mentions', async (c, batch: GdeltMentionInput[]) => {
    await ensureStaging(c);
    await copyIn(c, 'staging_gdelt_mentions', MENTION_COLUMNS, batch.map(mentionLine));
    const ins = await c.query<{ gid: string; mention_time: string; event_time: string }>(`INSERT INTO gdelt_mentions
      SELECT * FROM staging_gdelt_mentions ON CONFLICT DO NOTHING RETURNING global_event_id::text AS gid, mention_time, event_time`);
    // GDELT's NumMentions counts the mentions of the event's first 15 minutes; a later one is news.
    const bumps = new Map<string, { n: number; at: string }>();
    for (const r of ins.rows) {
      if (!(r.mention_time > r.event_time)) continue;
      const b = bumps.get(r.gid) ?? { n: 0, at: '' };
      b.n++;
      if (r.mention_time > b.at) b.at = r.mention_time;
      bumps.set(r.gid, b);
    }
    if (bumps.size) {
      const gids = [...bumps.keys()].sort();
      const args = [gids, gids.map((g) => bumps.get(g)!.n), gids.map((g) => isoTime(bumps.get(g)!.at))];
      await c.query(`UPDATE events e SET mention_count = e.mention_count + b.n, last_reported = greatest(coalesce(e.last_reported, ''), b.at)
        FROM unnest($1::text[], $2::int[], $3::text[]) AS b (gid, n, at) WHERE e.origin = 'gdelt' AND e.external_id = b.gid`, args);
      // Mentions of an event merged away report the event it joined (summed first: an UPDATE
      // changes each row once, however many merged records point at it).
      await c.query(`UPDATE events e SET mention_count = e.mention_count + x.n, last_reported = greatest(coalesce(e.last_reported, ''), x.at)
        FROM (SELECT m.event_id, sum(b.n)::int AS n, max(b.at) AS at
          FROM unnest($1::text[], $2::int[], $3::text[]) AS b (gid, n, at)
          JOIN merged_records m ON m.origin = 'gdelt' AND m.external_id = b.gid GROUP BY m.event_id) x
        WHERE e.id = x.event_id`, args);
    }
    const imported = ins.rowCount ?? 0;
    return { imported, unchanged: batch.length - imported };
  }, (batch) => ensureGdeltMentionYears(primary, batch.map((m) => m.mentionTime)));

  // The import in bulk, while one runs: its own connection, whether a transaction is open on it
  // and the rows written in it, and the years asked for (true: loaded in bulk by this session).
  let bulk: { c: pg.PoolClient; rows: number; written: number; open: boolean; years: Map<string, YearPath> } | null = null;

  const bulkEvents = async (b: NonNullable<typeof bulk>, batch: DatasetEventInput[]): Promise<WriteResult> => {
    const yearOfEvent = (e: DatasetEventInput) => yearOf(days(e)[0]);
    const fresh = [...new Set(batch.map(yearOfEvent))].filter((y): y is string => y !== null && !b.years.has(y)).sort();
    if (fresh.length && b.open) {
      // A year's loading table is made outside the batches' transaction, which then never holds a lock on events.
      await b.c.query('COMMIT');
      b.open = false;
    }
    for (const y of fresh) b.years.set(y, await beginYear(b.c, y));
    const loaded = batch.filter((e) => b.years.get(yearOfEvent(e) ?? '') === 'bulk');
    const rest = batch.filter((e) => b.years.get(yearOfEvent(e) ?? '') !== 'bulk');
    let imported = 0;
    if (loaded.length) {
      if (!b.open) {
        await b.c.query('BEGIN');
        b.open = true;
        await ensureStaging(b.c);
      }
      await b.c.query('TRUNCATE staging_events');
      await copyIn(b.c, 'staging_events', EVENT_COLUMNS, loaded.map(eventLine));
      for (const y of [...new Set(loaded.map(yearOfEvent))] as string[]) {
        // y is digits (yearOf): safe in the SQL text.
        imported += (await insertStaged(b.c, loadTable(y), `s.day_first COLLATE "C" >= '${y}-' AND s.day_first COLLATE "C" < '${y}.'`)).rowCount ?? 0;
      }
      b.written += loaded.length;
      if (b.written >= b.rows) {
        await b.c.query('COMMIT');
        b.open = false;
        b.written = 0;
      }
    }
    // Other writers may hold what the usual path waits for (a partition being made): nothing of ours stays open meanwhile.
    if (rest.length && b.open) {
      await b.c.query('COMMIT');
      b.open = false;
      b.written = 0;
    }
    // A year another session loads: the usual path waits for that load to end, which may itself
    // wait for a year of ours; ours are finished first, so that two loads never wait on each other.
    if (rest.some((e) => b.years.get(yearOfEvent(e) ?? '') === 'busy')) {
      await finishYears(b);
      for (const [y, path] of b.years) if (path === 'busy') b.years.delete(y);
    }
    const r = rest.length ? await importEvents(rest) : { imported: 0, unchanged: 0 };
    return { imported: imported + r.imported, unchanged: loaded.length - imported + r.unchanged };
  };

  /** Commits the open batches and attaches every year this session loads, each in one transaction; later rows of those years go the usual way. */
  async function finishYears(b: NonNullable<typeof bulk>): Promise<void> {
    if (b.open) {
      await b.c.query('COMMIT');
      b.open = false;
      b.written = 0;
    }
    for (const [y, path] of b.years) {
      if (path !== 'bulk') continue;
      await b.c.query('BEGIN');
      await finishYear(b.c, y);
      await b.c.query('COMMIT');
      b.years.set(y, 'usual');
      await releaseYear(b.c, y);
    }
  }

  const endBulk = async (b: NonNullable<typeof bulk>): Promise<void> => {
    await finishYears(b);
    await b.c.query('SELECT pg_advisory_unlock_all()');
    await afterWrite();
  };

  return {
    async importEvents(batch) {
      const b = bulk;
      if (!b || !batch.length) return importEvents(batch);
      try {
        return await bulkEvents(b, batch);
      } catch (e) {
        throw dbError('importing events', e);
      }
    },

    async inBulk<T>(rows: number, work: () => Promise<T>): Promise<T> {
      if (bulk) return work();
      let c: pg.PoolClient;
      try {
        c = await primary.connect();
      } catch (e) {
        throw dbError('importing events', e);
      }
      const b = (bulk = { c, rows, written: 0, open: false, years: new Map<string, YearPath>() });
      let broken: Error | undefined;
      try {
        let out: T;
        try {
          out = await work();
        } catch (e) {
          // What was loaded before the failure is kept and attached, as the committed batches of
          // the usual path are; when that fails too (a lost server), the first error is the one to tell.
          bulk = null;
          await endBulk(b).catch((f) => { broken = f as Error; });
          throw e;
        }
        bulk = null;
        try {
          await endBulk(b);
        } catch (e) {
          broken = e as Error;
          throw dbError('importing events', e);
        }
        return out;
      } finally {
        bulk = null;
        if (b.open || broken) await c.query('ROLLBACK').catch((e) => { broken ??= e as Error; });
        c.release(broken);
      }
    },

    async importGdeltMentions(batch) {
      // Mentions count into their events as they land, or into events stored later as those land:
      // the years being loaded are attached first, so that each mention is counted one way, as without bulk loads.
      const b = bulk;
      if (b && batch.length && [...b.years.values()].includes('bulk')) {
        try {
          await finishYears(b);
        } catch (e) {
          throw dbError('importing GDELT mentions', e);
        }
      }
      return importMentions(batch);
    },

    upsertStateMemberships: run('importing state memberships', async (c, batch: StateMembershipInput[]) => {
      let imported = 0;
      for (const m of batch) {
        await c.query('INSERT INTO actors (code, name) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING', [m.code, m.name]);
        const r = await c.query(`INSERT INTO actor_memberships (code, system, start, "end", system_code, system_abb, name)
          VALUES ($1, 'cow', $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`, [m.code, m.start, m.end, String(m.cowCode), m.cowAbb, m.name]);
        imported += r.rowCount ?? 0;
        // A state with several spells takes the latest spell's code and abbreviation whatever the
        // order of the rows, and its name when COW named it (as the SQLite store does).
        await c.query(`UPDATE actors SET cow_code = $2, cow_abb = $3,
            name = CASE WHEN name IN (SELECT name FROM actor_memberships WHERE code = $1 AND system = 'cow') THEN $4 ELSE name END
          WHERE code = $1 AND (cow_code IS DISTINCT FROM $2 OR cow_abb IS DISTINCT FROM $3 OR name IS DISTINCT FROM $4)
            AND $5 >= (SELECT max("end") FROM actor_memberships WHERE code = $1 AND system = 'cow')`, [m.code, m.cowCode, m.cowAbb, m.name, m.end]);
      }
      return { imported, unchanged: batch.length - imported };
    }),
  };
}
