import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../../test/api-app.js';

const json = { 'content-type': 'application/json' };

let t: TestApi;
beforeAll(async () => {
  t = await testApi({});
});
afterAll(async () => t.close());

describe('sources (admin)', () => {
  it('adds, lists, pauses, resumes and removes a source; editors may not', async () => {
    const body = JSON.stringify({ kind: 'gdelt', every: '15m', mentions: true, order: 'newest' });
    expect((await t.as('editor', { method: 'POST', url: '/api/sources', headers: json, payload: body })).statusCode).toBe(403);
    const made = await t.as('admin', { method: 'POST', url: '/api/sources', headers: json, payload: body });
    expect(made.statusCode).toBe(201);
    const s = made.json();
    expect(s).toMatchObject({ kind: 'gdelt', everySeconds: 900, paused: false, itemsAdded: 0, lastError: null, options: { mentions: true, order: 'newest' } });
    expect(s.target).toMatch(/^http:\/\/data\.gdeltproject\.org\/gdeltv2\/$/);
    expect(s).not.toHaveProperty('state');
    expect((await t.as('admin', { method: 'POST', url: `/api/sources/${s.id}/pause` })).json()).toMatchObject({ paused: true });
    expect((await t.as('admin', { url: '/api/sources' })).json().rows).toMatchObject([{ id: s.id, paused: true }]);
    expect((await t.as('admin', { method: 'POST', url: `/api/sources/${s.id}/resume` })).json()).toMatchObject({ paused: false, nextFetchAt: null });
    expect((await t.as('viewer', { url: '/api/sources' })).statusCode).toBe(403);
    expect((await t.as('admin', { method: 'DELETE', url: `/api/sources/${s.id}` })).statusCode).toBe(200);
    const gone = await t.as('admin', { method: 'DELETE', url: `/api/sources/${s.id}` });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('NOT_FOUND');
  });

  it.each([
    [{ kind: 'feed', target: 'file:///etc/passwd' }],
    [{ kind: 'feed', target: 'https://example.org/a.rss', every: 'often' }],
    [{ kind: 'acled' }],
    [{ kind: 'weather', target: 'https://example.org/' }],
  ])('refuses %j with BAD_INPUT', async (payload) => {
    const r = await t.as('admin', { method: 'POST', url: '/api/sources', headers: json, payload: JSON.stringify(payload) });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('BAD_INPUT');
  });
});
