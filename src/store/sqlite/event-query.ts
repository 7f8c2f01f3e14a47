// SQL for EventFilter: the FROM/WHERE of an event list, driven by the event_actors index
// (code, day_first, event_id) when an actor is named, so a dyad page walks one actor's
// events in date order and probes the other actor per row.
import type Database from 'better-sqlite3';
import { EntenteError } from '../../domain/errors.js';
import { IsoPrefix, MODALITIES } from '../../domain/mention.js';
import { PLOVER_TYPES } from '../../domain/plover.js';
import { EVENT_STATUSES, ORIGINS } from '../../domain/event.js';
import { prefixEnd, prefixStart } from '../../domain/date-range.js';
import { DEFAULT_LIMIT, MAX_LIMIT, type EventFilter, type Page } from '../event-store.js';
import { maxSpanDays } from './event-index.js';
import { LONG_SPAN_DAYS, longSpanTerm } from './core-schema.js';

export interface FilterSql {
  /** FROM … WHERE …, with `e` the events table. */
  from: string;
  /** The same rows without the events table, when the index alone can count them. */
  countFrom: string;
  params: Record<string, unknown>;
  /** Date order that the driving index already gives. */
  orderBy: string;
  /** Index rows of the driving actor (at least this many), or null without an actor. */
  driveRows: number | null;
  /** With a start date and long events in the store: the same rows as two lists that each walk
   *  one index in date order, [long events starting before the short ones, the rest]; a page
   *  reads them one after the other instead of sorting the whole window. */
  parts?: [FilterSql, FilterSql];
}

/** Which rows of a date window: all of them, the long events starting early, or the rest. */
type WindowPart = 'all' | 'early' | 'late';

/** Stop counting matches here: a larger total is reported as unknown (null). */
export const COUNT_CAP = 100_000;
/** Count an actor-driven list only when the driving actor has at most this many events: past it,
 *  counting costs far more than the page, and the total is reported as unknown (null). */
export const COUNT_BUDGET = 20_000;

export function normalizePage(page: Page = {}): { limit: number; offset: number } {
  const limit = page.limit ?? DEFAULT_LIMIT;
  const offset = page.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1) throw new EntenteError('BAD_INPUT', `limit must be a positive integer, got ${limit}`);
  if (!Number.isInteger(offset) || offset < 0) throw new EntenteError('BAD_INPUT', `offset must be a non-negative integer, got ${offset}`);
  return { limit: Math.min(limit, MAX_LIMIT), offset };
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

/** Index rows (events) of one actor, from actor_counts: one key lookup, however busy the actor. */
function actorRows(db: Database.Database, code: string): number {
  return (db.prepare('SELECT events FROM actor_counts WHERE code = ?').get(code) as { events: number } | undefined)?.events ?? 0;
}

/** The rarer of two actors drives a dyad query. */
function rarer(db: Database.Database, a: string, b: string): [string, string, number] {
  const na = actorRows(db, a);
  const nb = actorRows(db, b);
  return na <= nb ? [a, b, na] : [b, a, nb];
}

function shiftDay(day: string, days: number): string {
  if (days === 0) return day;
  const ms = Date.parse(`${day}T00:00:00Z`);
  // Years before 0000 (stored as "-0500-…") are outside Date.parse's four-digit form: no lower bound.
  if (Number.isNaN(ms)) return '';
  const shifted = new Date(ms + days * 86_400_000);
  return shifted.getUTCFullYear() < 0 ? '' : shifted.toISOString().slice(0, 10);
}

/** event_actors' primary key (code, day_first, event_id): probes along it stay in date order. */
const BY_ACTOR_DATE = 'INDEXED BY sqlite_autoindex_event_actors_1';

export function filterSql(db: Database.Database, f: EventFilter, part: WindowPart = 'all'): FilterSql {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const types = checkList('type', f.type, PLOVER_TYPES);
  const modality = checkList('modality', f.modality ?? ['asserted'], MODALITIES)!;
  const origins = checkList('origin', f.origin, ORIGINS);
  const from = checkDate('from', f.from);
  const to = checkDate('to', f.to);
  const actor = f.actor?.trim() || undefined;
  const other = f.with?.trim() || undefined;
  // With an actor, event_actors (alias a) holds every filter column: the events table is only joined for output.
  const t = actor || other ? 'a' : 'e';

  const inList = (col: string, name: string, values: string[]) => {
    where.push(`${t}.${col} IN (${values.map((_, i) => `@${name}${i}`).join(', ')})`);
    values.forEach((v, i) => (params[`${name}${i}`] = v));
  };
  let driveRows: number | null = null;
  if (actor || other) {
    const [drive, probe, rows] = actor && other ? rarer(db, actor, other) : [(actor ?? other)!, undefined, actorRows(db, (actor ?? other)!)];
    driveRows = rows;
    where.push('a.code = @drive');
    params.drive = drive;
    if (probe !== undefined) {
      where.push(`EXISTS (SELECT 1 FROM event_actors b ${BY_ACTOR_DATE} WHERE b.code = @probe AND b.day_first = a.day_first AND b.event_id = a.event_id)`);
      params.probe = probe;
    }
  }
  if (types) inList('type', 'type', types);
  inList('modality', 'modality', modality);
  if (origins) inList('origin', 'origin', origins);
  const statuses = checkList('status', f.status, EVENT_STATUSES);
  if (statuses) inList('status', 'status', statuses);
  else if (!f.includeRejected) where.push(`${t}.status <> 'rejected'`);
  let split = false;
  if (from) {
    // day_last >= from alone would leave day_first, the indexed column, bounded above only, and
    // walk every event before `to`. No short event starts earlier than from minus LONG_SPAN_DAYS;
    // the long ones that start earlier come from their partial index (core-schema.ts).
    params.from = prefixStart(from);
    const span = maxSpanDays(db);
    split = span > LONG_SPAN_DAYS;
    params.fromLow = shiftDay(params.from as string, -Math.min(span, LONG_SPAN_DAYS));
    const late = `${t}.day_first >= @fromLow`;
    const early = `${longSpanTerm(t)} AND ${t}.day_first < @fromLow`;
    where.push(`${t}.day_last >= @from`);
    if (!split || part === 'late') where.push(late);
    else if (part === 'early') where.push(early);
    else where.push(`(${late} OR (${early}))`);
  }
  if (to) {
    // Undated events have day_first NULL in events and '' in event_actors: neither passes.
    where.push(`${t}.day_first <= @to`);
    if (t === 'a') where.push(`a.day_first <> ''`);
    params.to = prefixEnd(to);
  }
  const cond = `WHERE ${where.join(' AND ')}`;
  // Newest first walks the same index backwards (undated events, which sort first, then come last).
  const dir = f.order === 'desc' ? ' DESC' : '';
  // The early part names its index: the planner would otherwise walk the date index from the start.
  const by = part === 'early' ? (t === 'a' ? ' INDEXED BY event_actors_long_span' : ' INDEXED BY events_long_span') : '';
  const s: FilterSql = t === 'a'
    ? { from: `FROM event_actors a${by} JOIN events e ON e.id = a.event_id ${cond}`, countFrom: `FROM event_actors a${by} ${cond}`, params, orderBy: `a.day_first${dir}, a.event_id${dir}`, driveRows }
    : { from: `FROM events e${by} ${cond}`, countFrom: `FROM events e${by} ${cond}`, params, orderBy: `e.day_first${dir}, e.id${dir}`, driveRows };
  if (split && part === 'all') s.parts = [filterSql(db, f, 'early'), filterSql(db, f, 'late')];
  return s;
}
