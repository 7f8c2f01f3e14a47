// The Sources page in a real browser: an admin follows a feed, the follower polls it (here in
// the test process, against a local feed server), and the page shows the last fetch, items
// added and, after the feed breaks, the last error; pause and remove work; editors see no page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openSession, screenshot, startWorkbench, type Workbench } from './harness.js';
import { startSourceServer, type SourceServer } from '../source-server.js';
import { Fetcher, pollDue } from '../../src/sources/index.js';

let wb: Workbench;
let browser: Browser;
let feeds: SourceServer;

beforeAll(async () => {
  wb = await startWorkbench();
  browser = await launchBrowser();
  feeds = await startSourceServer();
});
afterAll(async () => {
  await browser?.close();
  await wb?.close();
  await feeds?.close();
});

const rss = (guid: string, text: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><guid>${guid}</guid><title>News ${guid}</title><description>${text}</description><pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate></item></channel></rss>`;

async function poll(): Promise<void> {
  const fetcher = new Fetcher({ allowPrivate: [new URL(feeds.origin).host], maxBytes: 2 ** 20, timeoutMs: 10_000, hostIntervalMs: 0 });
  try {
    for (const s of await wb.store.listSources()) await wb.store.updateSource(s.id, { nextFetchAt: null });
    await pollDue(wb.store, { fetcher, log: () => undefined });
  } finally {
    fetcher.close();
  }
}

describe('Sources page in Chromium', { timeout: 150_000 }, () => {
  it('an admin follows a feed and sees its fetches, items and errors; pauses and removes it', async () => {
    const { page, errors } = await openSession(browser);
    await page.goto(`${wb.url}/sources?token=${wb.tokens.admin}`);
    await page.getByTestId('role').filter({ hasText: 'admin' }).waitFor();
    await page.getByText('No sources yet.').waitFor();

    const url = `${feeds.origin}/news.rss`;
    await page.getByLabel('URL or folder').fill(url);
    await page.getByLabel('every').fill('5m');
    await page.getByRole('button', { name: 'Follow' }).click();
    const row = page.locator('table.sources tbody tr').first();
    await row.filter({ hasText: url }).waitFor();
    expect(await row.locator('td').nth(1).innerText()).toBe('5m');
    expect(await row.locator('td').nth(4).innerText()).toBe('now');

    feeds.put('/news.rss', rss('a', 'Russia delivered artillery shells to North Korea on 3 March 2026, officials said.'), 'application/rss+xml');
    await poll();
    await page.reload();
    await row.locator('td').nth(5).filter({ hasText: /^1$/ }).waitFor();
    expect(await row.locator('td').nth(2).innerText()).toBe('ok');
    expect(await row.locator('td').nth(3).innerText()).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);

    feeds.put('/news.rss', '<!doctype html><html><body>Down for maintenance</body></html>', 'text/html');
    await poll();
    await page.reload();
    await row.locator('td').nth(6).filter({ hasText: 'no longer an RSS or Atom feed' }).waitFor();
    expect(await row.locator('td').nth(2).innerText()).toMatch(/backing off \(1 failure\)/);
    await screenshot(page, 'sources');

    await row.getByRole('button', { name: 'Pause' }).click();
    await row.locator('td').nth(2).filter({ hasText: 'paused' }).waitFor();
    expect((await wb.store.listSources())[0].paused).toBe(true);
    await row.getByRole('button', { name: 'Remove' }).click();
    await page.getByText('No sources yet.').waitFor();

    // A bad source is refused with the API's code, on the page.
    await page.getByLabel('URL or folder').fill('ftp://example.org/feed');
    await page.getByRole('button', { name: 'Follow' }).click();
    await page.locator('.add-source .error').filter({ hasText: '[BAD_INPUT]' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('shows editors no Sources page', async () => {
    const { page } = await openSession(browser);
    await page.goto(`${wb.url}/network?token=${wb.tokens.editor}`);
    await page.getByTestId('role').filter({ hasText: 'editor' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'views' }).getByRole('link', { name: 'Sources' }).count()).toBe(0);
  });
});
