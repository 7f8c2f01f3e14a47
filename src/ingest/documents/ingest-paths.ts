// `entente ingest` as a library function: every document of every path extracted and
// stored, each in its own transaction, a bad file or line reported and skipped. Re-running
// on the same input stores nothing new (content hash), which is also how a killed run resumes.
import type { Store } from '../../store/store.js';
import { EntenteError, isEntenteError } from '../../domain/errors.js';
import { listInputFiles, readDocuments } from './document-sources.js';
import { storeText } from './ingest-text.js';
import type { Extractor } from './extractor.js';
import { parsePublished } from './published-date.js';

export interface IngestError {
  file: string;
  line?: number;
  code: string;
  message: string;
}

export interface IngestSummary {
  /** Documents found: stored + unchanged + empty + failed (skipped files are not documents). */
  read: number;
  stored: number;
  unchanged: number;
  /** Documents with no text (read, nothing to store). */
  empty: number;
  failed: number;
  /** Files in folders that are not of a type ingest reads (a .csv, a .json). */
  skipped: number;
  mentions: number;
  errors: IngestError[];
}

export interface IngestPathsOptions {
  /** Publication date for documents that carry none of their own. */
  published?: string | null;
  extract?: Extractor;
  /** Called once the file list is known, and after each file. */
  onProgress?: (p: { files: number; done: number; file: string | null; summary: IngestSummary }) => void;
  /** Stop at the first error instead of reporting it and going on. */
  strict?: boolean;
}

export async function ingestPaths(store: Store, paths: string[], opts: IngestPathsOptions = {}): Promise<IngestSummary> {
  const fallback = opts.published === undefined || opts.published === null ? null : parsePublished(opts.published);
  if (fallback === undefined) throw new EntenteError('BAD_INPUT', `--published: "${opts.published}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  const summary: IngestSummary = { read: 0, stored: 0, unchanged: 0, empty: 0, failed: 0, skipped: 0, mentions: 0, errors: [] };
  const report = (file: string, line: number | undefined, code: string, message: string) => {
    summary.failed++;
    summary.errors.push({ file, ...(line ? { line } : {}), code, message });
    if (opts.strict) throw new EntenteError(code as never, message);
  };
  const { files, errors } = await listInputFiles(paths);
  for (const e of errors) {
    summary.read++;
    if ('error' in e) report(e.file, e.line, e.error.code, e.error.message);
  }
  opts.onProgress?.({ files: files.length, done: 0, file: null, summary });
  let done = 0;
  for (const { path: file, explicit } of files) {
    for await (const item of readDocuments(file, { explicit })) {
      if ('skipped' in item) {
        summary.skipped++;
        continue;
      }
      summary.read++;
      if ('error' in item) {
        report(item.file, item.line, item.error.code, item.error.message);
        continue;
      }
      const doc = item.doc;
      if (!doc.text.trim()) {
        summary.empty++;
        continue;
      }
      try {
        const r = await storeText(store, { ...doc, published: doc.published ?? fallback }, { extract: opts.extract });
        if (r.stored) {
          summary.stored++;
          summary.mentions += r.mentions;
        } else summary.unchanged++;
      } catch (e) {
        // The store itself failed (read-only, damaged, locked): no later document can go in either.
        if (isEntenteError(e) && e.code === 'DB_ERROR') throw e;
        const where = item.line ? `${file}: line ${item.line}` : file;
        if (isEntenteError(e)) report(file, item.line, e.code, e.message.startsWith(file) ? e.message : `${where}: ${e.message}`);
        else report(file, item.line, 'INTERNAL', `${where}: ${(e as Error).message}`);
      }
    }
    opts.onProgress?.({ files: files.length, done: ++done, file, summary });
  }
  return summary;
}
