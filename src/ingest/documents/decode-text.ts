// Bytes to text for document ingest: UTF-8 only (a byte-order mark is dropped), Windows
// and old-Mac line ends become "\n" so stored offsets and hashes do not depend on them.
// Binary content and invalid UTF-8 are refused with NOT_TEXT rather than guessed at.
import { EntenteError } from '../../domain/errors.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Control characters other than tab, newline, carriage return and form feed mark binary data. */
function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return control > n * 0.01;
}

/** Offset of the first byte that cannot start or continue a UTF-8 sequence (for the message only). */
function firstInvalidByte(buf: Uint8Array): number {
  for (let i = 0; i < buf.length; ) {
    const b = buf[i];
    const need = b < 0x80 ? 0 : b >> 5 === 6 ? 1 : b >> 4 === 14 ? 2 : b >> 3 === 30 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (i + k >= buf.length || buf[i + k] >> 6 !== 2) return i;
    i += need + 1;
  }
  return buf.length;
}

export function normalizeText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

export function decodeText(buf: Uint8Array, where: string): string {
  if (looksBinary(buf)) throw new EntenteError('NOT_TEXT', `${where}: not text (binary content)`);
  let text: string;
  try {
    text = decoder.decode(buf);
  } catch {
    throw new EntenteError('NOT_TEXT', `${where}: not UTF-8 text (invalid byte at offset ${firstInvalidByte(buf)})`);
  }
  return normalizeText(text);
}
