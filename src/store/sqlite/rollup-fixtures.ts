// Random but seeded writes for the rollup tests: dataset events with lists of actors and dates
// of every shape, text mentions that merge, and curation edits.
import type { Store } from '../store.js';
import type { DatasetEventInput } from '../../domain/event.js';
import type { EventMention, Modality } from '../../domain/mention.js';
import type { DateRange } from '../../domain/mention.js';
import type { PloverType } from '../../domain/plover.js';
import type { Rng } from '../../analysis/random.js';

export const ACTORS = ['RUS', 'UKR', 'USA', 'PRK', 'CHN'];
const TYPES: PloverType[] = ['CONSULT', 'ASSAULT', 'AID', 'THREATEN', 'AGREE'];
const MODALITIES: Modality[] = ['asserted', 'asserted', 'asserted', 'speculative', 'negated'];
const who = { tokenId: null, role: 'editor' };

export function randomWrites(rand: Rng) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const some = (min: number, max: number): string[] => {
    const n = min + Math.floor(rand() * (max - min + 1));
    return Array.from({ length: n }, () => pick(ACTORS));
  };
  const day = () => `202${1 + Math.floor(rand() * 3)}-0${1 + Math.floor(rand() * 9)}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
  /** Days mostly; a month, a range across months, a year, or no date now and then. */
  const date = (): DateRange | null => {
    const u = rand();
    const d = day();
    if (u < 0.6) return { start: d, end: d, granularity: 'day' };
    if (u < 0.7) return { start: d.slice(0, 7), end: d.slice(0, 7), granularity: 'month' };
    if (u < 0.8) return { start: d, end: `${d.slice(0, 5)}0${Math.min(9, Number(d.slice(6, 7)) + 1)}-02`, granularity: 'range' };
    if (u < 0.9) return { start: d.slice(0, 4), end: d.slice(0, 4), granularity: 'year' };
    return null;
  };
  let n = 0;
  const datasetEvent = (): DatasetEventInput => {
    const sources = some(1, 2);
    return {
      origin: pick(['gdelt', 'icews'] as const), externalId: `r${++n}`, type: pick(TYPES), mode: null, sources, targets: some(0, 2),
      date: date(), dateKind: 'event', modality: pick(MODALITIES), mentionCount: Math.floor(rand() * 5), reportedAt: null,
      location: null, sourceUrl: null, attrs: {},
    };
  };
  const sentence = 'Russia met Ukraine.';
  const mention = (): EventMention => {
    const [s, t] = [pick(ACTORS), pick(ACTORS)];
    const d = rand() < 0.5 ? { start: '2022-03-01', end: '2022-03-01', granularity: 'day' as const } : date();
    return {
      type: pick(TYPES), source: { code: s, name: s }, target: t === s ? null : { code: t, name: t }, date: d, modality: pick(MODALITIES),
      evidence: { start: 0, end: sentence.length, text: sentence }, confidence: 0.9,
    };
  };
  let docs = 0;

  async function eventIds(store: Store): Promise<string[]> {
    return (await store.listEvents({ modality: ['asserted', 'speculative', 'negated'], includeRejected: true }, { limit: 10_000 })).rows.map((e) => e.id);
  }

  /** One random write; returns its name. */
  return async function step(store: Store): Promise<string> {
    const u = rand();
    if (u < 0.25) {
      await store.importEvents(Array.from({ length: 1 + Math.floor(rand() * 30) }, datasetEvent));
      return 'import';
    }
    if (u < 0.45) {
      await store.addDocument({ text: `${sentence} ${++docs}`, published: '2022-03-02' }, Array.from({ length: 1 + Math.floor(rand() * 3) }, mention));
      return 'ingest';
    }
    const ids = await eventIds(store);
    if (ids.length < 3) return 'none';
    const id = pick(ids);
    if (u < 0.55) {
      await store.setEventStatus(id, rand() < 0.6 ? 'rejected' : 'accepted', who);
      return 'status';
    }
    if (u < 0.75) {
      const patch = [
        { type: pick(TYPES) }, { sources: some(1, 2) }, { targets: some(0, 2) }, { date: date() }, { modality: pick(MODALITIES) },
      ][Math.floor(rand() * 5)];
      // A patch that changes nothing is refused (BAD_INPUT): a write that did not happen.
      return store.correctEvent(id, patch, who).then(() => 'correct', () => 'none');
    }
    if (u < 0.85) {
      const other = pick(ids);
      if (other === id) return 'none';
      await store.mergeEvents([id, other], who);
      return 'merge';
    }
    if (u < 0.93) {
      const detail = await store.getEvent(id);
      if (!detail || detail.mentions.length < 2) return 'none';
      await store.splitEvent(id, [detail.mentions[0].id], who);
      return 'split';
    }
    const [from, into] = [pick(ACTORS), pick(ACTORS)];
    if (from === into) return 'none';
    await store.mergeActors(from, into, who).catch(() => undefined);
    return 'merge-actors';
  };
}
