// The fetcher's guard and manners against a real server on 127.0.0.1: private addresses
// refused unless allowed (for that origin only), redirects checked hop by hop, the address
// connected to checked by the socket's own look-up, size limits, Retry-After, one request
// at a time per host.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Fetcher, FetchError, parseRetryAfter } from './http-get.js';

let server: Server;
let origin: string;
let port: number;
let inFlight = 0;
let inFlightCount = 0;
let maxInFlight = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    inFlight++;
    inFlightCount++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const end = (f: () => void) => setTimeout(() => { inFlight--; f(); }, req.url === '/slow' ? 30 : 0);
    if (req.url === '/to-localhost') return end(() => res.writeHead(302, { location: `http://localhost:${port}/ok` }).end());
    if (req.url === '/to-file') return end(() => res.writeHead(302, { location: 'file:///etc/passwd' }).end());
    if (req.url === '/big') return end(() => res.writeHead(200, { 'content-length': 5000 }).end('x'.repeat(5000)));
    if (req.url === '/busy') return end(() => res.writeHead(429, { 'retry-after': '7' }).end());
    if (req.url === '/down') return end(() => res.writeHead(503, { 'retry-after': '3600' }).end());
    end(() => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
});
afterAll(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));

const fetcher = (allowPrivate: boolean | string[]) => new Fetcher({ allowPrivate, maxBytes: 1000, timeoutMs: 10_000, hostIntervalMs: 0 });

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (!(e instanceof FetchError) && !(e instanceof Error && 'code' in e)) throw e;
    return (e as { code: string }).code;
  }
}

describe('guarded fetch', () => {
  it('refuses loopback unless allowed, and allows only the listed origin', async () => {
    const f = fetcher(false);
    expect(await code(f.get(`${origin}/ok`))).toBe('FORBIDDEN');
    const g = fetcher([`127.0.0.1:${port}`]);
    expect((await g.get(`${origin}/ok`)).body.toString()).toBe('ok');
    expect(await code(g.get(`http://127.0.0.2:${port}/ok`))).toBe('FORBIDDEN');
    f.close();
    g.close();
  });

  it('checks the redirect target when the socket connects: localhost resolves to loopback and is refused', async () => {
    const g = fetcher([`127.0.0.1:${port}`]);
    expect(await code(g.get(`${origin}/to-localhost`))).toBe('FORBIDDEN');
    expect(await code(g.get(`${origin}/to-file`))).toBe('BAD_INPUT');
    g.close();
    const all = fetcher(true);
    expect((await all.get(`${origin}/to-localhost`)).url).toBe(`http://localhost:${port}/ok`);
    all.close();
  });

  it('refuses a host name that resolves to loopback at connect time', async () => {
    const f = fetcher(false);
    expect(await code(f.get(`http://localhost:${port}/ok`))).toBe('FORBIDDEN');
    f.close();
  });

  it('enforces the size limit and reads Retry-After', async () => {
    const f = fetcher(true);
    expect(await code(f.get(`${origin}/big`))).toBe('TOO_LARGE');
    const e = await f.get(`${origin}/busy`).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(FetchError);
    expect(e).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAfterMs: 7000 });
    f.close();
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeNull();
  });

  it('after a long Retry-After, fails the next request to that host at once instead of waiting', async () => {
    const f = fetcher(true);
    await f.get(`${origin}/down`).catch(() => undefined);
    const asked = inFlightCount;
    const e = await f.get(`${origin}/ok`).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'RATE_LIMITED' });
    expect((e as FetchError).retryAfterMs).toBeGreaterThan(3500_000);
    expect(inFlightCount).toBe(asked);
    f.close();
  });

  it('sends one request at a time to a host', async () => {
    const f = fetcher(true);
    maxInFlight = 0;
    await Promise.all([1, 2, 3, 4].map(() => f.get(`${origin}/slow`)));
    expect(maxInFlight).toBe(1);
    f.close();
  });
});
