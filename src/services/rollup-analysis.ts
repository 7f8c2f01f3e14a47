// Series, shifts, networks and the shared count from the store's rollups, when the store keeps
// them and the question fits them (months, quarters or years). Whole months come from the
// rollups; in a month a window bound cuts, the events lying in that month are read and tallied
// one by one with their days, so any window is answered exactly. Each function answers as the
// event-based path in analysis.ts would; a series function returns null when the question needs
// the events (days or weeks, a dyad of one actor, a store without rollups).
import type { AnalysisEvent, Origin } from '../domain/event.js';
import { MODALITIES, type Modality } from '../domain/mention.js';
import type { PeriodTally, Tie } from '../domain/rollup.js';
import { prefixEnd, prefixStart } from '../domain/date-range.js';
import type { Store } from '../store/store.js';
import type { RollupStore } from '../store/rollup-store.js';
import { explainTallies, type ExplainedCount } from './count.js';
import {
  SHIFT_DEFAULTS, TALLY_UNITS, addTies, analyseTies, changePoints, explainShifts, inDyad, periodOf, periodTotals, placeEvent, seriesFromTallies, shiftWindow,
  tallyRange, tiesOf, type Dyad, type Network, type NetworkOptions, type PeriodUnit, type Series, type Shift, type ShiftOptions,
} from '../analysis/index.js';

interface Filters {
  from?: string;
  to?: string;
  origin?: Origin[];
  modality?: Modality[];
}

type RollupReader = Store & Pick<RollupStore, 'dyadTallies' | 'dyadCounts' | 'undatedEvents'>;

const EVERY = [...MODALITIES];
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const monthEnd = (day: string) => periodOf(day, 'month').end;
const chosenOf = (m: Modality[] | undefined): Modality[] => [...(m?.length ? m : (['asserted'] as Modality[]))];

/** Whether the rollups answer a series (or a count) of this dyad by this unit (null: no chart). */
function fits(store: Store, dyad: Dyad, by: PeriodUnit | null): store is RollupReader {
  return !!store.dyadTallies && !!store.dyadCounts && !!store.undatedEvents && (by === null || TALLY_UNITS.includes(by)) && dyad.a !== dyad.b;
}

/** Store volume per period label over [first, last], as analysis.ts normalises. */
export async function volumeTotals(store: Store, first: string, last: string, by: PeriodUnit, f: Filters): Promise<Record<string, number>> {
  const span = { from: periodOf(first, by).start, to: periodOf(last, by).end };
  return periodTotals(await store.eventVolume({ ...span, origin: f.origin, modality: f.modality }), by);
}

/** The dyad's events of one month that lie within it (those a month tally holds). */
async function monthEvents(store: Store, dyad: Dyad, month: string, origin: Origin[] | undefined, modality: Modality[]): Promise<AnalysisEvent[]> {
  const day = `${month}-01`;
  const events = await store.analysisEvents({ actor: dyad.a, with: dyad.b ?? undefined, from: day, to: monthEnd(day), origin, modality });
  return events.filter((e) => inDyad(e, dyad) && e.start.slice(0, 7) === month && e.end.slice(0, 7) === month);
}

const eventTally = (e: AnalysisEvent): PeriodTally => {
  const m = Math.max(1, e.mentions);
  return { month: null, start: e.start, end: e.end, type: e.type, modality: e.modality, events: 1, mentions: m, weight: e.intensity * m };
};

/**
 * The dyad's dated events overlapping [from, to] (either may be null), as tallies: month tallies
 * for the months the window holds whole, one tally per event (with its days) in a month a bound cuts.
 */
async function overlapTallies(store: RollupReader, dyad: Dyad, from: string | null, to: string | null, origin: Origin[] | undefined, modality: Modality[]): Promise<PeriodTally[]> {
  const cut = new Set<string>();
  if (from && from !== monthStart(from)) cut.add(from.slice(0, 7));
  if (to && to !== monthEnd(to)) cut.add(to.slice(0, 7));
  const rows = await store.dyadTallies({
    a: dyad.a, b: dyad.b, directed: !!dyad.directed, from: from ? monthStart(from) : undefined, to: to ? monthEnd(to) : undefined, origin, modality,
  });
  const out = rows.filter((t) => (t.month !== null ? !cut.has(t.month) : (!from || t.end! >= from) && (!to || t.start! <= to)));
  for (const month of cut) {
    for (const e of await monthEvents(store, dyad, month, origin, modality)) if ((!from || e.end >= from) && (!to || e.start <= to)) out.push(eventTally(e));
  }
  return out;
}

