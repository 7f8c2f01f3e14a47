import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/index.js';
import type { Store } from '../store/store.js';
import { loadStarterDataset, starterDataset, STARTER_PREFIX } from './index.js';
import { testDb } from '../../test/test-store.js';

describe('the starter dataset', () => {
  const { events, actors } = starterDataset();

  it('has at least 30 curated events across centuries and many dyads, each with a source link', () => {
    expect(events.length).toBeGreaterThanOrEqual(30);
    const centuries = new Set(events.map((e) => e.date!.start.slice(0, 2)));
    expect([...centuries].sort()).toEqual(['18', '19', '20']);
    const dyads = new Set(events.flatMap((e) => e.sources.flatMap((s) => e.targets.map((t) => [s, t].sort().join('-')))));
    expect(dyads.size).toBeGreaterThanOrEqual(20);
    for (const e of events) {
      expect(e.origin).toBe('curated');
      expect(e.externalId.startsWith(STARTER_PREFIX)).toBe(true);
      expect(e.sourceUrl).toMatch(/^https:\/\/(en\.wikipedia\.org\/wiki\/|[a-z]+\.usembassy\.gov\/)/);
      expect(e.attrs.title).toEqual(expect.any(String));
    }
  });

  it.each([
    ['korean war invasion', 'ASSAULT', 'PRK', 'KOR', '1950-06-25'],
    ['armistice', 'AGREE', 'UN', 'PRK', '1953-07-27'],
    ['1961 treaty', 'AGREE', 'SUN', 'PRK', '1961-07-06'],
    ['Soviet–South Korean relations', 'COOPERATE', 'SUN', 'KOR', '1990-09-30'],
    ['2000 treaty', 'AGREE', 'RUS', 'PRK', '2000-02-09'],
    ['Crimea', 'COERCE', 'RUS', 'UKR', '2014-03-18'],
    ['invasion', 'ASSAULT', 'RUS', 'UKR', '2022-02-24'],
    ['Camp David', 'AGREE', 'USA', 'KOR', '2023-08-18'],
    ['Vostochny', 'CONSULT', 'PRK', 'RUS', '2023-09-13'],
    ['partnership treaty', 'AGREE', 'RUS', 'PRK', '2024-06-19'],
  ])('holds the %s', (_what, type, a, b, day) => {
    expect(events.some((e) => e.type === type && e.sources.includes(a) && e.targets.includes(b) && e.date!.start === day)).toBe(true);
  });

  it('dates Kursk as a range, and keeps an unconfirmed claim speculative', () => {
    expect(events.find((e) => e.externalId.endsWith('troops-to-kursk'))!.date).toEqual({ start: '2024-10', end: '2024-11', granularity: 'range' });
    const claim = events.find((e) => e.externalId.endsWith('munitions-containers'))!;
    expect(claim.modality).toBe('speculative');
    expect(claim.attrs.claimedBy).toBe('USA');
  });

  it('names every actor it uses', () => {
    const named = new Set(actors.map((a) => a.code));
    for (const e of events) for (const c of [...e.sources, ...e.targets]) expect(named.has(c), c).toBe(true);
  });
});

describe('loadStarterDataset', () => {
  let dir: string;
  let store: Store;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'entente-starter-'));
    store = await openStore({ db: await testDb(join(dir, 's.db')) });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads once; loading again changes nothing and keeps curation done since', async () => {
    const n = starterDataset().events.length;
    expect(await loadStarterDataset(store)).toEqual({ imported: n, unchanged: 0 });
    const first = (await store.listEvents({ origin: ['curated'] }, { limit: 1 })).rows[0];
    await store.setEventStatus(first.id, 'rejected', { tokenId: null, role: 'admin' });
    expect(await loadStarterDataset(store)).toEqual({ imported: 0, unchanged: n });
    expect((await store.getEvent(first.id))!.status).toBe('rejected');
    const all = await store.listEvents({ origin: ['curated'], modality: ['asserted', 'speculative'], includeRejected: true }, { limit: 1000 });
    expect(all.total).toBe(n);
  });
  it('does not overwrite names the store already has', async () => {
    await store.registerActors([{ code: 'PRK', name: "Democratic People's Republic of Korea" }]);
    await loadStarterDataset(store);
    const prk = (await store.listActors({ limit: 1000 })).rows.find((a) => a.code === 'PRK');
    expect(prk!.name).toBe("Democratic People's Republic of Korea");
  });
});
