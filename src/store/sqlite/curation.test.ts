import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../open-store.js';
import type { Store } from '../store.js';
import { EVENT_STATUSES, type DatasetEventInput } from '../../domain/event.js';
import type { EventMention } from '../../domain/mention.js';
import { testDb } from '../../../test/test-store.js';
import { sharedDir } from '../../../test/cli.js';
import { importDataset, isDatasetStore } from '../../ingest/datasets/index.js';

const who = { tokenId: 'tok_test', role: 'editor' };

function ev(id: string, over: Partial<DatasetEventInput> = {}): DatasetEventInput {
  return {
    origin: 'curated', externalId: id, type: 'CONSULT', mode: null, sources: ['RUS'], targets: ['PRK'],
    date: { start: '2023-09-13', end: '2023-09-13', granularity: 'day' }, dateKind: 'event', modality: 'asserted',
    mentionCount: 1, reportedAt: null, location: null, sourceUrl: null, attrs: {}, ...over,
  };
}

function mention(text: string, sentence: string, over: Partial<EventMention> = {}): EventMention {
  const start = text.indexOf(sentence);
  return {
    type: 'AID', source: { code: 'PRK', name: 'North Korea' }, target: { code: 'RUS', name: 'Russia' },
    date: { start: '2024-10', end: '2024-10', granularity: 'month' }, modality: 'asserted',
    evidence: { start, end: start + sentence.length, text: sentence }, confidence: 0.9, ...over,
  };
}

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'entente-curation-'));
  store = await openStore({ db: await testDb(join(dir, 'c.db')) });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function idOf(externalId: string): Promise<string> {
  const all = await store.listEvents({ modality: ['asserted', 'speculative'], includeRejected: true }, { limit: 1000 });
  return all.rows.find((e) => e.externalId === externalId)!.id;
}

describe('SQLite curation store', () => {
  it('merging keeps the first event’s orientation for a meeting reported both ways', async () => {
    await store.importEvents([ev('a'), ev('b', { sources: ['PRK'], targets: ['RUS'], mentionCount: 2 }), ev('c', { targets: ['PRK', 'CHN'], modality: 'speculative' })]);
    const [a, b, c] = [await idOf('a'), await idOf('b'), await idOf('c')];
    const merged = await store.mergeEvents([a, b, c], who);
    expect(merged).toMatchObject({ id: a, sources: ['RUS'], targets: ['PRK', 'CHN'], mentionCount: 4, modality: 'asserted', status: 'corrected' });
    expect(await store.getEvent(b)).toBeNull();
    const audit = await store.listAudit({ subject: a });
    expect(audit.rows[0]).toMatchObject({ action: 'merge-events', tokenId: 'tok_test', role: 'editor' });
    expect((audit.rows[0].before as unknown[]).length).toBe(3);
  });

  it('merging actors rewrites lists without duplicates and keeps the surviving name', async () => {
    await store.registerActors([{ code: 'SUN', name: 'Soviet Union' }, { code: 'RUS', name: 'Russia' }]);
    await store.importEvents([ev('x', { sources: ['SUN', 'RUS'] }), ev('y', { sources: ['USA'], targets: ['SUN'] }), ev('z', { sources: ['USA'], targets: ['KOR'] })]);
    expect(await store.mergeActors('SUN', 'RUS', who)).toEqual({ events: 2, mentions: 0 });
    expect((await store.getEvent(await idOf('x')))!.sources).toEqual(['RUS']);
    expect((await store.getEvent(await idOf('y')))!.targets).toEqual(['RUS']);
    expect((await store.getEvent(await idOf('z')))!.targets).toEqual(['KOR']);
    const actors = (await store.listActors({ limit: 100 })).rows.map((a) => a.code);
    expect(actors).not.toContain('SUN');
    expect((await store.timeline('SUN', null, {}, { limit: 10 })).rows).toHaveLength(0);
  });

  it('splitting takes type, actors, date and modality from the moved mentions', async () => {
    const text = 'North Korea sent troops to Russia in October 2024. Pyongyang also shipped shells to Russia in October 2024.';
    const s1 = 'North Korea sent troops to Russia in October 2024.';
    const s2 = 'Pyongyang also shipped shells to Russia in October 2024.';
    const r = await store.addDocument({ text, published: '2024-11-01' }, [mention(text, s1), mention(text, s2, { modality: 'speculative' })]);
    expect(r.eventIds).toHaveLength(1);
    const detail = (await store.getEvent(r.eventIds[0]))!;
    expect(detail.mentions).toHaveLength(2);
    const moved = detail.mentions.find((m) => m.sentence === s2)!;
    const { original, created } = await store.splitEvent(detail.id, [moved.id], who);
    expect(original).toMatchObject({ mentionCount: 1, modality: 'asserted', status: 'corrected' });
    expect(created).toMatchObject({ mentionCount: 1, modality: 'speculative', type: 'AID', sources: ['PRK'], targets: ['RUS'], status: 'corrected', externalId: null });
    expect((await store.getEvent(created.id))!.mentions.map((m) => m.sentence)).toEqual([s2]);
    // The document's spans now point at both events.
    const doc = (await store.getDocument(r.documentId))!;
    expect(new Set(doc.mentionSpans.map((m) => m.eventId))).toEqual(new Set([original.id, created.id]));
  });

  it('a correction keeps unchanged fields out of the audit entry', async () => {
    await store.importEvents([ev('k')]);
    const id = await idOf('k');
    await store.correctEvent(id, { type: 'CONSULT', modality: 'speculative' }, who);
    const entry = (await store.listAudit({ subject: id })).rows[0];
    expect(entry.before).toEqual({ modality: 'asserted', status: 'extracted' });
    expect(entry.after).toEqual({ modality: 'speculative', status: 'corrected' });
  });

  it('pages the audit log newest first and filters by action', async () => {
    await store.importEvents([ev('p'), ev('q')]);
    const [p, q] = [await idOf('p'), await idOf('q')];
    await store.setEventStatus(p, 'accepted', who);
    await store.setEventStatus(q, 'rejected', who);
    await store.setEventStatus(p, 'rejected', who);
    const page = await store.listAudit({}, { limit: 2 });
    expect(page).toMatchObject({ total: 3, limit: 2, offset: 0, truncated: true });
    expect(page.rows.map((r) => [r.action, r.subject])).toEqual([['reject', p], ['reject', q]]);
    expect((await store.listAudit({ action: 'accept' })).rows.map((r) => r.subject)).toEqual([p]);
  });
});

