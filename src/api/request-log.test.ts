import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { testApi, type TestApi } from '../../test/api-app.js';
import { openStore } from '../store/index.js';
import { createApp } from './app.js';
import { loggedPath } from './request-log.js';

let t: TestApi;
beforeAll(async () => { t = await testApi(); });
afterAll(async () => t.close());

describe('request log', () => {
  it.each([
    ['/api/events?token=ent_abc&limit=5', '/api/events?limit=5'],
    ['/api/events?limit=5&token=ent_abc', '/api/events?limit=5'],
    ['/api/alerts/stream?token=ent_abc', '/api/alerts/stream'],
    ['/api/events?%74oken=ent_abc', '/api/events'],
    ['/api/events?TOKEN=x&q=a', '/api/events?q=a'],
    ['/api/events?tokens=1', '/api/events?tokens=1'],
    ['/api/health', '/api/health'],
  ])('logs %s as %s', (url, logged) => {
    expect(loggedPath(url)).toBe(logged);
  });

  it('writes one JSON line per request, with the stack of a 500, and never a token', async () => {
    const lines: string[] = [];
    // A store whose database is closed under the server: every read fails for real.
    const gone = await openStore(t.settings);
    const app = await createApp({ store: gone, settings: t.settings, webDir: join(t.dir, 'none'), requestLog: (l) => lines.push(l) });
    try {
      const { token } = await gone.createToken('viewer');
      await gone.close();
      // Checking the token is the first read, and it fails: a 500 before the route runs.
      const failed = await app.inject({ url: `/api/events?token=${token}&limit=3`, headers: { authorization: `Bearer ${token}` } });
      expect(failed.statusCode).toBe(500);
    } finally {
      await app.close();
    }
    const live = await createApp({ store: t.store, settings: t.settings, webDir: join(t.dir, 'none'), requestLog: (l) => lines.push(l) });
    try {
      expect((await live.inject({ url: `/api/events?limit=2&token=${t.tokens.viewer}` })).statusCode).toBe(200);
      expect((await live.inject({ url: '/api/events', headers: { authorization: `Bearer ${t.tokens.editor}` } })).statusCode).toBe(200);
      expect((await live.inject({ url: '/api/events', headers: { authorization: 'Bearer ent_wrongwrongwrong' } })).statusCode).toBe(401);
      expect((await live.inject({ url: '/api/nowhere' })).statusCode).toBe(404);
    } finally {
      await live.close();
    }
    expect(lines).toHaveLength(5);
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries[0]).toMatchObject({ level: 'error', method: 'GET', path: '/api/events?limit=3', status: 500 });
    const err = entries[0].error as { message: string; stack: string };
    expect(err.message).toMatch(/not open|closed|after calling end/i);
    expect(err.stack).toMatch(/\n\s+at /);
    expect(entries.slice(1).map((e) => [e.level, e.path, e.status])).toEqual([
      ['info', '/api/events?limit=2', 200], ['info', '/api/events', 200], ['info', '/api/events', 401], ['info', '/api/nowhere', 404],
    ]);
    for (const e of entries) {
      expect(typeof e.time).toBe('string');
      expect(typeof e.ms).toBe('number');
    }
    const all = lines.join('\n');
    for (const secret of [t.tokens.viewer, t.tokens.editor, 'ent_wrongwrongwrong']) expect(all).not.toContain(secret);
    expect(all).not.toMatch(/ent_[A-Za-z0-9_-]{8,}/);
    expect(all).not.toMatch(/authorization|bearer/i);
  });
});
