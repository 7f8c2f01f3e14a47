// What the workbench relies on, over the starter dataset: actors typed as names resolve
// (and unknown ones are refused with suggestions), curation keeps its reasons and the
// audit log filters, events carry their source and summary, and the count agrees with
// the network and the series for the same filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../../test/api-app.js';

let t: TestApi;
beforeAll(async () => { t = await testApi({ starter: true }); });
afterAll(async () => t.close());

const json = { 'content-type': 'application/json' };
const get = async (url: string, role: 'viewer' | 'editor' = 'viewer') => {
  const r = await t.as(role, { url });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

describe('actor inputs', () => {
  it.each([
    ['PRK', 'PRK', 'code'], ['North Korea', 'PRK', 'name'], ['russia', 'RUS', 'name'], ['Putin', 'RUS', 'name'],
  ])('"%s" resolves to %s', async (q, code, how) => {
    const r = await get(`/api/actors/resolve?q=${encodeURIComponent(q)}`);
    expect(r.match).toMatchObject({ code, how });
  });
  it('a typo resolves to nothing but suggests the actor meant', async () => {
    const r = await get('/api/actors/resolve?q=Rusia');
    expect(r.match).toBeNull();
    expect(r.suggestions[0]).toEqual({ code: 'RUS', name: 'Russia' });
  });
  it('a series asked by names answers for the codes', async () => {
    const byName = await get('/api/series?a=Russia&b=North%20Korea&by=year');
    const byCode = await get('/api/series?a=RUS&b=PRK&by=year');
    expect(byName.dyad).toMatchObject({ a: 'RUS', b: 'PRK' });
    expect(byName.count.counted).toBe(byCode.count.counted);
    expect(byCode.count.counted).toBeGreaterThan(0);
  });
  it('refuses a watch on actors that do not exist, naming the field and suggesting', async () => {
    const r = await t.as('editor', { method: 'POST', url: '/api/watches', headers: json, payload: { a: 'RUSSIA-NORTHKOREA', b: 'Rusia' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('BAD_INPUT');
    const w = await t.as('editor', { method: 'POST', url: '/api/watches', headers: json, payload: { a: 'Russia', b: 'North Korea' } });
    expect(w.statusCode, w.body).toBe(201);
    expect(w.json()).toMatchObject({ a: 'RUS', b: 'PRK' });
  });
  it('a correction naming "Ukraine" stores UKR, and an unknown target is refused', async () => {
    const e = (await get('/api/events?actor=RUS&with=PRK&limit=1')).rows[0];
    const bad = await t.as('editor', { method: 'PATCH', url: `/api/events/${e.id}`, headers: json, payload: { targets: ['Ukrainia Republic'] } });
    expect(bad.statusCode).toBe(400);
    const ok = await t.as('editor', { method: 'PATCH', url: `/api/events/${e.id}`, headers: json, payload: { targets: ['Ukraine'], reason: 'the source names Kyiv' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().targets).toEqual(['UKR']);
    const audit = await get(`/api/audit?subject=${e.id}`, 'editor');
    expect(audit.rows[0]).toMatchObject({ action: 'correct', before: { targets: e.targets }, after: { targets: ['UKR'], reason: 'the source names Kyiv' } });
  });
});

describe('curation reasons and the audit filters', () => {
  it('keeps the reason of a rejection and filters the log by user and date', async () => {
    const e = (await get('/api/events?actor=JPN&limit=1')).rows[0];
    const r = await t.as('editor', { method: 'POST', url: `/api/events/${e.id}/reject`, headers: json, payload: { reason: 'duplicate of another record' } });
    expect(r.statusCode, r.body).toBe(200);
    const mine = await get(`/api/audit?subject=${e.id}&action=reject`, 'editor');
    expect(mine.rows[0].after).toEqual({ status: 'rejected', reason: 'duplicate of another record' });
    const byUser = await get(`/api/audit?user=${mine.rows[0].tokenId}`, 'editor');
    expect(byUser.total).toBeGreaterThanOrEqual(1);
    expect((await get('/api/audit?user=nobody', 'editor')).total).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await get(`/api/audit?from=${today}&to=${today}`, 'editor')).total).toBe(byUser.total);
    expect((await get('/api/audit?to=2000', 'editor')).total).toBe(0);
  });
});

describe('sources and counts', () => {
  it('every starter event has its source page and title; the detail agrees', async () => {
    const page = await get('/api/events?limit=50');
    for (const e of page.rows) {
      expect(e.sourceUrl).toMatch(/^https:\/\//);
      expect(e.summary).toBe(e.attrs.title);
    }
    expect((await get(`/api/events/${page.rows[0].id}`)).sourceUrl).toBe(page.rows[0].sourceUrl);
  });
  it('network tie, series and /api/count give one number for one pair and filters', async () => {
    const pairs = [['RUS', 'UKR'], ['PRK', 'KOR'], ['CHN', 'USA']];
    const net = await get('/api/network?from=0001&to=9999');
    for (const [a, b] of pairs) {
      const tie = net.edges.find((e: { source: string; target: string }) => [e.source, e.target].sort().join() === [a, b].sort().join());
      const c = await get(`/api/count?actor=${a}&with=${b}&by=month`);
      const s = await get(`/api/series?a=${a}&b=${b}&by=month`);
      expect(c.counted).toBe(tie?.events ?? 0);
      expect(s.count.counted).toBe(c.counted);
      expect(s.points.reduce((n: number, p: { events: number }) => n + p.events, 0) + s.unplaced).toBe(c.counted);
      expect(c.text).toContain(`${c.counted} event`);
    }
  });
  it('the map\'s per-actor counts equal /api/count for each actor and the same filters', async () => {
    for (const q of ['', 'from=1950&to=1991', 'from=2022-02&modality=asserted,speculative']) {
      const all = await get(`/api/actors/counts?${q}`);
      expect(all.actors.length).toBeGreaterThan(3);
      for (const code of ['RUS', 'PRK', 'SUN', 'UN']) {
        const c = await get(`/api/count?actor=${code}&${q}`);
        expect({ q, code, n: all.actors.find((a: { code: string }) => a.code === code)?.events ?? 0 }).toEqual({ q, code, n: c.counted });
      }
    }
  });
  it('the network keeps the top N actors and says how many there were', async () => {
    const n = await get('/api/network?from=0001&to=9999&top=5');
    expect(n.nodes).toHaveLength(5);
    expect(n.cut.actors.total).toBeGreaterThan(5);
    expect(n.counting).toMatch(/starting inside the window/);
  });
});

describe('a stale sign-in link', () => {
  it('opens the page (the app explains), while the API still refuses the token', async () => {
    const page = await t.app.inject({ url: '/?token=not-a-token' });
    expect(page.statusCode).not.toBe(401);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const api = await t.app.inject({ url: '/api/me?token=not-a-token' });
    expect(api.statusCode).toBe(401);
    expect(api.json().error.code).toBe('UNAUTHORIZED');
  });
  it('the Atom feed answers a token in its URL, as feed readers need', async () => {
    const r = await t.app.inject({ url: `/api/alerts.atom?token=${t.tokens.viewer}` });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/atom\+xml/);
  });
});

describe('search', () => {
  it('names actors for codes, names and leaders, each OR term on its own', async () => {
    expect((await get('/api/search/actors?q=Putin')).actors).toEqual([{ code: 'RUS', name: 'Russia' }]);
    expect((await get('/api/search/actors?q=PRK')).actors).toEqual([{ code: 'PRK', name: 'North Korea' }]);
    expect((await get('/api/search/actors?q=Ukraine%20OR%20%22North%20Korea%22')).actors.map((a: { code: string }) => a.code)).toEqual(['UKR', 'PRK']);
  });
  it('finds documents by phrase and by either word', async () => {
    // Words no other test's document holds (a store may be shared by several test files).
    const text = 'Pyongyang hosted a delegation. The quokka treaty was signed in June.';
    const r = await t.as('editor', { method: 'POST', url: '/api/ingest', headers: json, payload: { text, title: 'Treaty note', published: '2024-06-20' } });
    expect(r.statusCode, r.body).toBe(201);
    expect((await get('/api/search?q=%22quokka%20treaty%22')).total).toBeGreaterThan(0);
    expect((await get('/api/search?q=%22treaty%20quokka%22')).total).toBe(0);
    expect((await get('/api/search?q=zanzibar%20quokka')).total).toBe(0);
    expect((await get('/api/search?q=zanzibar%20OR%20quokka')).total).toBeGreaterThan(0);
  });
});

describe('search over events', () => {
  it('finds reference events by a word of their title, with type, actors, date and source link', async () => {
    const r = await get('/api/search?q=Putin&kind=event&limit=2');
    expect(r.total).toBeGreaterThanOrEqual(3);
    expect(r.truncated).toBe(true);
    expect(r.rows).toHaveLength(2);
    for (const h of r.rows) {
      expect(h).toMatchObject({ kind: 'event', origin: 'curated', documentId: null, sourceUrl: expect.stringMatching(/^https:\/\//) });
      expect(h.snippet).toContain('[Putin]');
      expect(h.title).toMatch(/Putin/);
      const e = await get(`/api/events/${h.eventId}`);
      expect(e).toMatchObject({ type: h.type, sources: h.sources, targets: h.targets, date: h.date, sourceUrl: h.sourceUrl });
    }
    const next = await get('/api/search?q=Putin&kind=event&limit=2&offset=2');
    expect(next.rows.map((h: { eventId: string }) => h.eventId)).not.toContain(r.rows[0].eventId);
  });
  it('finds events by an actor code, and keeps the kinds apart on request', async () => {
    const all = await get('/api/search?q=PRK&limit=1000');
    const events = await get('/api/search?q=PRK&kind=event&limit=1000');
    expect(events.total).toBeGreaterThan(0);
    expect(events.rows.every((h: { kind: string; sources: string[]; targets: string[] }) => h.kind === 'event' && [...h.sources, ...h.targets].includes('PRK'))).toBe(true);
    expect(all.rows.filter((h: { kind: string }) => h.kind === 'event')).toEqual(events.rows);
    const text = await get('/api/search?q=PRK&kind=document,mention&limit=1000');
    expect(all.total).toBe(events.total + text.total);
  });
  it('refuses an unknown kind', async () => {
    const r = await t.as('viewer', { url: '/api/search?q=PRK&kind=tweet' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('BAD_INPUT');
  });
});

describe('overview', () => {
  it('says what the store holds: events by origin, years, busiest actors', async () => {
    const o = await get('/api/overview');
    const listed = await get('/api/events?origin=curated&modality=asserted,speculative,conditional,negated,intended,question&limit=1');
    expect(o.byOrigin.curated).toBe(listed.total);
    expect(o.years.from < o.years.to).toBe(true);
    expect(o.busiestActors.length).toBeGreaterThan(3);
    expect(o.busiestActors[0].events).toBeGreaterThanOrEqual(o.busiestActors[1].events);
  });

  it('gives the busiest pairs with the counts the all-time network gives their ties', async () => {
    const o = await get('/api/overview');
    const net = await get('/api/network?from=0001&to=9999');
    const edges = [...net.edges].sort((x: { events: number }, y: { events: number }) => y.events - x.events);
    expect(o.busiestDyads.length).toBe(Math.min(12, edges.length));
    expect(o.busiestDyads.length).toBeGreaterThan(1);
    for (const d of o.busiestDyads) {
      const e = net.edges.find((x: { source: string; target: string }) => (x.source === d.a && x.target === d.b) || (x.source === d.b && x.target === d.a));
      expect(e?.events).toBe(d.events);
    }
    expect(o.busiestDyads.map((d: { events: number }) => d.events)).toEqual(edges.slice(0, o.busiestDyads.length).map((e: { events: number }) => e.events));
  });
});
