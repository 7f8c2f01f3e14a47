// The text pipeline's public face: extractDocument for one document, extractStream for
// huge texts, findPublished for a date in a file's own metadata, and the stage list.
export { extractDocument, extractStream, extractSentence, DocumentState, STAGES, type ExtractMeta, type ExtractOptions, type TracedExtraction } from './pipeline.js';
export { findPublished, type PublishedGuess } from './published/find-published.js';
export { splitSentences } from './sentences/split-sentences.js';
export { decodeText } from './read-text.js';
export type { TraceLine } from './types.js';
