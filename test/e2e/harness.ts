// What the browser tests run against: the real server (createApp + listen on 127.0.0.1,
// port 0) over a real SQLite file in a temp dir with the starter dataset, tokens made
// through the store, and Debian's Chromium driven by playwright-core (never a download).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/api/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { loadStarterDataset } from '../../src/starter/index.js';
import { loadSettings } from '../../src/config/settings.js';
import { repoRoot } from '../cli.js';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const artifactsDir = join(repoRoot, 'test-artifacts', 'e2e');
export const webDist = join(repoRoot, 'web', 'dist');

export interface Workbench {
  url: string;
  store: Store;
  tokens: { viewer: string; editor: string; admin: string };
  close(): Promise<void>;
}

/** `npm test` builds the web app first; a lone `vitest run test/e2e` builds it here if missing. */
export function ensureWebBuild(): void {
  if (existsSync(join(webDist, 'index.html'))) return;
  const r = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', 'web', '--logLevel', 'warn'], { cwd: repoRoot, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build web failed: ${r.stderr}`);
}

export async function startWorkbench(): Promise<Workbench> {
  ensureWebBuild();
  const dir = mkdtempSync(join(tmpdir(), 'entente-e2e-'));
  const settings = loadSettings({ db: join(dir, 'e2e.db') });
  const store = await openStore(settings);
  await loadStarterDataset(store);
  const tokens = {
    viewer: (await store.createToken('viewer', 'e2e viewer')).token,
    editor: (await store.createToken('editor', 'e2e editor')).token,
    admin: (await store.createToken('admin', 'e2e admin')).token,
  };
  // Generous limits: one test run makes a few hundred requests from one address.
  const app: FastifyInstance = await createApp({ store, settings, db: settings.db, webDir: webDist, writesPerMinute: 10_000, readsPerMinute: 100_000 });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('server did not bind a TCP port');
  return {
    url: `http://127.0.0.1:${addr.port}`,
    store,
    tokens,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`browser tests need Debian's chromium at ${CHROMIUM} (apt-get install chromium)`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Every JavaScript dialog (alert, confirm, prompt) the page tried to open. */
  dialogs: string[];
  /** Uncaught exceptions in the page. */
  errors: string[];
  /** Console errors (failed requests included), for diagnosis. */
  console: string[];
}

/** A fresh 1280×800 session (its own sessionStorage), recording dialogs and errors. */
export async function openSession(browser: Browser): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  return { context, page, dialogs, errors, console: consoleErrors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** How many of the visible elements matching `selector` overlap another (by their boxes in the page). */
export async function labelOverlaps(page: Page, selector: string): Promise<{ labels: number; overlaps: number }> {
  return page.locator(selector).evaluateAll((els) => {
    const boxes = els.map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0);
    let overlaps = 0;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) overlaps++;
      }
    return { labels: boxes.length, overlaps };
  });
}
