// Streams a byte stream as chunks of text lines with their line numbers, for the
// tab-separated datasets (GDELT, ICEWS), which never quote: one line is one row. Works a
// chunk at a time (no per-line async hop) and flags a last line with no newline. Each chunk
// is split once; a line longer than maxLineChars is refused with TOO_LARGE rather than grown
// without end (a 1.34 GB line in a zip, /dev/zero).
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { EntenteError } from '../../domain/errors.js';

export interface LineChunk {
  /** Line number (1-based) of lines[0]. */
  first: number;
  lines: string[];
  /** The final chunk's last line had no line end (the file may be cut off). */
  unterminated: boolean;
}

/** The longest line a reader accepts (a GDELT row is about 1 KB; a JSON-lines article rarely 1 MB). */
export const MAX_LINE_CHARS = 16 * 2 ** 20;

function tooLong(lineNo: number, max: number): EntenteError {
  return new EntenteError('TOO_LARGE', `line ${lineNo} is longer than ${Math.round(max / 2 ** 20)} M characters (not line-separated text?)`, { line: lineNo });
}

export async function* readLines(stream: Readable, opts: { maxLineChars?: number } = {}): AsyncGenerator<LineChunk> {
  const max = opts.maxLineChars ?? MAX_LINE_CHARS;
  const decoder = new StringDecoder('utf8');
  // The unfinished last line, kept as pieces so a long line costs linear time.
  let rest: string[] = [];
  let restLength = 0;
  let lineNo = 1;
  let firstChunk = true;
  try {
    for await (const buf of stream as AsyncIterable<Buffer>) {
      let text = decoder.write(buf);
      if (firstChunk && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text.length) firstChunk = false;
      const nl = text.lastIndexOf('\n');
      if (nl < 0) {
        rest.push(text);
        restLength += text.length;
        if (restLength > max) throw tooLong(lineNo, max);
        continue;
      }
      const head = rest.length ? rest.join('') + text.slice(0, nl) : text.slice(0, nl);
      const tail = text.slice(nl + 1);
      rest = tail ? [tail] : [];
      restLength = tail.length;
      const lines = head.split('\n');
      for (let i = 0; i < lines.length; i++) {
        const l = lines[i]!;
        if (l.length > max) throw tooLong(lineNo + i, max);
        if (l.charCodeAt(l.length - 1) === 13) lines[i] = l.slice(0, -1);
      }
      yield { first: lineNo, lines, unterminated: false };
      lineNo += lines.length;
      if (restLength > max) throw tooLong(lineNo, max);
    }
  } catch (e) {
    stream.destroy();
    throw e;
  }
  const last = rest.join('') + decoder.end();
  if (last.length) yield { first: lineNo, lines: [last.endsWith('\r') ? last.slice(0, -1) : last], unterminated: true };
}
