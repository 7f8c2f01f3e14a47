// Series, shifts and networks from the store's rollups, when the store keeps them and the
// question fits them (months, quarters or years; windows of whole months, with the odd days at
// either end read from the events). Each function answers exactly as the event-based path in
// analysis.ts would; a series function returns null when the question needs the events.
import type { AnalysisEvent, Origin } from '../domain/event.js';
import type { Modality } from '../domain/mention.js';
import type { Tie } from '../domain/rollup.js';
import { prefixEnd, prefixStart } from '../domain/date-range.js';
import type { Store } from '../store/store.js';
import {
  SHIFT_DEFAULTS, TALLY_UNITS, addTies, analyseTies, changePoints, explainShifts, inDyad, periodOf, periodTotals, seriesFromTallies, shiftWindow,
  tallyRange, tiesOf, type Dyad, type Network, type NetworkOptions, type PeriodUnit, type Series, type Shift, type ShiftOptions,
} from '../analysis/index.js';

interface Filters {
  from?: string;
  to?: string;
  origin?: Origin[];
  modality?: Modality[];
}

const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const monthEnd = (day: string) => periodOf(day, 'month').end;

/** Store volume per period label over [first, last], as analysis.ts normalises. */
export async function volumeTotals(store: Store, first: string, last: string, by: PeriodUnit, f: Filters): Promise<Record<string, number>> {
  const span = { from: periodOf(first, by).start, to: periodOf(last, by).end };
  return periodTotals(await store.eventVolume({ ...span, origin: f.origin, modality: f.modality }), by);
}

/** The dyad's placeable events of one month, for the exact first or last day of a series. */
async function monthEvents(store: Store, dyad: Dyad, month: string, f: Filters): Promise<AnalysisEvent[]> {
  const day = `${month}-01`;
  const events = await store.analysisEvents({ actor: dyad.a, with: dyad.b ?? undefined, from: day, to: monthEnd(day), origin: f.origin, modality: f.modality });
  return events.filter((e) => inDyad(e, dyad) && e.start.slice(0, 7) === month && e.end.slice(0, 7) === month);
}

export async function rollupSeries(store: Store, dyad: Dyad, p: Filters & { by: PeriodUnit; normalise: boolean }): Promise<Series | null> {
  if (!store.dyadTallies || !TALLY_UNITS.includes(p.by) || dyad.a === dyad.b) return null;
  let from = p.from ? prefixStart(p.from) : undefined;
  let to = p.to ? prefixEnd(p.to) : undefined;
  // A bound inside a month would split month tallies: the events answer that.
  if ((from && from !== monthStart(from)) || (to && to !== monthEnd(to))) return null;
  const tallies = await store.dyadTallies({ a: dyad.a, b: dyad.b, directed: !!dyad.directed, from, to, origin: p.origin, modality: p.modality });
  if (!from || !to) {
    const r = tallyRange(tallies, p.by);
    if (!from) {
      let first = r.from;
      if (r.monthFrom && (!first || `${r.monthFrom}-01` <= first)) {
        for (const e of await monthEvents(store, dyad, r.monthFrom, p)) if (!first || e.start < first) first = e.start;
      }
      from = first ?? undefined;
    }
    if (!to) {
      let last = r.to;
      if (r.monthTo && (!last || monthEnd(`${r.monthTo}-01`) >= last)) {
        for (const e of await monthEvents(store, dyad, r.monthTo, p)) if (!last || e.end > last) last = e.end;
      }
      to = last ?? undefined;
    }
  }
  let totals: Record<string, number> | undefined;
  if (p.normalise) totals = from && to ? await volumeTotals(store, from, to, p.by, p) : {};
  return seriesFromTallies(tallies, dyad, { by: p.by, from: from ?? null, to: to ?? null, totals });
}

/** Shifts of a rollup series: the events are read only around each change point. */
export async function rollupShifts(store: Store, dyad: Dyad, p: Filters & { by: PeriodUnit; normalise: boolean } & Partial<ShiftOptions>): Promise<{ series: Series; shifts: Shift[] } | null> {
  const series = await rollupSeries(store, dyad, p);
  if (!series) return null;
  const o = { ...SHIFT_DEFAULTS, ...p };
  const points = changePoints(series.points.map((x) => x.score), o);
  const events: AnalysisEvent[] = [];
  const seen = new Set<string>();
  for (const cp of points) {
    const w = shiftWindow(series, cp.index, o.window);
    for (const e of await store.analysisEvents({ actor: dyad.a, with: dyad.b ?? undefined, from: w.from, to: w.to, origin: p.origin, modality: p.modality })) {
      if (!seen.has(e.id)) {
        seen.add(e.id);
        events.push(e);
      }
    }
  }
  return { series, shifts: explainShifts(series, points, events, o) };
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
