// The workbench on a realistic volume: the starter dataset plus a GDELT-like import of
// ~2,500 events among 74 actors (a dense cluster and three unconnected pairs, each row
// with a source URL). In Chromium: no overlapping labels in Network and Map, a tie click
// opens its dyad, one count across Network, Dyad and Timeline, source links on GDELT
// rows, names typed into the dyad picker resolve, a stale token link opens the sign-in
// box with a reason, and the Reader shows corrected and rejected events as curated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DatasetEventInput } from '../../src/domain/event.js';
import { PLOVER_TYPES } from '../../src/domain/plover.js';
import { labelOverlaps, launchBrowser, openSession, screenshot, startWorkbench, type Watched, type Workbench } from './harness.js';

let wb: Workbench;
let browser: Browser;
let s: Watched;

// 70 real country codes (so the map can place them) and the starter's own.
const CODES = ('RUS UKR PRK KOR USA CHN JPN DEU FRA GBR ITA ESP POL TUR IRN IRQ SYR ISR EGY SAU ARE QAT IND PAK AFG ' +
  'BRA ARG MEX CAN AUS NZL ZAF NGA KEN ETH SDN LBY DZA MAR TUN GRC SRB HRV HUN ROU BGR BLR KAZ UZB GEO ARM AZE ' +
  'MNG VNM THA MYS IDN PHL SGP MMR BGD LKA NPL CUB VEN COL PER CHL SWE NOR FIN DNK NLD BEL CHE AUT').split(' ');

function gdeltRows(): DatasetEventInput[] {
  let seed = 12;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const rows: DatasetEventInput[] = [];
  const cluster = CODES.slice(0, 68);
  const pairs = [['NOR', 'FIN'], ['DNK', 'NLD'], ['BEL', 'CHE']];
  const add = (a: string, b: string, i: number) => {
    const day = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    rows.push({
      origin: 'gdelt', externalId: `g${i}`, type: PLOVER_TYPES[Math.floor(rnd() * PLOVER_TYPES.length)], mode: null, sources: [a], targets: [b],
      date: { start: day, end: day, granularity: 'day' }, dateKind: 'report', modality: 'asserted', mentionCount: 1 + Math.floor(rnd() * 5),
      reportedAt: day, location: null, sourceUrl: `https://news.example.org/${a.toLowerCase()}-${b.toLowerCase()}/${i}`, attrs: { cameo: '040' },
    });
  };
  let i = 0;
  // Busy hubs: the first few actors tie to many others, as in a real GDELT file.
  for (; i < 2400; i++) {
    const a = cluster[Math.floor(rnd() ** 2 * cluster.length)];
    let b = cluster[Math.floor(rnd() * cluster.length)];
    if (b === a) b = cluster[(cluster.indexOf(a) + 1) % cluster.length];
    add(a, b, i);
  }
  for (const [a, b] of pairs) for (let k = 0; k < 18; k++) add(a, b, i++);
  return rows;
}

const countOf = async (page: Page) => Number(await page.getByTestId('count-line').first().getAttribute('data-counted'));

beforeAll(async () => {
  wb = await startWorkbench();
  await wb.store.importEvents(gdeltRows());
  browser = await launchBrowser();
  s = await openSession(browser);
  await s.page.goto(`${wb.url}/network?token=${wb.tokens.editor}`);
  await s.page.getByTestId('role').filter({ hasText: 'editor' }).waitFor();
}, 120_000);

afterAll(async () => {
  await s?.context.close();
  await browser?.close();
  await wb?.close();
});

