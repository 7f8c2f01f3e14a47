// SQLite part of the event store.
import type Database from 'better-sqlite3';
import type { EventStore } from '../event-store.js';
import { EntenteError } from '../../domain/errors.js';

const todo = (): never => { throw new EntenteError('UNSUPPORTED', 'not yet implemented'); };

export function eventsPart(_db: Database.Database): Omit<EventStore, 'importEvents'> {
  return {
    addDocument: async () => todo(),
    registerActors: async () => todo(),
    listEvents: async () => todo(),
    getEvent: async () => todo(),
    timeline: async () => todo(),
    search: async () => todo(),
    listActors: async () => todo(),
    getDocument: async () => todo(),
    listDocuments: async () => todo(),
    streamEvents: () => todo(),
    analysisEvents: async () => todo(),
    counts: async () => todo(),
  };
}
