// What every poller gets and gives back. A poller fetches one source once, hands what is
// new to ingest/ (documents) or the dataset importers, and returns what it added and the
// state to keep; it throws (a FetchError or an EntenteError) when the poll failed.
import type { Store } from '../store/store.js';
import type { Source } from '../store/source-store.js';
import type { Fetcher } from './http-get.js';

export interface PollContext {
  store: Store;
  fetcher: Fetcher;
  log: (line: string) => void;
}

export interface PollResult {
  /** Events or documents added. */
  added: number;
  /** Replaces the source's state when given. */
  state?: Record<string, unknown>;
  /** Part of the poll failed (e.g. one bad file of several); recorded as the source's error. */
  problem?: string;
  /** More is waiting (a capped catch-up): poll again soon rather than after the interval. */
  more?: boolean;
}

export type Poller = (source: Source, ctx: PollContext) => Promise<PollResult>;
