// Does one dyad's relation move another's? Lagged cross-correlation (Box & Jenkins 1976),
// a Granger causality F-test (Granger 1969, Econometrica 37(3)): AR(p) of the effect with and
// without p lags of the cause, by least squares, F(p, n − 2p − 1); and an event study around
// an anchor date: mean score before vs. after with a Welch (1947) 95% interval. Assumes roughly
// stationary series; says `insufficient` rather than guess when periods are too few.
import { fSurvival, tCdf, tQuantile } from './distributions.js';
import { ols } from './least-squares.js';

export interface SpilloverOptions {
  /** Largest lag, in periods, for the cross-correlation; also the default Granger order. */
  maxLag: number;
  /** Lags of both series in the Granger models; default maxLag. */
  order?: number;
  /** Residual degrees of freedom the Granger F-test needs at least (besides 2p + 1). */
  minResidualDf: number;
  /** Periods either side of the anchor in the event study. */
  window: number;
  /**
   * A correlation needs at least this many non-zero periods in each series: a sparse dyad's
   * two busy days would otherwise correlate perfectly with anything.
   */
  minActive: number;
}

export const SPILLOVER_DEFAULTS: SpilloverOptions = { maxLag: 3, minResidualDf: 10, window: 6, minActive: 5 };

export type Insufficient = { insufficient: true; reason: string };

export interface LagCorrelation {
  /** Cause leads effect by this many periods. */
  lag: number;
  r: number | null;
  n: number;
}

export interface GrangerResult {
  insufficient: false;
  order: number;
  F: number;
  df1: number;
  df2: number;
  pValue: number;
  /** Share of the effect's restricted residual variance the cause's lags explain. */
  partialR2: number;
  /** Cohen's f² = (RSSr − RSSu) / RSSu. */
  f2: number;
  /** Periods used in the regressions (after dropping the first p). */
  n: number;
}

export interface EventStudyResult {
  insufficient: false;
  anchorIndex: number;
  before: { n: number; mean: number; sd: number };
  after: { n: number; mean: number; sd: number };
  difference: number;
  ci95: [number, number];
  t: number;
  df: number;
  pValue: number;
}

const mean = (x: readonly number[]): number => x.reduce((s, v) => s + v, 0) / x.length;
const variance = (x: readonly number[]): number => {
  const m = mean(x);
  return x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1);
};

