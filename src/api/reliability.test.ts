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
