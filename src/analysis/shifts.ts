// Change points in a score series: PELT (Killick, Fearnhead & Eckley 2012, JASA 107(500))
// for changes in mean under a normal cost, penalty β = 3 log n per change (the strength of
// the MBIC of Zhang & Siegmund 2007, default of Killick's `changepoint` package; σ from the
// MAD of first differences so a shift does not inflate it). Each change point
// then gets a confidence from a permutation test of a scan statistic on the stretch between
// its neighbours (seeded); only those at or above minConfidence are reported. The normal
// cost suits dense series; sparse, spiky dyads give fewer, wider shifts, not false precision.
import type { AnalysisEvent } from '../domain/event.js';
import { inDyad } from './dyad.js';
import { seededRng, shuffleInPlace } from './random.js';
import type { Series } from './series.js';

export interface ChangePointOptions {
  /**
   * β = penaltyFactor × log(n), in units of σ². 2 would be plain BIC; on seeded N(0,1)
   * noise that alarms in ~13% of 60-period series, 3 in ~1.5% (see shifts.test.ts).
   */
  penaltyFactor: number;
  /** Shortest segment, in periods. */
  minSegment: number;
  permutations: number;
  minConfidence: number;
  seed: number;
}

export const CHANGE_POINT_DEFAULTS: ChangePointOptions = { penaltyFactor: 3, minSegment: 3, permutations: 199, minConfidence: 0.95, seed: 1 };

export interface ChangePoint {
  /** Index of the first value of the new segment. */
  index: number;
  before: number;
  after: number;
  /** after − before. */
  magnitude: number;
  /** |magnitude| / σ. */
  standardised: number;
  /** 1 − permutation p-value. */
  confidence: number;
}

function prefixSums(x: readonly number[]): [Float64Array, Float64Array] {
  const s1 = new Float64Array(x.length + 1);
  const s2 = new Float64Array(x.length + 1);
  for (let i = 0; i < x.length; i++) {
    s1[i + 1] = s1[i] + x[i];
    s2[i + 1] = s2[i] + x[i] * x[i];
  }
  return [s1, s2];
}

/** Residual sum of squares of x[a..b) around its mean. */
function segCost(s1: Float64Array, s2: Float64Array, a: number, b: number): number {
  const n = b - a;
  const d = s1[b] - s1[a];
  return Math.max(0, s2[b] - s2[a] - (d * d) / n);
}

/** Robust noise scale: MAD of first differences / √2, falling back to their SD. */
export function noiseScale(x: readonly number[]): number {
  if (x.length < 3) return 0;
  const d = x.slice(1).map((v, i) => v - x[i]);
  const sorted = [...d].sort((p, q) => p - q);
  const med = sorted[sorted.length >> 1];
  const dev = d.map((v) => Math.abs(v - med)).sort((p, q) => p - q);
  const mad = 1.4826 * dev[dev.length >> 1];
  if (mad > 0) return mad / Math.SQRT2;
  const mean = d.reduce((s, v) => s + v, 0) / d.length;
  const sd = Math.sqrt(d.reduce((s, v) => s + (v - mean) ** 2, 0) / d.length);
  return sd / Math.SQRT2;
}

/** PELT segmentation: the change indices minimising Σ cost/σ² + β per change. */
export function pelt(x: readonly number[], sigma: number, beta: number, minSegment: number): number[] {
  const n = x.length;
  if (n < 2 * minSegment || !(sigma > 0)) return [];
  const [s1, s2] = prefixSums(x);
  const v = sigma * sigma;
  const F = new Float64Array(n + 1).fill(Infinity);
  const last = new Int32Array(n + 1);
  F[0] = -beta;
  let R: number[] = [0];
  for (let t = minSegment; t <= n; t++) {
    let best = Infinity;
    let arg = 0;
    for (const tau of R) {
      if (t - tau < minSegment) continue;
      const val = F[tau] + segCost(s1, s2, tau, t) / v + beta;
      if (val < best) {
        best = val;
        arg = tau;
      }
    }
    F[t] = best;
    last[t] = arg;
    // Killick et al.'s pruning: a τ that cannot beat F(t) now never will (K = 0 for this cost).
    R = R.filter((tau) => t - tau < minSegment || F[tau] + segCost(s1, s2, tau, t) / v <= F[t]);
    if (t <= n - minSegment) R.push(t);
  }
  const cps: number[] = [];
  for (let t = last[n]; t > 0; t = last[t]) cps.push(t);
  return cps.reverse();
}

/** Largest drop in RSS from splitting x[a..b) once (segments ≥ minSegment). */
function scanStatistic(s1: Float64Array, s2: Float64Array, a: number, b: number, minSegment: number): number {
  const whole = segCost(s1, s2, a, b);
  let best = 0;
  for (let t = a + minSegment; t <= b - minSegment; t++) best = Math.max(best, whole - segCost(s1, s2, a, t) - segCost(s1, s2, t, b));
  return best;
}

