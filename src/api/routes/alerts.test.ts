import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { testApi, type TestApi } from '../../../test/api-app.js';
import { createApp } from '../app.js';

const json = { 'content-type': 'application/json' };

let t: TestApi;
let base: string;
beforeAll(async () => {
  t = await testApi({ starter: true });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const addr = t.app.server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(async () => t.close());

/** Reads a server-sent-event stream until `until` matches the text so far, or the time runs out. */
async function readStream(res: Response, until: RegExp, ms: number): Promise<string> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + ms;
  try {
    while (!until.test(text) && Date.now() < deadline) {
      const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), Math.max(1, deadline - Date.now())))]);
      if (!chunk || chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
  } finally {
    await reader.cancel();
  }
  return text;
}

describe('watches', () => {
  it('adds, lists and removes a watch', async () => {
    const made = await t.as('editor', { method: 'POST', url: '/api/watches', headers: json, payload: JSON.stringify({ a: 'usa', b: 'prk', threshold: 5, label: 'test' }) });
    expect(made.statusCode).toBe(201);
    const w = made.json();
    expect(w).toMatchObject({ a: 'USA', b: 'PRK', threshold: 5, webhook: null, label: 'test' });
    expect((await t.as('viewer', { url: '/api/watches' })).json().rows.map((x: { id: string }) => x.id)).toContain(w.id);
    expect((await t.as('editor', { method: 'DELETE', url: `/api/watches/${w.id}` })).statusCode).toBe(200);
    expect((await t.as('editor', { method: 'DELETE', url: `/api/watches/${w.id}` })).statusCode).toBe(404);
  });
  it.each([
    [{ a: 'RUS', b: 'RUS' }, 400],
    [{ b: 'PRK' }, 400],
    [{ a: 'RUS', threshold: 11 }, 400],
    [{ a: 'RUS', webhook: 'ftp://example.org/' }, 400],
    [{ a: 'RUS', webhook: 'http://127.0.0.1:9/hook' }, 403],
    [{ a: 'RUS', webhook: 'http://169.254.169.254/' }, 403],
  ])('refuses %j', async (body, status) => {
    const r = await t.as('editor', { method: 'POST', url: '/api/watches', headers: json, payload: JSON.stringify(body) });
    expect(r.statusCode).toBe(status);
  });
});

describe('webhook URLs', () => {
  const secret = 'https://hooks.example.org/services/T000/B000/s3cr3tXYZ?key=abc';
  it.each([
    ['admin', secret],
    ['editor', null],
    ['viewer', null],
  ] as const)('%s reads the webhook as %s, and its host', async (role, webhook) => {
    const w = await t.store.addWatch({ a: 'USA', b: 'CHN', threshold: 7, webhook: secret, label: `hook for ${role}` });
    const listed = (await t.as(role, { url: '/api/watches' })).json().rows.find((x: { id: string }) => x.id === w.id);
    expect(listed).toMatchObject({ webhook, webhookHost: 'https://hooks.example.org' });
    expect(JSON.stringify(listed).includes('s3cr3t')).toBe(role === 'admin');
    await t.store.removeWatch(w.id);
  });
  it('a reader without a token under --open sees the host only', async () => {
    const w = await t.store.addWatch({ a: 'USA', b: 'CHN', threshold: 7, webhook: secret, label: 'open' });
    const app = await createApp({ store: t.store, settings: t.settings, open: true, webDir: join(t.dir, 'none') });
    try {
      const r = await app.inject({ url: '/api/watches' });
      expect(r.statusCode).toBe(200);
      expect(r.body).not.toContain('s3cr3t');
      expect(r.json().rows.find((x: { id: string }) => x.id === w.id)).toMatchObject({ webhook: null, webhookHost: 'https://hooks.example.org' });
    } finally {
      await app.close();
      await t.store.removeWatch(w.id);
    }
  });
  it('a watch without a webhook has neither', async () => {
    const made = await t.as('editor', { method: 'POST', url: '/api/watches', headers: json, payload: JSON.stringify({ a: 'USA', b: 'IRN' }) });
    expect(made.json()).toMatchObject({ webhook: null, webhookHost: null });
    await t.store.removeWatch(made.json().id);
  });
});

