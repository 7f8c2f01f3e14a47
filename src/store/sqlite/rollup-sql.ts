// The rollups' SQL: aggregate tables of events by actor pair or actor, period, PLOVER type,
// modality and origin, so that series and networks read thousands of rows, not millions.
// A rollup counts an event when it has a date and is not rejected. Its period is the month
// ('YYYY-MM') when the event's days lie in one month, else its first day (with its last day
// in period_end), so every analysis unit from month up places events exactly as the events
// themselves would. The same statements add (sign +1) or take away (sign -1) the events of a
// row source, which is `events e` restricted by a WHERE, or OLD / NEW in a trigger.
// Schema and semantics are documented in docs/store.md.

/** Columns every rollup row source must give: see eventSource. */
const PERIOD = (e: string) => `CASE WHEN substr(${e}.day_first, 1, 7) = substr(coalesce(${e}.day_last, ${e}.day_first), 1, 7)
  THEN substr(${e}.day_first, 1, 7) ELSE ${e}.day_first END`;
const PERIOD_END = (e: string) => `CASE WHEN substr(${e}.day_first, 1, 7) = substr(coalesce(${e}.day_last, ${e}.day_first), 1, 7)
  THEN '' ELSE coalesce(${e}.day_last, ${e}.day_first) END`;

/** The counted events of a source as one derived table `e` (id, lists, period, filters, m = mentions, w = weight, i = intensity). */
export function eventSource(from: string, where: string): string {
  return `(SELECT x.id, x.sources, x.targets, ${PERIOD('x')} AS period, ${PERIOD_END('x')} AS period_end, x.type, x.modality, x.origin,
      max(x.mention_count, 1) AS m, x.intensity * max(x.mention_count, 1) AS w, x.intensity AS i
    FROM ${from} x WHERE x.day_first IS NOT NULL AND x.status <> 'rejected'${where ? ` AND ${where}` : ''})`;
}

/** A trigger's OLD or NEW row as a one-row source. */
export function rowSource(row: 'OLD' | 'NEW'): string {
  const cols = ['id', 'sources', 'targets', 'day_first', 'day_last', 'type', 'modality', 'origin', 'mention_count', 'intensity', 'status'];
  return `(SELECT ${cols.map((c) => `${row}.${c} AS ${c}`).join(', ')})`;
}

const SUMS = ['events', 'mentions', 'weight', 'coop', 'conf'];
const upsert = (keys: string[]) => `ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${SUMS.map((s) => `${s} = ${s} + excluded.${s}`).join(', ')}`;
const totals = (sign: number, count = 'count(*)') =>
  `${sign} * ${count}, ${sign} * sum(m), ${sign} * sum(w), ${sign} * sum(i > 0), ${sign} * sum(i < 0)`;

export const ROLLUP_KEYS = {
  rollup_dyads: ['lo', 'hi', 'period', 'period_end', 'type', 'modality', 'origin', 'dir'],
  rollup_actors: ['code', 'period', 'period_end', 'type', 'modality', 'origin', 'role'],
  rollup_ties: ['period', 'period_end', 'lo', 'hi', 'modality', 'origin'],
} as const;
export type RollupTable = keyof typeof ROLLUP_KEYS;

/**
 * Statements that add (sign 1) or remove (sign -1) the events of `source` (from eventSource)
 * in each rollup table. Dyads count an event once per actor pair, with dir 1 (lo → hi),
 * 2 (hi → lo) or 3 (both); actors once per actor with its role; ties once per source × target
 * pair, as the network counts them.
 */
