// The SQLite watch part against a real database file: watchlists, alert dedupe by key,
// delivery state, and event_volume staying equal to a direct count as events change.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../open-store.js';
import type { Store } from '../store.js';
import type { DatasetEventInput } from '../../domain/event.js';
import type { PloverType } from '../../domain/plover.js';
import { periodTotals } from '../../analysis/series.js';
import { testDb } from '../../../test/test-store.js';

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'entente-watch-'));
  store = await openStore({ db: await testDb(join(dir, 'w.db')) });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
const row = (type: PloverType, day: string, more: Partial<DatasetEventInput> = {}): DatasetEventInput => ({
  origin: 'gdelt', externalId: `x${++n}`, type, mode: null, sources: ['RUS'], targets: ['UKR'],
  date: { start: day, end: day, granularity: 'day' }, dateKind: 'event', modality: 'asserted', mentionCount: 2,
  reportedAt: null, location: null, sourceUrl: null, attrs: {}, ...more,
});

describe('watchlists', () => {
  it('adds, lists, gets and removes watches', async () => {
    const w = await store.addWatch({ a: 'rus', b: 'ukr', threshold: 7, webhook: 'http://127.0.0.1:9/hook' });
    expect(w).toMatchObject({ a: 'RUS', b: 'UKR', threshold: 7, lastCheckedAt: null });
    await store.addWatch({ a: 'PRK', b: null, threshold: 5, webhook: null });
    expect((await store.listWatches()).map((x) => `${x.a}-${x.b ?? '*'}`)).toEqual(['RUS-UKR', 'PRK-*']);
    expect(await store.removeWatch(w.id)).toBe(true);
    expect(await store.removeWatch(w.id)).toBe(false);
    expect(await store.getWatch(w.id)).toBeNull();
  });

  it.each([[-1], [11], [Number.NaN]])('must not accept threshold %d', async (threshold) => {
    await expect(store.addWatch({ a: 'RUS', b: null, threshold, webhook: null })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });

  it('must not accept a malformed id', async () => {
    await expect(store.removeWatch('abc')).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});

describe('alerts', () => {
  it('stores an alert once per key, skips keys already seen, and records delivery', async () => {
    const w = await store.addWatch({ a: 'RUS', b: 'UKR', threshold: 7, webhook: 'http://127.0.0.1:9/hook' });
    await store.markSeen(w.id, ['event:old']);
    const base = { watchId: w.id, kind: 'event' as const, title: 't', summary: 's', date: '2022-02-24', data: { x: 1 } };
    const first = await store.addAlerts([{ ...base, key: 'event:1' }, { ...base, key: 'event:old' }]);
    expect(first.map((a) => a.key)).toEqual(['event:1']);
    expect(first[0]).toMatchObject({ dyad: 'RUS–UKR', delivery: 'pending', attempts: 0, data: { x: 1 } });
    expect(await store.addAlerts([{ ...base, key: 'event:1' }])).toEqual([]);
    expect((await store.seenKeys(w.id)).has('event:1')).toBe(true);

    await store.recordDelivery(first[0].id, { ok: false, attempts: 3, error: 'HTTP 500', final: false });
    expect((await store.listAlerts({ delivery: ['pending'] })).rows[0]).toMatchObject({ attempts: 3, lastError: 'HTTP 500' });
    await store.recordDelivery(first[0].id, { ok: true, attempts: 4, final: true });
    const page = await store.listAlerts();
    expect(page).toMatchObject({ total: 1, truncated: false });
    expect(page.rows[0]).toMatchObject({ delivery: 'delivered', lastError: null });
    expect(page.rows[0].deliveredAt).not.toBeNull();
  });

  it('marks alerts of a watch without webhook as not to deliver, and drops them with the watch', async () => {
    const w = await store.addWatch({ a: 'RUS', b: null, threshold: 7, webhook: null });
    const [al] = await store.addAlerts([{ watchId: w.id, kind: 'shift', key: 'shift:2022-03', title: 't', summary: 's', date: null, data: {} }]);
    expect(al.delivery).toBe('none');
    await store.removeWatch(w.id);
    expect((await store.listAlerts()).total).toBe(0);
  });
});

describe('event volume', () => {
  const direct = async () => periodTotals(await store.analysisEvents({ modality: ['asserted', 'speculative'] }), 'day');
  const viaVolume = async () => periodTotals(await store.eventVolume({ modality: ['asserted', 'speculative'] }), 'day');

  it('equals a direct count after imports, re-imports and filters', async () => {
    await store.importEvents([row('ASSAULT', '2022-02-24'), row('CONSULT', '2022-02-24', { mentionCount: 5 }), row('AID', '2022-03-01', { modality: 'speculative' }), row('AID', '2022-03-02', { mentionCount: 0 })]);
    const icews = [row('ACCUSE', '2022-03-01', { origin: 'icews' })];
    await store.importEvents(icews);
    await store.importEvents(icews);
    expect(await viaVolume()).toEqual(await direct());
    expect(await viaVolume()).toEqual({ '2022-02-24': 7, '2022-03-01': 4, '2022-03-02': 1 });
    const asserted = await store.eventVolume({ origin: ['gdelt'], from: '2022-03', to: '2022-03' });
    expect(asserted).toEqual([{ start: '2022-03-02', end: '2022-03-02', mentions: 1, events: 1 }]);
  });

  it('follows text events as their mentions merge', async () => {
    const sentence = 'Russia attacked Ukraine.';
    const m = { type: 'ASSAULT' as const, source: { code: 'RUS', name: 'Russia' }, target: { code: 'UKR', name: 'Ukraine' },
      date: { start: '2022-02-24', end: '2022-02-24', granularity: 'day' as const }, modality: 'asserted' as const,
      evidence: { start: 0, end: sentence.length, text: sentence }, confidence: 0.9 };
    await store.addDocument({ text: sentence, published: '2022-02-25' }, [m]);
    await store.addDocument({ text: `${sentence} `, published: '2022-02-26' }, [m]);
    expect(await viaVolume()).toEqual(await direct());
  });
});
