// The work of one API ingest, as it runs in the ingest worker (ingest-worker.ts): bytes to
// text, HTML to its article, then extraction streamed into the store. Kept apart from the
// route so that all of it, the slow parts included, runs off the server's event loop.
import { EntenteError, isEntenteError, type ErrorCode } from '../domain/errors.js';
import { decodeText, htmlDocument, storeText, type TextInput } from '../ingest/documents/index.js';
import type { Store } from '../store/store.js';

/** What the route hands over: the text or the uploaded bytes, and what the caller said of it. */
export interface RawIngest {
  text?: string;
  /** An uploaded file's bytes (decoded here) and its name (for messages and the default title). */
  bytes?: Uint8Array;
  name?: string;
  html: boolean;
  title: string | null;
  url: string | null;
  published: string | null;
}

export interface IngestOutcome {
  documentId: string;
  stored: boolean;
  mentions: number;
  eventIds: string[];
  /** The stored document's title, address and date (read here, off the server's thread). */
  document: { title: string | null; url: string | null; published: string | null };
}

export interface WireError { code: ErrorCode; message: string; details?: Record<string, unknown> }

export function toWireError(e: unknown): WireError {
  if (isEntenteError(e)) return { code: e.code, message: e.message, details: e.details };
  return { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
}

export function fromWireError(w: WireError): EntenteError {
  return new EntenteError(w.code, w.message, w.details);
}

export function textInput(raw: RawIngest): TextInput {
  const text = raw.bytes ? decodeText(Buffer.from(raw.bytes.buffer, raw.bytes.byteOffset, raw.bytes.byteLength), raw.name ?? 'upload') : raw.text ?? '';
  if (raw.html) {
    const doc = htmlDocument(text);
    return { text: doc.text, title: raw.title ?? doc.title, url: raw.url, published: raw.published ?? doc.published };
  }
  return { text, title: raw.title ?? raw.name ?? null, url: raw.url, published: raw.published };
}

export async function runIngest(store: Store, raw: RawIngest, onProgress: (done: number, total: number) => void): Promise<IngestOutcome> {
  const input = textInput(raw);
  const r = await storeText(store, input, { onProgress });
  const doc = await store.getDocument(r.documentId);
  return {
    documentId: r.documentId, stored: r.stored, mentions: r.mentions, eventIds: r.eventIds,
    document: { title: doc?.title ?? input.title ?? null, url: doc?.url ?? null, published: doc?.published ?? null },
  };
}
