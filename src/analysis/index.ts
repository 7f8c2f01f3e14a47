// Analyses: pure functions over plain inputs (AnalysisEvent[] or number series). No store,
// no driver: the services layer feeds them and the CLI and API present them.
export * from './periods.js';
export * from './dyad.js';
export * from './series.js';
export * from './series-tallies.js';
export * from './shifts.js';
export * from './network.js';
export * from './network-export.js';
export * from './spillover.js';
export { seededRng, normalSampler, type Rng } from './random.js';
