// The store's public face: the interface, its types, and openStore.
export type { Store } from './store.js';
export type * from './event-store.js';
export { DEFAULT_LIMIT, MAX_LIMIT } from './event-store.js';
export type { WatchStore } from './watch-store.js';
export type { AuthStore } from './auth-store.js';
export type { CurationStore } from './curation-store.js';
export type { RollupStore, TallyQuery, TieQuery } from './rollup-store.js';
export type { CheckStore, CheckResult } from './check-store.js';
export type { SourceStore, Source, SourceInput, SourceUpdate, SourceKind } from './source-store.js';
export { SOURCE_KINDS } from './source-store.js';
export { openStore } from './open-store.js';
export type { Migration } from './sqlite/migrate.js';
export { contentHash } from './content-hash.js';
