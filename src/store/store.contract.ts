// The contract every store backend must pass, run against a real database (no mocks):
// document idempotency, cross-document merging, modality and dispute rules, paging,
// filters, curated events left alone, and refusing a database from a newer Entente.
import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import type { Store } from './store.js';
import type { EventMention, DateRange, Modality } from '../domain/mention.js';
import type { PloverType } from '../domain/plover.js';
import { MAX_LIMIT } from './event-store.js';
import type { DatasetEventInput } from '../domain/event.js';

export interface ContractHooks {
  /** Make a database as a newer Entente would leave it, and open it (must reject with DB_TOO_NEW). */
  openTooNew(): Promise<Store>;
}

const day = (d: string): DateRange => ({ start: d, end: d, granularity: 'day' });

interface M {
  type?: PloverType;
  src?: string;
  tgt?: string | null;
  date?: DateRange | null;
  modality?: Modality;
  cluster?: string;
  sentence?: string;
}

/** A document whose sentences are the mentions' evidence, with correct offsets. */
export function makeDoc(ms: M[], extra = ''): { text: string; mentions: EventMention[] } {
  let text = extra ? `${extra} ` : '';
  const mentions: EventMention[] = ms.map((m, i) => {
    const sentence = m.sentence ?? `Sentence ${i}: ${m.src ?? 'PRK'} ${m.type ?? 'CONSULT'} ${m.tgt ?? ''} (${m.modality ?? 'asserted'}).`;
    const start = text.length;
    text += `${sentence} `;
    return {
      type: m.type ?? 'CONSULT',
      source: { code: m.src ?? 'PRK', name: m.src ?? 'PRK' },
      target: m.tgt === null ? null : { code: m.tgt ?? 'RUS', name: m.tgt ?? 'RUS' },
      date: m.date === undefined ? day('2023-09-13') : m.date,
      modality: m.modality ?? 'asserted',
      evidence: { start, end: start + sentence.length, text: sentence },
      confidence: 0.8,
      ...(m.cluster ? { cluster: m.cluster } : {}),
    };
  });
  return { text: text.trim(), mentions };
}

