// Search snippets computed from a bounded window of text, never the whole document: the
// first match of a query word within the first SNIPPET_SCAN_CHARS characters, a few words
// either side, each query word marked [like this]. Linear in the scanned text, whatever
// the document's size (FTS5's snippet() scores every fragment of a document and was
// quadratic on a 4.8 MB one-line text).

/** Characters of a document's text that a snippet looks through for a match. */
export const SNIPPET_SCAN_CHARS = 1_000_000;

export interface SnippetOptions {
  /** Characters either side of the first match (extended to a word boundary). */
  context?: number;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Query words as a search would read them: letters and digits. */
export function queryWords(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A short excerpt of `text` around the first whole-word match of one of `words`. */
export function snippetOf(text: string, words: readonly string[], opts: SnippetOptions = {}): string {
  const context = opts.context ?? 80;
  const scanned = text.length > SNIPPET_SCAN_CHARS ? text.slice(0, SNIPPET_SCAN_CHARS) : text;
  const usable = words.filter((w) => w.length > 0);
  const re = usable.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${usable.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu') : null;
  const first = re ? re.exec(scanned) : null;
  const at = first ? first.index : 0;
  let start = Math.max(0, at - context);
  let end = Math.min(scanned.length, at + (first ? first[0].length : 0) + context);
  // Widen to whole words, looking at most 40 characters further.
  while (start > 0 && at - start < context + 40 && /[\p{L}\p{N}]/u.test(scanned[start - 1]!)) start--;
  while (end < scanned.length && end - at < context + 40 && /[\p{L}\p{N}]/u.test(scanned[end]!)) end++;
  let window = scanned.slice(start, end).replace(/\s+/g, ' ');
  if (re) {
    re.lastIndex = 0;
    window = window.replace(re, (m) => `[${m}]`);
  }
  return `${start > 0 ? '…' : ''}${window.trim()}${end < text.length ? '…' : ''}`;
}
