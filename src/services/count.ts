// The one counting definition every view shares (network ties, dyad series, timeline,
// map). An event counts for an actor, or a pair, when it is not rejected, matches the
// origin filter, has one of the chosen modalities (asserted by default), names the
// actor (and the other actor, either way round) and has a date that STARTS inside the
// window. The count also says what it leaves out — other modalities, undated events —
// and, for a per-period chart, how many counted events span more than one period and so
// cannot be drawn in one bar.
import type { AnalysisEvent, Origin } from '../domain/event.js';
import { MODALITIES, type Modality } from '../domain/mention.js';
import { prefixEnd, prefixStart } from '../domain/date-range.js';
import type { Store } from '../store/store.js';
import { inDyad } from '../analysis/dyad.js';
import { placeEvent } from '../analysis/series.js';
import type { PeriodUnit } from '../analysis/periods.js';

export const COUNT_DEFINITION =
  'events not rejected, with the chosen modalities (asserted by default) and origins, naming the actor (and the other actor, either way round), dated, starting inside the window';

export interface ExplainedCount {
  /** Events the views count (the definition above). */
  counted: number;
  /** The modalities counted. */
  modalities: Modality[];
  /** Every dated event of the actor or pair in the window, per modality, counted or not. */
  byModality: Partial<Record<Modality, number>>;
  /** Dated events left out because of their modality. */
  otherModalities: number;
  /** Events with no date (never in a window); null when not known (a window was given). */
  undated: number | null;
  /** Per-period charts only: counted events whose dates reach over more than one period. */
  spansPeriods: number;
  by: PeriodUnit | null;
  /** One sentence, e.g. "12 asserted + 1 speculative not counted; 1 spans months (not in the chart)". */
  text: string;
  definition: string;
}

