// The one store interface the rest of Entente codes against. Each part interface is
// owned by the area that uses it; backends compose their parts into one Store.
import type { EventStore } from './event-store.js';
import type { WatchStore } from './watch-store.js';
import type { AuthStore } from './auth-store.js';
import type { CurationStore } from './curation-store.js';
import type { RollupStore } from './rollup-store.js';
import type { CheckStore } from './check-store.js';
import type { SourceStore } from './source-store.js';

/** The rollup and check parts are optional: without rollups the analyses read the events
 * themselves; without checks `entente check` has only the backend-independent ones. */
export interface Store extends EventStore, WatchStore, AuthStore, CurationStore, SourceStore, Partial<RollupStore>, Partial<CheckStore> {
  readonly kind: 'sqlite' | 'postgres';
  close(): Promise<void>;
}
