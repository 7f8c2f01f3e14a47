// The one store interface the rest of Entente codes against. Each part interface is
// owned by the area that uses it; backends compose their parts into one Store.
import type { EventStore } from './event-store.js';
import type { WatchStore } from './watch-store.js';
import type { AuthStore } from './auth-store.js';
import type { CurationStore } from './curation-store.js';
import type { SourceStore } from './source-store.js';

export interface Store extends EventStore, WatchStore, AuthStore, CurationStore, SourceStore {
  readonly kind: 'sqlite' | 'postgres';
  close(): Promise<void>;
}
