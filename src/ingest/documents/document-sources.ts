// Files and folders to documents: .txt/.md as they are, .html through readability,
// .jsonl one record per line (streamed), RSS/Atom one document per item. Every problem
// becomes an item with an error naming the file (and line or item); nothing throws.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { readFileBounded, inputError } from '../read-bounded.js';
import { readLines } from '../datasets/line-reader.js';
import { basename, extname, join } from 'node:path';
import { EntenteError, isEntenteError, type ErrorCode } from '../../domain/errors.js';
import { decodeText, normalizeText } from './decode-text.js';
import { htmlDocument } from './html-document.js';
import { feedItems, isFeed } from './feed-items.js';
import { parsePublished } from './published-date.js';

export interface SourceDocument {
  text: string;
  title: string | null;
  url: string | null;
  source: string | null;
  published: string | null;
}

export type SourceItem =
  | { file: string; line?: number; doc: SourceDocument }
  /** A text file of a type ingest does not read, met while walking a folder. */
  | { file: string; skipped: string }
  | { file: string; line?: number; error: { code: ErrorCode; message: string } };

export const TEXT_EXT = new Set(['.txt', '.text', '.md', '.markdown']);
export const HTML_EXT = new Set(['.html', '.htm', '.xhtml']);
export const JSONL_EXT = new Set(['.jsonl', '.ndjson']);
export const FEED_EXT = new Set(['.rss', '.atom', '.xml']);
/** Whole-file formats are read into memory; beyond this a file is refused (JSON lines stream). */
export const MAX_FILE_BYTES = 64 * 2 ** 20;

const fail = (file: string, e: unknown, line?: number): SourceItem => ({
  file, ...(line ? { line } : {}),
  error: isEntenteError(e) ? { code: e.code, message: e.message } : (({ code, message }) => ({ code, message }))(inputError(e, file)),
});

export interface InputFile {
  path: string;
  /** Named by the user rather than found in a folder. */
  explicit: boolean;
}

/** Every file under the given paths, folders walked recursively in name order (hidden entries
 * skipped). A folder met twice on one walk (a symbolic link back up the tree) is reported once
 * and not entered again. */