function pearson(x: readonly number[], y: readonly number[]): number | null {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

const active = (x: readonly number[]): number => x.reduce((k, v) => k + (v !== 0 ? 1 : 0), 0);

/** corr(cause[t − lag], effect[t]) for lag = 0 … maxLag; null where a series is constant or too sparse. */
export function crossCorrelation(cause: readonly number[], effect: readonly number[], maxLag: number, minActive = SPILLOVER_DEFAULTS.minActive): LagCorrelation[] {
  const out: LagCorrelation[] = [];
  for (let lag = 0; lag <= maxLag; lag++) {
    const n = Math.min(cause.length, effect.length) - lag;
    const x = cause.slice(0, Math.max(0, n));
    const y = effect.slice(lag, lag + Math.max(0, n));
    const enough = n >= 3 && active(x) >= minActive && active(y) >= minActive;
    out.push({ lag, r: enough ? pearson(x, y) : null, n: Math.max(0, n) });
  }
  return out;
}

/** Granger F-test that p lags of `cause` improve an AR(p) model of `effect`. */
export function grangerTest(cause: readonly number[], effect: readonly number[], p: number, minResidualDf = SPILLOVER_DEFAULTS.minResidualDf, minActive = SPILLOVER_DEFAULTS.minActive): GrangerResult | Insufficient {
  const T = Math.min(cause.length, effect.length);
  const n = T - p;
  const df2 = n - 2 * p - 1;
  if (p < 1) return { insufficient: true, reason: 'the Granger order must be at least 1' };
  if (df2 < minResidualDf) {
    return { insufficient: true, reason: `${T} periods are too few for a Granger test of order ${p}: it needs at least ${3 * p + 1 + minResidualDf}` };
  }
  if (variance(cause) === 0) return { insufficient: true, reason: 'the cause series is constant' };
  if (variance(effect) === 0) return { insufficient: true, reason: 'the effect series is constant' };
  const [ac, ae] = [active(cause), active(effect)];
  if (Math.min(ac, ae) < minActive) {
    return { insufficient: true, reason: `too few periods with events (cause ${ac}, effect ${ae}; at least ${minActive} each)` };
  }
  const y: number[] = [];
  const Xr: number[][] = [];
  const Xu: number[][] = [];
  for (let t = p; t < T; t++) {
    y.push(effect[t]);
    const own = Array.from({ length: p }, (_, i) => effect[t - 1 - i]);
    const other = Array.from({ length: p }, (_, i) => cause[t - 1 - i]);
    Xr.push([1, ...own]);
    Xu.push([1, ...own, ...other]);
  }
  const r = ols(Xr, y);
  const u = ols(Xu, y);
  if (!r || !u) return { insufficient: true, reason: 'the lagged series are collinear (too little variation to separate cause from effect)' };
  if (u.rss <= 1e-12 * Math.max(1, r.rss)) return { insufficient: true, reason: 'the effect is an exact function of the lags (no residual variance)' };
  const F = ((r.rss - u.rss) / p) / (u.rss / df2);
  return {
    insufficient: false, order: p, F, df1: p, df2, pValue: fSurvival(F, p, df2),
    partialR2: r.rss > 0 ? (r.rss - u.rss) / r.rss : 0, f2: (r.rss - u.rss) / u.rss, n,
  };
}

/** Mean after (anchor period included) minus mean before, over `window` periods each side. */
export function eventStudy(values: readonly number[], anchorIndex: number, window = SPILLOVER_DEFAULTS.window): EventStudyResult | Insufficient {
  if (anchorIndex < 0 || anchorIndex >= values.length) return { insufficient: true, reason: 'the anchor date lies outside the series' };
  const before = values.slice(Math.max(0, anchorIndex - window), anchorIndex);
  const after = values.slice(anchorIndex, anchorIndex + window);
  if (before.length < 2 || after.length < 2) {
    return { insufficient: true, reason: `the event study needs at least 2 periods each side of the anchor (has ${before.length} before, ${after.length} after)` };
  }
  const v1 = variance(before);
  const v2 = variance(after);
  const se2 = v1 / before.length + v2 / after.length;
  if (se2 === 0) return { insufficient: true, reason: 'the score does not vary around the anchor' };
  const se = Math.sqrt(se2);
  const df = se2 ** 2 / ((v1 / before.length) ** 2 / (before.length - 1) + (v2 / after.length) ** 2 / (after.length - 1));
  const difference = mean(after) - mean(before);
  const q = tQuantile(0.975, df);
  const t = difference / se;
  return {
    insufficient: false, anchorIndex,
    before: { n: before.length, mean: mean(before), sd: Math.sqrt(v1) },
    after: { n: after.length, mean: mean(after), sd: Math.sqrt(v2) },
    difference, ci95: [difference - q * se, difference + q * se], t, df, pValue: 2 * (1 - tCdf(Math.abs(t), df)),
  };
}

export interface SpilloverInput {
  /** Period labels, shared by both series (same unit, same range). */
  periods: readonly string[];
  cause: readonly number[];
  effect: readonly number[];
  /** Index of the anchor period for the event study (on the effect series). */
  anchorIndex?: number;
}

export interface Spillover {
  periods: number;
  /** Periods with events (non-zero score) in each series. */
  active: { cause: number; effect: number };
  crossCorrelation: LagCorrelation[];
  /** The lag with the largest |r|; null when no lag has one. */
  strongestLag: LagCorrelation | null;
  granger: GrangerResult | Insufficient;
  eventStudy: EventStudyResult | Insufficient | null;
  insufficient: boolean;
  reason?: string;
}

export function spillover(input: SpilloverInput, options: Partial<SpilloverOptions> = {}): Spillover {
  const o = { ...SPILLOVER_DEFAULTS, ...options };
  const n = Math.min(input.cause.length, input.effect.length, input.periods.length);
  const cause = input.cause.slice(0, n);
  const effect = input.effect.slice(0, n);
  const cc = crossCorrelation(cause, effect, o.maxLag, o.minActive);
  const strongestLag = cc.filter((c) => c.r !== null).sort((a, b) => Math.abs(b.r!) - Math.abs(a.r!) || a.lag - b.lag)[0] ?? null;
  const granger = grangerTest(cause, effect, o.order ?? o.maxLag, o.minResidualDf, o.minActive);
  const es = input.anchorIndex === undefined ? null : eventStudy(effect, input.anchorIndex, o.window);
  const insufficient = granger.insufficient && strongestLag === null && (es === null || es.insufficient);
  return {
    periods: n, active: { cause: active(cause), effect: active(effect) }, crossCorrelation: cc, strongestLag, granger, eventStudy: es, insufficient,
    ...(insufficient ? { reason: granger.insufficient ? granger.reason : 'too few periods' } : {}),
  };
}