/**
 * The shared count (count.ts) of an actor or pair over [from, to] (either may be null): events
 * within one month from the rollups of the months the window holds whole, summed per modality;
 * events spanning months from the rollups with their days; in a month a bound cuts, its events.
 */
async function countOf(store: RollupReader, q: { a: string; b: string | null; from: string | null; to: string | null; origin?: Origin[]; modality?: Modality[]; by: PeriodUnit | null }): Promise<ExplainedCount> {
  const { from, to } = q;
  const cut: string[] = [];
  let monthFrom = from?.slice(0, 7);
  let monthTo = to?.slice(0, 7);
  if (from && from !== monthStart(from)) {
    cut.push(from.slice(0, 7));
    monthFrom = dayAfter(monthEnd(from)).slice(0, 7);
  }
  if (to && to !== monthEnd(to)) {
    if (!cut.includes(to.slice(0, 7))) cut.push(to.slice(0, 7));
    monthTo = dayBefore(monthStart(to)).slice(0, 7);
  }
  const rows = await store.dyadCounts({ a: q.a, b: q.b, monthFrom, monthTo, from: from ?? undefined, to: to ?? undefined, origin: q.origin });
  const dyad: Dyad = { a: q.a, b: q.b, directed: false };
  for (const month of cut) {
    for (const e of await monthEvents(store, dyad, month, q.origin, EVERY)) {
      if ((!from || e.start >= from) && (!to || e.start <= to)) rows.push({ modality: e.modality, start: null, end: null, events: 1 });
    }
  }
  const chosen = new Set(chosenOf(q.modality));
  const byModality: Partial<Record<Modality, number>> = {};
  let spans = 0;
  for (const r of rows) {
    byModality[r.modality] = (byModality[r.modality] ?? 0) + r.events;
    if (!chosen.has(r.modality)) continue;
    // Within one month: placed by month, quarter or year (fits() keeps out days and weeks).
    if (q.by && r.start !== null && placeEvent({ start: r.start, end: r.end! }, q.by) === null) spans += r.events;
  }
  const undated = from || to ? null : await store.undatedEvents({ a: q.a, b: q.b, origin: q.origin });
  return explainTallies(byModality, { actor: q.a, with: q.b, from, to, modalities: q.modality, by: q.by }, undated, spans);
}

/** The shared count of an actor or a pair from the rollups; null when they cannot answer it. */
export async function rollupCount(store: Store, q: { actor: string; with?: string | null; from?: string; to?: string; origin?: Origin[]; modality?: Modality[]; by?: PeriodUnit | null }): Promise<ExplainedCount | null> {
  const dyad: Dyad = { a: q.actor, b: q.with ?? null, directed: false };
  if (!fits(store, dyad, q.by ?? null)) return null;
  const from = q.from ? prefixStart(q.from) : null;
  const to = q.to ? prefixEnd(q.to) : null;
  return countOf(store, { a: dyad.a, b: dyad.b, from, to, origin: q.origin, modality: q.modality, by: q.by ?? null });
}