export async function listInputFiles(paths: string[]): Promise<{ files: InputFile[]; errors: SourceItem[] }> {
  const files: InputFile[] = [];
  const errors: SourceItem[] = [];
  const walk = async (p: string, top: boolean, above: Set<string>): Promise<void> => {
    let s;
    try {
      s = await stat(p, { bigint: true });
    } catch (e) {
      errors.push(fail(p, inputError(e, p)));
      return;
    }
    if (s.isDirectory()) {
      const id = `${s.dev}:${s.ino}`;
      if (above.has(id)) {
        errors.push(fail(p, new EntenteError('BAD_INPUT', `${p}: a link back to a folder above it (a loop); not read again`)));
        return;
      }
      let names: string[];
      try {
        names = (await readdir(p)).filter((n) => !n.startsWith('.')).sort();
      } catch (e) {
        errors.push(fail(p, inputError(e, p)));
        return;
      }
      const inside = new Set(above).add(id);
      for (const n of names) await walk(join(p, n), false, inside);
    } else if (s.isFile() || top) {
      files.push({ path: p, explicit: top });
    }
  };
  for (const p of paths) await walk(p, true, new Set());
  return { files, errors };
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** A plain text's title: its first line when that reads as a headline, else the file name. */
export function textTitle(text: string, file: string): string {
  const first = text.split('\n').map((l) => l.trim()).find((l) => l && !/^[a-z ]+:\s/i.test(l));
  const line = first?.replace(/^#+\s*/, '');
  return line && line.length <= 200 && !/[.!?]$/.test(line) ? line : basename(file);
}

/** One JSON-lines record to a document, or the reason it cannot be one. */
export function jsonRecord(value: unknown, where: string): SourceDocument {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new EntenteError('BAD_FORMAT', `${where}: not a JSON object`);
  const r = value as Record<string, unknown>;
  if (typeof r.text !== 'string') throw new EntenteError('BAD_INPUT', `${where}: field text: missing or not a string`);
  const published = parsePublished(r.published ?? r.date ?? null);
  if (published === undefined) throw new EntenteError('BAD_INPUT', `${where}: field published: ${JSON.stringify(r.published ?? r.date)} is not a date`);
  const url = str(r.url);
  return { text: normalizeText(r.text), title: str(r.title), url, source: str(r.source) ?? hostOf(url), published };
}

async function* jsonLines(file: string): AsyncGenerator<SourceItem> {
  let good = 0;
  let chunks;
  try {
    chunks = readLines(createReadStream(file, { highWaterMark: 1 << 20 }));
  } catch (e) {
    yield fail(file, e);
    return;
  }
  try {
    for await (const chunk of chunks) {
      for (let i = 0; i < chunk.lines.length; i++) {
        const line = chunk.lines[i]!;
        const n = chunk.first + i;
        if (!line.trim()) continue;
        const where = `${file}: line ${n}`;
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch (e) {
          if (good === 0 && n === 1 && !line.trimStart().startsWith('{')) {
            // A first line that is not JSON at all (a CSV header): the whole file is the wrong format.
            yield fail(file, new EntenteError('BAD_FORMAT', `${where}: not JSON lines (expected one JSON object per line, found ${JSON.stringify(line.slice(0, 40))})`), n);
            await chunks.return(undefined);
            return;
          }
          yield fail(file, new EntenteError('BAD_INPUT', `${where}: broken JSON (${(e as Error).message.split('\n')[0]})`), n);
          continue;
        }
        try {
          if (line.includes('\uFFFD')) throw new EntenteError('NOT_TEXT', `${where}: not UTF-8 text`);
          yield { file, line: n, doc: jsonRecord(value, where) };
          good++;
        } catch (e) {
          yield fail(file, e, n);
        }
      }
    }
  } catch (e) {
    // The reader itself failed (a line without end, an unreadable file): the rest of the file is lost.
    const err = inputError(e, file);
    yield fail(file, isEntenteError(e) && e.code === 'TOO_LARGE' ? new EntenteError('TOO_LARGE', `${file}: ${e.message}`) : err);
  }
}

/** The documents of one file, in order. */
export async function* readDocuments(file: string, opts: { explicit?: boolean } = {}): AsyncGenerator<SourceItem> {
  const ext = extname(file).toLowerCase();
  try {
    if (JSONL_EXT.has(ext)) {
      yield* jsonLines(file);
      return;
    }
    const s = await stat(file);
    if (s.size > MAX_FILE_BYTES) throw new EntenteError('TOO_LARGE', `${file}: ${Math.round(s.size / 2 ** 20)} MB is more than the ${MAX_FILE_BYTES / 2 ** 20} MB a document may have`);
    // Read in chunks up to the limit: a device or FIFO says size 0 and never ends.
    const text = decodeText(await readFileBounded(file, MAX_FILE_BYTES), file);
    if (HTML_EXT.has(ext) || (!TEXT_EXT.has(ext) && /^\s*(<!doctype html|<html)/i.test(text))) {
      const h = htmlDocument(text);
      yield { file, doc: { text: h.text, title: h.title, url: null, source: null, published: h.published } };
    } else if (FEED_EXT.has(ext) || (!TEXT_EXT.has(ext) && isFeed(text))) {
      for (const item of feedItems(text, file)) {
        if (item.error) yield fail(file, new EntenteError('BAD_INPUT', `${file}: ${item.error}`));
        else yield { file, doc: { text: normalizeText(item.text), title: item.title, url: item.url, source: hostOf(item.url), published: item.published } };
      }
    } else if (TEXT_EXT.has(ext)) {
      yield { file, doc: { text, title: textTitle(text, file), url: null, source: null, published: null } };
    } else if (!opts.explicit) {
      yield { file, skipped: `unsupported file type "${ext || '(none)'}"` };
    } else {
      throw new EntenteError('BAD_FORMAT', `${file}: unsupported file type "${ext || '(none)'}" (expected .txt, .md, .html, .jsonl, or an RSS/Atom feed)`);
    }
  } catch (e) {
    yield fail(file, e);
  }
}
