// The shared count: pure cases, then one store where network, series and the count
// endpoint's function must give the same number for the same filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import type { AnalysisEvent, DatasetEventInput } from '../domain/event.js';
import type { Modality } from '../domain/mention.js';
import { actorCountsFor, countFor, explainCount } from './count.js';
import { networkFor, seriesFor } from './analysis.js';

let k = 0;
const ae = (s: string, t: string, start: string, end = start, modality: Modality = 'asserted'): AnalysisEvent => ({
  id: String(++k), type: 'COOPERATE', sources: [s], targets: [t], start, end, modality, mentions: 1, intensity: 4, origin: 'text',
});

describe('explainCount', () => {
  const events = [
    ae('PRK', 'RUS', '2024-01-05'), ae('RUS', 'PRK', '2024-02-05'), ae('RUS', 'PRK', '2024-01-01', '2024-12-31'),
    ae('RUS', 'PRK', '2024-03-01', '2024-03-01', 'speculative'), ae('RUS', 'UKR', '2024-01-05'), ae('RUS', 'PRK', '2023-12-31'),
  ];
  it.each([
    { name: 'all time, asserted', scope: {}, counted: 4, other: 1, spans: 0 },
    { name: 'window starts count, not overlap', scope: { from: '2024-01-01', to: '2024-12-31' }, counted: 3, other: 1, spans: 0 },
    { name: 'by month: the year-long event spans', scope: { from: '2024-01-01', to: '2024-12-31', by: 'month' as const }, counted: 3, other: 1, spans: 1 },
    { name: 'speculative counted when chosen', scope: { modalities: ['asserted', 'speculative'] as Modality[] }, counted: 5, other: 0, spans: 0 },
  ])('$name', ({ scope, counted, other, spans }) => {
    const c = explainCount(events, { actor: 'RUS', with: 'PRK', from: null, to: null, ...scope });
    expect(c.counted).toBe(counted);
    expect(c.otherModalities).toBe(other);
    expect(c.spansPeriods).toBe(spans);
    expect(c.text).toContain(`${counted} events counted`);
  });
  it('names what it leaves out in its sentence', () => {
    const c = explainCount(events, { actor: 'RUS', with: 'PRK', from: null, to: null, by: 'month' }, 2);
    expect(c.text).toBe('4 events counted (4 asserted); 1 speculative not counted; 2 undated not counted; 1 spans more than one month (not in the chart)');
  });
  it('the actor against everyone counts every partner', () => {
    expect(explainCount(events, { actor: 'RUS', with: null, from: null, to: null }).counted).toBe(5);
  });
});

describe('one count across the views (real SQLite)', () => {
  let dir: string;
  let store: Store;
  let n = 0;
  const row = (s: string, t: string, start: string, end = start, modality: Modality = 'asserted'): DatasetEventInput => ({
    origin: 'curated', externalId: `c${++n}`, type: 'COOPERATE', mode: null, sources: [s], targets: [t],
    date: start ? { start, end, granularity: start === end ? 'day' : 'range' } : null, dateKind: 'event', modality, mentionCount: 1,
    reportedAt: null, location: null, sourceUrl: null, attrs: {},
  });
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'entente-count-'));
    store = await openStore({ db: join(dir, 'c.db') });
    await store.importEvents([
      row('PRK', 'RUS', '2023-06-01'), row('RUS', 'PRK', '2023-07-10'), row('RUS', 'PRK', '2023-07-20', '2023-08-05'),
      row('RUS', 'PRK', '2023-09-01', '2023-09-01', 'speculative'), row('RUS', 'PRK', ''), row('RUS', 'UKR', '2023-07-01'),
    ]);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  it('network tie, series and count agree; the series says what it cannot place', async () => {
    const c = await countFor(store, { actor: 'RUS', with: 'PRK', by: 'month' });
    expect(c).toMatchObject({ counted: 3, otherModalities: 1, undated: 1, spansPeriods: 1 });
    const net = await networkFor(store, { from: '0001', to: '9999' });
    const tie = net.edges.find((e) => [e.source, e.target].sort().join() === 'PRK,RUS');
    expect(tie?.events).toBe(c.counted);
    const s = await seriesFor(store, { a: 'RUS', b: 'PRK', by: 'month' });
    expect(s.count.counted).toBe(c.counted);
    expect(s.points.reduce((sum, p) => sum + p.events, 0) + s.unplaced).toBe(c.counted);
    expect(s.unplaced).toBe(c.spansPeriods);
  });
  it('a series where no event fits one period reports all of them unplaced', async () => {
    const s = await seriesFor(store, { a: 'RUS', b: 'PRK', by: 'day' });
    expect(s.points.reduce((sum, p) => sum + p.events, 0) + s.unplaced).toBe(3);
    await store.importEvents([row('SUN', 'PRK', '1950-01-01', '1950-12-31'), row('SUN', 'PRK', '1951-01-01', '1951-12-31')]);
    const none = await seriesFor(store, { a: 'SUN', b: 'PRK', by: 'month' });
    expect(none.points).toEqual([]);
    expect(none.unplaced).toBe(2);
  });
  it('every actor\'s map count is its own count, for all time and for windows', async () => {
    // A rejected event, and one starting before the window it reaches into, are counted by neither.
    await store.importEvents([row('USA', 'RUS', '2023-06-30', '2023-07-02'), row('USA', 'PRK', '2023-07-15')]);
    const rejected = (await store.listEvents({ actor: 'USA', with: 'PRK' })).rows[0];
    await store.setEventStatus(rejected.id, 'rejected', { tokenId: null, role: 'editor', reason: 'test' });
    const cases = [{}, { from: '2023-07', to: '2023-12' }, { from: '2023-07-01' }, { to: '2023-06-30' }, { modality: ['asserted', 'speculative'] as Modality[] }, { origin: ['text' as const] }];
    for (const q of cases) {
      const all = await actorCountsFor(store, q);
      expect(all.actors.length).toBeGreaterThan(q.origin ? -1 : 1);
      for (const code of ['RUS', 'PRK', 'UKR', 'USA', 'SUN']) {
        const one = await countFor(store, { actor: code, ...q });
        expect({ q, code, n: all.actors.find((a) => a.code === code)?.events ?? 0 }).toEqual({ q, code, n: one.counted });
      }
    }
    expect((await actorCountsFor(store, {})).actors.find((a) => a.code === 'USA')?.events).toBe(1);
  });
});