export function runStoreContract(name: string, open: () => Promise<Store>, hooks: ContractHooks): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    const add = async (ms: M[], extra = '', published: string | null = '2023-09-14', title?: string) => {
      const d = makeDoc(ms, extra);
      return store.addDocument({ text: d.text, published, title }, d.mentions);
    };

    it('stores a document once: the same text again changes nothing', async () => {
      const first = await add([{}, { type: 'REQUEST', src: 'RUS', tgt: 'PRK' }], 'Doc A.');
      expect(first).toMatchObject({ stored: true, mentions: 2 });
      expect(first.eventIds).toHaveLength(2);
      const before = await store.counts();
      const again = await add([{}, { type: 'REQUEST', src: 'RUS', tgt: 'PRK' }], 'Doc A.');
      expect(again).toMatchObject({ stored: false, documentId: first.documentId, mentions: 2 });
      expect(again.eventIds.sort()).toEqual([...first.eventIds].sort());
      expect(await store.counts()).toEqual(before);
      expect(before).toMatchObject({ documents: 1, mentions: 2, events: 2 });
    });

    it('merges mentions of one event across documents and counts them', async () => {
      const a = await add([{}], 'Doc A.');
      const b = await add([{ src: 'RUS', tgt: 'PRK', date: { start: '2023-09', end: '2023-09', granularity: 'month' } }], 'Doc B.');
      const c = await add([{ date: day('2023-10-20') }], 'Doc C.');
      expect(b.eventIds).toEqual(a.eventIds);
      expect(c.eventIds).not.toEqual(a.eventIds);
      const e = await store.getEvent(a.eventIds[0]);
      expect(e).toMatchObject({ mentionCount: 2, disputed: false, origin: 'text', type: 'CONSULT' });
      expect(e!.date).toEqual(day('2023-09-13'));
      expect(e!.mentions.map((m) => m.document.id).sort()).toEqual([a.documentId, b.documentId].sort());
      const counts = await store.counts();
      expect(counts.events).toBeLessThan(counts.mentions);
    });

    it('never upgrades to asserted on a speculative mention; an asserted one upgrades', async () => {
      const s = await add([{ type: 'AID', src: 'PRK', tgt: 'RUS', modality: 'speculative' }], 'Doc S.');
      expect((await store.listEvents({ actor: 'PRK' })).rows).toHaveLength(0);
      expect((await store.listEvents({ actor: 'PRK', modality: ['speculative'] })).rows).toHaveLength(1);
      await add([{ type: 'AID', src: 'PRK', tgt: 'RUS', modality: 'speculative' }], 'Doc S2.');
      expect((await store.getEvent(s.eventIds[0]))!.modality).toBe('speculative');
      await add([{ type: 'AID', src: 'PRK', tgt: 'RUS' }], 'Doc A.');
      const e = await store.getEvent(s.eventIds[0]);
      expect(e).toMatchObject({ modality: 'asserted', mentionCount: 3 });
      expect((await store.listEvents({ actor: 'PRK' })).rows.map((r) => r.id)).toEqual([s.eventIds[0]]);
    });

    it('keeps conditional and intended mentions apart from asserted events', async () => {
      const a = await add([{ type: 'AID' }], 'Doc A.');
      const c = await add([{ type: 'AID', modality: 'conditional' }, { type: 'AID', modality: 'intended' }], 'Doc C.');
      expect(c.eventIds.filter((id) => a.eventIds.includes(id))).toEqual([]);
      expect((await store.listEvents({ modality: ['conditional'] })).rows).toHaveLength(1);
    });

    it('marks an event disputed when one source denies what another asserts, keeping each version', async () => {
      const a = await add([{ type: 'AID', src: 'PRK', tgt: 'RUS' }], 'Doc A.', '2023-09-14', 'Claim');
      const b = await add([{ type: 'AID', src: 'PRK', tgt: 'RUS', modality: 'negated' }], 'Doc B.', '2023-09-15', 'Denial');
      expect(b.eventIds).toEqual(a.eventIds);
      const e = (await store.getEvent(a.eventIds[0]))!;
      expect(e).toMatchObject({ disputed: true, modality: 'asserted', mentionCount: 2 });
      expect(e.versions.map((v) => [v.modality, v.documents.map((d) => d.title)]).sort()).toEqual([['asserted', ['Claim']], ['negated', ['Denial']]]);
    });

    it('marks a date dispute and keeps both dates as versions', async () => {
      const a = await add([{ type: 'ASSAULT', src: 'RUS', tgt: 'UKR', date: day('2022-02-24') }], 'Doc A.');
      await add([{ type: 'ASSAULT', src: 'RUS', tgt: 'UKR', date: day('2022-02-25') }], 'Doc B.');
      const e = (await store.getEvent(a.eventIds[0]))!;
      expect(e.disputed).toBe(true);
      expect(e.versions.map((v) => v.date?.start).sort()).toEqual(['2022-02-24', '2022-02-25']);
      const undisputed = await add([{ type: 'ASSAULT', src: 'RUS', tgt: 'UKR', date: day('2022-03-10') }], 'Doc C.');
      expect(undisputed.eventIds).not.toEqual(a.eventIds);
    });

    it('joins undated mentions only within their document cluster', async () => {
      const r = await add([{ date: null, cluster: 'e1' }, { date: null, cluster: 'e1' }, { date: null }], 'Doc A.');
      expect(new Set(r.eventIds).size).toBe(2);
      const again = await add([{ date: null }], 'Doc B.');
      expect(r.eventIds).not.toContain(again.eventIds[0]);
    });

    it('pages every list with a default cap, a total and a truncation flag', async () => {
      const ms: M[] = Array.from({ length: 250 }, (_, i) => ({ type: 'ACCUSE', src: 'USA', tgt: 'CHN', date: day(new Date(Date.UTC(2020, 0, 1 + i * 5)).toISOString().slice(0, 10)) }));
      await add(ms, 'Many.');
      const first = await store.listEvents({ actor: 'USA' });
      expect(first).toMatchObject({ limit: 100, offset: 0, total: 250, truncated: true });
      expect(first.rows).toHaveLength(100);
      const last = await store.listEvents({ actor: 'USA' }, { limit: 100, offset: 200 });
      expect(last).toMatchObject({ total: 250, truncated: false });
      expect(last.rows).toHaveLength(50);
      const ids = new Set([...first.rows, ...(await store.listEvents({ actor: 'USA' }, { offset: 100 })).rows, ...last.rows].map((r) => r.id));
      expect(ids.size).toBe(250);
      const dates = first.rows.map((r) => r.date!.start);
      expect(dates).toEqual([...dates].sort());
      expect((await store.listEvents({}, { limit: 10 ** 9 })).limit).toBe(MAX_LIMIT);
      await expect(store.listEvents({}, { limit: 0 })).rejects.toMatchObject({ code: 'BAD_INPUT' });
      const actors = await store.listActors({ limit: 1 });
      expect(actors).toMatchObject({ truncated: true, rows: [{ code: expect.any(String), events: 250 }] });
      const tl = await store.timeline('CHN', 'USA', {}, { limit: 5, offset: 245 });
      expect(tl.rows).toHaveLength(5);
      expect(tl.truncated).toBe(false);
    });

    it('filters by dyad, type, dates, modality and origin', async () => {
      await add([
        { type: 'CONSULT', src: 'PRK', tgt: 'RUS', date: day('2023-09-13') },
        { type: 'REQUEST', src: 'RUS', tgt: 'PRK', date: day('2023-09-13') },
        { type: 'ACCUSE', src: 'USA', tgt: 'PRK', date: day('2023-09-20') },
        { type: 'AID', src: 'PRK', tgt: 'RUS', date: day('2023-09-13'), modality: 'speculative' },
        { type: 'ASSAULT', src: 'RUS', tgt: 'UKR', date: day('2022-02-24') },
      ], 'Filters.');
      const types = async (f: Parameters<Store['listEvents']>[0]) => (await store.listEvents(f)).rows.map((r) => r.type).sort();
      expect(await types({ actor: 'RUS', with: 'PRK' })).toEqual(['CONSULT', 'REQUEST']);
      expect(await types({ actor: 'PRK', with: 'RUS' })).toEqual(['CONSULT', 'REQUEST']);
      expect(await types({ actor: 'RUS', with: 'PRK', modality: ['speculative', 'conditional'] })).toEqual(['AID']);
      expect(await types({ actor: 'PRK' })).toEqual(['ACCUSE', 'CONSULT', 'REQUEST']);
      expect(await types({ actor: 'PRK', type: ['ACCUSE'] })).toEqual(['ACCUSE']);
      expect(await types({ from: '2023-09-14' })).toEqual(['ACCUSE']);
      expect(await types({ to: '2022' })).toEqual(['ASSAULT']);
      expect(await types({ actor: 'RUS', from: '2023', to: '2023-09-13' })).toEqual(['CONSULT', 'REQUEST']);
      expect(await types({ origin: ['gdelt'] })).toEqual([]);
      expect(await types({ origin: ['text'], actor: 'UKR' })).toEqual(['ASSAULT']);
      expect(await types({ actor: 'JPN', with: 'PRK' })).toEqual([]);
      await expect(store.listEvents({ type: ['BOMB' as PloverType] })).rejects.toMatchObject({ code: 'BAD_INPUT' });
      await expect(store.listEvents({ from: 'yesterday' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
      const slim = await store.analysisEvents({ actor: 'PRK' });
      expect(slim.map((e) => e.type).sort()).toEqual(['ACCUSE', 'CONSULT', 'REQUEST']);
      expect(slim[0]).toMatchObject({ start: expect.stringMatching(/^\d{4}-\d\d-\d\d$/), origin: 'text', mentions: 1 });
    });

    it('shows a document with its mention offsets, searches text, streams events', async () => {
      const r = await add([{ sentence: 'Kim Jong Un met Vladimir Putin at the Vostochny cosmodrome.' }, { type: 'AID', sentence: 'Pyongyang may send artillery shells.', modality: 'speculative' }], '', '2023-09-14', 'Summit');
      const doc = (await store.getDocument(r.documentId))!;
      expect(doc.mentionSpans).toHaveLength(2);
      for (const s of doc.mentionSpans) expect(doc.text.slice(s.start, s.end)).toMatch(/^(Kim|Pyongyang)/);
      const hits = await store.search('cosmodrome');
      expect(hits.rows.map((h) => h.kind).sort()).toEqual(['document', 'mention']);
      expect(hits.rows.find((h) => h.kind === 'mention')!.snippet).toContain('[cosmodrome]');
      expect((await store.search('artillery AND OR "')).total).toBe(0);
      expect((await store.search('zeppelin')).rows).toEqual([]);
      const all: string[] = [];
      for await (const e of store.streamEvents({ modality: ['asserted', 'speculative'] })) all.push(`${e.type}:${e.mentions.length}`);
      expect(all.sort()).toEqual(['AID:1', 'CONSULT:1']);
      expect((await store.listDocuments()).rows[0]).toMatchObject({ title: 'Summit', mentions: 2 });
      expect(await store.getEvent('999999')).toBeNull();
      expect(await store.getDocument('nope')).toBeNull();
    });

    it('keeps the sentence of every mention when one sentence states several events', async () => {
      const text = 'Kim Jong Un met Putin and pledged support for the war.';
      const ev = { start: 0, end: text.length, text };
      const base = { source: { code: 'PRK', name: 'Kim Jong Un' }, target: { code: 'RUS', name: 'Putin' }, date: day('2023-09-13'), modality: 'asserted' as const, evidence: ev, confidence: 0.9 };
      const r = await store.addDocument({ text, published: '2023-09-14' }, [{ ...base, type: 'CONSULT' }, { ...base, type: 'SUPPORT' }]);
      expect(r.eventIds).toHaveLength(2);
      for (const id of r.eventIds) expect((await store.getEvent(id))!.mentions[0].sentence).toBe(text);
      expect((await store.search('pledged')).rows.filter((h) => h.kind === 'mention')).toHaveLength(1);
    });

    it('rejects a bad mention without storing any part of the document', async () => {
      const d = makeDoc([{}, {}]);
      (d.mentions[1] as { confidence: number }).confidence = 7;
      await expect(store.addDocument({ text: d.text, published: null }, d.mentions)).rejects.toMatchObject({ code: 'BAD_INPUT' });
      expect(await store.counts()).toMatchObject({ documents: 0, mentions: 0, events: 0 });
    });

    it('leaves corrected and rejected events alone, attaching new mentions only', async () => {
      const a = await add([{ type: 'AID', modality: 'speculative' }], 'Doc A.');
      const id = a.eventIds[0];
      await store.setEventStatus(id, 'rejected', { tokenId: null, role: 'admin' });
      const before = (await store.getEvent(id))!;
      const b = await add([{ type: 'AID', modality: 'asserted' }], 'Doc B.');
      expect(b.eventIds).toEqual([id]);
      const after = (await store.getEvent(id))!;
      expect(after.mentions).toHaveLength(2);
      const { mentions: _m1, mentionPage: _p1, ...restBefore } = before;
      const { mentions: _m2, mentionPage: _p2, ...restAfter } = after;
      expect(restAfter).toEqual(restBefore);
      expect((await store.listEvents({ modality: ['asserted', 'speculative'] })).rows).toHaveLength(0);
      expect((await store.listEvents({ actor: 'PRK', with: 'RUS', modality: ['asserted', 'speculative'] })).rows).toHaveLength(0);
      expect((await store.listEvents({ includeRejected: true, modality: ['speculative'] })).rows).toHaveLength(1);
      expect((await store.listEvents({ actor: 'RUS', includeRejected: true, modality: ['speculative'] })).rows).toHaveLength(1);
    });

    it('imports dataset events idempotently, filters them by origin, and keeps text mentions apart from them', async () => {
      const row = (id: string, over: Partial<DatasetEventInput> = {}): DatasetEventInput => ({
        origin: 'gdelt', externalId: id, type: 'CONSULT', mode: null, sources: ['PRK'], targets: ['RUS'], date: day('2023-09-13'),
        dateKind: 'event', modality: 'asserted', mentionCount: 3, reportedAt: '2023-09-13', location: null, sourceUrl: null, attrs: { cameo: '040' }, ...over,
      });
      expect(await store.importEvents([row('1'), row('2', { sources: ['USA', 'JPN'], targets: ['KOR'] })])).toEqual({ imported: 2, unchanged: 0 });
      expect(await store.importEvents([row('1')])).toMatchObject({ imported: 0, unchanged: 1 });
      const text = await add([{}], 'Doc A.');
      expect((await store.listEvents({ origin: ['gdelt'] })).total).toBe(2);
      expect((await store.listEvents({ origin: ['text'] })).rows.map((e) => e.id)).toEqual(text.eventIds);
      expect((await store.listEvents({ actor: 'JPN', with: 'KOR' })).rows).toMatchObject([{ origin: 'gdelt', externalId: '2', sources: ['USA', 'JPN'] }]);
      const g = (await store.listEvents({ origin: ['gdelt'], actor: 'PRK' })).rows[0];
      expect(g).toMatchObject({ mentionCount: 3, attrs: { cameo: '040' } });
      // An actor in both roles of one event is listed once.
      await store.importEvents([row('3', { type: 'COERCE', sources: ['KOR', 'USA'], targets: ['KOR'] })]);
      expect((await store.listEvents({ actor: 'KOR', type: ['COERCE'] })).rows.map((e) => e.externalId)).toEqual(['3']);
      expect((await store.listEvents({ actor: 'KOR', with: 'USA' })).total).toBe(2);
      expect((await store.listActors()).rows.find((a) => a.code === 'KOR')!.events).toBe(2);
    });

    it('keeps followed sources with their outcome, and the items each has taken in', async () => {
      const a = await store.addSource({ kind: 'feed', target: 'https://example.org/a.rss', everySeconds: 600 });
      const b = await store.addSource({ kind: 'gdelt', target: 'https://example.org/gdeltv2/', everySeconds: 900, options: { mentions: true }, label: 'GDELT' });
      expect(a).toMatchObject({ kind: 'feed', paused: false, itemsAdded: 0, failures: 0, lastError: null, nextFetchAt: null, state: {}, options: {} });
      expect((await store.listSources()).map((s) => s.id)).toEqual([a.id, b.id]);
      expect(await store.updateSource(a.id, { addItems: 3, failures: 2, lastError: 'boom', lastErrorAt: '2026-01-01T00:00:00Z', state: { etag: '"x"' } })).toBe(true);
      expect(await store.updateSource(a.id, { addItems: 2, paused: true })).toBe(true);
      expect(await store.getSource(a.id)).toMatchObject({ itemsAdded: 5, failures: 2, lastError: 'boom', paused: true, state: { etag: '"x"' } });
      expect(await store.updateSource('999', { paused: true })).toBe(false);
      await store.markSourceItems(a.id, ['guid:1', 'url:x']);
      await store.markSourceItems(a.id, ['guid:1']);
      expect([...(await store.seenSourceItems(a.id, ['guid:1', 'guid:2', 'url:x']))].sort()).toEqual(['guid:1', 'url:x']);
      expect((await store.seenSourceItems(b.id, ['guid:1'])).size).toBe(0);
      expect(await store.removeSource(a.id)).toBe(true);
      expect(await store.removeSource(a.id)).toBe(false);
      expect(await store.getSource(a.id)).toBeNull();
      expect((await store.getSource(b.id))!.label).toBe('GDELT');
    });

    it('lists newest first on request and filters by curation status', async () => {
      const r = await add([{ date: day('2021-01-05') }, { src: 'USA', tgt: 'CHN', date: day('2023-03-01') }, { src: 'JPN', tgt: 'KOR', date: day('2022-06-01') }], 'Doc O.');
      const asc = (await store.listEvents({})).rows.map((e) => e.date!.start);
      const desc = (await store.listEvents({ order: 'desc' })).rows.map((e) => e.date!.start);
      expect(asc).toEqual(['2021-01-05', '2022-06-01', '2023-03-01']);
      expect(desc).toEqual([...asc].reverse());
      expect((await store.listEvents({ actor: 'USA', order: 'desc' })).rows).toHaveLength(1);
      await store.setEventStatus(r.eventIds[0], 'rejected', { tokenId: null, role: 'editor' });
      await store.setEventStatus(r.eventIds[1], 'accepted', { tokenId: null, role: 'editor' });
      expect((await store.listEvents({ status: ['rejected'] })).rows.map((e) => e.id)).toEqual([r.eventIds[0]]);
      expect((await store.listEvents({ status: ['accepted', 'extracted'] })).rows.map((e) => e.status).sort()).toEqual(['accepted', 'extracted']);
    });

    it("shows a document's mentions as their events now are: corrected type, rejected status", async () => {
      const r = await add([{ type: 'CONSULT' }, { type: 'ACCUSE', src: 'USA', tgt: 'CHN' }], 'Doc R.');
      const [first, second] = r.eventIds;
      const who = { tokenId: null, role: 'editor' };
      await store.correctEvent(first, { type: 'AGREE' }, who);
      await store.setEventStatus(second, 'rejected', who);
      const spans = (await store.getDocument(r.documentId))!.mentionSpans;
      expect(spans.find((x) => x.eventId === first)).toMatchObject({ type: 'AGREE', status: 'corrected' });
      expect(spans.find((x) => x.eventId === second)).toMatchObject({ type: 'ACCUSE', status: 'rejected' });
    });

    it('gives every event its source link and a one-line summary', async () => {
      const url = 'https://example.org/news/prk-rus';
      await store.importEvents([{
        origin: 'gdelt', externalId: 'u1', type: 'ACCUSE', mode: null, sources: ['PRK'], targets: ['RUS'], date: day('2023-09-13'),
        dateKind: 'report', modality: 'asserted', mentionCount: 1, reportedAt: '2023-09-13', location: null, sourceUrl: url, attrs: {},
      }]);
      const text = await add([{}], 'Doc S.');
      const g = (await store.listEvents({ origin: ['gdelt'] })).rows[0];
      expect(g).toMatchObject({ sourceUrl: url, summary: 'PRK accused RUS' });
      expect((await store.getEvent(g.id))!.sourceUrl).toBe(url);
      const t = (await store.listEvents({ origin: ['text'] })).rows.find((e) => e.id === text.eventIds[0])!;
      const detail = (await store.getEvent(t.id))!;
      expect(t.sourceUrl).toBeNull();
      expect(t.summary).toBe(detail.mentions[0].sentence.replace(/\s+/g, ' ').trim());
      expect(detail.summary).toBe(t.summary);
    });

    it('page a window through long and short events in date order, both ways, as one list would', async () => {
      // Long events (over 31 days) come from their own index, the rest from from − 31 days: every
      // page, offset and order must give the events a direct date test gives, in (day_first, id) order.
      const spans: Array<[string, string]> = [
        ['1947-01-01', '1991-12-31'], ['1999-01-01', '2024-08-24'], ['2019-11-20', '2020-01-05'], ['2019-12-15', '2020-01-10'],
        ['2019-12-31', '2019-12-31'], ['2020-01-01', '2020-01-01'], ['2020-03-01', '2020-03-20'], ['2020-06-30', '2021-02-01'],
        ['2020-12-31', '2020-12-31'], ['2021-01-01', '2021-01-01'], ['2018-01-01', '2020-01-01'], ['2020-01-01', '2020-01-31'],
      ];
      await store.importEvents(spans.map(([start, end], i): DatasetEventInput => ({
        origin: 'gdelt', externalId: `span${i}`, type: 'CONSULT', mode: null, sources: [i % 2 ? 'RUS' : 'PRK'], targets: ['CHN'],
        date: { start, end, granularity: start === end ? 'day' : 'range' }, dateKind: 'event', modality: 'asserted',
        mentionCount: 1, reportedAt: null, location: null, sourceUrl: null, attrs: {},
      })));
      const all = (await store.listEvents({}, { limit: 100 })).rows;
      for (const [actor, from, to] of [[undefined, '2020', '2020'], ['CHN', '2020', '2020'], ['RUS', '2020-01', undefined], [undefined, '1990', '2000'], ['RUS', '2021', undefined]] as const) {
        const want = all.filter((e) => (!actor || [...e.sources, ...e.targets].includes(actor)) && e.date!.end >= from && (!to || e.date!.start <= `${to}-12-31`));
        const key = (e: { date: { start: string } | null; id: string }) => `${e.date!.start.padEnd(10, '-01')}|${e.id.padStart(6, '0')}`;
        // A range's start is a full date here, so the start string orders as day_first does.
        want.sort((x, y) => key(x).localeCompare(key(y)));
        expect(want.length).toBeGreaterThan(1);
        for (const order of ['asc', 'desc'] as const) {
          const expected = (order === 'asc' ? want : [...want].reverse()).map((e) => e.id);
          for (const limit of [1, 2, 5]) {
            const got: string[] = [];
            for (let offset = 0; offset < expected.length + 2; offset += limit) {
              const page = await store.listEvents({ actor, from, to, order }, { limit, offset });
              got.push(...page.rows.map((e) => e.id));
              if (page.total !== null) expect(page.total).toBe(expected.length);
            }
            expect(got).toEqual(expected);
          }
        }
      }
    });

    it('searches events by their own text, kept in step with imports, corrections and merges', async () => {
      const who = { tokenId: null, role: 'editor' };
      const ev = (id: string, over: Partial<DatasetEventInput>): DatasetEventInput => ({
        origin: 'gdelt', externalId: id, type: 'CONSULT', mode: null, sources: ['PRK'], targets: ['RUS'], date: day('2023-09-13'),
        dateKind: 'report', modality: 'asserted', mentionCount: 1, reportedAt: '2023-09-13', location: null, sourceUrl: null, attrs: {}, ...over,
      });
      await store.importEvents([
        ev('g1', { sourceUrl: 'https://www.example.org/world/putin-hosts-kim-at-cosmodrome', attrs: { actor1: { code: 'PRK', name: 'NORTH KOREA' }, actor2: { code: 'RUS', name: 'VLADIMIR PUTIN' } },
          location: { name: 'Vostochny, Amur, Russia', country: 'RUS', lat: 51.9, lon: 128.3 } }),
        ev('g2', { type: 'ACCUSE', sources: ['UKR'], targets: ['RUS'], attrs: { actor1: { code: 'UKR', name: 'KYIV' } }, sourceUrl: 'https://example.org/kyiv-accuses' }),
        { ...ev('i1', { origin: 'icews', sources: ['JPN'], targets: ['CHN'], attrs: { eventText: 'Criticize or denounce', source: { name: 'Fumio Kishida' } } }), dateKind: 'event' },
      ]);
      const text = await add([{ sentence: 'Kim Jong Un praised Putin in Pyongyang.' }], 'Doc P.');

      const putin = await store.search('Putin');
      expect(putin.total).toBe(3);
      const hit = putin.rows.find((h) => h.kind === 'event')!;
      expect(hit).toMatchObject({ kind: 'event', type: 'CONSULT', origin: 'gdelt', sources: ['PRK'], targets: ['RUS'], date: day('2023-09-13'),
        status: 'extracted', sourceUrl: 'https://www.example.org/world/putin-hosts-kim-at-cosmodrome', documentId: null, mentionId: null });
      expect(hit.snippet).toContain('[PUTIN]');
      expect(hit.snippet).not.toContain('https://');
      expect((await store.getEvent(hit.eventId!))!.externalId).toBe('g1');
      expect(putin.rows.map((h) => h.kind)).toEqual(['document', 'mention', 'event']);
      expect((await store.search('Putin', { limit: 1, offset: 2 })).rows).toEqual([hit]);
      // A place, a code, a dataset's own text, a phrase, OR; only the kinds asked for.
      expect((await store.search('Amur')).rows.map((h) => h.kind)).toEqual(['event']);
      expect((await store.search('denounce', undefined, ['event'])).rows).toMatchObject([{ origin: 'icews', title: expect.any(String) }]);
      expect((await store.search('Kishida')).total).toBe(1);
      expect((await store.search('"Vladimir Putin"')).total).toBe(1);
      expect((await store.search('"Putin Vladimir"')).total).toBe(0);
      expect((await store.search('kyiv OR Kishida', undefined, ['event'])).total).toBe(2);
      expect((await store.search('kyiv Kishida')).total).toBe(0);
      const ukr = await store.search('UKR', undefined, ['event']);
      expect(ukr.rows.map((h) => h.kind === 'event' && h.sourceUrl)).toEqual(['https://example.org/kyiv-accuses']);
      // Most recently stored first; one page runs on from documents and mentions into events.
      const rus = await store.search('RUS', undefined, ['event']);
      expect(rus.rows.map((h) => h.kind === 'event' && h.type)).toEqual(['CONSULT', 'ACCUSE', 'CONSULT']);
      const textEvent = rus.rows[0].eventId;
      expect(textEvent).toBe(text.eventIds[0]);
      const second = await store.search('RUS', { limit: 2, offset: 1 }, ['event']);
      expect(second).toMatchObject({ total: 3, truncated: false });
      expect(second.rows.map((h) => h.eventId)).toEqual(rus.rows.slice(1).map((h) => h.eventId));
      await expect(store.search('RUS', undefined, ['tweet' as never])).rejects.toMatchObject({ code: 'BAD_INPUT' });
      // A correction, a rejection and a merge (which deletes an event) move the index with them.
      await store.correctEvent(hit.eventId!, { targets: ['CHN'] }, who);
      expect((await store.search('RUS', undefined, ['event'])).rows.map((h) => h.eventId)).not.toContain(hit.eventId);
      expect((await store.search('CHN', undefined, ['event'])).rows.map((h) => h.eventId)).toContain(hit.eventId);
      const ukrId = ukr.rows[0].eventId!;
      await store.setEventStatus(ukrId, 'rejected', who);
      expect((await store.search('kyiv')).rows).toMatchObject([{ eventId: ukrId, status: 'rejected' }]);
      const merged = await store.mergeEvents([hit.eventId!, ukrId], who);
      // The merge keeps the first event's record (its place) and deletes the second (its actor name).
      expect((await store.search('kyiv')).rows).toEqual([]);
      expect((await store.search('Amur')).rows.map((h) => h.eventId)).toEqual([merged.id]);
      expect((await store.search('UKR', undefined, ['event'])).rows.map((h) => h.eventId)).toEqual([merged.id]);
      if (store.check) expect((await store.check()).filter((c) => !c.ok)).toEqual([]);
    });

    it('counts each actor\'s events by the shared rule: dated, not rejected, starting in the window', async () => {
      const row = (id: string, sources: string[], targets: string[], date: DateRange | null, modality: Modality = 'asserted'): DatasetEventInput => ({
        origin: 'gdelt', externalId: id, type: 'CONSULT', mode: null, sources, targets, date, dateKind: 'event', modality,
        mentionCount: 1, reportedAt: null, location: null, sourceUrl: null, attrs: {},
      });
      await store.importEvents([
        row('1', ['PRK'], ['RUS'], day('2023-01-10')), row('2', ['RUS', 'PRK'], ['RUS'], day('2023-02-10')),
        row('3', ['RUS'], ['UKR'], { start: '2022-12-20', end: '2023-01-05', granularity: 'range' }), row('4', ['RUS'], ['UKR'], null),
        row('5', ['RUS'], ['UKR'], day('2023-03-01'), 'speculative'), row('6', ['USA'], ['RUS'], day('2023-01-20')),
      ]);
      const usa = (await store.listEvents({ actor: 'USA' })).rows[0];
      await store.setEventStatus(usa.id, 'rejected', { tokenId: null, role: 'editor' });
      const sorted = async (q: Parameters<Store['actorEventCounts']>[0]) =>
        (await store.actorEventCounts(q)).sort((x, y) => (x.code + x.modality < y.code + y.modality ? -1 : 1));
      expect(await sorted({ from: null, to: null })).toEqual([
        { code: 'PRK', modality: 'asserted', events: 2 }, { code: 'RUS', modality: 'asserted', events: 3 },
        { code: 'RUS', modality: 'speculative', events: 1 }, { code: 'UKR', modality: 'asserted', events: 1 }, { code: 'UKR', modality: 'speculative', events: 1 },
      ]);
      expect(await sorted({ from: '2023-01-01', to: '2023-12-31', actors: ['RUS', 'UKR'] })).toEqual([
        { code: 'RUS', modality: 'asserted', events: 2 }, { code: 'RUS', modality: 'speculative', events: 1 }, { code: 'UKR', modality: 'speculative', events: 1 },
      ]);
      expect(await sorted({ from: '2023-02-01', to: null, origin: ['gdelt'] })).toEqual([
        { code: 'PRK', modality: 'asserted', events: 1 }, { code: 'RUS', modality: 'asserted', events: 1 },
        { code: 'RUS', modality: 'speculative', events: 1 }, { code: 'UKR', modality: 'speculative', events: 1 },
      ]);
      expect(await store.actorEventCounts({ from: null, to: null, origin: ['text'] })).toEqual([]);
      expect(await sorted({ from: null, to: null, modality: ['speculative'] })).toEqual([{ code: 'RUS', modality: 'speculative', events: 1 }, { code: 'UKR', modality: 'speculative', events: 1 }]);
      expect(await sorted({ from: '2023-02-01', to: null, modality: ['asserted'] })).toEqual([{ code: 'PRK', modality: 'asserted', events: 1 }, { code: 'RUS', modality: 'asserted', events: 1 }]);
    });

    it('refuses a database written by a newer Entente', async () => {
      await expect(hooks.openTooNew()).rejects.toMatchObject({ code: 'DB_TOO_NEW' });
    });
  });
}
