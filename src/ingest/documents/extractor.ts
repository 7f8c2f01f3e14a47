// The extractor ingest runs on each document: extractDocument from src/extract. Tests and
// callers may pass another with the same shape.
import type { DocumentMeta, Extraction } from '../../domain/mention.js';
import { extractDocument, findPublished } from '../../extract/index.js';

export type Extractor = (text: string, meta: DocumentMeta) => Extraction | Promise<Extraction>;

export const defaultExtractor: Extractor = (text, meta) => extractDocument(text, meta);

/** The publication date a document's own text or front matter gives, when the caller gives none. */
export function guessPublished(text: string): { published: string | null; from: 'metadata' | 'text' | 'none' } {
  return findPublished(text);
}
