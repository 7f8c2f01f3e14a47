// The followed-sources part of the store: what `entente follow` polls (feeds, GDELT's
// update lists, watched folders, pages), each source's schedule and last outcome, and the
// item keys it has already taken in, so a restart neither loses nor repeats anything.

export const SOURCE_KINDS = ['feed', 'gdelt', 'acled', 'icews', 'page'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface SourceInput {
  kind: SourceKind;
  /** A URL (feed, page, GDELT base) or a folder (acled, icews). */
  target: string;
  /** Seconds between polls. */
  everySeconds: number;
  /** Kind-specific options (GDELT: mentions, translation, order, maxCatchUp). */
  options?: Record<string, unknown>;
  label?: string | null;
}

export interface Source {
  id: string;
  kind: SourceKind;
  target: string;
  everySeconds: number;
  options: Record<string, unknown>;
  label: string | null;
  createdAt: string;
  paused: boolean;
  lastFetchAt: string | null;
  lastSuccessAt: string | null;
  nextFetchAt: string | null;
  itemsAdded: number;
  /** Failures in a row since the last success (drives the backoff). */
  failures: number;
  lastError: string | null;
  lastErrorAt: string | null;
  /** What the poller keeps between polls: ETag, Last-Modified, GDELT's first file. */
  state: Record<string, unknown>;
}

export interface SourceUpdate {
  paused?: boolean;
  lastFetchAt?: string | null;
  lastSuccessAt?: string | null;
  nextFetchAt?: string | null;
  /** Added to itemsAdded. */
  addItems?: number;
  failures?: number;
  lastError?: string | null;
  lastErrorAt?: string | null;
  state?: Record<string, unknown>;
}

export interface SourceStore {
  addSource(input: SourceInput): Promise<Source>;
  listSources(): Promise<Source[]>;
  getSource(id: string): Promise<Source | null>;
  /** False when no such source. Its item keys go with it. */
  removeSource(id: string): Promise<boolean>;
  /** False when no such source. */
  updateSource(id: string, patch: SourceUpdate): Promise<boolean>;
  /** Which of `keys` the source has already taken in. */
  seenSourceItems(id: string, keys: string[]): Promise<Set<string>>;
  /** Record keys as taken in (idempotent). */
  markSourceItems(id: string, keys: string[]): Promise<void>;
}
