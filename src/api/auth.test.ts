import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { testApi, type TestApi } from '../../test/api-app.js';
import { queryTestDb } from '../../test/test-store.js';
import { createApp } from './app.js';

let t: TestApi;
beforeAll(async () => { t = await testApi({ starter: true }); });
afterAll(async () => t.close());

const json = { 'content-type': 'application/json' };

/** Every write endpoint, the role it needs, and a body that passes validation. */
const WRITES: Array<[string, string, 'editor' | 'admin', unknown]> = [
  ['POST', '/api/ingest', 'editor', { text: 'Russia and North Korea signed a treaty in Pyongyang on 19 June 2024.', published: '2024-06-20' }],
  ['POST', '/api/events/1/accept', 'editor', {}],
  ['POST', '/api/events/1/reject', 'editor', {}],
  ['PATCH', '/api/events/2', 'editor', { modality: 'speculative' }],
  ['POST', '/api/events/merge', 'editor', { ids: ['3', '4'] }],
  ['POST', '/api/events/5/split', 'editor', { mentionIds: ['1'] }],
  ['POST', '/api/actors/merge', 'editor', { from: 'GEO', into: 'GEO2' }],
  ['POST', '/api/watches', 'editor', { a: 'RUS', b: 'PRK' }],
  ['DELETE', '/api/watches/1', 'editor', undefined],
  ['POST', '/api/tokens', 'admin', { role: 'viewer' }],
  ['DELETE', '/api/tokens/tok_000000000000', 'admin', undefined],
];

describe('who may write', () => {
  it.each(WRITES)('%s %s: no token → 401', async (method, url, _role, body) => {
    const r = await t.as(null, { method: method as 'POST', url, headers: json, payload: body === undefined ? undefined : JSON.stringify(body) });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('UNAUTHORIZED');
  });
  it.each(WRITES)('%s %s: viewer → 403', async (method, url, _role, body) => {
    const r = await t.as('viewer', { method: method as 'POST', url, headers: json, payload: body === undefined ? undefined : JSON.stringify(body) });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('FORBIDDEN');
  });
  it.each(WRITES.filter((w) => w[2] === 'admin'))('%s %s: editor → 403', async (method, url, _role, body) => {
    const r = await t.as('editor', { method: method as 'POST', url, headers: json, payload: body === undefined ? undefined : JSON.stringify(body) });
    expect(r.statusCode).toBe(403);
  });
  it('GET /api/audit and GET /api/tokens need editor and admin', async () => {
    expect((await t.as('viewer', { url: '/api/audit' })).statusCode).toBe(403);
    expect((await t.as('editor', { url: '/api/audit' })).statusCode).toBe(200);
    expect((await t.as('editor', { url: '/api/tokens' })).statusCode).toBe(403);
    expect((await t.as('admin', { url: '/api/tokens' })).statusCode).toBe(200);
  });
  it('an admin may do what an editor may', async () => {
    const r = await t.as('admin', { method: 'POST', url: '/api/watches', headers: json, payload: JSON.stringify({ a: 'USA', b: 'KOR' }) });
    expect(r.statusCode).toBe(201);
  });
});

