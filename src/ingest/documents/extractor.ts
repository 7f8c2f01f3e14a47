// The shape of an extractor ingest can be given instead of its default (extractStream from
// src/extract, streamed into the store), and the publication-date guess ingest falls back on.
import type { DocumentMeta, Extraction } from '../../domain/mention.js';
import { findPublished } from '../../extract/index.js';

export type Extractor = (text: string, meta: DocumentMeta) => Extraction | Promise<Extraction>;

/** The publication date a document's own text or front matter gives, when the caller gives none. */
export function guessPublished(text: string): { published: string | null; from: 'metadata' | 'text' | 'none' } {
  return findPublished(text);
}
