import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import { multipart, testApi, type TestApi } from '../../../test/api-app.js';
import { sharedDir } from '../../../test/cli.js';

const seed = readFileSync(join(sharedDir, 'corpus', 'seed-russia-korean-peninsula.txt'), 'utf8');
const json = { 'content-type': 'application/json' };

let t: TestApi;
beforeAll(async () => { t = await testApi({ settings: { maxUploadMb: '10' } }); });
afterAll(async () => t.close());

describe('POST /api/ingest', () => {
  it('extracts and stores pasted text, and answers with its events', async () => {
    const r = await t.as('editor', { method: 'POST', url: '/api/ingest', headers: json, payload: JSON.stringify({ text: seed, title: 'Seed article', published: '2023-09-25' }) });
    expect(r.statusCode).toBe(201);
    const body = r.json();
    expect(body.document).toMatchObject({ title: 'Seed article', published: '2023-09-25', stored: true });
    expect(body.document.mentions).toBeGreaterThan(5);
    const dyads = body.events.map((e: { sources: string[]; targets: string[] }) => [...e.sources, ...e.targets].sort().join('-'));
    expect(dyads).toContain('PRK-RUS');
    // The document reads back with the offsets of every mention, each slicing its sentence.
    const doc = (await t.as('viewer', { url: `/api/documents/${body.document.id}` })).json();
    expect(doc.text).toBe(seed.replace(/\r\n?/g, '\n'));
    expect(doc.mentions.length).toBe(body.document.mentions);
    const first = doc.mentions[0];
    const detail = (await t.as('viewer', { url: `/api/events/${first.eventId}` })).json();
    const m = detail.mentions.find((x: { id: string }) => x.id === first.id);
    expect(doc.text.slice(first.start, first.end)).toBe(m.sentence);
    expect(m.documentId).toBe(body.document.id);
  });
  it('recognises the same text again and changes nothing', async () => {
    const before = (await t.as('viewer', { url: '/api/events?limit=1000&modality=asserted,speculative,conditional,negated,intended,question' })).json().total;
    const r = await t.as('editor', { method: 'POST', url: '/api/ingest', headers: json, payload: JSON.stringify({ text: seed, published: '2023-09-25' }) });
    expect(r.statusCode).toBe(200);
    expect(r.json().document.stored).toBe(false);
    const after = (await t.as('viewer', { url: '/api/events?limit=1000&modality=asserted,speculative,conditional,negated,intended,question' })).json().total;
    expect(after).toBe(before);
  });
  it('takes an uploaded text file and an uploaded HTML page', async () => {
    const txt = multipart({ name: 'note.txt', type: 'text/plain', body: Buffer.from('On 12 June 2018, Trump met Kim Jong Un in Singapore.') }, { published: '2018-06-13' });
    const a = await t.as('editor', { method: 'POST', url: '/api/ingest', ...txt });
    expect(a.statusCode).toBe(201);
    expect(a.json().document).toMatchObject({ title: 'note.txt', published: '2018-06-13' });
    const html = multipart({ name: 'page.html', type: 'text/html', body: readFileSync(join(sharedDir, 'data', 'bad-input', 'script-injection.html')) });
    const b = await t.as('editor', { method: 'POST', url: '/api/ingest', ...html });
    expect(b.statusCode).toBe(201);
    const doc = (await t.as('viewer', { url: `/api/documents/${b.json().document.id}` })).json();
    // The script's text may be kept as text, but never the markup that would run it.
    expect(doc.text).not.toMatch(/<script|onerror=/i);
  });
  it('refuses a 20 MB upload with 413 and a clear message', async () => {
    const big = multipart({ name: 'huge.txt', type: 'text/plain', body: Buffer.alloc(20 * 1024 * 1024, 'a') });
    const r = await t.as('editor', { method: 'POST', url: '/api/ingest', ...big });
    expect(r.statusCode).toBe(413);
    expect(r.json().error.code).toBe('TOO_LARGE');
    expect(r.json().error.message).toMatch(/10 MB/);
  });
  it('refuses a 20 MB upload over real HTTP too, so a browser reads the message rather than a reset', async () => {
    const live = await testApi({});
    try {
      await live.app.listen({ host: '127.0.0.1', port: 0 });
      const port = (live.app.server.address() as { port: number }).port;
      const form = new FormData();
      form.append('file', new Blob([Buffer.alloc(20 * 1024 * 1024, 'a')], { type: 'text/plain' }), 'big.txt');
      const r = await fetch(`http://127.0.0.1:${port}/api/ingest`, { method: 'POST', headers: { authorization: `Bearer ${live.tokens.editor}` }, body: form });
      expect(r.status).toBe(413);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('TOO_LARGE');
    } finally {
      await live.close();
    }
  });
  it('refuses 20 MB of pasted text with 413 too', async () => {
    const r = await t.as('editor', { method: 'POST', url: '/api/ingest', headers: json, payload: JSON.stringify({ text: 'a'.repeat(20 * 1024 * 1024) }) });
    expect(r.statusCode).toBe(413);
    expect(r.json().error.code).toBe('TOO_LARGE');
  });
  it.each([
    [{}, 400, 'BAD_INPUT'],
    [{ text: '' }, 400, 'BAD_INPUT'],
    [{ text: '   \n  ' }, 400, 'BAD_INPUT'],
    [{ text: 'x', published: 'last week' }, 400, 'BAD_INPUT'],
    [{ text: 'x', extra: 1 }, 400, 'BAD_INPUT'],
    [{ fetchUrl: 'http://127.0.0.1/' }, 403, 'FORBIDDEN'],
    [{ fetchUrl: 'http://localhost:8787/api/tokens' }, 403, 'FORBIDDEN'],
    [{ fetchUrl: 'http://169.254.169.254/latest/meta-data/' }, 403, 'FORBIDDEN'],
    [{ fetchUrl: 'http://[::1]/' }, 403, 'FORBIDDEN'],
    [{ fetchUrl: 'file:///etc/passwd' }, 400, 'BAD_INPUT'],
  ])('refuses %j with %i %s', async (payload, status, code) => {
    const r = await t.as('editor', { method: 'POST', url: '/api/ingest', headers: json, payload: JSON.stringify(payload) });
    expect(r.statusCode).toBe(status);
    expect(r.json().error.code).toBe(code);
  });
  it.each([
    ['random.bin', 'application/octet-stream', 'UNSUPPORTED'],
    ['fake-image.txt', 'text/plain', 'NOT_TEXT'],
    ['invalid-utf8.txt', 'text/plain', 'NOT_TEXT'],
  ])('refuses the bad upload %s with a one-line error', async (name, type, code) => {
    const body = multipart({ name, type, body: readFileSync(join(sharedDir, 'data', 'bad-input', name)) });
    const r = await t.as('editor', { method: 'POST', url: '/api/ingest', ...body });
    expect(r.json().error.code).toBe(code);
    expect(r.statusCode).toBeGreaterThanOrEqual(400);
    expect(r.json().error.message).toContain(name);
    expect(r.json().error.message).not.toContain('\n');
  });
  it('refuses an upload without a file', async () => {
    const boundary = 'xyz';
    const payload = `--${boundary}\r\ncontent-disposition: form-data; name="title"\r\n\r\nhello\r\n--${boundary}--\r\n`;
    const r = await t.as('editor', { method: 'POST', url: '/api/ingest', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    expect(r.statusCode).toBe(400);
  });
});

describe('POST /api/ingest with fetchUrl, when an admin allows private addresses', () => {
  let server: Server;
  let base: string;
  let allowed: TestApi;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/article') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<html><head><title>Summit</title><meta property="article:published_time" content="2023-09-14T08:00:00Z"></head><body><article><h1>Summit</h1><p>Kim Jong Un met Vladimir Putin at the Vostochny Cosmodrome on September 13, 2023.</p><p>The two leaders discussed military cooperation.</p></article></body></html>');
      } else if (req.url === '/hop') {
        res.writeHead(302, { location: '/article' });
        res.end();
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const addr = server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    allowed = await testApi({ settings: { allowPrivateFetch: 'true' } });
  });
  afterAll(async () => {
    await allowed.close();
    await new Promise((resolve) => server.close(resolve));
  });
  it('fetches the page, follows a redirect, extracts its article and publication date', async () => {
    const r = await allowed.as('editor', { method: 'POST', url: '/api/ingest', headers: json, payload: JSON.stringify({ fetchUrl: `${base}/hop` }) });
    expect(r.statusCode).toBe(201);
    expect(r.json().document).toMatchObject({ title: 'Summit', url: `${base}/article`, published: '2023-09-14' });
    expect(r.json().events.some((e: { type: string }) => e.type === 'CONSULT')).toBe(true);
  });
  it('reports a page that is not there', async () => {
    const r = await allowed.as('editor', { method: 'POST', url: '/api/ingest', headers: json, payload: JSON.stringify({ fetchUrl: `${base}/gone` }) });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toMatch(/404/);
  });
  it('is still refused by a server without the setting', async () => {
    const r = await t.as('editor', { method: 'POST', url: '/api/ingest', headers: json, payload: JSON.stringify({ fetchUrl: `${base}/article` }) });
    expect(r.statusCode).toBe(403);
  });
});
