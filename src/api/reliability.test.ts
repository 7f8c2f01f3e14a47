// Reproductions of the availability and error-shape faults found by the fault campaign
// (each case names the fault it guards against).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
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