describe('who may read', () => {
  it.each(['/api/events', '/api/actors', '/api/documents', '/api/alerts', '/api/network?from=2022&to=2024'])('%s needs a token unless open', async (url) => {
    expect((await t.as(null, { url })).statusCode).toBe(401);
    expect((await t.as('viewer', { url })).statusCode).toBe(200);
    expect((await t.as(null, { url: `${url}${url.includes('?') ? '&' : '?'}token=${t.tokens.viewer}` })).statusCode).toBe(200);
  });
  it('with open reads, anyone reads and still nobody writes without a token', async () => {
    const app = await createApp({ store: t.store, settings: t.settings, open: true, webDir: join(t.dir, 'none') });
    try {
      expect((await app.inject({ url: '/api/events' })).statusCode).toBe(200);
      expect((await app.inject({ url: '/api/health' })).json().open).toBe(true);
      const write = await app.inject({ method: 'POST', url: '/api/ingest', headers: json, payload: JSON.stringify({ text: 'x' }) });
      expect(write.statusCode).toBe(401);
      expect((await app.inject({ url: '/api/audit' })).statusCode).toBe(401);
      // A wrong token is refused even where none is needed.
      expect((await app.inject({ url: '/api/events', headers: { authorization: 'Bearer ent_wrong' } })).statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });
  it.each([
    ['Bearer ent_not-a-real-token', 'unknown token'],
    ['Basic dXNlcjpwdw==', 'wrong scheme'],
    ['Bearer', 'missing token'],
  ])('refuses Authorization %j (%s) with 401', async (header) => {
    const r = await t.app.inject({ url: '/api/events', headers: { authorization: header } });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.code).toBe('UNAUTHORIZED');
  });
});

describe('tokens', () => {
  it('creates a token that works with its role, lists it without its secret, and revokes it', async () => {
    const made = await t.as('admin', { method: 'POST', url: '/api/tokens', headers: json, payload: JSON.stringify({ role: 'editor', label: 'ci' }) });
    expect(made.statusCode).toBe(201);
    const { token, info } = made.json();
    expect(token).toMatch(/^ent_[A-Za-z0-9_-]{43}$/);
    expect((await t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } })).json().role).toBe('editor');
    const list = await t.as('admin', { url: '/api/tokens?limit=1000' });
    expect(list.body).not.toContain(token);
    expect(list.json().rows.find((x: { id: string }) => x.id === info.id)).toMatchObject({ role: 'editor', label: 'ci', revokedAt: null });
    expect((await t.as('admin', { method: 'DELETE', url: `/api/tokens/${info.id}` })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
    expect((await t.as('admin', { method: 'DELETE', url: `/api/tokens/${info.id}` })).statusCode).toBe(404);
  });
  it('refuses an unknown role', async () => {
    const r = await t.as('admin', { method: 'POST', url: '/api/tokens', headers: json, payload: JSON.stringify({ role: 'root' }) });
    expect(r.statusCode).toBe(400);
  });
  it('stores only the SHA-256 of each token', async () => {
    const rows = await queryTestDb(t.settings.db, 'SELECT * FROM api_tokens');
    const dump = JSON.stringify(rows);
    for (const secret of Object.values(t.tokens)) {
      expect(dump).not.toContain(secret);
      expect(rows.some((r) => r.hash === createHash('sha256').update(secret).digest('hex'))).toBe(true);
    }
  });
});

describe('rate limits', () => {
  it('answers 429 RATE_LIMITED past the write limit, per token', async () => {
    const app = await createApp({ store: t.store, settings: t.settings, webDir: join(t.dir, 'none'), writesPerMinute: 3 });
    try {
      const post = (tok: string) => app.inject({ method: 'POST', url: '/api/events/1/accept', headers: { ...json, authorization: `Bearer ${tok}` }, payload: '{}' });
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await post(t.tokens.editor)).statusCode);
      expect(codes.slice(0, 3).every((c) => c === 200)).toBe(true);
      const limited = await post(t.tokens.editor);
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('RATE_LIMITED');
      expect(limited.headers['retry-after']).toBeDefined();
      // Another token has its own budget.
      expect((await post(t.tokens.admin)).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('failed authentication', () => {
  it('answers 429 with Retry-After to an address past 5 refused tokens a minute, whatever token it sends next; other addresses and requests without a token go on', async () => {
    const app = await createApp({ store: t.store, settings: t.settings, webDir: join(t.dir, 'none'), authFailuresPerMinute: 5 });
    try {
      const from = (remoteAddress: string, token: string | null, url = '/api/events') =>
        app.inject({ url, remoteAddress, headers: token ? { authorization: `Bearer ${token}` } : {} });
      for (let i = 0; i < 5; i++) {
        const r = await from('203.0.113.7', `ent_guess${i}`);
        expect(r.statusCode).toBe(401);
        expect(r.json().error.code).toBe('UNAUTHORIZED');
      }
      for (const token of ['ent_guess5', t.tokens.viewer]) {
        const r = await from('203.0.113.7', token);
        expect(r.statusCode).toBe(429);
        expect(r.json()).toEqual({ error: { code: 'RATE_LIMITED', message: expect.stringContaining('failed sign-ins') } });
        expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
        expect(Number(r.headers['retry-after'])).toBeLessThanOrEqual(60);
      }
      // A ?token= guess counts the same and is refused the same.
      expect((await app.inject({ url: '/api/events?token=ent_x', remoteAddress: '203.0.113.7' })).statusCode).toBe(429);
      expect((await from('203.0.113.7', null, '/api/health')).statusCode).toBe(200);
      expect((await from('203.0.113.8', t.tokens.viewer)).statusCode).toBe(200);
      // Malformed Authorization headers count as failures too.
      for (let i = 0; i < 5; i++) expect((await app.inject({ url: '/api/events', remoteAddress: '203.0.113.9', headers: { authorization: 'Basic x' } })).statusCode).toBe(401);
      expect((await from('203.0.113.9', t.tokens.viewer)).statusCode).toBe(429);
    } finally {
      await app.close();
    }
  });
});
