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
  /** Non-rejected events with no date (every modality) naming A (and B, in any role): the
   *  rollups hold dated events only, and the shared count says how many it leaves out. */
  undatedEvents(q: UndatedQuery): Promise<number>;
  /** Recomputes the rollups from the events; the rows that differ (empty: no drift). */
  checkRollups(): Promise<RollupDrift[]>;
}
