// SQLite part of the rollup store: the migration that adds the rollup tables to a database
// (filling them from its events, in slices, with progress), the readers the analyses use,
// and the drift check that recomputes every rollup from the events and compares.
import type Database from 'better-sqlite3';
import type { CountsQuery, ModalityCount, RollupStore, TallyQuery, TieQuery, UndatedQuery } from '../rollup-store.js';
import type { PeriodTally, RollupDrift, Tie } from '../../domain/rollup.js';
import { EntenteError } from '../../domain/errors.js';
import { MODALITIES } from '../../domain/mention.js';
import { ORIGINS } from '../../domain/event.js';
import type { Migration, MigrationProgress } from './migrate.js';
import { ROLLUP_KEYS, ROLLUP_TABLES, ROLLUP_TRIGGERS, eventSource, rollupStatements, type RollupTable } from './rollup-sql.js';

/**
 * (Re)builds every rollup from the events, one table at a time, telling `progress` after each.
 * One statement per table over all events: SQLite sorts the rows once and writes each table in
 * key order. Filling in slices of event ids instead rewrote every page of the tables once per
 * slice (over 15 minutes for 10M events on a loaded 2-core machine, against about 3).
 */
export function buildRollups(db: Database.Database, progress: MigrationProgress = () => {}): void {
  const n = (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  const fill = rollupStatements(eventSource('events', ''), 1);
  const tables = Object.keys(ROLLUP_KEYS) as RollupTable[];
  const cache = db.pragma('cache_size', { simple: true }) as number;
  // The sorter spills to temporary files past the page cache: 64 MB keeps most of a sort in memory.
  if (cache < 0 && cache > -65536) db.pragma('cache_size = -65536');
  try {
    progress({ step: 'rollups', done: 0, total: n });
    tables.forEach((t, i) => {
      db.exec(`DELETE FROM ${t}`);
      db.exec(fill[t]);
      progress({ step: 'rollups', done: Math.round((n * (i + 1)) / tables.length), total: n });
    });
  } finally {
    db.pragma(`cache_size = ${cache}`);
  }
}

export const rollupMigrations: Migration[] = [{
  id: '004-rollups',
  sql: ROLLUP_TABLES + ROLLUP_TRIGGERS,
  run: (db, progress) => buildRollups(db, progress),
}];

function checkList(field: string, values: readonly string[] | undefined, allowed: readonly string[]): string[] | undefined {
  if (!values?.length) return undefined;
  for (const v of values) if (!allowed.includes(v)) throw new EntenteError('BAD_INPUT', `${field}: unknown value "${v}" (one of ${allowed.join(', ')})`);
  return [...values];
}

/** modality / origin conditions on rollup rows, with their parameters. */
function filters(q: { modality?: string[]; origin?: string[] }, params: Record<string, unknown>): string[] {
  const where: string[] = [];
  const lists: Array<[string, string[] | undefined]> = [
    ['modality', checkList('modality', q.modality ?? ['asserted'], MODALITIES)],
    ['origin', checkList('origin', q.origin, ORIGINS)],
  ];
  for (const [col, values] of lists) {
    if (!values) continue;
    where.push(`r.${col} IN (${values.map((_, i) => `@${col}${i}`).join(', ')})`);
    values.forEach((v, i) => (params[`${col}${i}`] = v));
  }
  return where;
}

/** Rows of events overlapping [from, to] (whole months): month rows by their 'YYYY-MM', spanning
 *  rows by their first and last day, as the store's own date filter takes events. */
function overlapBounds(q: { from?: string; to?: string }, where: string[], params: Record<string, unknown>): void {
  if (q.from) {
    where.push(`((r.period_end = '' AND r.period >= @fromMonth) OR (r.period_end <> '' AND r.period_end >= @from))`);
    Object.assign(params, { from: q.from, fromMonth: q.from.slice(0, 7) });
  }
  if (q.to) {
    // 'YYYY-MM' sorts before every day of its month, so a month row passes a bound on its last day.
    where.push('r.period <= @to');
    params.to = q.to;
  }
}

const tallyOf = (r: { period: string; period_end: string; type: PeriodTally['type']; modality: PeriodTally['modality']; events: number; mentions: number; weight: number }): PeriodTally => (
  r.period_end === ''
    ? { month: r.period, start: null, end: null, type: r.type, modality: r.modality, events: r.events, mentions: r.mentions, weight: r.weight }
    : { month: null, start: r.period, end: r.period_end, type: r.type, modality: r.modality, events: r.events, mentions: r.mentions, weight: r.weight });

export function rollupPart(db: Database.Database): RollupStore {
  return {
    async dyadTallies(q: TallyQuery) {
      const params: Record<string, unknown> = {};
      const where = filters(q, params);
      overlapBounds(q, where, params);
      let from: string;
      if (q.b === null) {
        from = 'rollup_actors r';
        where.push('r.code = @a');
        params.a = q.a;
        if (q.directed) where.push(`r.role IN ('source', 'both')`);
      } else {
        if (q.a === q.b) throw new EntenteError('BAD_INPUT', 'a dyad needs two different actors');
        from = 'rollup_dyads r';
        const [lo, hi] = q.a < q.b ? [q.a, q.b] : [q.b, q.a];
        where.push('r.lo = @lo', 'r.hi = @hi');
        Object.assign(params, { lo, hi });
        // dir bit 1 is lo → hi, bit 2 hi → lo.
        if (q.directed) where.push(`r.dir & ${q.a === lo ? 1 : 2} <> 0`);
      }
      const rows = db.prepare(`SELECT r.period, r.period_end, r.type, r.modality, sum(r.events) AS events, sum(r.mentions) AS mentions, sum(r.weight) AS weight
        FROM ${from} WHERE ${where.join(' AND ')} GROUP BY 1, 2, 3, 4 HAVING sum(r.events) <> 0`).all(params) as Parameters<typeof tallyOf>[0][];
      return rows.map(tallyOf);
    },

    async windowTies(q: TieQuery) {
      const params: Record<string, unknown> = {};
      const where = filters(q, params);
      if (!/^\d{4}-\d{2}-01$/.test(q.from) || q.to.slice(8) < '28') throw new EntenteError('BAD_INPUT', 'windowTies: the window must run over whole months');
      // Month rows of the months from..to, and spanning rows starting on a day between.
      where.push('r.period >= @from', 'r.period <= @to');
      Object.assign(params, { from: q.from.slice(0, 7), to: q.to });
      const rows = db.prepare(`SELECT r.lo, r.hi, sum(r.events) AS events, sum(r.mentions) AS mentions, sum(r.weight) AS weight,
          sum(r.coop) AS coop, sum(r.conf) AS conf
        FROM rollup_ties r WHERE ${where.join(' AND ')} GROUP BY 1, 2 HAVING sum(r.events) <> 0`).all(params) as Array<{ lo: string; hi: string; events: number; mentions: number; weight: number; coop: number; conf: number }>;
      return rows.map((r): Tie => ({ a: r.lo, b: r.hi, events: r.events, mentions: r.mentions, weight: r.weight, cooperative: r.coop, conflictual: r.conf }));
    },

    async dyadCounts(q: CountsQuery) {
      const params: Record<string, unknown> = {};
      const where = filters({ modality: [...MODALITIES], origin: q.origin }, params);
      let from: string;
      if (q.b === null) {
        from = 'rollup_actors r';
        where.push('r.code = @a');
        params.a = q.a;
      } else {
        if (q.a === q.b) throw new EntenteError('BAD_INPUT', 'a dyad needs two different actors');
        from = 'rollup_dyads r';
        Object.assign(params, q.a < q.b ? { lo: q.a, hi: q.b } : { lo: q.b, hi: q.a });
        where.push('r.lo = @lo', 'r.hi = @hi');
      }
      const months = ["r.period_end = ''"];
      if (q.monthFrom) months.push('r.period >= @monthFrom');
      if (q.monthTo) months.push('r.period <= @monthTo');
      const spans = ["r.period_end <> ''"];
      if (q.from) spans.push('r.period >= @from');
      if (q.to) spans.push('r.period <= @to');
      Object.assign(params, { monthFrom: q.monthFrom, monthTo: q.monthTo, from: q.from, to: q.to });
      for (const k of ['monthFrom', 'monthTo', 'from', 'to']) if (params[k] === undefined) delete params[k];
      const rows = db.prepare(`SELECT r.modality, NULL AS start, NULL AS "end", sum(r.events) AS events FROM ${from}
          WHERE ${[...where, ...months].join(' AND ')} GROUP BY 1 HAVING sum(r.events) <> 0
        UNION ALL
        SELECT r.modality, r.period, r.period_end, sum(r.events) FROM ${from}
          WHERE ${[...where, ...spans].join(' AND ')} GROUP BY 1, 2, 3 HAVING sum(r.events) <> 0`).all(params) as ModalityCount[];
      return rows;
    },

    async undatedEvents(q: UndatedQuery) {
      // event_actors holds an undated event's day as '': a key range of the actor's rows.
      const params: Record<string, unknown> = { a: q.a };
      const where = ["a.code = @a", "a.day_first = ''", "a.status <> 'rejected'"];
      const origins = checkList('origin', q.origin, ORIGINS);
      if (origins) {
        where.push(`a.origin IN (${origins.map((_, i) => `@origin${i}`).join(', ')})`);
        origins.forEach((v, i) => (params[`origin${i}`] = v));
      }
      if (q.b !== null) {
        where.push("EXISTS (SELECT 1 FROM event_actors b WHERE b.code = @b AND b.day_first = '' AND b.event_id = a.event_id)");
        params.b = q.b;
      }
      return (db.prepare(`SELECT count(*) AS n FROM event_actors a WHERE ${where.join(' AND ')}`).get(params) as { n: number }).n;
    },

    async checkRollups() {
      return rollupDrift(db);
    },
  };
}

/**
 * Recomputes every rollup from the events into temporary tables and lists the rows that differ
 * (at most `limit` per table). Zero rows left by updates count as absent.
 */
export function rollupDrift(db: Database.Database, limit = 20): RollupDrift[] {
  const out: RollupDrift[] = [];
  const fresh = rollupStatements(eventSource('events', ''), 1);
  db.transaction(() => {
    for (const t of Object.keys(ROLLUP_KEYS) as RollupTable[]) {
      const keys = ROLLUP_KEYS[t];
      db.exec(`DROP TABLE IF EXISTS temp.fresh_${t}`);
      db.exec(`CREATE TEMP TABLE fresh_${t} AS SELECT * FROM main.${t} WHERE false`);
      db.exec(fresh[t].replace(`INSERT INTO ${t} `, `INSERT INTO temp.fresh_${t} `).replace(/ON CONFLICT[\s\S]*$/, ''));
      const sums = ['events', 'mentions', 'weight', 'coop', 'conf'];
      const nonzero = (x: string) => sums.map((s) => `${x}.${s} <> 0`).join(' OR ');
      const join = keys.map((k) => `f.${k} = s.${k}`).join(' AND ');
      const diff = sums.map((s) => `f.${s} IS NOT s.${s}`).join(' OR ');
      const rows = db.prepare(`
        SELECT ${keys.map((k) => `s.${k}`).join(', ')}, ${sums.map((s) => `s.${s} AS stored_${s}, f.${s} AS fresh_${s}`).join(', ')}
          FROM main.${t} s LEFT JOIN temp.fresh_${t} f ON ${join} WHERE (${nonzero('s')}) AND (f.events IS NULL OR ${diff})
        UNION ALL
        SELECT ${keys.map((k) => `f.${k}`).join(', ')}, ${sums.map((s) => `s.${s}, f.${s}`).join(', ')}
          FROM temp.fresh_${t} f LEFT JOIN main.${t} s ON ${join} WHERE s.events IS NULL OR (s.events = 0 AND s.mentions = 0 AND s.weight = 0 AND (${nonzero('f')}))
        LIMIT ${limit}`).all() as Array<Record<string, string | number | null>>;
      for (const r of rows) {
        out.push({
          table: t,
          key: Object.fromEntries(keys.map((k) => [k, r[k] as string | number])),
          stored: r.stored_events === null ? null : Object.fromEntries(sums.map((s) => [s, r[`stored_${s}`] as number])),
          expected: r.fresh_events === null ? null : Object.fromEntries(sums.map((s) => [s, r[`fresh_${s}`] as number])),
        });
      }
      db.exec(`DROP TABLE temp.fresh_${t}`);
    }
  })();
  return out;
}
