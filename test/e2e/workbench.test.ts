// The workbench in a real browser against a real server: an editor ingests the seed
// article and follows it through Network, Dyad, Timeline, Map and Reader to an event,
// rejects an event that a viewer then no longer sees, and hostile markup renders as text.
// Screenshots of every view (1280×800) go to test-artifacts/e2e/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { sharedDir } from '../cli.js';
import { launchBrowser, openSession, screenshot, startWorkbench, type Watched, type Workbench } from './harness.js';

const SEED = join(sharedDir, 'corpus', 'seed-russia-korean-peninsula.txt');
const INJECTION_HTML = join(sharedDir, 'data', 'bad-input', 'script-injection.html');
const SEED_TITLE = 'Russia’s Expanding Role in the Korean Peninsula';

let wb: Workbench;
let browser: Browser;
let editor: Watched;

beforeAll(async () => {
  wb = await startWorkbench();
  browser = await launchBrowser();
  editor = await openSession(browser);
});

afterAll(async () => {
  await browser?.close();
  await wb?.close();
});

async function nav(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'views' }).getByRole('link', { name: label, exact: true }).click();
}

/** Events on the RUS–PRK tie in the network's table (0 when there is no tie). */
async function rusPrkEvents(page: Page): Promise<number> {
  await page.locator('table.edges').waitFor();
  const row = page.locator('tr[data-dyad="RUS-PRK"], tr[data-dyad="PRK-RUS"]');
  if ((await row.count()) === 0) return 0;
  return Number(await row.first().locator('td').nth(3).innerText());
}

/** Ingest through the UI and wait for the events table; returns its rows' text. */
async function ingestText(page: Page, title: string, text: string, published: string): Promise<string[]> {
  await nav(page, 'Ingest');
  await page.getByLabel('title').fill(title);
  await page.getByLabel('published').fill(published);
  await page.getByLabel('article text').fill(text);
  await page.getByRole('button', { name: 'Extract events' }).click();
  await page.locator('.ingest-result').waitFor({ timeout: 60_000 });
  return page.locator('.ingest-events tbody tr').allInnerTexts();
}

