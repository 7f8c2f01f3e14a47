// What every route file gets: the store, the settings and the server's shared parts.
import type { ServerResponse } from 'node:http';
import type { Store } from '../store/store.js';
import type { Settings } from '../config/settings.js';
import type { AlertBus } from './alert-bus.js';

export interface ApiContext {
  store: Store;
  settings: Settings;
  open: boolean;
  version: string;
  maxUploadBytes: number;
  ingestsPerMinute: number;
  alerts: AlertBus;
  /** Open event streams, ended when the server closes. */
  streams: Set<ServerResponse>;
  /** Runs the watches after an ingest, in the background, one check at a time. */
  afterIngest(eventIds: string[]): Promise<void>;
}
