// The glue between the store and the pure analyses: validate plain params (zod, with
// defaults), query the store for the slim rows and period volumes, run the analysis.
// The CLI commands and the HTTP routes both call these, so they answer alike.
import { z } from 'zod';
import { EntenteError } from '../domain/errors.js';
import { IsoPrefix, MODALITIES } from '../domain/mention.js';
import { ORIGINS, type AnalysisEvent } from '../domain/event.js';
import { prefixEnd, prefixStart } from '../domain/date-range.js';
import type { Store } from '../store/store.js';
import type { EventFilter } from '../store/event-store.js';
import { COUNT_DEFINITION, countFor, type ExplainedCount } from './count.js';
import { rollupNetwork, rollupSeries, rollupShifts } from './rollup-analysis.js';
import { topOfNetwork, type NetworkCut } from '../analysis/network-top.js';
import {
  PERIOD_UNITS, diffNetworks, dyadLabel, dyadSeries, inDyad, parseDyad, periodOf, periodTotals, placedRange, shiftsOf, spillover,
  type Dyad, type EdgeChange, type Network, type Series, type Shift, type Spillover,
} from '../analysis/index.js';

const Actor = z.string().trim().min(1).max(64).transform((s) => s.toUpperCase());
/** "*" or nothing = against everyone. */
const OtherActor = z.string().trim().max(64).nullish().transform((s) => (!s || s === '*' ? null : s.toUpperCase()));
const CsvOrList = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v), z.array(item).optional());

const Filters = {
  from: IsoPrefix.optional(),
  to: IsoPrefix.optional(),
  origin: CsvOrList(z.enum(ORIGINS)),
  /** Default asserted only, as everywhere in the store. */
  modality: CsvOrList(z.enum(MODALITIES)),
};

export const SeriesParams = z.object({
  a: Actor,
  b: OtherActor,
  directed: z.boolean().default(false),
  by: z.enum(PERIOD_UNITS).default('month'),
  ...Filters,
  /** Normalise the score by store volume (default); false gives the raw Σ intensity × mentions. */
  normalise: z.boolean().default(true),
});
export type SeriesParams = z.input<typeof SeriesParams>;

export const ShiftsParams = SeriesParams.extend({
  penaltyFactor: z.number().positive().default(3),
  minSegment: z.number().int().min(1).default(3),
  minConfidence: z.number().min(0).max(1).default(0.95),
  window: z.number().int().min(0).default(2),
  topEvents: z.number().int().min(0).max(100).default(5),
  minEvents: z.number().int().min(1).default(2),
  seed: z.number().int().default(1),
});
export type ShiftsParams = z.input<typeof ShiftsParams>;

const Window = z.object({ from: IsoPrefix, to: IsoPrefix });

export const NetworkParams = z.object({
  /** A window ending on this day, `days` long; or give from and to. */
  at: IsoPrefix.optional(),
  days: z.number().int().min(1).max(36_600).default(365),
  from: IsoPrefix.optional(),
  to: IsoPrefix.optional(),
  minEvents: z.number().int().min(1).default(1),
  origin: Filters.origin,
  modality: Filters.modality,
  seed: z.number().int().default(1),
  topUnbalanced: z.number().int().min(0).max(1000).default(10),
  /** Keep only the N actors with the most events (and the ties among them); none = all. */
  top: z.number().int().min(1).max(10_000).optional(),
});
export type NetworkParams = z.input<typeof NetworkParams>;

export const NetworkDiffParams = NetworkParams.omit({ at: true, from: true, to: true }).extend({
  /** Each window: { from, to }, or a day the window ends on (with `days`). */
  before: z.union([Window, IsoPrefix]),
  after: z.union([Window, IsoPrefix]),
});
export type NetworkDiffParams = z.input<typeof NetworkDiffParams>;

const DyadText = z.string().trim().min(1).max(130).transform((s, ctx) => {
  const d = parseDyad(s);
  if (!/^[A-Z0-9_.]+$/.test(d.a) || (d.b !== null && !/^[A-Z0-9_.]+$/.test(d.b))) {
    ctx.addIssue({ code: 'custom', message: `"${s}" is not a dyad (A-B, e.g. RUS-UKR, or A-* )` });
    return z.NEVER;
  }
  return d;
});

export const SpilloverParams = z.object({
  cause: DyadText,
  effect: DyadText,
  by: z.enum(PERIOD_UNITS).default('month'),
  ...Filters,
  maxLag: z.number().int().min(0).max(52).default(3),
  order: z.number().int().min(1).max(52).optional(),
  anchor: IsoPrefix.optional(),
  window: z.number().int().min(2).max(520).default(6),
  normalise: z.boolean().default(true),
});
export type SpilloverParams = z.input<typeof SpilloverParams>;

