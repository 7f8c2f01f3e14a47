// Streams a byte stream as chunks of text lines with their line numbers, for the
// tab-separated datasets (GDELT, ICEWS), which never quote: one line is one row. Works a
// chunk at a time (no per-line async hop) and flags a last line with no newline.
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

export interface LineChunk {
  /** Line number (1-based) of lines[0]. */
  first: number;
  lines: string[];
  /** The final chunk's last line had no line end (the file may be cut off). */
  unterminated: boolean;
}

export async function* readLines(stream: Readable): AsyncGenerator<LineChunk> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let lineNo = 1;
  let firstChunk = true;
  for await (const buf of stream as AsyncIterable<Buffer>) {
    let text = rest + decoder.write(buf);
    if (firstChunk && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    firstChunk = false;
    const lines = text.split('\n');
    rest = lines.pop() ?? '';
    if (!lines.length) continue;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      if (l.charCodeAt(l.length - 1) === 13) lines[i] = l.slice(0, -1);
    }
    yield { first: lineNo, lines, unterminated: false };
    lineNo += lines.length;
  }
  rest += decoder.end();
  if (rest.length) yield { first: lineNo, lines: [rest.endsWith('\r') ? rest.slice(0, -1) : rest], unterminated: true };
}
