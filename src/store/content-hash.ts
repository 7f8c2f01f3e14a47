// The content hash that makes document ingest idempotent: SHA-256 of the text with line
// ends normalized, so a CRLF copy of a document is the same document.
import { createHash } from 'node:crypto';

export function contentHash(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n?/g, '\n')).digest('hex');
}
