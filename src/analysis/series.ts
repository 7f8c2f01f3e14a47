// Dyad time series: per calendar period, event counts per PLOVER type and quad class,
// asserted vs. other modalities, and a cooperation–conflict score normalised by the
// volume of the whole store in that period. Events that span more than one period
// (a text event dated only "2023" in a monthly series) cannot be placed and are counted
// apart, not smeared. Method: the Goldstein/PLOVER-weighted dyad series of event-data
// research (Goldstein 1992, J. Conflict Resolution 36(2); Schrodt, PLOVER manual),
// normalised per period as in Schrodt & Gerner's "scaled" counts.
import { PLOVER_TYPES, quadOf, type PloverType, type QuadClass } from '../domain/plover.js';
import type { AnalysisEvent } from '../domain/event.js';
import { inDyad, type Dyad } from './dyad.js';
import { periodLabel, periodsBetween, type PeriodUnit } from './periods.js';

export interface SeriesOptions {
  by: PeriodUnit;
  /** First and last day of the series; default the dyad's first and last placeable event. */
  from?: string;
  to?: string;
  /**
   * Volume of the whole store per period label: the sum of mentions over every event
   * (same origin/modality filter) in that period. Without it the score is not normalised.
   */
  totals?: Record<string, number>;
  /** Score unit: intensity points per this many mentions of store volume. */
  per: number;
}

export const SERIES_DEFAULTS: SeriesOptions = { by: 'month', per: 1000 };

export type QuadCounts = Record<QuadClass, number>;

export interface SeriesPoint {
  period: string;
  start: string;
  end: string;
  events: number;
  mentions: number;
  byType: Record<PloverType, number>;
  byQuad: QuadCounts;
  asserted: number;
  notAsserted: number;
  /** Σ intensity × mentions over the dyad's events in the period. */
  weightedIntensity: number;
  /** Store volume in the period (Σ mentions), null when not given. */
  volume: number | null;
  /** weightedIntensity × per / volume; weightedIntensity itself when volume is unknown. */
  score: number;
}

export interface Series {
  dyad: Dyad;
  by: PeriodUnit;
  from: string | null;
  to: string | null;
  normalised: boolean;
  /** Formula of the score, for the reader of any output. */
  scoreFormula: string;
  points: SeriesPoint[];
  /** Dyad events outside [from, to] or spanning more than one period. */
  unplaced: number;
}

const emptyTypes = (): Record<PloverType, number> => Object.fromEntries(PLOVER_TYPES.map((t) => [t, 0])) as Record<PloverType, number>;

/** The period an event falls in, or null when its date range straddles periods. */
export function placeEvent(e: Pick<AnalysisEvent, 'start' | 'end'>, by: PeriodUnit): string | null {
  const label = periodLabel(e.start, by);
  return e.end === e.start || periodLabel(e.end, by) === label ? label : null;
}

/** Store volume per period (Σ mentions) from a list of events: what `totals` expects. */
export function periodTotals(events: Iterable<Pick<AnalysisEvent, 'start' | 'end' | 'mentions'>>, by: PeriodUnit): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of events) {
    const label = placeEvent(e, by);
    if (label) out[label] = (out[label] ?? 0) + Math.max(1, e.mentions);
  }
  return out;
}

/** First and last day of the events that fit in one period of the unit (the default range of a series). */
export function placedRange(events: readonly Pick<AnalysisEvent, 'start' | 'end'>[], by: PeriodUnit): { from: string; to: string } | null {
  let lo: string | null = null;
  let hi: string | null = null;
  for (const e of events) {
    // Events too coarse for the unit would stretch the range without landing in it.
    if (placeEvent(e, by) === null) continue;
    if (lo === null || e.start < lo) lo = e.start;
    if (hi === null || e.end > hi) hi = e.end;
  }
  return lo && hi ? { from: lo, to: hi } : null;
}

export function dyadSeries(events: readonly AnalysisEvent[], dyad: Dyad, options: Partial<SeriesOptions> = {}): Series {
  const o = { ...SERIES_DEFAULTS, ...options };
  const mine = events.filter((e) => inDyad(e, dyad));
  const range = o.from && o.to ? null : placedRange(mine, o.by);
  const from = o.from ?? range?.from ?? null;
  const to = o.to ?? range?.to ?? null;
  const normalised = o.totals !== undefined;
  const scoreFormula = normalised
    ? `score = ${o.per} × Σ(intensity × mentions) / store mentions in the period`
    : 'score = Σ(intensity × mentions) (not normalised: store volume unknown)';
  // No event fits one period: every one of them is unplaced, not none.
  if (!from || !to) return { dyad, by: o.by, from, to, normalised, scoreFormula, points: [], unplaced: mine.length };

  const points = periodsBetween(from, to, o.by).map((p): SeriesPoint => ({
    period: p.label, start: p.start, end: p.end, events: 0, mentions: 0, byType: emptyTypes(),
    byQuad: { 1: 0, 2: 0, 3: 0, 4: 0 }, asserted: 0, notAsserted: 0, weightedIntensity: 0,
    volume: normalised ? (o.totals![p.label] ?? 0) : null, score: 0,
  }));
  const index = new Map(points.map((p, i) => [p.period, i]));
  let unplaced = 0;
  for (const e of mine) {
    const label = e.start >= from && e.end <= to ? placeEvent(e, o.by) : null;
    const i = label === null ? undefined : index.get(label);
    if (i === undefined) {
      unplaced++;
      continue;
    }
    const p = points[i];
    const m = Math.max(1, e.mentions);
    p.events++;
    p.mentions += m;
    p.byType[e.type]++;
    p.byQuad[quadOf(e.type)]++;
    if (e.modality === 'asserted') p.asserted++;
    else p.notAsserted++;
    p.weightedIntensity += e.intensity * m;
  }
  for (const p of points) {
    if (p.volume === null) p.score = p.weightedIntensity;
    else p.score = p.volume > 0 ? (p.weightedIntensity * o.per) / Math.max(p.volume, p.mentions) : 0;
  }
  return { dyad, by: o.by, from, to, normalised, scoreFormula, points, unplaced };
}
