// The domain layer: types and vocabularies. Imports nothing outside itself.
export * from './plover.js';
export * from './cameo.js';
export * from './mention.js';
export * from './date-range.js';
export * from './errors.js';
export * from './event.js';
export * from './event-summary.js';
