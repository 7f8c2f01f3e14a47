// Getting data in: documents (text, HTML, JSON lines, feeds) through the extractor, and
// the standard event datasets through their importers.
export * from './documents/index.js';
export * from './datasets/index.js';
