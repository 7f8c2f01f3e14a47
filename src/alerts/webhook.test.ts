import { afterEach, describe, expect, it } from 'vitest';
import { postWebhook } from './webhook.js';
import { startServer, type Behaviour, type TestServer } from './test-server.js';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const fast = { backoffMs: 10, timeoutMs: 1000 };

describe('postWebhook against a real local server', () => {
  it.each([
    [['ok'], true, 1, null],
    [['fail', 'ok'], true, 2, null],
    [['fail'], false, 3, 'HTTP 500'],
    [['not-found'], false, 1, 'HTTP 404'],
  ] as Array<[Behaviour[], boolean, number, string | null]>)('%j: ok=%s after %i attempt(s)', async (script, ok, attempts, error) => {
    server = await startServer(script);
    const out = await postWebhook(server.url, { alert: { id: '1' } }, fast);
    expect(out).toMatchObject({ ok, attempts, error });
    expect(server.received).toHaveLength(attempts);
    expect(server.received[0]).toMatchObject({ path: '/hook', body: { alert: { id: '1' } }, contentType: 'application/json' });
  });

  it('gives up on a hanging endpoint after timeout × attempts, without throwing', async () => {
    server = await startServer(['hang']);
    const t0 = Date.now();
    const out = await postWebhook(server.url, {}, { ...fast, attempts: 2 });
    expect(out).toMatchObject({ ok: false, attempts: 2, retryable: true });
    expect(out.error).toMatch(/timed out after 1000 ms/);
    expect(Date.now() - t0).toBeLessThan(8000);
  });

  it('reports a refused connection as retryable', async () => {
    server = await startServer(['ok']);
    const url = server.url;
    await server.close();
    server = null;
    const out = await postWebhook(url, {}, { ...fast, attempts: 1 });
    expect(out).toMatchObject({ ok: false, attempts: 1, retryable: true });
  });

  it.each(['not a url', 'file:///etc/passwd', 'ftp://127.0.0.1/x'])('must not try %s', async (url) => {
    expect(await postWebhook(url, {})).toMatchObject({ ok: false, attempts: 0, retryable: false });
  });
});
