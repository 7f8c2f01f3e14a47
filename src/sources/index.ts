// Followed sources (feeds, pages, GDELT's 15-minute updates, watched dataset folders):
// their configuration, polite guarded fetching, and the `follow` loop that hands what is
// new to ingest/ and runs the watches.
export { follow, pollDue, type FollowOptions, type RoundResult, type SourceOutcome } from './follow.js';
export { sourceInput, fetcherOptions, isSourceKind, DEFAULT_EVERY, type SourceSpec } from './source-config.js';
export { Fetcher, FetchError, guardedLookup, parseRetryAfter, type FetcherOptions, type GetResult } from './http-get.js';
export { parseEvery, formatEvery, backoffMs } from './schedule.js';
export { parseFileList, type GdeltFile } from './gdelt-lists.js';
export { GDELT_BASE } from './gdelt-poller.js';
