import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApi, type TestApi } from '../../../test/api-app.js';

let t: TestApi;
beforeAll(async () => { t = await testApi({ starter: true }); });
afterAll(async () => t.close());

const get = async (url: string) => {
  const r = await t.as('viewer', { url });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

describe('analysis routes over the starter dataset', () => {
  it('series: one point per period with a score, cooperative for RUS–PRK in 2024', async () => {
    const s = await get('/api/series?a=RUS&b=PRK&by=year&from=2000&to=2024');
    expect(s.points.length).toBe(25);
    const y2024 = s.points.find((p: { period: string }) => p.period === '2024');
    expect(y2024.score).toBeGreaterThan(0);
    const quiet = s.points.find((p: { period: string }) => p.period === '2005');
    expect(quiet.score).toBe(0);
  });
  it('series: directed and one actor against all', async () => {
    const all = await get('/api/series?a=PRK&by=year&from=2010&to=2010');
    expect(all.points[0].score).toBeLessThan(0); // Cheonan and Yeonpyeong
    expect((await get('/api/series?a=PRK&b=*&by=year&from=2010&to=2010')).points[0].score).toBe(all.points[0].score);
  });
  it('shifts: a series and a list of shifts with the method named', async () => {
    const r = await get('/api/shifts?a=RUS&b=PRK&by=year');
    expect(Array.isArray(r.shifts)).toBe(true);
    expect(r.series.points.length).toBeGreaterThan(0);
    expect(r.method).toMatch(/PELT/);
  });
  it('network: nodes, signed edges, blocs and balance over a window', async () => {
    const n = await get('/api/network?from=2022&to=2025');
    const ids = n.nodes.map((x: { id: string }) => x.id);
    expect(ids).toEqual(expect.arrayContaining(['RUS', 'PRK', 'UKR']));
    const edge = n.edges.find((e: { source: string; target: string }) => [e.source, e.target].sort().join('-') === 'PRK-RUS');
    expect(edge).toBeDefined();
    const conflict = n.edges.find((e: { source: string; target: string }) => [e.source, e.target].sort().join('-') === 'RUS-UKR');
    expect(conflict).toBeDefined();
    expect(n.window).toEqual({ from: '2022-01-01', to: '2025-12-31' });
  });
  it('network: a window ending on a day', async () => {
    const n = await get('/api/network?at=2024-12-31&days=366');
    expect(n.window).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });
  it('network diff: what changed after 2022-02-24, by windows or by days', async () => {
    const d = await get('/api/network/diff?from1=2014&to1=2021&from2=2022&to2=2025');
    expect(d.before).toMatchObject({ from: '2014-01-01', to: '2021-12-31' });
    expect(d.changes.length).toBe(d.counts.appeared + d.counts.vanished + d.counts.changedSign + d.changes.filter((c: { change: string }) => !['appeared', 'vanished', 'changed-sign'].includes(c.change)).length);
    expect(d.changes.some((c: { change: string }) => c.change === 'appeared')).toBe(true);
    const byDay = await get('/api/network/diff?d1=2022-02-23&d2=2025-02-23&days=1096');
    expect(byDay.after.to).toBe('2025-02-23');
  });
  it('spillover: says when there are too few periods rather than inventing a result', async () => {
    const s = await get('/api/spillover?cause=RUS-UKR&effect=RUS-PRK&by=year&maxLag=1');
    expect(s.cause).toMatch(/RUS/);
    expect(typeof s.periods).toBe('number');
    if (s.insufficient) expect(typeof s.reason).toBe('string');
    const anchored = await get('/api/spillover?cause=RUS-UKR&effect=RUS-PRK&by=year&anchor=2022-02-24');
    expect(anchored.anchor).toEqual({ date: '2022-02-24', period: '2022' });
  });
  it.each([
    '/api/series',
    '/api/series?a=RUS&directed=maybe',
    '/api/network?at=2024&from=2020',
    '/api/network?from=2024&to=2020',
    '/api/network/diff?d1=2022',
    '/api/spillover?cause=RUS-UKR',
    '/api/spillover?cause=RUS-UKR&effect=RUS-PRK&maxLag=99',
  ])('%s → 400', async (url) => {
    const r = await t.as('viewer', { url });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('BAD_INPUT');
  });
});
