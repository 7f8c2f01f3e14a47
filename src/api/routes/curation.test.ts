import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testApi, type TestApi } from '../../../test/api-app.js';
import { sharedDir } from '../../../test/cli.js';

const seed = readFileSync(join(sharedDir, 'corpus', 'seed-russia-korean-peninsula.txt'), 'utf8');
const json = { 'content-type': 'application/json' };
const ALL_MODALITIES = 'asserted,speculative,conditional,negated,intended,question';

interface Ev { id: string; type: string; sources: string[]; targets: string[]; modality: string; status: string; date: { start: string; end: string } | null; mentionCount: number; origin: string }

let t: TestApi;
let docEvents: Ev[];

beforeAll(async () => {
  t = await testApi({ starter: true });
  const r = await t.as('editor', { method: 'POST', url: '/api/ingest', headers: json, payload: JSON.stringify({ text: seed, title: 'Seed', published: '2023-09-25' }) });
  docEvents = r.json().events;
});
afterAll(async () => t.close());

const post = (url: string, body: unknown = {}) => t.as('editor', { method: 'POST', url, headers: json, payload: JSON.stringify(body) });
const patch = (url: string, body: unknown) => t.as('editor', { method: 'PATCH', url, headers: json, payload: JSON.stringify(body) });
const get = (url: string) => t.as('viewer', { url }).then((r) => r.json());

describe('correcting an event', () => {
  it('changes the fields, marks it corrected, and records who and what in the audit log', async () => {
    const target = docEvents.find((e) => e.type === 'CONSULT' && [...e.sources, ...e.targets].includes('PRK') && e.modality === 'asserted')!;
    expect(target).toBeDefined();
    const r = await patch(`/api/events/${target.id}`, { modality: 'speculative' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ id: target.id, status: 'corrected', modality: 'speculative', type: target.type, sources: target.sources, targets: target.targets });
    const audit = (await t.as('editor', { url: `/api/audit?subject=${target.id}` })).json();
    expect(audit.rows[0]).toMatchObject({ action: 'correct', role: 'editor', subject: target.id, before: { modality: 'asserted', status: target.status }, after: { modality: 'speculative', status: 'corrected' } });
    expect(audit.rows[0].tokenId).toMatch(/^tok_/);
    expect(Date.parse(audit.rows[0].at)).toBeGreaterThan(Date.now() - 60_000);
    expect((await t.as('editor', { url: '/api/me' })).json().tokenId).toBe(audit.rows[0].tokenId);
  });

  it('survives re-ingesting its document, and a revised version whose mentions join it', async () => {
    const corrected = (await t.as('editor', { url: '/api/audit?action=correct' })).json().rows[0].subject as string;
    const before = await get(`/api/events/${corrected}`);
    const again = await post('/api/ingest', { text: seed, title: 'Seed', published: '2023-09-25' });
    expect(again.json().document.stored).toBe(false);
    expect(await get(`/api/events/${corrected}`)).toEqual(before);
    // The revised text states the same meeting as fact again: its mention joins the event,
    // which would upgrade an extracted event to asserted; the correction must hold.
    const revised = await post('/api/ingest', { text: `${seed}\nUpdate: the meeting was confirmed by both governments.`, title: 'Seed, revised', published: '2023-09-26' });
    expect(revised.statusCode).toBe(201);
    const after = await get(`/api/events/${corrected}`);
    expect(after.mentions.some((m: { document: { title: string } }) => m.document.title === 'Seed, revised')).toBe(true);
    for (const k of ['type', 'sources', 'targets', 'date', 'modality', 'status'] as const) expect(after[k]).toEqual(before[k]);
    expect(after.modality).toBe('speculative');
  });

  it('corrects actors and dates, filling the granularity in', async () => {
    const pick = docEvents.find((x) => x.status === 'extracted' && !['CONSULT', 'ASSAULT'].includes(x.type))!;
    const e = (await get(`/api/events/${pick.id}`)) as Ev;
    const r = await patch(`/api/events/${e.id}`, { targets: ['ukr', 'WST'], date: { start: '2022-02' }, type: 'ASSAULT' });
    expect(r.json()).toMatchObject({ type: 'ASSAULT', targets: ['UKR', 'WST'], date: { start: '2022-02', end: '2022-02', granularity: 'month' }, status: 'corrected' });
    const entry = (await t.as('editor', { url: `/api/audit?subject=${e.id}` })).json().rows[0];
    expect(entry.before).toMatchObject({ type: e.type, targets: e.targets, date: e.date });
    expect(entry.after).toMatchObject({ type: 'ASSAULT', targets: ['UKR', 'WST'] });
  });

  it.each([
    [{}, 400],
    [{ type: 'HUG' }, 400],
    [{ sources: [] }, 400],
    [{ date: { start: '2024-05', end: '2023-01' } }, 400],
    [{ modality: 'probably' }, 400],
    [{ status: 'accepted' }, 400],
  ])('refuses the correction %j', async (body, status) => {
    const r = await patch(`/api/events/${docEvents[0].id}`, body);
    expect(r.statusCode).toBe(status);
    expect(r.json().error.code).toBe('BAD_INPUT');
  });
  it('answers 404 for an event that is not there', async () => {
    expect((await patch('/api/events/987654', { modality: 'asserted' })).statusCode).toBe(404);
    expect((await post('/api/events/987654/accept')).statusCode).toBe(404);
  });
});

