// checkWatches end to end: a real SQLite store, real imports, real local webhook servers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import type { DatasetEventInput } from '../domain/event.js';
import type { PloverType } from '../domain/plover.js';
import { addWatch, checkWatches } from './check-watches.js';
import { startServer, type TestServer } from './test-server.js';
import { testDb } from '../../test/test-store.js';

let dir: string;
let store: Store;
let servers: TestServer[] = [];
let logged: string[];
const log = (s: string) => logged.push(s);
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'entente-alerts-'));
  store = await openStore({ db: await testDb(join(dir, 'a.db')) });
  logged = [];
});
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
const row = (src: string, tgt: string, type: PloverType, day: string): DatasetEventInput => ({
  origin: 'gdelt', externalId: `c${++n}`, type, mode: null, sources: [src], targets: [tgt],
  date: { start: day, end: day, granularity: 'day' }, dateKind: 'event', modality: 'asserted', mentionCount: 1,
  reportedAt: null, location: null, sourceUrl: null, attrs: {},
});
// Generous enough for a loaded machine; the hanging endpoint costs 3 × this.
const fast = { webhookTimeoutMs: 1000, webhook: { backoffMs: 5 } };

describe('checkWatches', () => {
  it('alerts once on new high-intensity events of a watched dyad, prints and POSTs them', async () => {
    const hook = await startServer(['ok']);
    servers.push(hook);
    await store.importEvents([row('RUS', 'UKR', 'ASSAULT', '2022-01-10')]);
    const w = await addWatch(store, { a: 'RUS', b: 'UKR', threshold: 7, webhook: hook.url });
    expect(await checkWatches(store, { ...fast, log })).toEqual([]); // what was there at add time is the baseline

    await store.importEvents([row('RUS', 'UKR', 'ASSAULT', '2022-02-24'), row('UKR', 'RUS', 'CONSULT', '2022-02-25'), row('RUS', 'GEO', 'ASSAULT', '2022-02-24')]);
    const alerts = await checkWatches(store, { ...fast, log });
    expect(alerts.map((a) => a.title)).toEqual(['Russia and Ukraine: conflict, Russia attacked Ukraine on 2022-02-24']);
    expect(alerts[0].summary).toMatch(/^Russia attacked Ukraine on 2022-02-24 \(material conflict, intensity −9 of ±10, 1 mention, asserted, from gdelt; event \d+\)/);
    expect(alerts[0]).toMatchObject({ watchId: w.id, kind: 'event', dyad: 'RUS–UKR' });
    expect(logged.some((l) => l.includes('Russia and Ukraine: conflict, Russia attacked Ukraine on 2022-02-24'))).toBe(true);
    expect(hook.received).toHaveLength(1);
    expect(hook.received[0].body).toMatchObject({ source: 'entente', alert: { kind: 'event', date: '2022-02-24' }, watch: { a: 'RUS', b: 'UKR' } });
    expect((await store.listAlerts()).rows[0].delivery).toBe('delivered');

    expect(await checkWatches(store, { ...fast, log })).toEqual([]);
    expect(hook.received).toHaveLength(1);
  });

  it('alerts on a new shift in the dyad relation, with its explaining events', async () => {
    const w = await addWatch(store, { a: 'KOR', b: 'PRK', threshold: 10, webhook: null });
    const rows: DatasetEventInput[] = [];
    for (let m = 1; m <= 24; m++) {
      const month = `${m <= 12 ? 2022 : 2023}-${String(((m - 1) % 12) + 1).padStart(2, '0')}`;
      for (let k = 0; k < 3 + (m % 2); k++) rows.push(row('KOR', 'PRK', m <= 12 ? 'CONSULT' : 'THREATEN', `${month}-${String(2 + 7 * k).padStart(2, '0')}`));
    }
    await store.importEvents(rows);
    const alerts = await checkWatches(store, { log });
    const shift = alerts.find((a) => a.kind === 'shift');
    expect(shift).toMatchObject({ watchId: w.id, date: '2023-01-01', key: 'shift:2023-01:toward-conflict' });
    expect(shift!.summary).toMatch(/THREATEN/);
    expect(alerts.filter((a) => a.kind === 'event')).toEqual([]); // nothing reaches |intensity| 10
    expect(await checkWatches(store, { log })).toEqual([]);
  });

  it('keeps going when a webhook fails or hangs, and retries it after the next import', async () => {
    const failing = await startServer(['fail', 'fail', 'fail', 'ok']);
    const hanging = await startServer(['hang']);
    servers.push(failing, hanging);
    await addWatch(store, { a: 'RUS', b: 'UKR', threshold: 7, webhook: failing.url });
    await addWatch(store, { a: 'RUS', b: null, threshold: 9, webhook: hanging.url });
    await store.importEvents([row('RUS', 'UKR', 'ASSAULT', '2022-02-24')]);
    const t0 = Date.now();
    const alerts = await checkWatches(store, { ...fast, log });
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(alerts).toHaveLength(2);
    const states = (await store.listAlerts()).rows.map((a) => [a.dyad, a.delivery, a.attempts]);
    expect(states.sort()).toEqual([['RUS–*', 'pending', 3], ['RUS–UKR', 'pending', 3]]);
    expect(logged.some((l) => /timed out/.test(l))).toBe(true);

    expect(await checkWatches(store, { ...fast, log })).toEqual([]);
    const after = await store.listAlerts({ delivery: ['delivered'] });
    expect(after.rows.map((a) => a.dyad)).toEqual(['RUS–UKR']);
    expect(failing.received).toHaveLength(4);
  });

  it('gives up on a webhook that answers 4xx, marking the alert failed', async () => {
    const gone = await startServer(['not-found']);
    servers.push(gone);
    await addWatch(store, { a: 'RUS', b: 'UKR', threshold: 7, webhook: gone.url });
    await store.importEvents([row('RUS', 'UKR', 'ASSAULT', '2022-02-24')]);
    await checkWatches(store, { ...fast, log });
    expect((await store.listAlerts()).rows[0]).toMatchObject({ delivery: 'failed', attempts: 1, lastError: 'HTTP 404' });
  });

  it('only looks at events since a day when asked', async () => {
    await addWatch(store, { a: 'RUS', b: 'UKR', threshold: 7, webhook: null });
    await store.importEvents([row('RUS', 'UKR', 'ASSAULT', '2021-05-01'), row('RUS', 'UKR', 'ASSAULT', '2022-05-01')]);
    const alerts = await checkWatches(store, { since: '2022-01-01', log });
    expect(alerts.map((a) => a.date)).toEqual(['2022-05-01']);
  });
});
