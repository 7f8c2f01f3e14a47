// API ingest off the event loop (fault: a 5 MB upload pushed every reader's p99 to 10.9 s,
// and a 2,000-deep HTML page held /api/health for 205 s): reads are answered while a
// document is extracted, a large document is a job to follow, and an event's mentions come
// a page at a time (fault: one event with 197,861 mentions was a 94.8 MB answer).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { multipart, testApi, type TestApi } from '../../test/api-app.js';
import { sharedDir } from '../../test/cli.js';

const seed = readFileSync(join(sharedDir, 'corpus', 'seed-russia-korean-peninsula.txt'), 'utf8');
const json = { 'content-type': 'application/json' };
/** The seed article `times` over (about 6 KB each), made unique by `tag` so it is never "already stored". */
const big = (times: number, tag: string) => `${`${seed}\n\n`.repeat(times)}Filed as ${tag}.`;

let t: TestApi;
// Documents over 64 KB become jobs here (the default is 1024 KB).
beforeAll(async () => { t = await testApi({ settings: { asyncIngestKb: '64' } }); });
afterAll(async () => t.close());

async function job(id: string) {
  const r = await t.as('editor', { url: `/api/ingest/jobs/${id}` });
  expect(r.statusCode).toBe(200);
  return r.json();
}

async function finished(id: string) {
  for (;;) {
    const j = await job(id);
    if (j.status === 'done' || j.status === 'failed') return j;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('POST /api/ingest does not hold the server', () => {
  it('answers reads sent while a waiting ingest is being extracted, before that ingest is answered', async () => {
    // 60 KB: under the threshold, so the request waits for its events.
    let ingested = false;
    const ingest = t.as('editor', { method: 'POST', url: '/api/ingest', headers: json, payload: JSON.stringify({ text: big(10, 'waiting'), published: '2023-09-25' }) })
      .then((r) => { ingested = true; return r; });
    // Wait until extraction has begun: on the request's own thread this list would only be
    // answered once the ingest was over, and the loop would never see it running.
    let running = null;
    while (!running && !ingested) {
      const jobs = (await t.as('editor', { url: '/api/ingest/jobs' })).json().rows;
      running = jobs.find((j: { status: string; progress: { done: number } }) => j.status === 'running' && j.progress.done > 0) ?? null;
      // inject() never leaves the microtask queue: give the worker's messages a turn.
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(running).not.toBeNull();
    const health = await t.as(null, { url: '/api/health' });
    const events = await t.as('viewer', { url: '/api/events' });
    expect(health.statusCode).toBe(200);
    expect(events.statusCode).toBe(200);
    expect(ingested).toBe(false);
    const r = await ingest;
    expect(r.statusCode).toBe(201);
    expect(r.json().eventCount).toBe(r.json().events.length);
  });

  it('answers a large document with 202 and a job, and reads while the job runs', async () => {
    const r = await t.as('editor', { method: 'POST', url: '/api/ingest', headers: json, payload: JSON.stringify({ text: big(40, 'job'), title: 'Forty times', published: '2023-09-25' }) });
    expect(r.statusCode).toBe(202);
    const { job: first } = r.json();
    expect(r.headers.location).toBe(`/api/ingest/jobs/${first.id}`);
    expect(first).toMatchObject({ status: expect.stringMatching(/^(queued|running)$/), result: null, error: null });
    expect(first.bytes).toBeGreaterThan(64 * 1024);
    const read = await t.as('viewer', { url: '/api/events?limit=5' });
    expect(read.statusCode).toBe(200);
    // Still going after the read was answered: the read did not wait for the ingest.
    expect((await job(first.id)).status).not.toMatch(/done|failed/);
    const done = await finished(first.id);
    expect(done.status).toBe('done');
    expect(done.progress.total).toBeGreaterThan(200_000);
    expect(done.progress.done).toBe(done.progress.total);
    expect(done.result.document).toMatchObject({ title: 'Forty times', published: '2023-09-25', stored: true });
    expect(done.result.eventCount).toBeGreaterThan(0);
    const stored = (await t.as('viewer', { url: `/api/documents/${done.result.document.id}` })).json();
    expect(stored.mentionCount).toBe(done.result.document.mentions);
  });

  it('reports a bad large upload as a failed job with its code', async () => {
    const body = Buffer.concat([Buffer.from('text '.repeat(20_000)), Buffer.from([0xff, 0xfe, 0x00, 0x00]), Buffer.from('more')]);
    const r = await t.as('editor', { method: 'POST', url: '/api/ingest', ...multipart({ name: 'broken.txt', type: 'text/plain', body }) });
    expect(r.statusCode).toBe(202);
    const j = await finished(r.json().job.id);
    expect(j).toMatchObject({ status: 'failed', result: null, error: { code: 'NOT_TEXT', message: expect.stringContaining('broken.txt') } });
  });

  it('says when a job is unknown', async () => {
    const r = await t.as('editor', { url: '/api/ingest/jobs/no-such-job' });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('NOT_FOUND');
    expect((await t.as('viewer', { url: '/api/ingest/jobs/no-such-job' })).statusCode).toBe(403);
  });
});

describe('GET /api/events/{id} pages its mentions', () => {
  it('gives a page of mentions with the total, and the pages together give them all', async () => {
    // Ten copies of one article: its events are told ten times over (60 KB, answered at once).
    const r = await t.as('editor', { method: 'POST', url: '/api/ingest', headers: json, payload: JSON.stringify({ text: big(10, 'paging'), published: '2023-09-25' }) });
    expect(r.statusCode).toBe(201);
    const busiest = [...r.json().events].sort((a: { mentionCount: number }, b: { mentionCount: number }) => b.mentionCount - a.mentionCount)[0];
    const all = (await t.as('viewer', { url: `/api/events/${busiest.id}?mentionsLimit=1000` })).json();
    expect(all.mentionPage.total).toBeGreaterThanOrEqual(10);
    expect(all.mentions).toHaveLength(all.mentionPage.total);
    expect(all.mentionPage.truncated).toBe(false);
    const first = (await t.as('viewer', { url: `/api/events/${busiest.id}` })).json();
    expect(first.mentions.length).toBe(Math.min(100, all.mentionPage.total));
    const pages = [];
    for (let offset = 0; offset < all.mentionPage.total; offset += 3) {
      const p = (await t.as('viewer', { url: `/api/events/${busiest.id}?mentionsLimit=3&mentionsOffset=${offset}` })).json();
      expect(p.mentionPage).toMatchObject({ total: all.mentionPage.total, limit: 3, offset, truncated: offset + 3 < all.mentionPage.total });
      pages.push(...p.mentions);
    }
    expect(pages.map((m: { id: string }) => m.id)).toEqual(all.mentions.map((m: { id: string }) => m.id));
    // The summary sentence is the event's, whichever page is asked for.
    const late = (await t.as('viewer', { url: `/api/events/${busiest.id}?mentionsLimit=1&mentionsOffset=5` })).json();
    expect(late.summary).toBe(all.summary);
  });

  it.each(['mentionsLimit=0', 'mentionsLimit=1001', 'mentionsOffset=-1'])('refuses %s with 400', async (q) => {
    const r = await t.as('viewer', { url: `/api/events/1?${q}` });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('BAD_INPUT');
  });
});
