// What every route file gets: the store, the settings and the server's options.
import type { Store } from '../store/store.js';
import type { Settings } from '../config/settings.js';
import type { AlertBus } from './alert-bus.js';

export interface ApiContext {
  store: Store;
  settings: Settings;
  open: boolean;
  version: string;
  maxUploadBytes: number;
  alerts: AlertBus;
}
