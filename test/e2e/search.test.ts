// Search over events in Chromium: a store holding the starter data and a real GDELT 2.0
// 15-minute file, imported as a user imports it. Searching a leader named in GDELT's actor
// fields, or a word of an article's link, lists event hits (type, actors, date, origin,
// source link) beside the document hits; a hit opens its event; event hits page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { importDataset, isDatasetStore } from '../../src/ingest/datasets/index.js';
import { sharedDir } from '../cli.js';
import { launchBrowser, openSession, screenshot, startWorkbench, type Watched, type Workbench } from './harness.js';

let wb: Workbench;
let browser: Browser;
let s: Watched;

beforeAll(async () => {
  wb = await startWorkbench();
  if (!isDatasetStore(wb.store)) throw new Error('the workbench store cannot import datasets');
  const report = await importDataset(wb.store, 'gdelt', [join(sharedDir, 'data', 'gdelt-v2-events', '20191024143000.export.CSV')]);
  expect(report.imported).toBeGreaterThan(1000);
  browser = await launchBrowser();
  s = await openSession(browser);
  await s.page.goto(`${wb.url}/?token=${wb.tokens.viewer}`);
  await s.page.getByTestId('role').filter({ hasText: 'viewer' }).waitFor();
}, 180_000);

afterAll(async () => {
  await s?.context.close();
  await browser?.close();
  await wb?.close();
});

describe('search over events', { timeout: 120_000 }, () => {
  it('finds GDELT events by a leader in their actor fields, with source links, and opens one', async () => {
    const { page } = s;
    await page.getByLabel('search').fill('Putin');
    await page.getByLabel('search').press('Enter');
    await page.waitForURL(/\/search\?q=Putin/);
    const hits = page.locator('[data-testid=event-hits] li.event-hit');
    await hits.first().waitFor();
    const texts = await hits.allInnerTexts();
    // The starter's reference events (titles) and the GDELT rows (actor names, links) both match.
    expect(texts.some((t) => /gdelt/.test(t))).toBe(true);
    expect(texts.some((t) => /curated/.test(t) && /Putin/.test(t))).toBe(true);
    expect(texts.every((t) => /putin/i.test(t))).toBe(true);
    const gdelt = hits.filter({ hasText: 'gdelt' });
    const links = await gdelt.locator('a.source-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBe(await gdelt.count());
    expect(links.every((h) => /^https?:\/\//.test(h))).toBe(true);
    expect(await gdelt.first().locator('.snippet b').first().innerText()).toMatch(/putin/i);
    const heading = await page.locator('[data-testid=event-hits] h2').innerText();
    const shown = Number(heading.split(' ')[0]);
    expect(shown).toBe(await hits.count());
    await screenshot(page, 'search-events');
    // The date opens the event, which shows the same source link.
    const id = await gdelt.first().getAttribute('data-event-id');
    const link = links[0];
    await gdelt.first().locator('a.date').click();
    await page.waitForURL(new RegExp(`/events/${id}$`));
    await expect.poll(() => page.locator('a.source-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))).toContain(link);
  });

  it('finds an event by a word of its article link, and pages through many event hits', async () => {
    const { page } = s;
    await page.goto(`${wb.url}/search?q=${encodeURIComponent('pardon OR swap')}`);
    const hits = page.locator('[data-testid=event-hits] li.event-hit');
    await hits.first().waitFor();
    expect((await hits.allInnerTexts()).every((t) => /reuters\.com/.test(t) && /gdelt/.test(t))).toBe(true);
    await page.goto(`${wb.url}/search?q=USA`);
    await hits.first().waitFor();
    expect(await hits.count()).toBe(50);
    const first = await hits.first().getAttribute('data-event-id');
    await page.locator('[data-testid=event-hits]').getByRole('button', { name: /next 50/ }).click();
    await expect.poll(() => hits.first().getAttribute('data-event-id')).not.toBe(first);
    await page.locator('[data-testid=event-hits]').getByText(/^51–/).waitFor();
    expect(s.errors).toEqual([]);
  });
});
