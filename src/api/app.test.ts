import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testApi, type TestApi } from '../../test/api-app.js';
import { createApp } from './app.js';
import { EntenteError } from '../domain/errors.js';
import { CONTENT_SECURITY_POLICY } from './security-headers.js';

let t: TestApi;
beforeAll(async () => { t = await testApi({ starter: true }); });
afterAll(async () => t.close());

describe('meta routes', () => {
  it('answers health without a token', async () => {
    const r = await t.as(null, { url: '/api/health' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ ok: true, open: false });
  });
  it('tells a caller its role, and 401 without a token', async () => {
    expect((await t.as('editor', { url: '/api/me' })).json().role).toBe('editor');
    expect((await t.as('viewer', { url: '/api/me?token=ignored' })).json().role).toBe('viewer');
    expect((await t.as(null, { url: `/api/me?token=${t.tokens.admin}` })).json().role).toBe('admin');
    const none = await t.as(null, { url: '/api/me' });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('UNAUTHORIZED');
  });
  it('serves an OpenAPI 3.1 document generated from the routes', async () => {
    const doc = (await t.as(null, { url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/api/events', '/api/events/{id}', '/api/documents/{id}', '/api/ingest', '/api/tokens', '/api/alerts/stream', '/api/network/diff', '/api/audit']) {
      expect(doc.paths[p], p).toBeDefined();
    }
    const list = doc.paths['/api/events'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['actor', 'with', 'type', 'modality', 'origin', 'limit', 'offset']));
    expect(list.parameters.find((p: { name: string }) => p.name === 'limit').schema.maximum).toBe(1000);
    expect(doc.paths['/api/events/{id}'].patch.requestBody.content['application/json'].schema.properties.type.enum).toContain('ASSAULT');
    expect(doc.paths['/api/ingest'].post.requestBody.content['multipart/form-data']).toBeDefined();
    expect(doc.paths['/api/health'].get.security).toBeUndefined();
    expect(doc.paths['/api/tokens'].post.security).toBeDefined();
  });
  it('serves a docs page with no scripts', async () => {
    const r = await t.as(null, { url: '/api/docs' });
    expect(r.headers['content-type']).toMatch(/text\/html/);
    expect(r.body).toContain('/api/events/{id}');
    expect(r.body).not.toMatch(/<script/i);
  });
});

describe('security headers', () => {
  it.each(['/api/health', '/api/events', '/api/nope', '/', '/api/docs'])('%s carries the CSP and friends', async (url) => {
    const r = await t.as(null, { url });
    expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
  });
  it('forbids inline scripts', () => {
    const script = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'));
    expect(script).toBe("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
});

describe('host check', () => {
  it('answers only to the names it is given, on any port', async () => {
    const app = await createApp({ store: t.store, settings: t.settings, open: true, webDir: join(t.dir, 'none'), allowedHosts: ['127.0.0.1', 'localhost', '[::1]'] });
    try {
      for (const host of ['127.0.0.1:8787', 'localhost:5173', '[::1]:8787', 'LOCALHOST']) expect((await app.inject({ url: '/api/events', headers: { host } })).statusCode, host).toBe(200);
      for (const host of ['evil.example:8787', 'evil.example', '127.0.0.1.evil.example']) {
        const r = await app.inject({ url: '/api/health', headers: { host } });
        expect(r.statusCode, host).toBe(403);
        expect(r.json().error.code).toBe('FORBIDDEN');
      }
    } finally {
      await app.close();
    }
  });
});

describe('errors', () => {
  it.each([
    ['/api/nope', 404, 'NOT_FOUND'],
    ['/api/events/999999', 404, 'NOT_FOUND'],
    ['/api/events/not-an-id', 404, 'NOT_FOUND'],
    ['/api/documents/424242', 404, 'NOT_FOUND'],
    ['/api/events?limit=0', 400, 'BAD_INPUT'],
    ['/api/events?limit=abc', 400, 'BAD_INPUT'],
    ['/api/events?type=ASSAULT,HUGS', 400, 'BAD_INPUT'],
    ['/api/events?modality=sure', 400, 'BAD_INPUT'],
    ['/api/events?from=yesterday', 400, 'BAD_INPUT'],
    ['/api/timeline', 400, 'BAD_INPUT'],
    ['/api/search?q=', 400, 'BAD_INPUT'],
    ['/api/series?a=RUS&by=fortnight', 400, 'BAD_INPUT'],
    ['/api/network', 400, 'BAD_INPUT'],
    ['/api/network/diff?from1=2020&to1=2021', 400, 'BAD_INPUT'],
    ['/api/spillover?cause=RU%24-UKR&effect=PRK-RUS', 400, 'BAD_INPUT'],
  ])('GET %s → %i %s, one shape', async (url, status, code) => {
    const r = await t.as('viewer', { url });
    expect(r.statusCode).toBe(status);
    const body = r.json();
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error.code).toBe(code);
    expect(typeof body.error.message).toBe('string');
    expect(body.error.message).not.toMatch(/\n\s+at /);
  });
  it('names the field that failed validation', async () => {
    const r = await t.as('viewer', { url: '/api/events?limit=5000' });
    expect(r.json().error.message).toMatch(/^query\.limit: /);
  });
  it('refuses malformed JSON with 400, not 500', async () => {
    const r = await t.as('editor', { method: 'POST', url: '/api/watches', headers: { 'content-type': 'application/json' }, payload: '{"a": "RUS",' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('BAD_INPUT');
  });
  it('hides internal failures behind a 500 without details', async () => {
    const broken = { ...t.store, listEvents: async () => { throw new Error('SQLITE_CORRUPT: secret/path/db'); } };
    const app = await createApp({ store: broken, settings: t.settings, open: true, webDir: join(t.dir, 'none') });
    const r = await app.inject({ url: '/api/events' });
    await app.close();
    expect(r.statusCode).toBe(500);
    expect(r.json()).toEqual({ error: { code: 'INTERNAL', message: 'internal error' } });
  });
  it('answers a database failure with 503 DB_ERROR and its reason, but not the message (SQL, path)', async () => {
    const locked = { ...t.store, listActors: async () => { throw new EntenteError('DB_ERROR', 'SELECT * FROM actors: database is locked (/home/x/secret.db)', { sqlite: 'SQLITE_BUSY', why: 'the database is locked by another writer; try again when it is done' }); } };
    const seen: EntenteError[] = [];
    const app = await createApp({ store: locked, settings: t.settings, open: true, webDir: join(t.dir, 'none'), onDatabaseError: (e) => seen.push(e) });
    const r = await app.inject({ url: '/api/actors' });
    await app.close();
    expect(r.statusCode).toBe(503);
    expect(r.json()).toEqual({ error: { code: 'DB_ERROR', message: 'database unavailable: the database is locked by another writer; try again when it is done' } });
    expect(seen.map((e) => e.details?.sqlite)).toEqual(['SQLITE_BUSY']);
  });
});

describe('every list is capped and paginated', () => {
  it.each([
    '/api/events?modality=asserted,speculative',
    '/api/timeline?actor=PRK',
    '/api/actors',
    '/api/documents',
    '/api/search?q=treaty',
    '/api/alerts',
    '/api/watches',
    '/api/audit',
    '/api/tokens',
  ])('%s has rows, total, limit, offset, truncated, and pages', async (url) => {
    const role = url.startsWith('/api/tokens') ? 'admin' : 'editor';
    const sep = url.includes('?') ? '&' : '?';
    const first = (await t.as(role, { url: `${url}${sep}limit=2` })).json();
    expect(Object.keys(first).sort()).toEqual(['limit', 'offset', 'rows', 'total', 'truncated']);
    expect(first.limit).toBe(2);
    expect(first.rows.length).toBeLessThanOrEqual(2);
    expect(first.truncated).toBe(first.total === null ? first.rows.length === 2 : first.total > 2);
    const capped = await t.as(role, { url: `${url}${sep}limit=1001` });
    expect(capped.statusCode).toBe(400);
  });
  it('pages through events without overlap', async () => {
    const a = (await t.as('viewer', { url: '/api/events?limit=10&offset=0' })).json();
    const b = (await t.as('viewer', { url: '/api/events?limit=10&offset=10' })).json();
    expect(a.truncated).toBe(true);
    expect(a.total).toBeGreaterThan(20);
    const ids = new Set(a.rows.map((e: { id: string }) => e.id));
    expect(b.rows.some((e: { id: string }) => ids.has(e.id))).toBe(false);
  });
  it('defaults to 100 rows', async () => {
    expect((await t.as('viewer', { url: '/api/events' })).json().limit).toBe(100);
  });
});

describe('events, documents, actors, timeline', () => {
  it('filters events by dyad, type and date', async () => {
    const r = (await t.as('viewer', { url: '/api/events?actor=RUS&with=PRK&type=AGREE&from=2000&to=2024-12' })).json();
    const titles = r.rows.map((e: { attrs: { title: string } }) => e.attrs.title);
    expect(titles.some((x: string) => /Comprehensive Strategic Partnership/.test(x))).toBe(true);
    expect(titles.some((x: string) => /Friendship, Good-Neighbourliness/.test(x))).toBe(true);
    for (const e of r.rows) {
      expect(e.type).toBe('AGREE');
      expect([...e.sources, ...e.targets]).toEqual(expect.arrayContaining(['RUS', 'PRK']));
    }
    // must not: the 1961 Soviet treaty is SUN, not RUS
    expect(titles.some((x: string) => /1961|Soviet–North Korean Treaty/.test(x))).toBe(false);
  });
  it('keeps speculative events out unless asked', async () => {
    const plain = (await t.as('viewer', { url: '/api/events?actor=PRK&with=RUS&type=AID' })).json();
    const all = (await t.as('viewer', { url: '/api/events?actor=PRK&with=RUS&type=AID&modality=asserted,speculative' })).json();
    expect(plain.rows.every((e: { modality: string }) => e.modality === 'asserted')).toBe(true);
    expect(all.rows.some((e: { modality: string }) => e.modality === 'speculative')).toBe(true);
  });
  it('gives the event detail with mentions and versions', async () => {
    const id = (await t.as('viewer', { url: '/api/events?limit=1' })).json().rows[0].id;
    const e = (await t.as('viewer', { url: `/api/events/${id}` })).json();
    expect(e.id).toBe(id);
    expect(Array.isArray(e.mentions)).toBe(true);
    expect(Array.isArray(e.versions)).toBe(true);
  });
  it('lists a timeline in date order, across centuries', async () => {
    const r = (await t.as('viewer', { url: '/api/timeline?actor=KOR&limit=200' })).json();
    const starts = r.rows.map((e: { date: { start: string } }) => e.date.start);
    expect(starts[0] < '1950').toBe(true);
    expect(starts.at(-1) > '2020').toBe(true);
    expect([...starts].sort()).toEqual(starts);
  });
  it('lists actors with names and event counts', async () => {
    const rows = (await t.as('viewer', { url: '/api/actors?limit=50' })).json().rows;
    expect(rows.find((a: { code: string }) => a.code === 'PRK')).toMatchObject({ name: expect.any(String), events: expect.any(Number) });
  });
});

describe('the web UI', () => {
  it('explains how to build it when web/dist is missing', async () => {
    const r = await t.as(null, { url: '/' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('npm run build:web');
  });
  it('serves the build, with index.html for client routes and JSON 404s under /api', async () => {
    const web = join(t.dir, 'web');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Entente UI</title><script type="module" src="/assets/app.js"></script>');
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
    const app = await createApp({ store: t.store, settings: t.settings, webDir: web });
    try {
      const home = await app.inject({ url: '/' });
      expect(home.body).toContain('Entente UI');
      expect((await app.inject({ url: '/network?from=2022' })).body).toContain('Entente UI');
      const js = await app.inject({ url: '/assets/app.js' });
      expect(js.headers['content-type']).toMatch(/javascript/);
      expect(js.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect((await app.inject({ url: '/assets/missing.js' })).statusCode).toBe(404);
      const api = await app.inject({ url: '/api/nothing-here' });
      expect(api.statusCode).toBe(404);
      expect(api.json().error.code).toBe('NOT_FOUND');
    } finally {
      await app.close();
    }
  });
});