function parse<T extends z.ZodTypeAny>(schema: T, params: unknown, what: string): z.output<T> {
  const r = schema.safeParse(params);
  if (!r.success) {
    const issue = r.error.issues[0];
    const path = issue.path.join('.') || what;
    throw new EntenteError('BAD_INPUT', `${what}: ${path}: ${issue.message}`, { field: String(issue.path[0] ?? what) });
  }
  return r.data;
}

type Filtered = { from?: string; to?: string; origin?: EventFilter['origin']; modality?: EventFilter['modality'] };

async function dyadEvents(store: Store, d: Dyad, f: Filtered): Promise<AnalysisEvent[]> {
  return store.analysisEvents({ actor: d.a, with: d.b ?? undefined, from: f.from, to: f.to, origin: f.origin, modality: f.modality });
}

/** The dyad's events with every modality, the explained count over them, and those of the chosen modalities. */
async function countedEvents(store: Store, d: Dyad, f: Filtered & { by: Series['by'] }): Promise<{ events: AnalysisEvent[]; count: ExplainedCount }> {
  const all = await dyadEvents(store, d, { ...f, modality: [...MODALITIES] });
  const count = await countFor(store, { actor: d.a, with: d.b, from: f.from, to: f.to, origin: f.origin, modality: f.modality, by: f.by }, all);
  const chosen = new Set(count.modalities);
  return { events: all.filter((e) => chosen.has(e.modality)), count };
}

async function seriesOf(store: Store, dyad: Dyad, p: Filtered & { by: Series['by']; normalise: boolean }, events: AnalysisEvent[], range?: { from: string; to: string }): Promise<Series> {
  const from = range?.from ?? (p.from ? prefixStart(p.from) : undefined);
  const to = range?.to ?? (p.to ? prefixEnd(p.to) : undefined);
  let totals: Record<string, number> | undefined;
  if (p.normalise) {
    // Volume over the series' own span only: the default range is the dyad's first to last event.
    const placed = from && to ? null : placedRange(events.filter((e) => inDyad(e, dyad)), p.by);
    const first = from ?? placed?.from;
    const last = to ?? placed?.to;
    if (first && last) {
      const span = { from: periodOf(first, p.by).start, to: periodOf(last, p.by).end };
      const rows = await store.eventVolume({ ...span, origin: p.origin, modality: p.modality });
      totals = periodTotals(rows, p.by);
    } else totals = {};
  }
  return dyadSeries(events, dyad, { by: p.by, from, to, totals });
}

export interface SeriesResult extends Series {
  /** What the series counts, by the definition every view shares, and what it leaves out. */
  count: ExplainedCount;
}

export async function seriesFor(store: Store, params: SeriesParams): Promise<SeriesResult> {
  const p = parse(SeriesParams, params, 'series');
  const dyad: Dyad = { a: p.a, b: p.b, directed: p.directed };
  const fast = await rollupSeries(store, dyad, p);
  if (fast) return { ...fast.series, count: fast.count };
  const { events, count } = await countedEvents(store, dyad, p);
  return { ...(await seriesOf(store, dyad, p, events)), count };
}

export interface ShiftsResult {
  series: SeriesResult;
  shifts: Shift[];
  method: string;
}

export async function shiftsFor(store: Store, params: ShiftsParams): Promise<ShiftsResult> {
  const p = parse(ShiftsParams, params, 'shifts');
  const dyad: Dyad = { a: p.a, b: p.b, directed: p.directed };
  const method = `PELT (Killick et al. 2012), normal mean-change cost, penalty ${p.penaltyFactor}·log n, min segment ${p.minSegment}; confidence = 1 − permutation p (199 shuffles, seed ${p.seed}); reported at ≥ ${p.minConfidence}`;
  const fast = await rollupShifts(store, dyad, p);
  if (fast) return { series: { ...fast.series, count: fast.count }, shifts: fast.shifts, method };
  const { events, count } = await countedEvents(store, dyad, p);
  const series = { ...(await seriesOf(store, dyad, p, events)), count };
  const shifts = shiftsOf(series, events, p);
  return { series, shifts, method };
}

export interface NetworkResult extends Network {
  window: { from: string; to: string };
  events: number;
  /** What a tie's event count counts (the definition every view shares). */
  counting: string;
  /** The busiest N actors kept, and how many actors and ties there were. */
  cut: NetworkCut;
}

function windowOf(p: { at?: string; from?: string; to?: string; days: number }): { from: string; to: string } {
  if (p.at && (p.from || p.to)) throw new EntenteError('BAD_INPUT', 'network: give either at or from/to, not both', { field: 'at' });
  if (p.at) {
    const to = prefixEnd(p.at);
    const from = new Date(Date.parse(`${to}T00:00:00Z`) - (p.days - 1) * 86_400_000).toISOString().slice(0, 10);
    return { from, to };
  }
  if (p.from && p.to) {
    const w = { from: prefixStart(p.from), to: prefixEnd(p.to) };
    if (w.from > w.to) throw new EntenteError('BAD_INPUT', `network: from ${p.from} is after to ${p.to}`, { field: 'from' });
    return w;
  }
  throw new EntenteError('BAD_INPUT', 'network: give a window: at DATE, or from and to', { field: 'at' });
}

