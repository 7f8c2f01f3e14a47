// Extract and store one document in one call (the CLI and the HTTP API both use it).
// Content already stored is recognised by its hash before extraction runs. The default
// extractor streams: mentions go into the store's transaction as they are found, so memory
// stays bounded by the text, not by the number of its mentions.
import type { Store } from '../../store/store.js';
import type { IngestResult } from '../../store/event-store.js';
import type { EventRecord } from '../../domain/event.js';
import { EntenteError } from '../../domain/errors.js';
import { contentHash } from '../../store/content-hash.js';
import { normalizeText } from './decode-text.js';
import { guessPublished, type Extractor } from './extractor.js';
import { extractStream } from '../../extract/index.js';
import type { EventMention } from '../../domain/mention.js';
import { getActor } from '../../actors/index.js';

export interface TextInput {
  text: string;
  title?: string | null;
  url?: string | null;
  published?: string | null;
  source?: string | null;
}

export interface IngestTextOptions {
  extract?: Extractor;
  /** Told how far extraction has got: the offset reached in the (normalised) text and its length. */
  onProgress?: (done: number, total: number) => void;
}

/** The records of these events (one mention read of each, not all of them). */
export async function eventRecords(store: Store, ids: string[]): Promise<EventRecord[]> {
  const out: EventRecord[] = [];
  for (const id of ids) {
    const e = await store.getEvent(id, { limit: 1 });
    if (e) {
      const { mentions: _m, versions: _v, mentionPage: _p, ...record } = e;
      out.push(record);
    }
  }
  return out;
}

export async function ingestText(store: Store, input: TextInput, opts: IngestTextOptions = {}): Promise<IngestResult & { events: EventRecord[] }> {
  const result = await storeText(store, input, opts);
  return { ...result, events: await eventRecords(store, result.eventIds) };
}

/** ingestText without reading the events back (bulk ingest has no use for them). */
export async function storeText(store: Store, input: TextInput, opts: IngestTextOptions = {}): Promise<IngestResult> {
  const text = normalizeText(input.text ?? '');
  if (!text.trim()) throw new EntenteError('BAD_INPUT', 'the document has no text');
  const hash = contentHash(text);
  const meta = { title: input.title ?? null, url: input.url ?? null, source: input.source ?? null };
  let mentions: Iterable<EventMention> = [];
  let published = input.published ?? null;
  let language: string | null = null;
  // The actors met, for naming them afterwards (the streamed mentions are gone by then).
  const met = new Set<string>();
  // Known content: addDocument with no mentions only reports what is stored.
  if (!(await store.findDocument(hash))) {
    // Relative dates ("last Tuesday") need an anchor: the caller's date, else the document's own.
    const guess = published ? { published, from: 'given' as const } : guessPublished(text);
    published = guess.published;
    const docMeta = { ...meta, published, publishedFrom: guess.from };
    if (opts.extract) {
      const extraction = await opts.extract(text, docMeta);
      mentions = extraction.events;
      language = extraction.document.language ?? null;
    } else {
      const total = text.length;
      mentions = extractStream(text, docMeta, opts.onProgress ? { onSentence: (end) => opts.onProgress!(end, total) } : {});
    }
  }
  const result = await store.addDocument({ ...meta, text, hash, published, language }, noting(mentions, met));
  if (result.stored) await nameActors(store, met);
  return result;
}

function* noting(mentions: Iterable<EventMention>, met: Set<string>): Generator<EventMention> {
  for (const m of mentions) {
    met.add(m.source.code);
    if (m.target) met.add(m.target.code);
    yield m;
  }
}

const named = new WeakMap<Store, Set<string>>();

/** Gives the store the registry's name for each actor code it meets, once per store. */
async function nameActors(store: Store, codes: Set<string>): Promise<void> {
  const done = named.get(store) ?? new Set<string>();
  named.set(store, done);
  const fresh: Array<{ code: string; name: string }> = [];
  for (const code of codes) {
    if (done.has(code)) continue;
    done.add(code);
    const name = getActor(code)?.name;
    if (name) fresh.push({ code, name });
  }
  if (fresh.length) await store.registerActors(fresh);
}
