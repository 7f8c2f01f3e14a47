// The watch part of the store: watchlists (a dyad, an intensity threshold, a webhook),
// the alerts they raise, what each watch has already seen (so only new shifts and events
// alert), and the per-day event volume the analyses normalise by.
import type { Modality } from '../domain/mention.js';
import type { Origin } from '../domain/event.js';
import type { Page, PageResult } from './event-store.js';

export interface WatchInput {
  a: string;
  /** null = A against every other actor. */
  b: string | null;
  /** Events with |intensity| ≥ this alert. */
  threshold: number;
  webhook: string | null;
  label?: string | null;
}

export interface Watch extends WatchInput {
  id: string;
  label: string | null;
  createdAt: string;
  lastCheckedAt: string | null;
}

export const ALERT_KINDS = ['shift', 'event'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface AlertInput {
  watchId: string;
  kind: AlertKind;
  /** Identity of what raised it ("event:123", "shift:2022-03:toward-conflict"); one alert per key per watch. */
  key: string;
  title: string;
  summary: string;
  /** The date the alert is about (event or shift date), YYYY-MM-DD. */
  date: string | null;
  data: Record<string, unknown>;
}

export interface Alert extends AlertInput {
  id: string;
  dyad: string;
  createdAt: string;
  /** Webhook state: none (no webhook), pending, delivered, failed (gave up). */
  delivery: 'none' | 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastError: string | null;
  deliveredAt: string | null;
}

export interface AlertFilter {
  watchId?: string;
  delivery?: Alert['delivery'][];
  /** Created at or after this ISO timestamp. */
  since?: string;
}

export interface VolumeFilter {
  from?: string;
  to?: string;
  origin?: Origin[];
  /** Default ['asserted'], as for events. */
  modality?: Modality[];
}

/** Mentions of all events whose date range is exactly [start, end] (days). */
export interface VolumeRow {
  start: string;
  end: string;
  mentions: number;
  events: number;
}

export interface WatchStore {
  addWatch(w: WatchInput): Promise<Watch>;
  listWatches(): Promise<Watch[]>;
  getWatch(id: string): Promise<Watch | null>;
  /** False when no such watch. Its alerts go with it. */
  removeWatch(id: string): Promise<boolean>;
  /** Keys the watch has seen (alerted or baselined). */
  seenKeys(watchId: string): Promise<Set<string>>;
  /** Mark keys seen without alerting (the baseline when a watch is added). */
  markSeen(watchId: string, keys: string[]): Promise<void>;
  /** Store new alerts (and mark their keys seen); keys already seen are skipped. Returns those stored. */
  addAlerts(alerts: AlertInput[]): Promise<Alert[]>;
  listAlerts(filter?: AlertFilter, page?: Page): Promise<PageResult<Alert>>;
  recordDelivery(alertId: string, outcome: { ok: boolean; attempts: number; error?: string | null; final: boolean }): Promise<void>;
  touchWatch(id: string, at: string): Promise<void>;
  /** Event volume per exact date range, for normalising series by the store's coverage. */
  eventVolume(filter: VolumeFilter): Promise<VolumeRow[]>;
}