async function networkIn(store: Store, w: { from: string; to: string }, p: z.output<typeof NetworkDiffParams> | z.output<typeof NetworkParams>, top: number | null = null): Promise<NetworkResult> {
  // The events starting inside the window (the shared count's rule): whole months from the rollups when the store keeps them.
  const { events, ...net } = await rollupNetwork(store, w, p, { minEvents: p.minEvents, seed: p.seed, topUnbalanced: p.topUnbalanced });
  return { window: w, events, counting: COUNT_DEFINITION, ...topOfNetwork(net, top) };
}

export async function networkFor(store: Store, params: NetworkParams): Promise<NetworkResult> {
  const p = parse(NetworkParams, params, 'network');
  return networkIn(store, windowOf(p), p, p.top ?? null);
}

export interface NetworkDiffResult {
  before: { from: string; to: string; events: number; edges: number };
  after: { from: string; to: string; events: number; edges: number };
  changes: EdgeChange[];
  counts: { appeared: number; vanished: number; changedSign: number };
}

export async function networkDiffFor(store: Store, params: NetworkDiffParams): Promise<NetworkDiffResult> {
  const p = parse(NetworkDiffParams, params, 'network diff');
  const win = (x: string | { from: string; to: string }) => (typeof x === 'string' ? windowOf({ at: x, days: p.days }) : windowOf({ ...x, days: p.days }));
  const [b, a] = [await networkIn(store, win(p.before), p), await networkIn(store, win(p.after), p)];
  const changes = diffNetworks(b, a);
  const count = (c: EdgeChange['change']) => changes.filter((x) => x.change === c).length;
  return {
    before: { ...b.window, events: b.events, edges: b.edges.length },
    after: { ...a.window, events: a.events, edges: a.edges.length },
    changes,
    counts: { appeared: count('appeared'), vanished: count('vanished'), changedSign: count('changed-sign') },
  };
}

export interface SpilloverResult extends Spillover {
  cause: string;
  effect: string;
  by: Series['by'];
  from: string | null;
  to: string | null;
  anchor: { date: string; period: string } | null;
  causeSeries: number[];
  effectSeries: number[];
  periodLabels: string[];
}

export async function spilloverFor(store: Store, params: SpilloverParams): Promise<SpilloverResult> {
  const p = parse(SpilloverParams, params, 'spillover');
  const [ce, ee] = [await dyadEvents(store, p.cause, p), await dyadEvents(store, p.effect, p)];
  // One common range: the given one, else the span both dyads' events cover together.
  const c0 = placedRange(ce.filter((e) => inDyad(e, p.cause)), p.by);
  const e0 = placedRange(ee.filter((e) => inDyad(e, p.effect)), p.by);
  const starts = [c0?.from, e0?.from].filter((x): x is string => !!x).sort();
  const ends = [c0?.to, e0?.to].filter((x): x is string => !!x).sort();
  const from = p.from ? prefixStart(p.from) : starts[0];
  const to = p.to ? prefixEnd(p.to) : ends[ends.length - 1];
  const base = { cause: dyadLabel(p.cause), effect: dyadLabel(p.effect), by: p.by, from: from ?? null, to: to ?? null };
  if (!from || !to) {
    return {
      ...base, anchor: null, causeSeries: [], effectSeries: [], periodLabels: [], periods: 0, active: { cause: 0, effect: 0 }, crossCorrelation: [], strongestLag: null,
      granger: { insufficient: true, reason: 'neither dyad has events' }, eventStudy: null, insufficient: true, reason: 'neither dyad has events',
    };
  }
  const cs = await seriesOf(store, p.cause, p, ce, { from, to });
  const es = await seriesOf(store, p.effect, p, ee, { from, to });
  const labels = cs.points.map((x) => x.period);
  let anchor: SpilloverResult['anchor'] = null;
  let anchorIndex: number | undefined;
  if (p.anchor) {
    const day = prefixStart(p.anchor);
    const period = periodOf(day, p.by).label;
    anchor = { date: day, period };
    anchorIndex = labels.indexOf(period);
    if (anchorIndex < 0) anchorIndex = day < from ? -1 : labels.length;
  }
  const result = spillover({ periods: labels, cause: cs.points.map((x) => x.score), effect: es.points.map((x) => x.score), anchorIndex }, { maxLag: p.maxLag, order: p.order, window: p.window });
  return { ...base, ...result, anchor, causeSeries: cs.points.map((x) => x.score), effectSeries: es.points.map((x) => x.score), periodLabels: labels };
}
