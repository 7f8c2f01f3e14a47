// The extractor ingest runs on each document: extractDocument from src/extract, loaded on
// first use so that reading and storing code does not pay for the lexicons until needed.
import type { DocumentMeta, Extraction } from '../../domain/mention.js';

export type Extractor = (text: string, meta: DocumentMeta) => Extraction | Promise<Extraction>;

const EXTRACT_MODULE = '../../extract/index.js';
let loaded: Promise<Extractor> | null = null;

export const defaultExtractor: Extractor = async (text, meta) => {
  loaded ??= (import(EXTRACT_MODULE) as Promise<{ extractDocument: Extractor }>).then((m) => m.extractDocument);
  return (await loaded)(text, meta);
};