function permutationConfidence(x: readonly number[], a: number, b: number, o: ChangePointOptions, seed: number): number {
  const seg = x.slice(a, b);
  const [s1, s2] = prefixSums(seg);
  const observed = scanStatistic(s1, s2, 0, seg.length, o.minSegment);
  const rng = seededRng(seed);
  let atLeast = 0;
  for (let r = 0; r < o.permutations; r++) {
    const [p1, p2] = prefixSums(shuffleInPlace(seg, rng));
    if (scanStatistic(p1, p2, 0, seg.length, o.minSegment) >= observed - 1e-12) atLeast++;
  }
  return 1 - (atLeast + 1) / (o.permutations + 1);
}

const mean = (x: readonly number[], a: number, b: number): number => {
  let s = 0;
  for (let i = a; i < b; i++) s += x[i];
  return s / (b - a);
};

/** Change points in mean with a confidence each; only those ≥ minConfidence. */
export function changePoints(x: readonly number[], options: Partial<ChangePointOptions> = {}): ChangePoint[] {
  const o = { ...CHANGE_POINT_DEFAULTS, ...options };
  const sigma = noiseScale(x);
  const candidates = pelt(x, sigma, o.penaltyFactor * Math.log(Math.max(2, x.length)), o.minSegment);
  const bounds = [0, ...candidates, x.length];
  const conf = new Map(candidates.map((c, k) => [c, permutationConfidence(x, bounds[k], bounds[k + 2], o, o.seed + k)]));
  const kept = candidates.filter((c) => conf.get(c)! >= o.minConfidence);
  const edges = [0, ...kept, x.length];
  return kept.map((index, k) => {
    const before = mean(x, edges[k], index);
    const after = mean(x, index, edges[k + 2]);
    return { index, before, after, magnitude: after - before, standardised: Math.abs(after - before) / sigma, confidence: conf.get(index)! };
  });
}

export interface ShiftOptions extends ChangePointOptions {
  /** Periods either side of a change point searched for the events that explain it. */
  window: number;
  /** Events listed per shift. */
  topEvents: number;
  /** A shift built from fewer of the dyad's events in its window is not reported: one event is not a shift. */
  minEvents: number;
}

export const SHIFT_DEFAULTS: ShiftOptions = { ...CHANGE_POINT_DEFAULTS, window: 2, topEvents: 5, minEvents: 2 };

export interface ShiftEvent {
  id: string;
  type: AnalysisEvent['type'];
  sources: string[];
  targets: string[];
  start: string;
  intensity: number;
  mentions: number;
  weight: number;
}

export interface Shift extends ChangePoint {
  period: string;
  /** First day of the first period of the new level. */
  date: string;
  direction: 'toward-cooperation' | 'toward-conflict';
  /** The dyad's events in the window with the largest |intensity| × mentions. */
  events: ShiftEvent[];
  /** How many of the dyad's events fall in the window around the shift (the listed ones are the top few). */
  eventCount: number;
}

/** Periods searched around a change point: first and last day. */
export function shiftWindow(series: Series, index: number, window: number): { from: string; to: string } {
  const pts = series.points;
  return { from: pts[Math.max(0, index - window)].start, to: pts[Math.min(pts.length - 1, index + window - 1)].end };
}

/** The change points of a series, each explained by the events around it (`events` must hold those of each shiftWindow). */
export function explainShifts(series: Series, points: readonly ChangePoint[], events: readonly AnalysisEvent[], options: Partial<ShiftOptions> = {}): Shift[] {
  const o = { ...SHIFT_DEFAULTS, ...options };
  const pts = series.points;
  return points.map((cp) => {
    const { from: lo, to: hi } = shiftWindow(series, cp.index, o.window);
    const inWindow = events.filter((e) => e.start >= lo && e.start <= hi && inDyad(e, series.dyad));
    const around = inWindow
      .map((e) => ({ id: e.id, type: e.type, sources: e.sources, targets: e.targets, start: e.start, intensity: e.intensity, mentions: e.mentions, weight: Math.abs(e.intensity) * Math.max(1, e.mentions) }))
      .sort((a, b) => b.weight - a.weight || a.start.localeCompare(b.start))
      .slice(0, o.topEvents);
    return {
      ...cp, period: pts[cp.index].period, date: pts[cp.index].start,
      direction: cp.magnitude >= 0 ? 'toward-cooperation' : 'toward-conflict', events: around, eventCount: inWindow.length,
    } satisfies Shift;
  }).filter((s) => s.eventCount >= o.minEvents);
}

/** Shifts in a dyad series, each explained by the events around it. */
export function shiftsOf(series: Series, events: readonly AnalysisEvent[], options: Partial<ShiftOptions> = {}): Shift[] {
  const o = { ...SHIFT_DEFAULTS, ...options };
  return explainShifts(series, changePoints(series.points.map((p) => p.score), o), events, o);
}