describe('accepting and rejecting', () => {
  it('a rejected event disappears from the default lists, for viewers too', async () => {
    const summit = (await get('/api/events?actor=PRK&with=RUS&from=2023-09-13&to=2023-09-13&origin=curated')).rows[0] as Ev;
    expect(summit).toBeDefined();
    const r = await post(`/api/events/${summit.id}/reject`);
    expect(r.json().status).toBe('rejected');
    const list = await get('/api/events?actor=PRK&with=RUS&limit=1000');
    expect(list.rows.map((e: Ev) => e.id)).not.toContain(summit.id);
    const timeline = await get('/api/timeline?actor=PRK&with=RUS&limit=1000');
    expect(timeline.rows.map((e: Ev) => e.id)).not.toContain(summit.id);
    // It is still there for those who look it up, marked.
    expect((await get(`/api/events/${summit.id}`)).status).toBe('rejected');
    // Accepting brings it back.
    expect((await post(`/api/events/${summit.id}/accept`)).json().status).toBe('accepted');
    expect((await get('/api/events?actor=PRK&with=RUS&limit=1000')).rows.map((e: Ev) => e.id)).toContain(summit.id);
    const audit = (await t.as('editor', { url: `/api/audit?subject=${summit.id}` })).json().rows;
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['accept', 'reject']);
    expect(audit[1]).toMatchObject({ before: { status: 'extracted' }, after: { status: 'rejected' } });
  });
  it('accepting a corrected event keeps it corrected', async () => {
    const corrected = (await t.as('editor', { url: '/api/audit?action=correct' })).json().rows[0].subject as string;
    expect((await post(`/api/events/${corrected}/accept`)).json().status).toBe('corrected');
  });
});

describe('merging and splitting events', () => {
  it('merges events into the first, moving their mentions, and splits them apart again', async () => {
    const withMentions = docEvents.filter((e) => e.mentionCount > 0 && e.status !== 'corrected');
    const [a, b] = [withMentions[1], withMentions[2]];
    const [da, db] = [await get(`/api/events/${a.id}`), await get(`/api/events/${b.id}`)];
    const merged = await post('/api/events/merge', { ids: [a.id, b.id] });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ id: a.id, status: 'corrected', mentionCount: da.mentionCount + db.mentionCount });
    expect((await t.as('viewer', { url: `/api/events/${b.id}` })).statusCode).toBe(404);
    const detail = await get(`/api/events/${a.id}`);
    const bMentions = db.mentions.map((m: { id: string }) => m.id);
    expect(detail.mentions.map((m: { id: string }) => m.id)).toEqual(expect.arrayContaining(bMentions));

    const split = await post(`/api/events/${a.id}/split`, { mentionIds: bMentions });
    expect(split.statusCode).toBe(200);
    const { original, created } = split.json();
    expect(original.mentionCount).toBe(da.mentionCount);
    expect(created).toMatchObject({ status: 'corrected', mentionCount: bMentions.length, type: db.mentions[0].type });
    const createdDetail = await get(`/api/events/${created.id}`);
    expect(createdDetail.mentions.map((m: { id: string }) => m.id).sort()).toEqual([...bMentions].sort());
    const actions = (await t.as('editor', { url: `/api/audit?subject=${a.id}` })).json().rows.map((x: { action: string }) => x.action);
    expect(actions.slice(0, 2)).toEqual(['split-event', 'merge-events']);
  });
  it.each([
    [{ ids: ['1'] }, 400],
    [{ ids: ['1', '1'] }, 400],
    [{ ids: ['1', '999999'] }, 404],
    [{ ids: 'all' }, 400],
  ])('refuses the merge %j', async (body, status) => {
    expect((await post('/api/events/merge', body)).statusCode).toBe(status);
  });
  it('refuses splits that name foreign mentions or every mention', async () => {
    const e = await get(`/api/events/${docEvents[0].id}`);
    const other = await get(`/api/events/${docEvents.find((x) => x.id !== e.id && x.mentionCount > 0)!.id}`);
    expect((await post(`/api/events/${e.id}/split`, { mentionIds: [other.mentions[0].id] })).statusCode).toBe(400);
    expect((await post(`/api/events/${e.id}/split`, { mentionIds: e.mentions.map((m: { id: string }) => m.id) })).statusCode).toBe(400);
    expect((await post(`/api/events/${e.id}/split`, { mentionIds: [] })).statusCode).toBe(400);
  });
});

describe('merging actors', () => {
  it('rewrites every event of one actor code into another, with an audit entry', async () => {
    const sun = (await get(`/api/timeline?actor=SUN&limit=1000&modality=${ALL_MODALITIES}`)).total as number;
    const rusBefore = (await get(`/api/timeline?actor=RUS&limit=1000&modality=${ALL_MODALITIES}`)).total as number;
    expect(sun).toBeGreaterThan(0);
    const r = await post('/api/actors/merge', { from: 'SUN', into: 'RUS' });
    expect(r.statusCode).toBe(200);
    expect(r.json().events).toBe(sun);
    expect((await get(`/api/timeline?actor=SUN&limit=1000&modality=${ALL_MODALITIES}`)).total).toBe(0);
    expect((await get(`/api/timeline?actor=RUS&limit=1000&modality=${ALL_MODALITIES}`)).total).toBe(rusBefore + sun);
    const audit = (await t.as('editor', { url: '/api/audit?action=merge-actors' })).json().rows[0];
    expect(audit).toMatchObject({ subject: 'SUN', before: { code: 'SUN' }, after: { code: 'RUS', events: sun } });
  });
  it.each([
    [{ from: 'RUS', into: 'RUS' }, 400],
    [{ from: 'NOBODY', into: 'RUS' }, 404],
    [{ from: 'RUS' }, 400],
  ])('refuses %j', async (body, status) => {
    expect((await post('/api/actors/merge', body)).statusCode).toBe(status);
  });
});
