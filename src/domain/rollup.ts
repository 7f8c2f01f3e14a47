// What the rollups hold, as the analyses read them: tallies of a dyad's (or an actor's) events
// per period and type, and the weighted ties of the network. Plain data; the store keeps them.
import type { Modality } from './mention.js';
import type { PloverType } from './plover.js';

/**
 * Events of one type and modality in one period: either a month (`month` 'YYYY-MM', each event
 * lying within that month) or an exact day range (`start`..`end`, events spanning months).
 */
export interface PeriodTally {
  month: string | null;
  start: string | null;
  end: string | null;
  type: PloverType;
  modality: Modality;
  events: number;
  /** Σ max(1, mention count). */
  mentions: number;
  /** Σ intensity × max(1, mention count). */
  weight: number;
}

/** One undirected actor pair of a network (a < b), summed over every source × target pair of its events. */
export interface Tie {
  a: string;
  b: string;
  events: number;
  mentions: number;
  weight: number;
  cooperative: number;
  conflictual: number;
}

/** One rollup row that differs from a recomputation; null where the row is missing. */
export interface RollupDrift {
  table: string;
  key: Record<string, string | number>;
  stored: Record<string, number> | null;
  expected: Record<string, number> | null;
}