export function rollupStatements(source: string, sign: 1 | -1): Record<RollupTable, string> {
  const pairs = `SELECT e.id, min(s.value, t.value) AS lo, max(s.value, t.value) AS hi,
      max(s.value < t.value) + 2 * max(s.value > t.value) AS dir, e.period, e.period_end, e.type, e.modality, e.origin, e.m, e.w, e.i
    FROM ${source} e, json_each(e.sources) s, json_each(e.targets) t WHERE s.value <> t.value GROUP BY e.id, 2, 3`;
  // Each actor once per event (the first of repeated codes), as the source, the target or both;
  // UNION ALL with EXISTS probes costs a third of a deduplicating UNION.
  const actors = `SELECT j.value AS code, CASE WHEN EXISTS (SELECT 1 FROM json_each(e.targets) t WHERE t.value = j.value) THEN 'both' ELSE 'source' END AS role,
      e.period, e.period_end, e.type, e.modality, e.origin, e.m, e.w, e.i FROM ${source} e, json_each(e.sources) j
      WHERE j.key = 0 OR NOT EXISTS (SELECT 1 FROM json_each(e.sources) k WHERE k.value = j.value AND k.key < j.key)
    UNION ALL
    SELECT j.value, 'target', e.period, e.period_end, e.type, e.modality, e.origin, e.m, e.w, e.i FROM ${source} e, json_each(e.targets) j
      WHERE NOT EXISTS (SELECT 1 FROM json_each(e.sources) s WHERE s.value = j.value)
        AND (j.key = 0 OR NOT EXISTS (SELECT 1 FROM json_each(e.targets) k WHERE k.value = j.value AND k.key < j.key))`;
  const k = ROLLUP_KEYS;
  return {
    rollup_dyads: `INSERT INTO rollup_dyads (${k.rollup_dyads.join(', ')}, ${SUMS.join(', ')})
      SELECT ${k.rollup_dyads.join(', ')}, ${totals(sign)} FROM (${pairs}) WHERE true GROUP BY ${k.rollup_dyads.join(', ')} ${upsert([...k.rollup_dyads])}`,
    rollup_actors: `INSERT INTO rollup_actors (${k.rollup_actors.join(', ')}, ${SUMS.join(', ')})
      SELECT ${k.rollup_actors.join(', ')}, ${totals(sign)} FROM (${actors}) WHERE true GROUP BY ${k.rollup_actors.join(', ')} ${upsert([...k.rollup_actors])}`,
    rollup_ties: `INSERT INTO rollup_ties (${k.rollup_ties.join(', ')}, ${SUMS.join(', ')})
      SELECT period, period_end, min(s.value, t.value), max(s.value, t.value), modality, origin, ${totals(sign)}
      FROM ${source} e, json_each(e.sources) s, json_each(e.targets) t WHERE s.value <> t.value
      GROUP BY 1, 2, 3, 4, 5, 6 ${upsert([...k.rollup_ties])}`,
  };
}

export const ROLLUP_TABLES = `
CREATE TABLE rollup_dyads (
  lo TEXT NOT NULL,
  hi TEXT NOT NULL,
  period TEXT NOT NULL,
  period_end TEXT NOT NULL,
  type TEXT NOT NULL,
  modality TEXT NOT NULL,
  origin TEXT NOT NULL,
  dir INTEGER NOT NULL,
  events INTEGER NOT NULL,
  mentions INTEGER NOT NULL,
  weight REAL NOT NULL,
  coop INTEGER NOT NULL,
  conf INTEGER NOT NULL,
  PRIMARY KEY (${ROLLUP_KEYS.rollup_dyads.join(', ')})
) WITHOUT ROWID;
CREATE TABLE rollup_actors (
  code TEXT NOT NULL,
  period TEXT NOT NULL,
  period_end TEXT NOT NULL,
  type TEXT NOT NULL,
  modality TEXT NOT NULL,
  origin TEXT NOT NULL,
  role TEXT NOT NULL,
  events INTEGER NOT NULL,
  mentions INTEGER NOT NULL,
  weight REAL NOT NULL,
  coop INTEGER NOT NULL,
  conf INTEGER NOT NULL,
  PRIMARY KEY (${ROLLUP_KEYS.rollup_actors.join(', ')})
) WITHOUT ROWID;
CREATE TABLE rollup_ties (
  period TEXT NOT NULL,
  period_end TEXT NOT NULL,
  lo TEXT NOT NULL,
  hi TEXT NOT NULL,
  modality TEXT NOT NULL,
  origin TEXT NOT NULL,
  events INTEGER NOT NULL,
  mentions INTEGER NOT NULL,
  weight REAL NOT NULL,
  coop INTEGER NOT NULL,
  conf INTEGER NOT NULL,
  PRIMARY KEY (${ROLLUP_KEYS.rollup_ties.join(', ')})
) WITHOUT ROWID;
`;

const COUNTED = ['sources', 'targets', 'day_first', 'day_last', 'type', 'modality', 'origin', 'mention_count', 'intensity', 'status'];
const changed = COUNTED.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
const all = (source: string, sign: 1 | -1) => Object.values(rollupStatements(source, sign)).map((s) => `  ${s};`).join('\n');
// Inserts are rolled up by the writers, per batch (event-index.ts); updates and deletes, which
// are rare and one event at a time, by these triggers, in the same transaction. A row whose
// counts fall to zero stays (deleting it would need a second keyed statement per table); readers
// and the drift check treat it as absent.
export const ROLLUP_TRIGGERS = `
CREATE TRIGGER rollups_update AFTER UPDATE OF ${COUNTED.join(', ')} ON events WHEN ${changed} BEGIN
${all(eventSource(rowSource('OLD'), ''), -1)}
${all(eventSource(rowSource('NEW'), ''), 1)}
END;
CREATE TRIGGER rollups_delete AFTER DELETE ON events BEGIN
${all(eventSource(rowSource('OLD'), ''), -1)}
END;
`;
