// Reads a document as strict UTF-8 text. Binary content (NUL bytes) and invalid UTF-8
// are refused with NOT_TEXT naming the file and the byte; a byte-order mark is dropped
// (offsets index the decoded text without it), CRLF line ends are kept as they are.
import { EntenteError } from '../domain/errors.js';

export function decodeText(bytes: Uint8Array, name: string): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new EntenteError('NOT_TEXT', `${name}: not text (a NUL byte at offset ${nul}; binary file?)`, { file: name, offset: nul });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Find the first bad byte for the message: decode growing prefixes is too slow on
    // big files, so scan for an invalid sequence by hand.
    const at = firstInvalidUtf8(bytes);
    const line = countLines(bytes, at);
    throw new EntenteError('NOT_TEXT', `${name}: not UTF-8 text (invalid byte 0x${bytes[at]?.toString(16).padStart(2, '0')} at offset ${at}, line ${line})`, { file: name, offset: at, line });
  }
}

function countLines(bytes: Uint8Array, end: number): number {
  let n = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) n++;
  return n;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const need = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return b.length;
}
