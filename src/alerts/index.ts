// Watchlists and alerts: add a watch with its baseline, check watches after an ingest or
// import, deliver to webhooks, and render alerts as an Atom feed.
export { addWatch, checkWatches, type CheckOptions } from './check-watches.js';
export { postWebhook, WEBHOOK_DEFAULTS, type WebhookOptions, type WebhookOutcome } from './webhook.js';
export { alertsToAtom, type FeedMeta } from './atom.js';
export type { Alert, Watch, WatchInput } from '../store/watch-store.js';
