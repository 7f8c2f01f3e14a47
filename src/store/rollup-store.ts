// The rollup part of the store: aggregates of the events kept in step with them on every
// write, for analyses that would otherwise read every event of a dyad or a year. A backend
// may leave it out; the analyses then read the events (services/analysis.ts).
import type { Modality } from '../domain/mention.js';
import type { Origin } from '../domain/event.js';
import type { PeriodTally, RollupDrift, Tie } from '../domain/rollup.js';

export interface TallyQuery {
  a: string;
  /** null: A against everyone. */
  b: string | null;
  directed: boolean;
  /** First day of a month: events ending on or after it. */
  from?: string;
  /** Last day of a month: events starting on or before it. */
  to?: string;
  /** Default ['asserted']. */
  modality?: Modality[];
  origin?: Origin[];
}

export interface TieQuery {
  /** First day of a month. */
  from: string;
  /** Last day of a month: ties of the events starting from..to. */
  to: string;
  modality?: Modality[];
  origin?: Origin[];
}

export interface CountsQuery {
  a: string;
  /** null: A against everyone. Undirected, every modality. */
  b: string | null;
  /** Events within one month: those of the months monthFrom..monthTo ('YYYY-MM', either open). */
  monthFrom?: string;
  monthTo?: string;
  /** Events spanning months: those starting on a day from..to (either open). */
  from?: string;
  to?: string;
  origin?: Origin[];
}

/** Events of one modality: within one month (start and end null, summed over the months asked) or spanning months (their first and last day). */
export interface ModalityCount {
  modality: Modality;
  start: string | null;
  end: string | null;
  events: number;
}

export interface UndatedQuery {
  a: string;
  /** null: every event of A. */
  b: string | null;
  origin?: Origin[];
}

export interface RollupStore {
  /** A dyad's (or an actor's) non-rejected dated events, tallied per period, type and modality. */
  dyadTallies(q: TallyQuery): Promise<PeriodTally[]>;
  /** The network ties of the events starting in a window of whole months. */
  windowTies(q: TieQuery): Promise<Tie[]>;
  /** A dyad's (or an actor's) events per modality, every type summed: what the shared count needs, in a few rows. */
  dyadCounts(q: CountsQuery): Promise<ModalityCount[]>;
  /** Non-rejected events with no date (every modality) naming A (and B, in any role): the
   *  rollups hold dated events only, and the shared count says how many it leaves out. */
  undatedEvents(q: UndatedQuery): Promise<number>;
  /** Recomputes the rollups from the events; the rows that differ (empty: no drift). */
  checkRollups(): Promise<RollupDrift[]>;
}
