// `follow` against real local servers (never the internet) over a real SQLite store:
// GDELT-like 15-minute files built from the sample export, catch-up after downtime, size and
// MD5 checks, 503 backoff that leaves other sources alone, conditional GET on a feed, and an
// alert delivered to a webhook from a followed item.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sharedDir } from '../../test/cli.js';
import { startSourceServer, type SourceServer } from '../../test/source-server.js';
import { startServer as startWebhook, type TestServer } from '../alerts/test-server.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/store.js';
import { importDataset, isDatasetStore } from '../ingest/datasets/index.js';
import { addWatch } from '../alerts/index.js';
import { Fetcher } from './http-get.js';
import { follow, pollDue, type RoundResult } from './follow.js';
import { sourceInput } from './source-config.js';

const work = mkdtempSync(join(tmpdir(), 'entente-follow-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The sample export cut into three 15-minute files. */
const sample = readFileSync(join(sharedDir, 'data/gdelt-v2-events/20191024143000.export.CSV'), 'utf8').split('\n').filter(Boolean);
const third = Math.ceil(sample.length / 3);
const parts = [0, 1, 2].map((k) => Buffer.from(`${sample.slice(k * third, (k + 1) * third).join('\n')}\n`));
const STAMPS = ['20191024143000', '20191024144500', '20191024150000', '20191024151500', '20191024153000'];
const extraParts = [3, 4].map((k) => Buffer.from(`${sample.slice(0, 50).map((l) => l.replace(/^\d+/, (id) => String(Number(id) + k * 1_000_000))).join('\n')}\n`));
const allParts = [...parts, ...extraParts];

let n = 0;
let dbFile: string;
let store: Store;
let server: SourceServer;
let fetcher: Fetcher;
const logs: string[] = [];

beforeEach(async () => {
  dbFile = join(work, `f${n++}.db`);
  store = await openSqliteStore(dbFile);
  server = await startSourceServer();
  fetcher = new Fetcher({ allowPrivate: [new URL(server.origin).host], maxBytes: 10 * 2 ** 20, timeoutMs: 10_000, hostIntervalMs: 0 });
  logs.length = 0;
});
afterEach(async () => {
  fetcher.close();
  await server.close();
  await store.close();
});

function count(q: string): number {
  const db = new Database(dbFile, { readonly: true });
  try {
    return (db.prepare(q).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Events a plain import of these parts stores, measured in a separate store. */
async function reference(which: number[]): Promise<number> {
  const file = join(work, `ref${n++}.db`);
  const ref = await openSqliteStore(file);
  try {
    if (!isDatasetStore(ref)) throw new Error('no dataset part');
    let imported = 0;
    for (const k of which) {
      const p = join(work, `${STAMPS[k]}-${n++}.export.CSV`);
      (await import('node:fs')).writeFileSync(p, allParts[k]);
      imported += (await importDataset(ref, 'gdelt', [p])).imported;
    }
    return imported;
  } finally {
    await ref.close();
  }
}

/** One round with every source due now. */
async function round(): Promise<RoundResult> {
  for (const s of await store.listSources()) await store.updateSource(s.id, { nextFetchAt: null });
  return pollDue(store, { fetcher, log: (l) => logs.push(l) });
}

async function addGdelt(opts: { order?: string; maxCatchUp?: number } = {}) {
  return store.addSource(sourceInput({ kind: 'gdelt', target: server.gdelt, every: '15m', ...opts }));
}

const events = () => count("SELECT count(*) AS n FROM events WHERE origin = 'gdelt'");
const requested = (re: RegExp) => server.requests.filter((r) => re.test(r.path)).map((r) => r.path);

describe('following GDELT', () => {
  it('imports each newly published 15-minute file once, and nothing twice', async () => {
    const src = await addGdelt();
    const expected: number[] = [];
    for (let k = 0; k < 3; k++) {
      server.publish(STAMPS[k], parts[k]);
      const r = await round();
      expected.push(await reference([k]));
      expect(r.outcomes[0]).toMatchObject({ added: expected[k], error: null });
      expect(events()).toBe(expected.slice(0, k + 1).reduce((a, b) => a + b));
    }
    // Nothing new: lastupdate.txt read, no file fetched again.
    const before = requested(/\.zip$/).length;
    expect((await round()).outcomes[0].added).toBe(0);
    expect(requested(/\.zip$/).length).toBe(before);
    expect(events()).toBe(await reference([0, 1, 2]));
    const s = (await store.getSource(src.id))!;
    expect(s).toMatchObject({ itemsAdded: events(), failures: 0, lastError: null });
    expect(Date.parse(s.nextFetchAt!) - Date.parse(s.lastSuccessAt!)).toBe(15 * 60_000);
  });

  it('catches up from the master list after downtime, newest first, at most maxCatchUp files per poll', async () => {
    await addGdelt({ order: 'newest', maxCatchUp: 2 });
    server.publish(STAMPS[0], allParts[0]);
    await round();
    for (let k = 1; k < 5; k++) server.publish(STAMPS[k], allParts[k]);
    server.requests.length = 0;
    const r1 = await round();
    expect(requested(/masterfilelist/)).toHaveLength(1);
    expect(requested(/\.zip$/)).toEqual([STAMPS[4], STAMPS[3]].map((s) => `/gdeltv2/${s}.export.CSV.zip`));
    expect(r1.outcomes[0].added).toBe(await reference([4, 3]));
    // The backlog brings the source back at once.
    const s = (await store.listSources())[0];
    expect(Date.parse(s.nextFetchAt!)).toBeLessThanOrEqual(Date.now());
    server.requests.length = 0;
    await round();
    expect(requested(/\.zip$/)).toEqual([STAMPS[2], STAMPS[1]].map((s) => `/gdeltv2/${s}.export.CSV.zip`));
    expect(events()).toBe(await reference([0, 1, 2, 3, 4]));
    server.requests.length = 0;
    await round();
    expect(requested(/\.zip$/)).toEqual([]);
  });

  it('catches up oldest first by default', async () => {
    await addGdelt();
    server.publish(STAMPS[0], parts[0]);
    await round();
    for (let k = 1; k < 3; k++) server.publish(STAMPS[k], parts[k]);
    server.requests.length = 0;
    await round();
    expect(requested(/\.zip$/)).toEqual([STAMPS[1], STAMPS[2]].map((s) => `/gdeltv2/${s}.export.CSV.zip`));
    expect(events()).toBe(await reference([0, 1, 2]));
  });

  it('refuses a truncated download and an MD5 mismatch, imports nothing of them, and takes them once fixed', async () => {
    const src = await addGdelt();
    server.publish(STAMPS[0], parts[0], undefined, { truncate: true });
    const r = await round();
    expect(r.outcomes[0].error).toMatch(/bytes, the list says/);
    expect(events()).toBe(0);
    let s = (await store.getSource(src.id))!;
    expect(s.failures).toBe(1);
    expect(s.lastError).toMatch(/truncated/);
    expect(Date.parse(s.nextFetchAt!)).toBeGreaterThan(Date.now() + 15 * 60_000);

    server.publish(STAMPS[1], parts[1], undefined, { md5: '0'.repeat(32) });
    const r2 = await round();
    // The truncated file is tried again, and fails again, beside the new one.
    expect(r2.outcomes[0].error).toMatch(/^2 files failed/);
    expect(logs.filter((l) => /MD5 [0-9a-f]{32} does not match/.test(l))).toHaveLength(1);
    expect(events()).toBe(0);
    s = (await store.getSource(src.id))!;
    expect(s.failures).toBe(2);

    server.publish(STAMPS[0], parts[0]);
    server.publish(STAMPS[1], parts[1]);
    await round();
    expect(events()).toBe(await reference([0, 1]));
    expect((await store.getSource(src.id))!).toMatchObject({ failures: 0 });
  });

  it('refuses a file whose column layout changed, importing none of its rows', async () => {
    await addGdelt();
    const changed = Buffer.from(sample.slice(0, 30).map((l, i) => (i === 20 ? `${l}\textra` : l)).join('\n'));
    server.publish(STAMPS[0], changed);
    const r = await round();
    expect(r.outcomes[0].error).toMatch(/line 21: expected 61/);
    expect(events()).toBe(0);
  });

  it('backs off a source during a 503 storm, honouring Retry-After, while another host goes on', async () => {
    const other = await startSourceServer();
    try {
      const two = new Fetcher({ allowPrivate: [new URL(server.origin).host, new URL(other.origin).host], maxBytes: 2 ** 24, timeoutMs: 10_000, hostIntervalMs: 0 });
      fetcher.close();
      fetcher = two;
      const storm = await addGdelt();
      const calm = await store.addSource(sourceInput({ kind: 'gdelt', target: other.gdelt }));
      server.publish(STAMPS[0], parts[0]);
      other.publish(STAMPS[0], parts[1]);
      server.fail('/gdeltv2/', 1000, 3600);
      const r = await round();
      const byId = new Map(r.outcomes.map((o) => [o.id, o]));
      expect(byId.get(storm.id)!.error).toMatch(/503/);
      expect(byId.get(calm.id)!).toMatchObject({ added: await reference([1]), error: null });
      const s = (await store.getSource(storm.id))!;
      expect(s.failures).toBe(1);
      // Retry-After: 3600 s is longer than the doubled 15-minute interval.
      expect(Date.parse(s.nextFetchAt!) - Date.parse(s.lastErrorAt!)).toBeGreaterThanOrEqual(3600_000);
      // Not due: the stormy server is not asked again, the calm one still is.
      const asked = server.requests.length;
      await pollDue(store, { fetcher, log: () => undefined });
      expect(server.requests.length).toBe(asked);
      // Each failure in a row doubles the wait.
      await store.updateSource(storm.id, { nextFetchAt: null });
      server.fail('/gdeltv2/', 1000);
      const t = new Fetcher({ allowPrivate: true, maxBytes: 2 ** 24, timeoutMs: 10_000, hostIntervalMs: 0 });
      try {
        await pollDue(store, { fetcher: t, log: () => undefined });
      } finally {
        t.close();
      }
      const s2 = (await store.getSource(storm.id))!;
      expect(s2.failures).toBe(2);
      expect(Date.parse(s2.nextFetchAt!) - Date.parse(s2.lastErrorAt!)).toBe(4 * 15 * 60_000);
    } finally {
      await other.close();
    }
  });
});

const rss = (items: Array<{ guid: string; title: string; text: string; link?: string }>) => `<?xml version="1.0"?>
<rss version="2.0"><channel><title>t</title>${items.map((i) => `<item><guid>${i.guid}</guid><title>${i.title}</title>${i.link ? `<link>${i.link}</link>` : ''}<description>${i.text}</description><pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate></item>`).join('')}</channel></rss>`;
const documents = () => count('SELECT count(*) AS n FROM documents');

describe('following a feed', () => {
  it('asks conditionally, takes only new items, and de-duplicates by GUID, URL and content', async () => {
    const feed = `${server.origin}/news.rss`;
    const src = await store.addSource(sourceInput({ kind: 'feed', target: feed }));
    const a = { guid: 'a', title: 'Talks in Moscow', text: 'Russia hosted talks with China in Moscow on 2 March 2026. '.repeat(12) };
    server.put('/news.rss', rss([a]), 'application/rss+xml');
    expect((await round()).outcomes[0]).toMatchObject({ added: 1, error: null });
    await round();
    const feedRequests = server.requests.filter((r) => r.path === '/news.rss');
    expect(feedRequests.at(-1)).toMatchObject({ status: 304, ifNoneMatch: expect.stringMatching(/^"/) });
    // A new item, and the old one again under another GUID: only the new one is taken.
    const b = { guid: 'b', title: 'Aid to Pyongyang', text: 'Russia delivered artillery shells to North Korea on 3 March 2026, officials said. '.repeat(10) };
    server.put('/news.rss', rss([b, { ...a, guid: 'a-again' }]), 'application/rss+xml');
    expect((await round()).outcomes[0].added).toBe(1);
    expect(documents()).toBe(2);
    expect((await store.getSource(src.id))!.itemsAdded).toBe(2);
  });

  it('fetches the article of an item that carries only a summary', async () => {
    server.put('/story.html', `<html><head><title>Shells</title></head><body><article><h1>Shells</h1>${'<p>Russia delivered artillery shells to North Korea on 3 March 2026, officials in Seoul said on Wednesday, citing satellite images of the port.</p>'.repeat(8)}</article></body></html>`, 'text/html');
    server.put('/news.rss', rss([{ guid: 's', title: 'Shells', text: 'Short summary.', link: `${server.origin}/story.html` }]), 'application/rss+xml');
    await store.addSource(sourceInput({ kind: 'feed', target: `${server.origin}/news.rss` }));
    await round();
    expect(server.requests.map((r) => r.path)).toContain('/story.html');
    const db = new Database(dbFile, { readonly: true });
    try {
      const text = (db.prepare('SELECT text FROM documents').get() as { text: string }).text;
      expect(text).toMatch(/satellite images of the port/);
    } finally {
      db.close();
    }
  });

  it('records a feed that turned into HTML as the source error, and goes on later', async () => {
    const src = await store.addSource(sourceInput({ kind: 'feed', target: `${server.origin}/news.rss` }));
    server.put('/news.rss', '<!doctype html><html><body>Maintenance</body></html>', 'text/html');
    const r = await round();
    expect(r.outcomes[0].error).toMatch(/no longer an RSS or Atom feed/);
    expect((await store.getSource(src.id))!).toMatchObject({ failures: 1, lastError: expect.stringMatching(/feed/) });
    server.put('/news.rss', rss([{ guid: 'x', title: 'Back', text: 'Russia hosted talks with China in Moscow on 2 March 2026. '.repeat(12) }]), 'application/rss+xml');
    expect((await round()).outcomes[0]).toMatchObject({ added: 1, error: null });
  });

  it('raises an alert on a watched dyad from a followed item and delivers it to the webhook', async () => {
    let hook: TestServer | null = null;
    try {
      hook = await startWebhook(['ok']);
      await addWatch(store, { a: 'RUS', b: 'PRK', threshold: 0, webhook: hook.url });
      await store.addSource(sourceInput({ kind: 'feed', target: `${server.origin}/news.rss` }));
      server.put('/news.rss', rss([{ guid: 'b', title: 'Aid to Pyongyang', text: 'Russia delivered artillery shells to North Korea on 3 March 2026, officials said. '.repeat(10) }]), 'application/rss+xml');
      const r = await round();
      expect(r.alerts.map((a) => a.dyad)).toEqual(['RUS–PRK']);
      expect(hook.received).toHaveLength(1);
      expect(hook.received[0].body).toMatchObject({ alert: { kind: 'event', data: { event: { type: 'AID', sources: ['RUS'], targets: ['PRK'] } } } });
      // The next round adds nothing and alerts nothing.
      expect((await round()).alerts).toEqual([]);
    } finally {
      await hook?.close();
    }
  });
});

describe('the follow loop', () => {
  /** Waits for a condition, as a user watching the store would; the test's own timeout bounds it. */
  async function until(what: () => boolean | Promise<boolean>): Promise<void> {
    while (!(await what())) await new Promise((r) => setTimeout(r, 50));
  }

  it('imports three 15-minute files as they appear and a feed item, and alerts a webhook, on its own schedule', async () => {
    const hook = await startWebhook(['ok']);
    const stop = new AbortController();
    try {
      await addWatch(store, { a: 'RUS', b: 'PRK', threshold: 0, webhook: hook.url });
      await store.addSource(sourceInput({ kind: 'gdelt', target: server.gdelt, every: '1s' }));
      await store.addSource(sourceInput({ kind: 'feed', target: `${server.origin}/news.rss`, every: '1s' }));
      server.put('/news.rss', rss([]), 'application/rss+xml');
      server.publish(STAMPS[0], parts[0]);
      const rounds: RoundResult[] = [];
      const running = follow(store, {
        allowPrivate: [new URL(server.origin).host], maxBytes: 2 ** 24, timeoutMs: 10_000, hostIntervalMs: 0,
        tickMs: 100, signal: stop.signal, log: (l) => logs.push(l), onRound: (r) => rounds.push(r),
      });
      const expected = [await reference([0]), await reference([1]), await reference([2])];
      await until(() => events() === expected[0]);
      server.publish(STAMPS[1], parts[1]);
      await until(() => events() === expected[0] + expected[1]);
      server.publish(STAMPS[2], parts[2]);
      await until(() => events() === expected[0] + expected[1] + expected[2]);
      expect(hook.received).toHaveLength(0);
      server.put('/news.rss', rss([{ guid: 'b', title: 'Aid to Pyongyang', text: 'Russia delivered artillery shells to North Korea on 3 March 2026, officials said. '.repeat(10) }]), 'application/rss+xml');
      await until(() => hook.received.length === 1);
      expect(hook.received[0].body).toMatchObject({ alert: { dyad: 'RUS–PRK', kind: 'event' } });
      stop.abort();
      await running;
      // Each file once, the feed's item once, and no poll failed.
      expect(requested(/\.zip$/)).toEqual(STAMPS.slice(0, 3).map((s) => `/gdeltv2/${s}.export.CSV.zip`));
      expect(documents()).toBe(1);
      expect(rounds.flatMap((r) => r.outcomes).filter((o) => o.error)).toEqual([]);
    } finally {
      stop.abort();
      await hook.close();
    }
  });
});
