// The curation part of the store: analysts accept, reject or correct extracted events,
// merge and split events and actors. Every change is one transaction and one audit
// entry (who, when, what, before and after). Corrected events keep status 'corrected',
// which the event merge respects: re-extracting a document never overwrites them.
import type { DateRange, Modality } from '../domain/mention.js';
import type { PloverType } from '../domain/plover.js';
import type { EventRecord } from '../domain/event.js';
import type { Page, PageResult } from './event-store.js';

/** Who made a change: the API token (or the CLI user) and its role. */
export interface Curator {
  tokenId: string | null;
  role: string;
  /** Why the change was made, in the curator's words; kept in the audit entry. */
  reason?: string;
}

export interface EventCorrection {
  type?: PloverType;
  sources?: string[];
  targets?: string[];
  date?: DateRange | null;
  modality?: Modality;
}

export const AUDIT_ACTIONS = ['accept', 'reject', 'correct', 'merge-events', 'split-event', 'merge-actors'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  id: number;
  at: string;
  tokenId: string | null;
  role: string;
  action: AuditAction;
  /** What was changed: an event id, or the actor code merged away. */
  subject: string;
  before: unknown;
  after: unknown;
}

export interface AuditFilter {
  subject?: string;
  action?: AuditAction;
  /** The token (user) that made the change. */
  tokenId?: string;
  /** ISO date or prefix: entries made on or after its first day / on or before its last day (UTC). */
  from?: string;
  to?: string;
}

export interface CurationStore {
  setEventStatus(id: string, status: 'accepted' | 'rejected', who: Curator): Promise<EventRecord>;
  correctEvent(id: string, patch: EventCorrection, who: Curator): Promise<EventRecord>;
  /** Moves the mentions of the other events into the first one and deletes the others. */
  mergeEvents(ids: string[], who: Curator): Promise<EventRecord>;
  /** Moves the given mentions out of an event into a new one; both are marked corrected. */
  splitEvent(id: string, mentionIds: string[], who: Curator): Promise<{ original: EventRecord; created: EventRecord }>;
  /** Rewrites every event and mention naming `from` to name `into` instead. */
  mergeActors(from: string, into: string, who: Curator): Promise<{ events: number; mentions: number }>;
  listAudit(filter?: AuditFilter, page?: Page): Promise<PageResult<AuditEntry>>;
}
