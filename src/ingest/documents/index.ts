// Document ingest: files, folders, JSON lines and feeds into the store, through the extractor.
export { ingestText, storeText, type TextInput, type IngestTextOptions } from './ingest-text.js';
export { ingestPaths, type IngestSummary, type IngestError, type IngestPathsOptions } from './ingest-paths.js';
export { readDocuments, listInputFiles, jsonRecord, type SourceDocument, type SourceItem, type InputFile } from './document-sources.js';
export { htmlDocument, type HtmlDocument } from './html-document.js';
export { feedItems, type FeedItem } from './feed-items.js';
export { decodeText, normalizeText } from './decode-text.js';
export { parsePublished } from './published-date.js';
export type { Extractor } from './extractor.js';