// Generous: under `npm test` the browser shares two cores with every other test file.
describe('workbench in Chromium', { timeout: 150_000 }, () => {
  it('takes the token from the link, keeps it for the session, hides it from the address bar and shows the role', async () => {
    const { page } = editor;
    await page.goto(`${wb.url}/network?token=${wb.tokens.editor}`);
    await page.getByTestId('role').filter({ hasText: 'editor' }).waitFor();
    expect(page.url()).not.toContain('token=');
    expect(page.url()).toMatch(/\/network$/);
    expect(await page.evaluate(() => sessionStorage.getItem('entente.token'))).toBe(wb.tokens.editor);
  });

  it('ingests the seed article and the RUS–PRK tie grows in Network', async () => {
    const { page } = editor;
    const before = await rusPrkEvents(page);
    const rows = await ingestText(page, SEED_TITLE, readFileSync(SEED, 'utf8'), '2023-09-25');
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.some((r) => r.includes('RUS') && r.includes('PRK'))).toBe(true);
    // Each row shows the sentence it came from, taken from the article.
    const article = readFileSync(SEED, 'utf8');
    const sentences = await page.locator('.ingest-events td.sentence').allInnerTexts();
    expect(sentences.filter((s) => s.length > 20 && article.includes(s.trim())).length).toBeGreaterThan(0);
    await page.locator('.ingest-result').scrollIntoViewIfNeeded();
    await page.waitForTimeout(1000);
    await screenshot(page, 'ingest');

    await nav(page, 'Network');
    await expect.poll(() => rusPrkEvents(page), { timeout: 20_000 }).toBeGreaterThan(before);
    await page.locator('[data-testid=network-canvas] svg.link-chart').first().waitFor();
    await page.waitForTimeout(500);
    await screenshot(page, 'network');
  });

  it('replays the network month by month', async () => {
    const { page } = editor;
    await page.getByLabel('network window').selectOption('month');
    const slider = page.getByLabel('month');
    await slider.waitFor();
    const label = page.locator('.month-label');
    const last = await label.innerText();
    expect(last).toMatch(/^\d{4}-\d{2}$/);
    await slider.press('ArrowLeft');
    await expect.poll(() => label.innerText()).not.toBe(last);
    await page.getByLabel('network window').selectOption('all');

    // Before and after 2022: ties that appeared, vanished or changed sign.
    await page.locator('.network-diff').getByRole('button', { name: 'Compare' }).click();
    await page.locator('.network-diff table.diff tbody tr').first().waitFor();
    const changes = await page.locator('.network-diff table.diff tbody tr').allInnerTexts();
    expect(changes.some((c) => /RUS/.test(c) && /appeared|vanished|changed sign/.test(c))).toBe(true);
  });

  it('opens the RUS–PRK dyad: series, shifts, the events under a period, and spillover', async () => {
    const { page } = editor;
    await page.locator('tr[data-dyad="RUS-PRK"] a, tr[data-dyad="PRK-RUS"] a').first().click();
    await page.waitForURL(/\/dyad\?/);
    await page.locator('.series-chart .period').first().waitFor();
    const periods = await page.locator('.series-chart .period').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-period')));
    const y2023 = periods.find((p) => p?.startsWith('2023'));
    expect(y2023).toBeTruthy();
    await page.locator(`.series-chart .period[data-period="${y2023}"] rect.hit`).click();
    await page.locator('.period-events > table.events tbody tr').first().waitFor();
    // Only events dated inside 2023 are listed as the period's (both ends of a range).
    const dates = await page.locator('.period-events > table.events td.date').allInnerTexts();
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((d) => d.split(' – ').every((x) => x.startsWith('2023')))).toBe(true);

    await page.getByLabel('cause dyad').fill('RUS-UKR');
    await page.getByLabel('effect dyad').fill('RUS-PRK');
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.locator('.spillover-result, .spillover .error').first().waitFor();
    expect(await page.locator('.spillover .error').count()).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'dyad');
  });

  it('shows the timeline across centuries with uncertain events visibly distinct', async () => {
    const { page } = editor;
    await nav(page, 'Timeline');
    await page.locator('li.tl-event').first().waitFor();
    const decades = await page.locator('.decade-label').allInnerTexts();
    expect(decades.some((d) => d.startsWith('18') || d.startsWith('19'))).toBe(true);
    expect(decades.some((d) => d.startsWith('20'))).toBe(true);
    const rows = await page.locator('li.tl-event').evaluateAll((lis) =>
      lis.map((li) => ({ modality: li.querySelector('.badge.modality')?.textContent ?? '', uncertain: li.classList.contains('uncertain'), italic: getComputedStyle(li).fontStyle === 'italic' })),
    );
    const spec = rows.filter((r) => r.modality === 'speculative' || r.modality === 'conditional');
    expect(spec.length).toBeGreaterThan(0);
    expect(spec.every((r) => r.uncertain && r.italic)).toBe(true);
    // Must not: asserted events drawn as uncertain.
    expect(rows.filter((r) => r.modality === 'asserted').every((r) => !r.uncertain && !r.italic)).toBe(true);
    const badge = page.locator('li.tl-event.uncertain .badge.modality').first();
    expect(await badge.evaluate((b) => getComputedStyle(b).borderTopStyle)).toBe('dashed');

    await page.getByRole('group', { name: 'modality' }).getByRole('button', { name: 'speculative' }).click();
    await expect.poll(() => page.locator('li.tl-event').count()).toBe(rows.filter((r) => r.modality === 'speculative').length);
    // The filtered page downloads as CSV, one line per event shown.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'download these as CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
    expect(csv[0].startsWith('id,date_start,date_end')).toBe(true);
    expect(csv.length - 1).toBe(rows.filter((r) => r.modality === 'speculative').length);
    expect(csv.slice(1).every((line) => line.includes(',speculative,'))).toBe(true);
    await page.getByRole('group', { name: 'modality' }).getByRole('button', { name: 'all' }).click();
    await expect.poll(() => page.locator('li.tl-event').count()).toBe(rows.length);
    await page.locator('li.tl-event.uncertain').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'timeline');
  });

  it("shows an actor's events per year above its timeline; a year narrows the timeline to it", async () => {
    const { page } = editor;
    await page.goto(`${wb.url}/timeline?actor=PRK`);
    await page.locator('.year-strip .year[data-year="1950"]').waitFor();
    const years = await page.locator('.year-strip .year').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-year')));
    expect(years[0]! <= '1950').toBe(true);
    expect(years[years.length - 1]! >= '2023').toBe(true);
    await screenshot(page, 'timeline-actor');
    await page.locator('.year-strip .year[data-year="1950"] rect.hit').click();
    await page.waitForURL(/from=1950&to=1950/);
    await page.locator('li.tl-event').first().waitFor();
    const dates = await page.locator('li.tl-event .tl-date').allInnerTexts();
    // Every event shown overlaps 1950.
    expect(dates.every((d) => { const [a, b = a] = d.split(' – '); return a.slice(0, 4) <= '1950' && b.slice(0, 4) >= '1950'; })).toBe(true);
  });

  it('draws actors on the world map', async () => {
    const { page } = editor;
    await nav(page, 'Map');
    await page.locator('svg.world [data-actor="RUS"]').waitFor();
    expect(await page.locator('svg.world path.country').count()).toBeGreaterThan(150);
    const r = (code: string) => page.locator(`svg.world [data-actor="${code}"] circle`).getAttribute('r').then(Number);
    // RUS takes part in more events than JPN in this data, so its circle is larger.
    expect(await r('RUS')).toBeGreaterThan(await r('JPN'));
    expect(await page.locator('svg.world [data-actor="SUN"]').count()).toBe(1);
    await screenshot(page, 'map');
    // Dates narrow the map: the Soviet Union has no events after 1991.
    await page.getByLabel('from', { exact: true }).fill('2022');
    await page.getByLabel('to', { exact: true }).fill('2025');
    await expect.poll(() => page.locator('svg.world [data-actor="SUN"]').count()).toBe(0);
    expect(await page.locator('svg.world [data-actor="RUS"]').count()).toBe(1);
  });

  let eventId = '';
  let eventSentence = '';

  it('Reader: clicking a highlighted sentence opens its event, which links back to the sentence', async () => {
    const { page } = editor;
    await nav(page, 'Reader');
    await page.getByRole('link', { name: SEED_TITLE }).click();
    const marks = page.locator('.doc-text mark.mention');
    await marks.first().waitFor();
    expect(await marks.count()).toBeGreaterThan(3);
    await screenshot(page, 'reader');
    // A RUS–PRK sentence: its event is the one to reject later.
    const idx = await marks.evaluateAll((ms) => ms.findIndex((m) => /Kim/.test(m.textContent ?? '') && /Putin|Russia/.test(m.textContent ?? '')));
    const mark = marks.nth(Math.max(0, idx));
    eventSentence = (await mark.innerText()).trim();
    await mark.click();
    const choice = page.locator('.choice a');
    if (await choice.count()) await choice.first().click();
    await page.waitForURL(/\/events\//);
    eventId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await page.locator('.mentions blockquote').first().waitFor();
    const quotes = await page.locator('.mentions blockquote').allInnerTexts();
    expect(quotes.some((q) => q.includes(eventSentence) || eventSentence.includes(q.trim()))).toBe(true);
    await screenshot(page, 'event');

    await page.locator('.mentions a.to-reader').first().click();
    await page.waitForURL(/\/reader\/.+mention=/);
    await page.locator('.doc-text mark.mention.target').waitFor();
    await page.getByRole('link', { name: SEED_TITLE }).waitFor();
  });

  it('an editor rejects an event and a viewer no longer sees it', async () => {
    expect(eventId).not.toBe('');
    const viewer = await openSession(browser);
    try {
      const detail = (await (await fetch(`${wb.url}/api/events/${encodeURIComponent(eventId)}`, { headers: { authorization: `Bearer ${wb.tokens.viewer}` } })).json()) as { sources: string[]; targets: string[] };
      const timeline = `${wb.url}/timeline?actor=${detail.sources[0]}${detail.targets[0] ? `&with=${detail.targets[0]}` : ''}`;
      const row = viewer.page.locator(`li.tl-event[data-event-id="${eventId}"]`);
      await viewer.page.goto(`${timeline}&token=${wb.tokens.viewer}`);
      await viewer.page.getByTestId('role').filter({ hasText: 'viewer' }).waitFor();
      await row.waitFor();

      // Viewers get no curation controls.
      await viewer.page.goto(`${wb.url}/events/${encodeURIComponent(eventId)}`);
      await viewer.page.locator('.read-only').waitFor();
      expect(await viewer.page.locator('.curation').count()).toBe(0);
      expect(await viewer.page.getByRole('button', { name: 'Reject' }).count()).toBe(0);
      expect(await viewer.page.getByRole('navigation', { name: 'views' }).getByRole('link', { name: 'Audit' }).count()).toBe(0);

      const { page } = editor;
      await page.goto(`${wb.url}/events/${encodeURIComponent(eventId)}`);
      await page.getByRole('button', { name: 'Reject' }).click();
      await page.locator('.badge.status.rejected').waitFor();
      await screenshot(page, 'curation');

      await viewer.page.goto(timeline);
      await viewer.page.locator('li.tl-event, .timeline-view p.muted').first().waitFor();
      expect(await row.count()).toBe(0);
      expect(viewer.errors).toEqual([]);
    } finally {
      await viewer.context.close();
    }
  });

  it('an editor corrects an event: the change shows, is marked corrected, and the API agrees', async () => {
    const { page } = editor;
    const page1 = (await (await fetch(`${wb.url}/api/events?origin=text&limit=5`, { headers: { authorization: `Bearer ${wb.tokens.viewer}` } })).json()) as { rows: Array<{ id: string; modality: string }> };
    const target = page1.rows.find((e) => e.id !== eventId);
    expect(target).toBeTruthy();
    await page.goto(`${wb.url}/events/${encodeURIComponent(target!.id)}`);
    const form = page.getByRole('form', { name: 'correct' });
    await form.getByLabel('modality').selectOption('intended');
    await form.getByLabel('date start').fill('2023-09-14');
    await form.getByLabel('date end').fill('2023-09-14');
    await form.getByRole('button', { name: 'Save correction' }).click();
    await page.locator('.badge.status.corrected').waitFor();
    expect(await page.locator('.event-meta').innerText()).toContain('2023-09-14');
    const after = (await (await fetch(`${wb.url}/api/events/${encodeURIComponent(target!.id)}`, { headers: { authorization: `Bearer ${wb.tokens.viewer}` } })).json()) as { status: string; modality: string; date: { start: string } };
    expect(after).toMatchObject({ status: 'corrected', modality: 'intended', date: { start: '2023-09-14' } });
    // The audit trail names the change.
    await expect.poll(() => page.locator('.history').innerText().catch(() => '')).toContain(`modality: ${target!.modality} → intended`);

    // The audit log lists both changes, newest first.
    await nav(page, 'Audit');
    await page.locator('table.audit tbody tr').first().waitFor();
    const actions = await page.locator('table.audit tbody tr td:nth-child(2)').allInnerTexts();
    expect(actions.slice(0, 2)).toEqual(['correct', 'reject']);
  });

  it('an editor merges two events, then splits a mention off again', async () => {
    const { page } = editor;
    const auth = { headers: { authorization: `Bearer ${wb.tokens.viewer}` } };
    const count = async (id: string) => ((await (await fetch(`${wb.url}/api/events/${encodeURIComponent(id)}`, auth)).json()) as { mentionCount: number }).mentionCount;
    const list = (await (await fetch(`${wb.url}/api/events?origin=text&type=AGREE,CONSULT,SUPPORT,COOPERATE,AID,REQUEST&limit=50`, auth)).json()) as { rows: Array<{ id: string; mentionCount: number }> };
    const [a, b] = list.rows.filter((e) => e.id !== eventId).slice(-2);
    expect(a && b).toBeTruthy();
    const total = a.mentionCount + b.mentionCount;

    // Merge: B's mentions move into A and B is gone.
    await page.goto(`${wb.url}/events/${encodeURIComponent(a.id)}`);
    await page.getByLabel('merge ids').fill(b.id);
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect.poll(() => page.locator('.mentions li').count()).toBe(total);
    expect((await fetch(`${wb.url}/api/events/${encodeURIComponent(b.id)}`, auth)).status).toBe(404);

    // Split the last mention off into a new event.
    await page.locator('.split input[type=checkbox]').last().check();
    await page.getByRole('button', { name: 'Split', exact: true }).click();
    const created = page.locator('.curation .note a', { hasText: 'a new event' });
    await created.waitFor();
    const newId = decodeURIComponent((await created.getAttribute('href'))!.split('/').pop()!);
    expect(newId).not.toBe(a.id);
    await expect.poll(() => page.locator('.mentions li').count()).toBe(total - 1);
    expect(await count(a.id)).toBe(total - 1);
    expect(await count(newId)).toBe(1);
  });

  it('finds the seed article by full-text search', async () => {
    const { page } = editor;
    await page.getByLabel('search').fill('Vostochny');
    await page.getByLabel('search').press('Enter');
    await page.waitForURL(/\/search\?q=Vostochny/);
    await page.locator('[data-testid=text-hits] ul.hits li').first().waitFor();
    const hits = await page.locator('[data-testid=text-hits] ul.hits li').allInnerTexts();
    expect(hits.some((h) => h.includes(SEED_TITLE) && /Vostochny/.test(h))).toBe(true);
    await screenshot(page, 'search');
    // Must not: a word that is nowhere.
    await page.goto(`${wb.url}/search?q=zzyzxquux`);
    await page.getByText('No events match.').waitFor();
    await page.getByText('No passages in documents match.').waitFor();
  });

  it('without a token shows no data and asks for one; a pasted token signs in', async () => {
    const anon = await openSession(browser);
    try {
      await anon.page.goto(`${wb.url}/timeline`);
      await anon.page.getByTestId('role').filter({ hasText: 'no token' }).waitFor();
      await anon.page.locator('.auth-notice').waitFor();
      expect(await anon.page.locator('li.tl-event').count()).toBe(0);
      await anon.page.getByLabel('token').fill(wb.tokens.viewer);
      await anon.page.getByRole('button', { name: 'Use token' }).click();
      await anon.page.getByTestId('role').filter({ hasText: 'viewer' }).waitFor();
      await anon.page.locator('li.tl-event').first().waitFor();

      // A viewer may read but not ingest: the server's refusal shows as one line with its code.
      await nav(anon.page, 'Ingest');
      await anon.page.getByLabel('article text').fill('Putin met Kim Jong Un in Pyongyang on June 19, 2024.');
      await anon.page.getByRole('button', { name: 'Extract events' }).click();
      await expect.poll(() => anon.page.getByRole('alert').innerText().catch(() => '')).toContain('[FORBIDDEN]');
      expect(await anon.page.locator('.ingest-result').count()).toBe(0);
      expect(anon.errors).toEqual([]);
    } finally {
      await anon.context.close();
    }
  });

  it('manages a watchlist and shows a new alert live, over server-sent events', async () => {
    const { page } = editor;
    await nav(page, 'Alerts');
    await page.getByLabel('watch actor A').fill('rus');
    await page.getByLabel('watch actor B').fill('prk');
    await page.getByLabel('threshold').fill('0.5');
    await page.getByRole('button', { name: 'Add watch' }).click();
    await page.locator('tr[data-watch="RUS-PRK"]').waitFor();
    await page.getByTestId('stream-state').filter({ hasText: 'live' }).waitFor();
    const before = await page.locator('ul.alerts li').count();

    // A new RUS–PRK event, ingested elsewhere while the page stays open.
    const res = await fetch(`${wb.url}/api/ingest`, {
      method: 'POST',
      headers: { authorization: `Bearer ${wb.tokens.editor}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Arms for Pyongyang', published: '2024-07-03', text: 'On July 2, 2024, Russia sent military aid to North Korea. Putin met Kim Jong Un in Moscow on July 1, 2024.' }),
    });
    expect(res.status).toBe(201);
    await page.locator('ul.alerts li.new').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('ul.alerts li').count()).toBeGreaterThan(before);
    expect(await page.locator('ul.alerts li.new').first().innerText()).toContain('RUS');
    await screenshot(page, 'alerts');
    await page.locator('ul.alerts li.alert-event a', { hasText: 'open event' }).first().click();
    await page.waitForURL(/\/events\//);
    await page.locator('.event-head').waitFor();
    await nav(page, 'Alerts');
    await page.locator('tr[data-watch="RUS-PRK"]').waitFor();

    await page.getByRole('button', { name: 'remove watch RUS-PRK' }).click();
    await expect.poll(() => page.locator('tr[data-watch="RUS-PRK"]').count()).toBe(0);
  });

  it('renders hostile markup in an article as text and runs nothing', async () => {
    const { page, dialogs } = editor;
    const hostile = [
      'Putin met Kim Jong Un in Pyongyang on June 19, 2024.',
      '<script>window.__ententePwned = "script"; alert("script")</script>',
      '<img src=x onerror="window.__ententePwned = \'img\'; alert(\'img\')">',
      'Russia and North Korea signed a comprehensive strategic partnership treaty.',
    ].join('\n');
    const title = '<img src=x onerror="window.__ententePwned = \'title\'; alert(\'title\')"> Summit';
    await ingestText(page, title, hostile, '2024-06-20');
    await page.locator('.ingest-result h2 a').click();
    const text = page.getByTestId('doc-text');
    await text.waitFor();
    const shown = await text.innerText();
    expect(shown).toContain('<script>window.__ententePwned');
    expect(shown).toContain('onerror=');
    expect(await page.locator('.document h1').innerText()).toContain('<img src=x');
    await screenshot(page, 'hostile-text');

    // The bad-input HTML file, uploaded as a file.
    await nav(page, 'Ingest');
    await page.getByLabel('file').setInputFiles(INJECTION_HTML);
    await page.getByRole('button', { name: 'Extract events' }).click();
    await page.locator('.ingest-result').waitFor({ timeout: 60_000 });
    await page.locator('.ingest-result h2 a').click();
    await text.waitFor();
    expect(await text.innerText()).toContain('Putin met Kim Jong Un in Pyongyang');

    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __ententePwned?: unknown }).__ententePwned)).toBeUndefined();
    expect(await page.locator('#root img, #root script, #root iframe').count()).toBe(0);
    expect(editor.errors).toEqual([]);
    // The app itself lives within the server's Content-Security-Policy: nothing was refused.
    expect(editor.console.filter((m) => /Content Security Policy|Refused to/i.test(m))).toEqual([]);
  });
});
