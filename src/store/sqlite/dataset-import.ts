// SQLite side of EventStore.importEvents (owned by the dataset-import area; a placeholder
// until it lands). Writes events rows; the core triggers fill event_actors.
import type Database from 'better-sqlite3';
import type { EventStore } from '../event-store.js';
import type { Migration } from './migrate.js';
import { EntenteError } from '../../domain/errors.js';

export function datasetImportPart(_db: Database.Database): Pick<EventStore, 'importEvents'> {
  return {
    async importEvents() {
      throw new EntenteError('UNSUPPORTED', 'dataset import is not yet available');
    },
  };
}

export const datasetImportMigrations: Migration[] = [];