describe('the workbench on a GDELT-sized store', { timeout: 120_000 }, () => {
  it('draws the top N actors with no overlapping labels, and a legend of blocs', async () => {
    const { page } = s;
    await page.locator('svg.link-chart .node').first().waitFor();
    expect(await page.locator('svg.link-chart .node').count()).toBe(30);
    const o = await labelOverlaps(page, 'svg.link-chart text.node-label');
    expect(o.labels).toBeGreaterThan(10);
    expect(o.labels).toBeLessThanOrEqual(30);
    expect(o.overlaps).toBe(0);
    await page.getByTestId('bloc-legend').waitFor();
    // A smaller N draws fewer nodes; zooming in keeps labels apart.
    await page.getByLabel('top actors').fill('10');
    await expect.poll(() => page.locator('svg.link-chart .node').count()).toBe(10);
    await page.getByLabel('top actors').fill('60');
    await expect.poll(() => page.locator('svg.link-chart .node').count()).toBe(60);
    await page.getByRole('button', { name: 'zoom in' }).click();
    expect((await labelOverlaps(page, 'svg.link-chart text.node-label')).overlaps).toBe(0);
    await page.getByRole('button', { name: 'fit' }).click();
    await screenshot(page, 'volumes-network');
  });

  it('a node by keyboard opens its neighbours; search finds an actor by name', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'reset' }).click();
    const before = await page.locator('svg.link-chart .node').count();
    // The pairs outside the top N come in when their partner is opened.
    await page.getByLabel('find actor').fill('Norway');
    await page.getByLabel('find actor').press('Enter');
    await page.getByTestId('selected-node').filter({ hasText: 'NOR' }).waitFor();
    await expect.poll(() => page.locator('svg.link-chart .node[data-node="FIN"]').count()).toBe(1);
    expect(await page.locator('svg.link-chart .node').count()).toBeGreaterThan(before);
    await page.locator('svg.link-chart .node[data-node="FIN"]').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('selected-node').filter({ hasText: 'FIN' }).waitFor();
  });

  it('a tie click opens its dyad, whose count equals the tie and the timeline', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'reset' }).click();
    // The busiest tie drawn (the table also lists ties of actors outside the top N).
    await page.locator('svg.link-chart g.tie').first().waitFor();
    const drawn = new Set(await page.locator('svg.link-chart g.tie').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-dyad'))));
    const dyads = await page.locator('table.edges tbody tr').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-dyad')));
    const dyad = dyads.find((d) => drawn.has(d))!;
    const tieEvents = Number(await page.locator(`table.edges tr[data-dyad="${dyad}"] td`).nth(3).innerText());
    await page.locator(`svg.link-chart g.tie[data-dyad="${dyad}"]`).dispatchEvent('click');
    await page.waitForURL(/\/dyad\?/);
    const [a, b] = dyad.split('-');
    expect(new URL(page.url()).searchParams.get('a')).toBe(a);
    await page.getByTestId('count-line').waitFor();
    expect(await countOf(page)).toBe(tieEvents);
    await page.getByTestId('score-unit').waitFor();
    await page.goto(`${wb.url}/timeline?actor=${a}&with=${b}`);
    await page.getByTestId('count-line').waitFor();
    expect(await countOf(page)).toBe(tieEvents);
  });

  it('GDELT rows show a summary and their source link', async () => {
    const { page } = s;
    await page.goto(`${wb.url}/timeline?actor=NOR&origin=gdelt&order=desc`);
    await page.locator('li.tl-event').first().waitFor();
    const links = await page.locator('li.tl-event a.source-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBe(await page.locator('li.tl-event').count());
    expect(links.every((h) => h.startsWith('https://news.example.org/'))).toBe(true);
    const dates = await page.locator('li.tl-event .tl-date').allInnerTexts();
    expect(dates).toEqual([...dates].sort().reverse());
    await screenshot(page, 'volumes-timeline');
  });

  it('years in the strip and periods in the dyad chart work from the keyboard', async () => {
    const { page } = s;
    await page.goto(`${wb.url}/timeline?actor=PRK`);
    const year = page.locator('.year-strip g.year[tabindex="0"]').first();
    await year.waitFor();
    const y = (await year.getAttribute('data-year'))!;
    await year.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`from=${y}&to=${y}|to=${y}&from=${y}|from=${y}.*to=${y}`));
    await page.goto(`${wb.url}/dyad?a=RUS&b=PRK&by=year`);
    const period = page.locator('.series-chart g.period').last();
    await period.waitFor();
    await period.focus();
    await page.keyboard.press('Enter');
    await page.locator('.period-events').waitFor();
  });

  it('names typed into the dyad picker resolve; a typo gets a suggestion', async () => {
    const { page } = s;
    await page.goto(`${wb.url}/dyad`);
    await page.getByLabel('actor A').fill('Russia');
    await page.getByLabel('actor B').fill('North Korea');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/a=RUS&b=PRK/);
    await page.getByTestId('count-line').waitFor();
    expect(await countOf(page)).toBeGreaterThan(0);
    await page.getByLabel('actor B').fill('Rusia');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByRole('alert').filter({ hasText: 'Did you mean Russia (RUS)' }).waitFor();
  });

  it('the map keeps its labels apart, zoomed out and in', async () => {
    const { page } = s;
    await page.goto(`${wb.url}/map`);
    await page.locator('svg.world .actor-circle').first().waitFor();
    await expect.poll(() => page.locator('svg.world .actor-circle').count()).toBeGreaterThan(60);
    const o = await labelOverlaps(page, 'svg.world text.actor-code');
    expect(o.labels).toBeGreaterThan(10);
    expect(o.overlaps).toBe(0);
    await page.getByRole('button', { name: 'zoom in' }).click();
    await page.getByRole('button', { name: 'zoom in' }).click();
    expect((await labelOverlaps(page, 'svg.world text.actor-code')).overlaps).toBe(0);
    await screenshot(page, 'volumes-map');
  });

  it('the map counts as every view: an actor\'s number is its timeline\'s, for the same dates', async () => {
    const { page } = s;
    for (const dates of [{}, { from: '2025-03', to: '2025-08' }] as Array<Record<string, string>>) {
      await page.goto(`${wb.url}/map?${new URLSearchParams(dates)}`);
      await page.locator('.map-side tr[data-row-actor]').first().waitFor();
      const rows = await page.locator('.map-side tr[data-row-actor]').evaluateAll((rs) => rs.slice(0, 3).map((r) => [r.getAttribute('data-row-actor')!, Number(r.querySelector('[data-count]')!.getAttribute('data-count'))] as const));
      expect(rows.length).toBe(3);
      for (const [code, n] of rows) {
        // The circle's link keeps the dates, so the timeline counts the same window.
        await page.locator(`.map-side tr[data-row-actor="${code}"] a`).click();
        await page.waitForURL(new RegExp(`actor=${code}`));
        await expect.poll(() => page.getByTestId('count-line').first().getAttribute('data-counted').then(Number)).toBe(n);
        await page.goBack();
      }
    }
  });

  it('the network\'s date brush gives month detail when zoomed to a few years', async () => {
    const { page } = s;
    await page.goto(`${wb.url}/network`);
    await page.locator('svg.link-chart .node').first().waitFor();
    expect(await page.getByLabel('from month').count()).toBe(0);
    await page.getByRole('button', { name: 'months…' }).click();
    await page.getByLabel('from month').fill('2');
    await page.getByLabel('to month').fill('4');
    await page.getByTestId('brush-label').filter({ hasText: '2025-03–2025-05' }).waitFor();
    await expect.poll(() => page.getByTestId('network-summary').innerText()).toContain('2025-03-01 – 2025-05-31');
    await screenshot(page, 'volumes-network-months');
  });

  it('the Reader shows a corrected event corrected and a rejected one struck through', async () => {
    const { page } = s;
    const auth = { authorization: `Bearer ${wb.tokens.editor}`, 'content-type': 'application/json' };
    const text = 'Russia and North Korea signed a defence treaty on 19 June 2024. China condemned the United States on 3 July 2024.';
    const ing = (await (await fetch(`${wb.url}/api/ingest`, { method: 'POST', headers: auth, body: JSON.stringify({ text, title: 'Two events', published: '2024-07-04' }) })).json()) as { document: { id: string }; events: Array<{ id: string; type: string }> };
    expect(ing.events.length).toBeGreaterThanOrEqual(2);
    const [first, second] = ing.events;
    const newType = first.type === 'ASSAULT' ? 'AID' : 'ASSAULT';
    expect((await fetch(`${wb.url}/api/events/${first.id}`, { method: 'PATCH', headers: auth, body: JSON.stringify({ type: newType, reason: 'checked the source' }) })).status).toBe(200);
    expect((await fetch(`${wb.url}/api/events/${second.id}/reject`, { method: 'POST', headers: auth, body: JSON.stringify({ reason: 'not an event' }) })).status).toBe(200);
    await page.goto(`${wb.url}/reader/${ing.document.id}`);
    const corrected = page.locator(`mark.mention[data-event-ids~="${first.id}"]`);
    await corrected.waitFor();
    expect(await corrected.getAttribute('class')).toContain('corrected');
    expect(await corrected.getAttribute('title')).toContain(newType);
    expect(await page.locator(`mark.mention[data-event-ids~="${second.id}"]`).getAttribute('class')).toContain('rejected');
    // The audit log shows the change and its reason.
    await page.goto(`${wb.url}/audit`);
    await page.locator('table.audit tbody tr').first().waitFor();
    expect(await page.locator('table.audit tbody tr').first().innerText()).toContain('reason: not an event');
  });

  it('the landing page says what the store holds and where to start', async () => {
    const { page } = s;
    await page.goto(`${wb.url}/`);
    const o = page.getByTestId('overview');
    await o.waitFor();
    const text = await o.innerText();
    expect(text).toMatch(/gdelt 2,454/);
    expect(text).toMatch(/curated \d+/);
    await page.getByRole('heading', { name: 'Start here' }).waitFor();
    await screenshot(page, 'volumes-home');
  });

  it('a stale token link opens the sign-in box with the reason', async () => {
    const anon = await openSession(browser);
    try {
      await anon.page.goto(`${wb.url}/network?token=expired-or-made-up`);
      await anon.page.getByTestId('auth-reason').filter({ hasText: 'no longer valid' }).waitFor();
      await anon.page.getByLabel('token').fill(wb.tokens.viewer);
      await anon.page.getByRole('button', { name: 'Use token' }).click();
      await anon.page.getByTestId('role').filter({ hasText: 'viewer' }).waitFor();
      // The feed link carries the token, so it opens in the browser.
      await anon.page.goto(`${wb.url}/alerts`);
      const feed = await anon.page.getByRole('link', { name: 'Atom feed' }).getAttribute('href');
      expect(feed).toContain(`token=${wb.tokens.viewer}`);
      const r = await fetch(`${wb.url}${feed}`);
      expect(r.status).toBe(200);
    } finally {
      await anon.context.close();
    }
    expect(s.errors).toEqual([]);
  });
});