describe('alerts', () => {
  it('streams a new alert to a listener as soon as an ingest raises it, and lists it and feeds it', async () => {
    const watch = await t.as('editor', { method: 'POST', url: '/api/watches', headers: json, payload: JSON.stringify({ a: 'RUS', b: 'PRK', threshold: 6 }) });
    expect(watch.statusCode).toBe(201);
    const stream = await fetch(`${base}/api/alerts/stream?token=${t.tokens.viewer}`);
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    expect(stream.headers.get('content-security-policy')).toContain("script-src 'self'");
    const reading = readStream(stream, /event: alert\ndata: .*\n\n/, 30_000);
    // The stream is open before the ingest, so the alert is new to it.
    await new Promise((r) => setTimeout(r, 200));
    const text = 'Russia supplied weapons to North Korea on March 3, 2025. Russian forces attacked North Korea on March 5, 2025.';
    const ingest = await fetch(`${base}/api/ingest`, { method: 'POST', headers: { ...json, authorization: `Bearer ${t.tokens.editor}` }, body: JSON.stringify({ text, published: '2025-03-04' }) });
    expect(ingest.status).toBe(201);
    const received = await reading;
    const m = /event: alert\ndata: (.*)\n\n/.exec(received);
    expect(m, received).not.toBeNull();
    const alert = JSON.parse(m![1]);
    expect(alert).toMatchObject({ watchId: watch.json().id, kind: 'event' });
    expect(alert.dyad).toMatch(/RUS.*PRK|PRK.*RUS/);

    const list = (await t.as('viewer', { url: '/api/alerts' })).json();
    expect(list.rows.map((a: { id: string }) => a.id)).toContain(alert.id);
    const atom = await t.as('viewer', { url: '/api/alerts.atom' });
    expect(atom.headers['content-type']).toMatch(/application\/atom\+xml/);
    expect(atom.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(atom.body).toContain(`alert:${alert.id}</id>`);
  });
  it('sends a reconnecting listener what it missed after Last-Event-ID', async () => {
    const last = (await t.as('viewer', { url: '/api/alerts?limit=1' })).json().rows[0];
    expect(last).toBeDefined();
    const res = await fetch(`${base}/api/alerts/stream`, { headers: { authorization: `Bearer ${t.tokens.viewer}`, 'last-event-id': String(Number(last.id) - 1) } });
    const text = await readStream(res, /event: alert/, 5000);
    expect(text).toContain(`id: ${last.id}\n`);
  });
  it('streams alerts stored by another process too (the store is polled)', async () => {
    const stream = await fetch(`${base}/api/alerts/stream`, { headers: { authorization: `Bearer ${t.tokens.viewer}` } });
    const reading = readStream(stream, /event: alert\ndata: .*outside.*\n\n/, 15_000);
    await new Promise((r) => setTimeout(r, 300));
    const watchId = (await t.store.listWatches())[0].id;
    await t.store.addAlerts([{ watchId, kind: 'event', key: 'event:outside-1', title: 'raised outside', summary: 'by a CLI import', date: '2025-03-06', data: {} }]);
    expect(await reading).toMatch(/"title":"raised outside"/);
  });
  it.each([
    ['through the API', async (id: string) => { expect((await t.as('admin', { method: 'DELETE', url: `/api/tokens/${id}` })).statusCode).toBe(200); }],
    ['by another process (the store, as the CLI does)', async (id: string) => { expect(await t.store.revokeToken(id)).toBe(true); }],
  ])('stops a stream whose token is revoked %s: no alert after it, the stream ends', async (_how, revoke) => {
    const { token, info } = await t.store.createToken('viewer', 'stream test');
    const stream = await fetch(`${base}/api/alerts/stream?token=${token}`);
    expect(stream.status).toBe(200);
    const reading = readStream(stream, /event: error\ndata: .*\n\n/, 20_000);
    await new Promise((r) => setTimeout(r, 300));
    await revoke(info.id);
    const watchId = (await t.store.listWatches())[0].id;
    await t.store.addAlerts([{ watchId, kind: 'event', key: `event:after-revoke-${info.id}`, title: 'after revocation', summary: 'must not arrive', date: '2025-03-07', data: {} }]);
    const text = await reading;
    expect(text).not.toContain('after revocation');
    expect(text).toMatch(/event: error\ndata: \{"error":\{"code":"UNAUTHORIZED"/);
    // Reconnecting with the same token is refused.
    expect((await fetch(`${base}/api/alerts/stream?token=${token}`)).status).toBe(401);
  });
  it('keeps delivering on a stream whose token lives', async () => {
    const { token } = await t.store.createToken('viewer', 'live stream');
    const stream = await fetch(`${base}/api/alerts/stream`, { headers: { authorization: `Bearer ${token}` } });
    const reading = readStream(stream, /event: alert\ndata: .*still live.*\n\n/, 15_000);
    await new Promise((r) => setTimeout(r, 300));
    const watchId = (await t.store.listWatches())[0].id;
    await t.store.addAlerts([{ watchId, kind: 'event', key: 'event:still-live', title: 'still live', summary: 'arrives', date: '2025-03-08', data: {} }]);
    expect(await reading).toMatch(/"title":"still live"/);
  });
  it('refuses a stream without a token', async () => {
    const res = await fetch(`${base}/api/alerts/stream`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
  });
});
