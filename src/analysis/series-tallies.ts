// The dyad series of series.ts computed from period tallies (the store's rollups) instead of
// events: the same points, counts and scores, from a few thousand rows however many events
// the dyad has. Month tallies place into months, quarters and years only, so this serves
// those units; days and weeks need the events (dyadSeries).
import { PLOVER_TYPES, quadOf, type PloverType } from '../domain/plover.js';
import type { PeriodTally } from '../domain/rollup.js';
import type { Dyad } from './dyad.js';
import { periodLabel, periodOf, periodsBetween, type PeriodUnit } from './periods.js';
import { SERIES_DEFAULTS, placeEvent, type Series, type SeriesOptions, type SeriesPoint } from './series.js';

export const TALLY_UNITS: readonly PeriodUnit[] = ['month', 'quarter', 'year'];

/** First and last day a tally's events may cover. */
export function tallyDays(t: PeriodTally): { start: string; end: string } {
  if (t.month === null) return { start: t.start!, end: t.end! };
  return { start: `${t.month}-01`, end: periodOf(`${t.month}-01`, 'month').end };
}

/**
 * The placed range of series.ts from tallies: exact where tallies span months (their days are
 * known); for the earliest and latest month tallies only the month is known, which the caller
 * narrows to a day from that month's events (`monthFrom`, `monthTo`).
 */
export function tallyRange(tallies: readonly PeriodTally[], by: PeriodUnit): { from: string | null; to: string | null; monthFrom: string | null; monthTo: string | null } {
  let from: string | null = null;
  let to: string | null = null;
  let monthFrom: string | null = null;
  let monthTo: string | null = null;
  for (const t of tallies) {
    if (t.events <= 0) continue;
    if (t.month !== null) {
      if (monthFrom === null || t.month < monthFrom) monthFrom = t.month;
      if (monthTo === null || t.month > monthTo) monthTo = t.month;
    } else if (placeEvent({ start: t.start!, end: t.end! }, by) !== null) {
      if (from === null || t.start! < from) from = t.start!;
      if (to === null || t.end! > to) to = t.end!;
    }
  }
  return { from, to, monthFrom, monthTo };
}

/**
 * dyadSeries over tallies. `from` and `to` must be given: whole-month bounds, or the placed
 * range of the tallies (tallyRange, narrowed), so that a month tally lies wholly inside or
 * wholly outside them.
 */
export function seriesFromTallies(tallies: readonly PeriodTally[], dyad: Dyad, options: Omit<Partial<SeriesOptions>, 'from' | 'to'> & { from: string | null; to: string | null }): Series {
  const o = { ...SERIES_DEFAULTS, ...options };
  if (!TALLY_UNITS.includes(o.by)) throw new Error(`seriesFromTallies: unit ${o.by} needs events`);
  const { from, to } = o;
  const normalised = o.totals !== undefined;
  const scoreFormula = normalised
    ? `score = ${o.per} × Σ(intensity × mentions) / store mentions in the period`
    : 'score = Σ(intensity × mentions) (not normalised: store volume unknown)';
  // No range: every event is unplaced, as in dyadSeries.
  if (!from || !to) return { dyad, by: o.by, from, to, normalised, scoreFormula, points: [], unplaced: tallies.reduce((n, t) => n + t.events, 0) };
  const emptyTypes = (): Record<PloverType, number> => Object.fromEntries(PLOVER_TYPES.map((t) => [t, 0])) as Record<PloverType, number>;
  const points = periodsBetween(from, to, o.by).map((p): SeriesPoint => ({
    period: p.label, start: p.start, end: p.end, events: 0, mentions: 0, byType: emptyTypes(),
    byQuad: { 1: 0, 2: 0, 3: 0, 4: 0 }, asserted: 0, notAsserted: 0, weightedIntensity: 0,
    volume: normalised ? (o.totals![p.label] ?? 0) : null, score: 0,
  }));
  const index = new Map(points.map((p, i) => [p.period, i]));
  const [fromMonth, toMonth] = [from.slice(0, 7), to.slice(0, 7)];
  let unplaced = 0;
  for (const t of tallies) {
    if (t.events === 0) continue;
    let label: string | null;
    if (t.month !== null) label = t.month >= fromMonth && t.month <= toMonth ? periodLabel(`${t.month}-01`, o.by) : null;
    else label = t.start! >= from && t.end! <= to ? placeEvent({ start: t.start!, end: t.end! }, o.by) : null;
    const i = label === null ? undefined : index.get(label);
    if (i === undefined) {
      unplaced += t.events;
      continue;
    }
    const p = points[i];
    p.events += t.events;
    p.mentions += t.mentions;
    p.byType[t.type] += t.events;
    p.byQuad[quadOf(t.type)] += t.events;
    if (t.modality === 'asserted') p.asserted += t.events;
    else p.notAsserted += t.events;
    p.weightedIntensity += t.weight;
  }
  for (const p of points) {
    if (p.volume === null) p.score = p.weightedIntensity;
    else p.score = p.volume > 0 ? (p.weightedIntensity * o.per) / Math.max(p.volume, p.mentions) : 0;
  }
  return { dyad, by: o.by, from, to, normalised, scoreFormula, points, unplaced };
}