export interface CountScope {
  actor: string;
  /** null = the actor against everyone. */
  with: string | null;
  /** First and last day of the window (YYYY-MM-DD), or null for all time. */
  from: string | null;
  to: string | null;
  modalities?: readonly Modality[];
  by?: PeriodUnit | null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Counts events by the shared definition. `events` must hold the actor's dated events for
 * the window with EVERY modality (the store filters origin and rejection); `undated` is the
 * number of undated ones when the caller knows it.
 */
export function explainCount(events: readonly AnalysisEvent[], scope: CountScope, undated: number | null = null): ExplainedCount {
  const chosen = new Set<Modality>(chosenModalities(scope.modalities));
  const dyad = { a: scope.actor, b: scope.with, directed: false };
  const byModality: Partial<Record<Modality, number>> = {};
  let spans = 0;
  for (const e of events) {
    if (!inDyad(e, dyad)) continue;
    if ((scope.from && e.start < scope.from) || (scope.to && e.start > scope.to)) continue;
    byModality[e.modality] = (byModality[e.modality] ?? 0) + 1;
    if (chosen.has(e.modality) && scope.by && placeEvent(e, scope.by) === null) spans++;
  }
  return explainTallies(byModality, scope, undated, spans);
}

const chosenModalities = (m: readonly Modality[] | undefined): Modality[] => [...(m?.length ? m : (['asserted'] as Modality[]))];

/** The explained count from the number of events per modality (events' or the store's rollups) (and, for a per-period chart, how many span periods). */
export function explainTallies(tallies: Partial<Record<Modality, number>>, scope: CountScope, undated: number | null, spans = 0): ExplainedCount {
  const modalities = chosenModalities(scope.modalities);
  const chosen = new Set<Modality>(modalities);
  // In vocabulary order, whatever order the events or tallies came in.
  const byModality: Partial<Record<Modality, number>> = {};
  for (const m of MODALITIES) if (tallies[m] !== undefined) byModality[m] = tallies[m];
  const counted = modalities.reduce((sum, m) => sum + (byModality[m] ?? 0), 0);
  const by = scope.by ?? null;
  const other = MODALITIES.filter((m) => !chosen.has(m) && byModality[m]);
  const otherModalities = other.reduce((s, m) => s + (byModality[m] ?? 0), 0);
  const parts = [`${plural(counted, 'event')} counted (${modalities.map((m) => `${byModality[m] ?? 0} ${m}`).join(' + ')})`];
  if (otherModalities) parts.push(`${other.map((m) => `${byModality[m]} ${m}`).join(' + ')} not counted`);
  if (undated) parts.push(`${undated} undated not counted`);
  if (by && spans) parts.push(`${spans} ${spans === 1 ? 'spans' : 'span'} more than one ${by} (not in the chart)`);
  return { counted, modalities, byModality, otherModalities, undated, spansPeriods: spans, by, text: parts.join('; '), definition: COUNT_DEFINITION };
}

/** Undated events of an actor or pair (every modality), when the store can count them. */
async function undatedOf(store: Store, actor: string, other: string | null, origin: Origin[] | undefined, dated: number): Promise<number | null> {
  const all = await store.listEvents({ actor, with: other ?? undefined, origin, modality: [...MODALITIES] }, { limit: 1 });
  return all.total === null ? null : Math.max(0, all.total - dated);
}

export interface CountQuery {
  actor: string;
  with?: string | null;
  from?: string;
  to?: string;
  origin?: Origin[];
  modality?: Modality[];
  by?: PeriodUnit;
}

/** The explained count for an actor or pair from the store; `events`, when given, are the scope's events with every modality. */
export async function countFor(store: Store, q: CountQuery, events?: readonly AnalysisEvent[]): Promise<ExplainedCount> {
  const from = q.from ? prefixStart(q.from) : null;
  const to = q.to ? prefixEnd(q.to) : null;
  const other = q.with ?? null;
  if (!events && !other && !q.by) {
    // One actor against everyone, no periods: tallies per modality from the store, not every event read.
    const rows = await store.actorEventCounts({ from, to, origin: q.origin, actors: [q.actor] });
    const byModality: Partial<Record<Modality, number>> = {};
    for (const r of rows) byModality[r.modality] = (byModality[r.modality] ?? 0) + r.events;
    const dated = rows.reduce((sum, r) => sum + r.events, 0);
    const undated = !from && !to ? await undatedOf(store, q.actor, null, q.origin, dated) : null;
    return explainTallies(byModality, { actor: q.actor, with: null, from, to, modalities: q.modality }, undated);
  }
  const all = events ?? await store.analysisEvents({ actor: q.actor, with: other ?? undefined, from: from ?? undefined, to: to ?? undefined, origin: q.origin, modality: [...MODALITIES] });
  let undated: number | null = null;
  if (!from && !to) {
    // The store's list and its analysis rows select alike (any role), so the difference is the undated ones.
    undated = await undatedOf(store, q.actor, other, q.origin, all.length);
  }
  return explainCount(all, { actor: q.actor, with: other, from, to, modalities: q.modality, by: q.by ?? null }, undated);
}

export interface ActorCounts {
  /** First and last day, or null for all time. */
  window: { from: string | null; to: string | null };
  modalities: Modality[];
  definition: string;
  /** Busiest first; an actor's number is what countFor(actor) counts for the same filters. */
  actors: Array<{ code: string; events: number }>;
}

/** Every actor's count by the shared definition, for the map (one query, not one per actor). */
export async function actorCountsFor(store: Store, q: Omit<CountQuery, 'actor' | 'with' | 'by'>): Promise<ActorCounts> {
  const from = q.from ? prefixStart(q.from) : null;
  const to = q.to ? prefixEnd(q.to) : null;
  const modalities = chosenModalities(q.modality);
  const chosen = new Set(modalities);
  const byActor = new Map<string, number>();
  for (const r of await store.actorEventCounts({ from, to, origin: q.origin })) {
    if (chosen.has(r.modality)) byActor.set(r.code, (byActor.get(r.code) ?? 0) + r.events);
  }
  const actors = [...byActor].filter(([, n]) => n > 0).map(([code, events]) => ({ code, events })).sort((a, b) => b.events - a.events || (a.code < b.code ? -1 : 1));
  return { window: { from, to }, modalities, definition: COUNT_DEFINITION, actors };
}
