// Extract and store one document in one call (the CLI and the HTTP API both use it).
// Content already stored is recognised by its hash before extraction runs.
import type { Store } from '../../store/store.js';
import type { IngestResult } from '../../store/event-store.js';
import type { EventRecord } from '../../domain/event.js';
import { EntenteError } from '../../domain/errors.js';
import { contentHash } from '../../store/content-hash.js';
import { normalizeText } from './decode-text.js';
import { defaultExtractor, type Extractor } from './extractor.js';

export interface TextInput {
  text: string;
  title?: string | null;
  url?: string | null;
  published?: string | null;
  source?: string | null;
}

export interface IngestTextOptions {
  extract?: Extractor;
}

export async function ingestText(store: Store, input: TextInput, opts: IngestTextOptions = {}): Promise<IngestResult & { events: EventRecord[] }> {
  const text = normalizeText(input.text ?? '');
  if (!text.trim()) throw new EntenteError('BAD_INPUT', 'the document has no text');
  const hash = contentHash(text);
  const meta = { title: input.title ?? null, url: input.url ?? null, source: input.source ?? null, published: input.published ?? null };
  const known = await store.findDocument(hash);
  const extraction = known ? null : await (opts.extract ?? defaultExtractor)(text, { ...meta, publishedFrom: meta.published ? 'given' : 'none' });
  const result = await store.addDocument(
    { ...meta, text, hash, published: meta.published ?? extraction?.document.published ?? null, language: extraction?.document.language ?? null },
    extraction?.events ?? [],
  );
  const events: EventRecord[] = [];
  for (const id of result.eventIds) {
    const e = await store.getEvent(id);
    if (e) {
      const { mentions: _m, versions: _v, ...record } = e;
      events.push(record);
    }
  }
  return { ...result, events };
}
