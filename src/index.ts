// The library's public API: re-exports only. Each area's index.ts is its public face;
// add one line per area here.
export * from './domain/index.js';
export * from './extract/index.js';
export { matchActors, resolveMatch, resolve, getActor, listActors } from './actors/index.js';
export type { ActorMatch, ResolvedActor, ActorInfo, ActorKind } from './actors/index.js';
export { loadSettings, SETTINGS, type Settings } from './config/settings.js';
export * from './analysis/index.js';
export * from './alerts/index.js';
export { seriesFor, shiftsFor, networkFor, networkDiffFor, spilloverFor } from './services/analysis.js';
export { createApp, type AppOptions } from './api/index.js';
export { loadStarterDataset, starterDataset } from './starter/index.js';
