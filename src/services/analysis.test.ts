// The analysis services against a real SQLite store: params validated with codes, store
// volume used for normalisation, and each analysis answering on imported events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import type { DatasetEventInput } from '../domain/event.js';
import type { PloverType } from '../domain/plover.js';
import { networkDiffFor, networkFor, seriesFor, shiftsFor, spilloverFor } from './analysis.js';
import { testDb } from '../../test/test-store.js';

let dir: string;
let store: Store;
let n = 0;
const row = (src: string, tgt: string, type: PloverType, day: string, mentions = 1): DatasetEventInput => ({
  origin: 'gdelt', externalId: `s${++n}`, type, mode: null, sources: [src], targets: [tgt],
  date: { start: day, end: day, granularity: 'day' }, dateKind: 'event', modality: 'asserted', mentionCount: mentions,
  reportedAt: null, location: null, sourceUrl: null, attrs: {},
});
const month = (i: number): string => `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'entente-services-'));
  store = await openStore({ db: await testDb(join(dir, 's.db')) });
  const rows: DatasetEventInput[] = [];
  // 36 months. RUS–UKR: talks for 18 months, then war. RUS–PRK: cooperation rising 2 months after the war starts.
  for (let i = 0; i < 36; i++) {
    for (let k = 0; k < 4; k++) rows.push(row('RUS', 'UKR', i < 18 ? 'CONSULT' : 'ASSAULT', `${month(i)}-${String(3 + k * 6).padStart(2, '0')}`, 1 + ((i + k) % 3)));
    rows.push(row('RUS', 'PRK', i < 20 ? 'ACCUSE' : 'COOPERATE', `${month(i)}-15`));
    // Background coverage that grows over time: normalisation must see it.
    for (let k = 0; k < 5 + i; k++) rows.push(row('FRA', 'DEU', 'CONSULT', `${month(i)}-${String(1 + (k % 28)).padStart(2, '0')}`));
  }
  await store.importEvents(rows);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('seriesFor', () => {
  it('gives a filled, normalised monthly series for a dyad', async () => {
    const s = await seriesFor(store, { a: 'rus', b: 'ukr', by: 'month' });
    expect(s.points).toHaveLength(36);
    expect(s.normalised).toBe(true);
    const first = s.points[0];
    // Jan 2020: RUS–UKR 4 events with mentions 1+2+3+1 = 7; store: 7 + 1 (RUS–PRK) + 5 = 13 mentions.
    expect(first).toMatchObject({ events: 4, mentions: 7, volume: 13 });
    expect(first.score).toBeCloseTo((2.5 * 7 * 1000) / 13);
    expect(s.points[20].score).toBeLessThan(0);
  });

  it('takes B = * as one actor against all', async () => {
    const s = await seriesFor(store, { a: 'PRK', b: '*', by: 'year' });
    expect(s.points.map((p) => p.events)).toEqual([12, 12, 12]);
  });

  it.each([
    [{ a: '', b: 'UKR' }, 'a'], [{ a: 'RUS', by: 'fortnight' }, 'by'], [{ a: 'RUS', from: '2020-13-45x' }, 'from'], [{ a: 'RUS', origin: 'reuters' }, 'origin'],
  ])('must not accept %o (BAD_INPUT on %s)', async (params, field) => {
    await expect(seriesFor(store, params as never)).rejects.toMatchObject({ code: 'BAD_INPUT', details: { field } });
  });
});

describe('shiftsFor', () => {
  it('finds the turn to war with its events', async () => {
    const r = await shiftsFor(store, { a: 'RUS', b: 'UKR' });
    // Growing background coverage also makes the normalised score drift, so smaller shifts
    // may show too; the war is the largest, and every shift reported clears the confidence bar.
    const war = [...r.shifts].sort((x, y) => Math.abs(y.magnitude) - Math.abs(x.magnitude))[0];
    expect(war).toMatchObject({ period: '2021-07', date: '2021-07-01', direction: 'toward-conflict' });
    expect(war.events[0].type).toBe('ASSAULT');
    expect(r.shifts.every((x) => x.confidence >= 0.95)).toBe(true);
    expect(r.method).toMatch(/PELT/);
  });
});

describe('networkFor / networkDiffFor', () => {
  it('builds the network of a window', async () => {
    const net = await networkFor(store, { from: '2022', to: '2022' });
    expect(net.window).toEqual({ from: '2022-01-01', to: '2022-12-31' });
    expect(net.nodes.map((x) => x.id)).toEqual(['DEU', 'FRA', 'PRK', 'RUS', 'UKR']);
    expect(net.edges.find((e) => e.target === 'UKR')!.sign).toBe(-1);
  });

  it('lists what changed between a window before and after', async () => {
    const d = await networkDiffFor(store, { before: { from: '2020-01', to: '2020-12' }, after: { from: '2022-01', to: '2022-12' } });
    expect(d.changes.map((c) => `${c.change} ${c.source}-${c.target}`).sort()).toEqual(['changed-sign PRK-RUS', 'changed-sign RUS-UKR']);
    expect(d.counts).toEqual({ appeared: 0, vanished: 0, changedSign: 2 });
  });

  it('must not accept a window given twice or not at all', async () => {
    await expect(networkFor(store, { at: '2022-02-24', from: '2022-01-01', to: '2022-03-01' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(networkFor(store, {})).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});

describe('spilloverFor', () => {
  it('aligns two dyads on one range and tests them', async () => {
    const r = await spilloverFor(store, { cause: 'RUS-UKR', effect: 'RUS-PRK', maxLag: 2, anchor: '2021-07-01' });
    expect(r.periods).toBe(36);
    expect(r.periodLabels[0]).toBe('2020-01');
    expect(r.crossCorrelation).toHaveLength(3);
    expect(r.granger.insufficient).toBe(false);
    expect(r.eventStudy && !r.eventStudy.insufficient && r.eventStudy.difference).toBeGreaterThan(0);
  });

  it('says plainly when there is too little to say', async () => {
    const r = await spilloverFor(store, { cause: 'RUS-UKR', effect: 'RUS-PRK', by: 'year' });
    expect(r.granger).toMatchObject({ insufficient: true });
    expect(r.crossCorrelation.every((c) => c.r === null)).toBe(true); // 3 yearly periods: no correlation either
    expect(r.insufficient).toBe(true);
    expect(r.reason).toMatch(/too few/);
    const none = await spilloverFor(store, { cause: 'USA-CHN', effect: 'JPN-KOR' });
    expect(none).toMatchObject({ insufficient: true, reason: 'neither dyad has events' });
  });

  it('must not accept a malformed dyad', async () => {
    await expect(spilloverFor(store, { cause: 'RUS UKR!', effect: 'RUS-PRK' })).rejects.toMatchObject({ code: 'BAD_INPUT', details: { field: 'cause' } });
  });
});