/** The series and its shared count from the rollups; null when the question needs the events. */
export async function rollupSeries(store: Store, dyad: Dyad, p: Filters & { by: PeriodUnit; normalise: boolean }): Promise<{ series: Series; count: ExplainedCount } | null> {
  if (!fits(store, dyad, p.by)) return null;
  const qFrom = p.from ? prefixStart(p.from) : null;
  const qTo = p.to ? prefixEnd(p.to) : null;
  const modality = chosenOf(p.modality);
  const count = await countOf(store, { a: dyad.a, b: dyad.b, from: qFrom, to: qTo, origin: p.origin, modality: p.modality, by: p.by });
  const tallies = await overlapTallies(store, dyad, qFrom, qTo, p.origin, modality);
  let from = qFrom ?? undefined;
  let to = qTo ?? undefined;
  if (!from || !to) {
    // The placed range (series.ts): exact from tallies with days; a month tally's month is
    // narrowed to a day from that month's events.
    const r = tallyRange(tallies, p.by);
    if (!from) {
      let first = r.from;
      if (r.monthFrom && (!first || `${r.monthFrom}-01` <= first)) {
        for (const e of await monthEvents(store, dyad, r.monthFrom, p.origin, modality)) if (!first || e.start < first) first = e.start;
      }
      from = first ?? undefined;
    }
    if (!to) {
      let last = r.to;
      if (r.monthTo && (!last || monthEnd(`${r.monthTo}-01`) >= last)) {
        for (const e of await monthEvents(store, dyad, r.monthTo, p.origin, modality)) if (!last || e.end > last) last = e.end;
      }
      to = last ?? undefined;
    }
  }
  let totals: Record<string, number> | undefined;
  if (p.normalise) totals = from && to ? await volumeTotals(store, from, to, p.by, p) : {};
  return { series: seriesFromTallies(tallies, dyad, { by: p.by, from: from ?? null, to: to ?? null, totals }), count };
}

/** Shifts of a rollup series: the events are read only around each change point. */
export async function rollupShifts(store: Store, dyad: Dyad, p: Filters & { by: PeriodUnit; normalise: boolean } & Partial<ShiftOptions>): Promise<{ series: Series; count: ExplainedCount; shifts: Shift[] } | null> {
  const r = await rollupSeries(store, dyad, p);
  if (!r) return null;
  const o = { ...SHIFT_DEFAULTS, ...p };
  const points = changePoints(r.series.points.map((x) => x.score), o);
  const events: AnalysisEvent[] = [];
  const seen = new Set<string>();
  for (const cp of points) {
    const w = shiftWindow(r.series, cp.index, o.window);
    for (const e of await store.analysisEvents({ actor: dyad.a, with: dyad.b ?? undefined, from: w.from, to: w.to, origin: p.origin, modality: p.modality })) {
      if (!seen.has(e.id)) {
        seen.add(e.id);
        events.push(e);
      }
    }
  }
  return { ...r, shifts: explainShifts(r.series, points, events, o) };
}

/** Events starting in [from, to], from the store's events. */
async function eventsStarting(store: Store, from: string, to: string, f: Filters): Promise<AnalysisEvent[]> {
  const events = await store.analysisEvents({ from, to, origin: f.origin, modality: f.modality });
  return events.filter((e) => e.start >= from && e.start <= to);
}

/**
 * The network of the events starting in a window: whole months from the rollups, the days
 * before the first whole month and after the last from the events. Without rollups, all events.
 */
export async function rollupNetwork(store: Store, w: { from: string; to: string }, f: Filters, o: Partial<NetworkOptions>): Promise<Network & { events: number }> {
  const coreFrom = w.from === monthStart(w.from) ? w.from : dayAfter(monthEnd(w.from));
  const coreTo = w.to === monthEnd(w.to) ? w.to : dayBefore(monthStart(w.to));
  if (!store.windowTies || coreFrom > coreTo) {
    const inside = await eventsStarting(store, w.from, w.to, f);
    return { events: inside.length, ...analyseTies(tiesOf(inside).values(), o) };
  }
  const ties = new Map<string, Tie>();
  addTies(ties, await store.windowTies({ from: coreFrom, to: coreTo, origin: f.origin, modality: f.modality }));
  if (w.from < coreFrom) tiesOf(await eventsStarting(store, w.from, dayBefore(coreFrom), f), ties);
  if (coreTo < w.to) tiesOf(await eventsStarting(store, dayAfter(coreTo), w.to, f), ties);
  // Every event starting in the window, with or without a target: from the volume table.
  let events = 0;
  for (const r of await store.eventVolume({ from: w.from, to: w.to, origin: f.origin, modality: f.modality })) {
    if (r.start >= w.from && r.start <= w.to) events += r.events;
  }
  return { events, ...analyseTies(ties.values(), o) };
}
