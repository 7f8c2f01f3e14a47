// Followed sources (`entente follow`, issue of its own) are kept in SQLite only for now: on
// PostgreSQL every source operation is refused with UNSUPPORTED and says so, rather than
// pretending to store anything. Porting means the two tables of src/store/sqlite/sources.ts.
import { EntenteError } from '../../domain/errors.js';
import type { SourceStore } from '../source-store.js';

const refuse = (): never => {
  throw new EntenteError('UNSUPPORTED', 'followed sources are kept in a SQLite database for now; use --db FILE for `source` and `follow`');
};

export function sourcePart(): SourceStore {
  return {
    addSource: async () => refuse(),
    listSources: async () => refuse(),
    getSource: async () => refuse(),
    removeSource: async () => refuse(),
    updateSource: async () => refuse(),
    seenSourceItems: async () => refuse(),
    markSourceItems: async () => refuse(),
  };
}
