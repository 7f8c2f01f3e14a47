// The starter dataset: a curated reference timeline (data/reference-timeline.json, each
// event with the page it was checked against) loaded as origin 'curated' through
// importEvents, keyed by stable ids so loading it again changes nothing.
import { z } from 'zod';
import timeline from './data/reference-timeline.json' with { type: 'json' };
import { EntenteError } from '../domain/errors.js';
import { PLOVER_TYPES } from '../domain/plover.js';
import { IsoPrefix, MODALITIES } from '../domain/mention.js';
import { granularityOf, prefixEnd, prefixStart } from '../domain/date-range.js';
import type { DatasetEventInput } from '../domain/event.js';
import type { Store } from '../store/store.js';

const Code = z.string().regex(/^[A-Z]{2,5}$/);

const StarterEvent = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  type: z.enum(PLOVER_TYPES),
  mode: z.string().nullable(),
  sources: z.array(Code).min(1),
  targets: z.array(Code),
  date: z.union([IsoPrefix, z.object({ start: IsoPrefix, end: IsoPrefix })]),
  modality: z.enum(MODALITIES).default('asserted'),
  claimedBy: Code.optional(),
  location: z.object({ name: z.string(), country: Code, lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).nullable(),
  url: z.url(),
});

const StarterFile = z.object({
  about: z.string(),
  license: z.string(),
  actors: z.record(Code, z.string()),
  events: z.array(StarterEvent).min(1),
});

/** External ids carry this prefix, so the starter events are easy to tell from other curated data. */
export const STARTER_PREFIX = 'entente-reference:';

export interface StarterDataset {
  actors: Array<{ code: string; name: string }>;
  events: DatasetEventInput[];
}

let cached: StarterDataset | null = null;

export function starterDataset(): StarterDataset {
  if (cached) return cached;
  const parsed = StarterFile.safeParse(timeline);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new EntenteError('BAD_FORMAT', `starter dataset reference-timeline.json: ${i.path.join('.')}: ${i.message}`);
  }
  const events = parsed.data.events.map((e): DatasetEventInput => {
    const [start, end] = typeof e.date === 'string' ? [e.date, e.date] : [e.date.start, e.date.end];
    if (prefixStart(start) > prefixEnd(end)) throw new EntenteError('BAD_FORMAT', `starter dataset reference-timeline.json: event ${e.id}: date starts after it ends`);
    return {
      origin: 'curated',
      externalId: `${STARTER_PREFIX}${e.id}`,
      type: e.type,
      mode: e.mode,
      sources: e.sources,
      targets: e.targets,
      date: { start, end, granularity: granularityOf(start, end) },
      dateKind: 'event',
      modality: e.modality,
      mentionCount: 1,
      reportedAt: null,
      location: e.location ? { ...e.location, precision: null } : null,
      sourceUrl: e.url,
      attrs: { title: e.title, url: e.url, dataset: 'entente-reference-timeline', ...(e.claimedBy ? { claimedBy: e.claimedBy } : {}) },
    };
  });
  const ids = new Set<string>();
  for (const e of events) {
    if (ids.has(e.externalId)) throw new EntenteError('BAD_FORMAT', `starter dataset reference-timeline.json: duplicate event id ${e.externalId}`);
    ids.add(e.externalId);
  }
  cached = { actors: Object.entries(parsed.data.actors).map(([code, name]) => ({ code, name })), events };
  return cached;
}

/**
 * Loads the starter dataset into a store. Idempotent: events already present (by origin and
 * external id) are left as they are, including any curation done to them since.
 * Actor names are only filled in where the store has none, so the registry's names win.
 */
export async function loadStarterDataset(store: Store): Promise<{ imported: number; unchanged: number }> {
  const data = starterDataset();
  const known = new Map<string, string | null>();
  for (let offset = 0; ; ) {
    const page = await store.listActors({ limit: 1000, offset });
    for (const a of page.rows) known.set(a.code, a.name);
    offset += page.rows.length;
    if (!page.truncated || page.rows.length === 0) break;
  }
  const unnamed = data.actors.filter((a) => !known.get(a.code));
  if (unnamed.length) await store.registerActors(unnamed);
  return store.importEvents(data.events);
}
