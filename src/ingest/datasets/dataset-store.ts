// What the dataset importers need from a store, beyond EventStore.importEvents: GDELT
// mentions in their own table, and COW membership facts on registry actors. Types only;
// each backend implements them in its dataset-import part (SQLite: store/sqlite/dataset-import.ts).
import type { DatasetEventInput } from '../../domain/event.js';

/** One row of a GDELT 2.0 mentions file: one article (or broadcast) mentioning one event. */
export interface GdeltMentionInput {
  globalEventId: string;
  /** EventTimeDate and MentionTimeDate, YYYYMMDDHHMMSS as GDELT writes them. */
  eventTime: string;
  mentionTime: string;
  mentionType: number;
  sourceName: string;
  identifier: string;
  sentenceId: number;
  actor1Offset: number;
  actor2Offset: number;
  actionOffset: number;
  inRawText: boolean;
  confidence: number;
  docLength: number;
  docTone: number;
  translationInfo: string | null;
}

/** A registry actor's membership of the Correlates of War state system (one period). */
export interface StateMembershipInput {
  /** Registry code (ISO 3166-1 alpha-3, or a historical state's own code). */
  code: string;
  name: string;
  cowCode: number;
  cowAbb: string;
  /** ISO dates, first and last day of membership. */
  start: string;
  end: string;
}

export interface WriteResult {
  imported: number;
  unchanged: number;
}

export interface DatasetStore {
  importEvents(batch: DatasetEventInput[]): Promise<WriteResult>;
  /** Idempotent by (event, mention time, article, sentence); a new later mention bumps the event's count. */
  importGdeltMentions(batch: GdeltMentionInput[]): Promise<WriteResult>;
  /** Adds COW codes and membership periods to registry actors, creating actor rows that are missing. */
  upsertStateMemberships(batch: StateMembershipInput[]): Promise<WriteResult>;
  /**
   * Optional: runs `work`, a whole import into a store that serves nothing else meanwhile, with
   * the batches it writes gathered into transactions of at least `rows` rows (committed when
   * reached, and when `work` ends or fails, keeping what precedes a failed batch). Derived rows
   * are then brought up to date once per transaction, not once per batch, while the importer
   * holds only one small batch in memory. A store other work shares in the same process must
   * not be given this: that work would see, and join, the open transaction.
   */
  inBulk?<T>(rows: number, work: () => Promise<T>): Promise<T>;
}

export function isDatasetStore(x: unknown): x is DatasetStore {
  const s = x as Partial<DatasetStore> | null;
  return !!s && typeof s.importEvents === 'function' && typeof s.importGdeltMentions === 'function' && typeof s.upsertStateMemberships === 'function';
}
