// SQL for EventFilter on PostgreSQL: the FROM/WHERE of an event list, driven by event_actors
// (code, day_first, event_id) when an actor is named, so a dyad page walks one actor's events
// in date order and probes the other actor per row. Mirrors sqlite/event-query.ts.
import { EVENT_STATUSES } from '../../domain/event.js';
import { EntenteError } from '../../domain/errors.js';
import { IsoPrefix, MODALITIES } from '../../domain/mention.js';
import { PLOVER_TYPES } from '../../domain/plover.js';
import { ORIGINS } from '../../domain/event.js';
import { prefixEnd, prefixStart } from '../../domain/date-range.js';
import type { EventFilter } from '../event-store.js';
import { Params, one, type Db } from './sql.js';

export { COUNT_BUDGET, COUNT_CAP, normalizePage } from '../sqlite/event-query.js';

export interface PgFilterSql {
  /** FROM … WHERE …, with `e` the events table. */
  from: string;
  /**
   * The dated rows for a series or network (every row, no page): joined on the partition column
   * too, so the planner may hash-join or probe per row, whichever reads less.
   */
  analysisFrom: string;
  /** The same rows without the events table, when the index alone can count them. */
  countFrom: string;
  params: Params;
  orderBy: string;
  /** Whether event_actors drives the query (an actor is named). */
  byActor: boolean;
  /** Index rows of the driving actor, or null without an actor. */
  driveRows: number | null;
}

function checkList<T extends string>(field: string, values: readonly string[] | undefined, allowed: readonly T[]): T[] | undefined {
  if (!values || values.length === 0) return undefined;
  for (const v of values) {
    if (!(allowed as readonly string[]).includes(v)) throw new EntenteError('BAD_INPUT', `${field}: unknown value "${v}" (one of ${allowed.join(', ')})`);
  }
  return values as T[];
}

function checkDate(field: string, v: string | undefined): string | undefined {
  if (v === undefined || v === '') return undefined;
  if (!IsoPrefix.safeParse(v).success) throw new EntenteError('BAD_INPUT', `${field}: "${v}" is not an ISO date or prefix (YYYY, YYYY-MM, YYYY-MM-DD)`);
  return v;
}

/** Events of one actor, from the counter deltas. */
export async function actorEvents(db: Db, code: string): Promise<number> {
  return (await one<{ n: number }>(db, 'SELECT coalesce(sum(n), 0)::int AS n FROM actor_count_deltas WHERE code = $1', [code]))!.n;
}

export async function maxSpanDays(db: Db): Promise<number> {
  return (await one<{ value: number }>(db, "SELECT value FROM event_stats WHERE key = 'max_span_days'"))?.value ?? 0;
}

function shiftDay(day: string, days: number): string {
  if (days === 0) return day;
  const ms = Date.parse(`${day}T00:00:00Z`);
  // Years before 0000 (stored as "-0500-…") are outside Date.parse's four-digit form: no lower
  // bound ('' is below every day in the C collation), as on SQLite.
  if (Number.isNaN(ms)) return '';
  const shifted = new Date(ms + days * 86_400_000);
  return shifted.getUTCFullYear() < 0 ? '' : shifted.toISOString().slice(0, 10);
}

/**
 * The event of an event_actors row `a`, looked up in its own year partition (run-time pruning on
 * day_first; undated in the default one): a per-row probe the planner cannot turn into a hash join
 * over every partition, so a dyad page reads only the rows it shows.
 */
const EVENT_OF_ROW = `SELECT * FROM events e WHERE e.id = a.event_id AND (e.day_first = a.day_first OR (a.day_first = '' AND e.day_first IS NULL))`;

export async function filterSql(db: Db, f: EventFilter, params = new Params()): Promise<PgFilterSql> {
  const where: string[] = [];
  const types = checkList('type', f.type, PLOVER_TYPES);
  const modality = checkList('modality', f.modality ?? ['asserted'], MODALITIES)!;
  const origins = checkList('origin', f.origin, ORIGINS);
  const from = checkDate('from', f.from);
  const to = checkDate('to', f.to);
  const actor = f.actor?.trim() || undefined;
  const other = f.with?.trim() || undefined;
  const t = actor || other ? 'a' : 'e';

  let driveRows: number | null = null;
  let probe: string | undefined;
  if (actor || other) {
    let drive = (actor ?? other)!;
    driveRows = await actorEvents(db, drive);
    if (actor && other) {
      const nOther = await actorEvents(db, other);
      // The rarer of the two actors drives.
      if (nOther < driveRows) [drive, probe, driveRows] = [other, actor, nOther];
      else probe = other;
    }
    where.push(`a.code = ${params.add(drive)}`);
  }
  if (types) where.push(`${t}.type IN (${params.list(types)})`);
  where.push(`${t}.modality IN (${params.list(modality)})`);
  if (origins) where.push(`${t}.origin IN (${params.list(origins)})`);
  const statuses = f.status?.length ? f.status.filter((x) => (EVENT_STATUSES as readonly string[]).includes(x)) : null;
  if (f.status?.length && statuses!.length !== f.status.length) throw new EntenteError('BAD_INPUT', `status must be among ${EVENT_STATUSES.join(', ')}`, { field: 'status' });
  if (statuses) where.push(`${t}.status IN (${params.list(statuses)})`);
  else if (!f.includeRejected) where.push(`${t}.status <> 'rejected'`);
  // The day bounds on the events table as well when event_actors drives, so that the join to
  // events reads only the year partitions of the window.
  const eventDays: string[] = [];
  if (from) {
    // day_last >= from alone leaves day_first bounded above only: no event starts earlier than
    // from minus the longest span.
    const start = prefixStart(from);
    const first = params.add(shiftDay(start, -(await maxSpanDays(db))));
    where.push(`${t}.day_last >= ${params.add(start)}`, `${t}.day_first >= ${first}`);
    eventDays.push(`e.day_first >= ${first}`);
  }
  if (to) {
    const last = params.add(prefixEnd(to));
    where.push(`${t}.day_first <= ${last}`);
    eventDays.push(`e.day_first <= ${last}`);
    if (t === 'a') where.push(`a.day_first <> ''`);
  }
  // Newest first on request (undated events then come last).
  const desc = f.order === 'desc';
  if (probe !== undefined) {
    // The other actor's row of the same event, within the window's partitions.
    const bDays = eventDays.map((x) => ` AND ${x.replace(/^e\./, 'b.')}`).join('');
    where.push(`EXISTS (SELECT 1 FROM event_actors b WHERE b.code = ${params.add(probe)} AND b.day_first = a.day_first AND b.event_id = a.event_id${bDays})`);
  }
  const cond = `WHERE ${where.join(' AND ')}`;
  const onDays = t === 'a' ? eventDays.map((x) => ` AND ${x}`).join('') : '';
  return t === 'a'
    ? { from: `FROM event_actors a CROSS JOIN LATERAL (${EVENT_OF_ROW}${onDays} LIMIT 1) e ${cond}`, analysisFrom: `FROM event_actors a JOIN events e ON e.id = a.event_id AND e.day_first = a.day_first${onDays} ${cond}`, countFrom: `FROM event_actors a ${cond}`, params, orderBy: desc ? 'a.day_first DESC, a.event_id DESC' : 'a.day_first, a.event_id', byActor: true, driveRows }
    : { from: `FROM events e ${cond}`, analysisFrom: `FROM events e ${cond}`, countFrom: `FROM events e ${cond}`, params, orderBy: desc ? 'e.day_first DESC NULLS LAST, e.id DESC' : 'e.day_first NULLS FIRST, e.id', byActor: false, driveRows };
}
