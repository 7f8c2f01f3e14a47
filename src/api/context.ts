// What every route file gets: the store, the settings and the server's shared parts.
import type { ServerResponse } from 'node:http';
import type { Store } from '../store/store.js';
import type { Settings } from '../config/settings.js';
import type { AlertBus } from './alert-bus.js';
import type { IngestJobs } from './ingest-jobs.js';

export interface ApiContext {
  store: Store;
  settings: Settings;
  open: boolean;
  version: string;
  maxUploadBytes: number;
  ingestsPerMinute: number;
  alerts: AlertBus;
  /** The ingest queue: POST /api/ingest's documents, extracted in a worker thread. */
  ingestJobs: IngestJobs;
  /** Open event streams, ended when the server closes. */
  streams: Set<ServerResponse>;
  /** Runs the watches after an ingest, in the background, one check at a time. */
  afterIngest(eventIds: string[]): Promise<void>;
}
