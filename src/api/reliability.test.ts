// Reproductions of the availability and error-shape faults found by the fault campaign
// (each case names the fault it guards against).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { connect, type AddressInfo } from 'node:net';
import { testApi, type TestApi } from '../../test/api-app.js';

let t: TestApi;
beforeAll(async () => { t = await testApi({ starter: true }); });
afterAll(async () => t.close());

describe('reads while another process writes', () => {
  it('answers authenticated reads while a CLI writer holds the write lock (they waited 10 s and gave 500)', async () => {
    const fresh = (await t.store.createToken('viewer')).token;
    const writer = new Database(join(t.dir, 'api.db'));
    writer.prepare('BEGIN IMMEDIATE').run();
    try {
      for (const url of ['/api/events', '/api/me', '/api/search?q=Russia', '/api/actors']) {
        const r = await t.app.inject({ url, headers: { authorization: `Bearer ${fresh}` } });
        expect(r.statusCode, url).toBe(200);
      }
    } finally {
      writer.prepare('ROLLBACK').run();
      writer.close();
    }
  });
});

describe('impossible dates and huge ranges', () => {
  const routes = ['/api/events?', '/api/timeline?actor=RUS&with=PRK&', '/api/series?a=RUS&b=PRK&', '/api/shifts?a=RUS&b=PRK&', '/api/network?', '/api/spillover?cause=RUS-UKR&effect=RUS-PRK&'];
  const dates = ['from=2023-13', 'from=2023-00', 'from=2023-12-32', 'to=2023-02-30', 'to=2023-02-29'];
  it.each(routes.flatMap((r) => dates.map((d) => `${r}${d}`)))('%s is a 400 BAD_INPUT (it was a 500)', async (url) => {
    const r = await t.as('viewer', { url });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/calendar date/) });
  });

  it('accepts 29 February of a leap year and years before 0000', async () => {
    expect((await t.as('viewer', { url: '/api/events?to=2024-02-29' })).statusCode).toBe(200);
    expect((await t.as('viewer', { url: '/api/events?from=-9999&to=9999' })).statusCode).toBe(200);
  });

  it.each(['by=day', 'by=month'])('refuses a %s series from year 1 to 9999 with 400 (it was a 500, or 38 MB)', async (by) => {
    const r = await t.as('viewer', { url: `/api/series?a=RUS&b=PRK&from=0001&to=9999&${by}` });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('BAD_INPUT');
  });
});

describe('answers Fastify and Node give themselves', () => {
  it('gives a malformed request and oversized headers the one error shape and the security headers', async () => {
    const { createApp } = await import('./app.js');
    const app = await createApp({ store: t.store, settings: t.settings, webDir: join(t.dir, 'no-web') });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const port = (app.server.address() as AddressInfo).port;
      const raw = (text: string) => new Promise<string>((resolve, reject) => {
        const s = connect(port, '127.0.0.1', () => s.end(text));
        let out = '';
        s.on('data', (d) => { out += d.toString(); });
        s.on('end', () => resolve(out));
        s.on('error', reject);
      });
      const bad = await raw('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n');
      expect(bad).toMatch(/^HTTP\/1\.1 400 /);
      expect(bad).toMatch(/content-security-policy: /i);
      expect(JSON.parse(bad.slice(bad.indexOf('\r\n\r\n') + 4)).error.code).toBe('BAD_INPUT');
      const big = await raw(`GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
      expect(big).toMatch(/^HTTP\/1\.1 431 /);
      expect(JSON.parse(big.slice(big.indexOf('\r\n\r\n') + 4)).error.code).toBe('TOO_LARGE');
    } finally {
      await app.close();
    }
  });

  it('names the limit of the endpoint in a 413 (it named the upload limit on JSON routes)', async () => {
    const r = await t.as('editor', { method: 'POST', url: '/api/watches', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ a: 'RUS', pad: 'x'.repeat(2 * 1024 * 1024) }) });
    expect(r.statusCode).toBe(413);
    expect(r.json().error).toMatchObject({ code: 'TOO_LARGE', message: expect.stringMatching(/1 MB this endpoint accepts/) });
  });
});

describe('JSON ingest refuses what file upload refuses', () => {
  it.each([['a NUL byte', 'Russia attacked\u0000 Ukraine.'], ['a lone surrogate', 'Russia attacked \ud800 Ukraine.']])('%s is NOT_TEXT (it was stored)', async (_, text) => {
    const r = await t.as('editor', { method: 'POST', url: '/api/ingest', payload: { text, published: '2022-02-24' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('NOT_TEXT');
  });
});
