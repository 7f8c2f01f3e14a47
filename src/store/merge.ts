// Cross-document event merging, as a pure decision: given one mention and the candidate
// events a backend found (same type, sharing an actor, nearby dates), join one or start a
// new event. The rules are documented in docs/store.md; backends must not add their own.
import type { DateRange, Modality } from '../domain/mention.js';
import type { PloverType } from '../domain/plover.js';
import type { EventStatus } from '../domain/event.js';
import { dayBounds, rangesOverlap, spanDays } from '../domain/date-range.js';

/** The parts of a mention that merging looks at. */
export interface MergeMention {
  type: PloverType;
  source: string;
  target: string | null;
  date: DateRange | null;
  modality: Modality;
  /** The event an earlier mention of the same document cluster went to, if any. */
  clusterEventId?: string | null;
}

export interface MergeCandidate {
  id: string;
  type: PloverType;
  sources: string[];
  targets: string[];
  date: DateRange | null;
  modality: Modality;
  disputed: boolean;
  status: EventStatus;
}

export interface EventUpdate {
  date: DateRange | null;
  modality: Modality;
  disputed: boolean;
}

export type MergeDecision =
  | { action: 'new' }
  /** `update` is null when the event must not change (curated) or nothing changes. */
  | { action: 'join'; eventId: string; update: EventUpdate | null; disputed: boolean };

/** Types whose actors act together: source and target may be swapped. */
const SYMMETRIC = new Set<PloverType>(['AGREE', 'CONSULT', 'COOPERATE']);
/** Non-overlapping day dates this close (in days) read as one event reported with different dates. */
export const DATE_DISPUTE_GAP_DAYS = 1;
/** Curated events: merging and re-extraction never change them. */
const FROZEN = new Set<EventStatus>(['corrected', 'rejected']);

/** Lower is stronger: the event's modality is the strongest of its mentions. */
const RANK: Partial<Record<Modality, number>> = { asserted: 0, speculative: 1, negated: 2 };

type Relation = 'agree' | 'dispute' | 'none';

function modalityRelation(a: Modality, b: Modality): Relation {
  if (a === b) return 'agree';
  const ra = RANK[a];
  const rb = RANK[b];
  // conditional, intended and question mentions only merge with their own kind.
  if (ra === undefined || rb === undefined) return 'none';
  // One source says it happened (or may have), another denies it.
  if (a === 'negated' || b === 'negated') return 'dispute';
  return 'agree';
}

function actorRelation(m: MergeMention, e: MergeCandidate): Relation {
  const fits = (src: string[], tgt: string[]): boolean =>
    src.includes(m.source) && (m.target === null || tgt.length === 0 || tgt.includes(m.target));
  if (fits(e.sources, e.targets)) return 'agree';
  if (SYMMETRIC.has(m.type) && fits(e.targets, e.sources)) return 'agree';
  // One role agrees, the other names a different actor: the sources disagree on who.
  // Only for one-sided acts on a known day; meetings of different partners are different events.
  if (SYMMETRIC.has(m.type) || m.target === null || e.targets.length === 0) return 'none';
  if (m.date?.granularity !== 'day' || e.date?.granularity !== 'day') return 'none';
  const sourceAgrees = e.sources.includes(m.source);
  const targetAgrees = e.targets.includes(m.target);
  return sourceAgrees !== targetAgrees ? 'dispute' : 'none';
}

function dayGap(a: DateRange, b: DateRange): number {
  const [a0, a1] = dayBounds(a);
  const [b0, b1] = dayBounds(b);
  const gap = a1 < b0 ? Date.parse(b0) - Date.parse(a1) : Date.parse(a0) - Date.parse(b1);
  return Math.round(gap / 86_400_000);
}

/** Calendar dates (a day, a month, a year) name when something happened; a span ("since 2022") names a stretch of time. */
const CALENDAR = new Set<DateRange['granularity']>(['day', 'month', 'year']);
/** Spans agree only with a date covering at least this share of them: a day is not "the war years". */
export const SPAN_AGREEMENT = 0.5;

function dateRelation(a: DateRange | null, b: DateRange | null): Relation {
  if (!a || !b) return 'none';
  if (rangesOverlap(a, b)) {
    if (CALENDAR.has(a.granularity) && CALENDAR.has(b.granularity)) return 'agree';
    const [short, long] = [spanDays(a), spanDays(b)].sort((x, y) => x - y);
    return short / long >= SPAN_AGREEMENT ? 'agree' : 'none';
  }
  if (a.granularity === 'day' && b.granularity === 'day' && dayGap(a, b) <= DATE_DISPUTE_GAP_DAYS) return 'dispute';
  return 'none';
}

function strongest(a: Modality, b: Modality): Modality {
  const ra = RANK[a];
  const rb = RANK[b];
  if (ra === undefined || rb === undefined) return a;
  return rb < ra ? b : a;
}

function narrower(a: DateRange | null, b: DateRange | null): DateRange | null {
  if (!a) return b;
  if (!b || !rangesOverlap(a, b)) return a;
  return spanDays(b) < spanDays(a) ? b : a;
}

function joinInto(m: MergeMention, e: MergeCandidate, disputed: boolean): MergeDecision {
  if (FROZEN.has(e.status)) return { action: 'join', eventId: e.id, update: null, disputed };
  const next: EventUpdate = {
    date: disputed ? e.date ?? m.date : narrower(e.date, m.date),
    modality: strongest(e.modality, m.modality),
    disputed: e.disputed || disputed,
  };
  const same = next.modality === e.modality && next.disputed === e.disputed && JSON.stringify(next.date) === JSON.stringify(e.date);
  return { action: 'join', eventId: e.id, update: same ? null : next, disputed };
}

/**
 * Decide where one mention goes. A mention joins an event when the type is the same,
 * the actors agree, the dates overlap and the modalities are compatible. It joins as a
 * dispute when exactly one of actors, date (day dates ≤ 1 day apart) or polarity
 * disagrees. A missing date agrees only with the event of the mention's own document
 * cluster; a clean join beats a disputed one, the cluster's event and narrower dates win ties.
 */
export function decideMerge(m: MergeMention, candidates: MergeCandidate[]): MergeDecision {
  let best: { e: MergeCandidate; disputes: number; span: number } | null = null;
  for (const e of candidates) {
    if (e.type !== m.type) continue;
    // The extractor's cluster is what lets mentions without a date agree on it; it does not
    // override disagreement on modality, actors or stated dates.
    const linked = !!m.clusterEventId && e.id === m.clusterEventId;
    const date = linked && (!e.date || !m.date) ? 'agree' : dateRelation(e.date, m.date);
    const rel = [modalityRelation(e.modality, m.modality), actorRelation(m, e), date];
    if (rel.includes('none')) continue;
    const disputes = rel.filter((r) => r === 'dispute').length;
    // Two disagreements at once (say, another target on another day) is another event.
    if (disputes > 1) continue;
    const span = linked ? -1 : e.date ? spanDays(e.date) : Infinity;
    if (!best || disputes < best.disputes || (disputes === best.disputes && span < best.span)) best = { e, disputes, span };
  }
  return best ? joinInto(m, best.e, best.disputes > 0) : { action: 'new' };
}