describe('curation survives a re-import of the dataset', () => {
  it('a GDELT event merged into another, or rejected, stays merged or rejected when the same file is imported again', async () => {
    if (!isDatasetStore(store)) throw new Error('the store lacks the dataset part');
    const file = join(sharedDir, 'data', 'gdelt-samples-aamend', 'events.csv');
    const first = await importDataset(store, 'gdelt', [file]);
    expect(first.imported).toBeGreaterThan(10);
    const before = await store.listEvents({ origin: ['gdelt'] }, { limit: 1000 });
    expect(before.total).toBe(first.imported);
    const [keep, absorbed, alsoAbsorbed, rejected] = before.rows;
    const merged = await store.mergeEvents([keep.id, absorbed.id], who);
    // A chain: the event that absorbed one is itself merged into another later.
    const later = await store.mergeEvents([alsoAbsorbed.id, merged.id], who);
    await store.setEventStatus(rejected.id, 'rejected', who);

    const again = await importDataset(store, 'gdelt', [file]);
    expect(again).toMatchObject({ imported: 0, unchanged: first.imported });
    const after = await store.listEvents({ origin: ['gdelt'], status: [...EVENT_STATUSES] }, { limit: 1000 });
    expect(after.total).toBe(first.imported - 2);
    expect((await store.listEvents({ origin: ['gdelt'] }, { limit: 1000 })).total).toBe(first.imported - 3);
    const externalIds = after.rows.map((e) => e.externalId);
    expect(externalIds).not.toContain(absorbed.externalId);
    expect(externalIds).not.toContain(keep.externalId);
    expect(externalIds).toContain(alsoAbsorbed.externalId);
    expect(await store.getEvent(later.id)).toMatchObject({ status: 'corrected', mentionCount: later.mentionCount });
    expect((await store.getEvent(rejected.id))!.status).toBe('rejected');
    expect(after.rows.filter((e) => e.externalId === rejected.externalId)).toHaveLength(1);

    // A later GDELT mention of a record merged away reports the event it joined.
    const line = readFileSync(join(sharedDir, 'data', 'gdelt-samples-aamend', 'mentions.csv'), 'utf8').split('\n')[0].split('\t');
    line[0] = absorbed.externalId!;
    [line[1], line[2]] = ['20150218230000', '20150219120000'];
    const mentions = join(dir, 'later.mentions.csv');
    writeFileSync(mentions, `${line.join('\t')}\n`);
    expect(await importDataset(store, 'gdelt', [mentions])).toMatchObject({ imported: 1 });
    expect((await store.getEvent(later.id))!.mentionCount).toBe(later.mentionCount + 1);
  });
});
