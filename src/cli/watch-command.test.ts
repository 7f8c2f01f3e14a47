// watch and alerts end to end: a watch added before an import alerts on it; a dead webhook
// does not fail the import; alerts list as JSON and as an Atom feed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { XMLParser } from 'fast-xml-parser';
import { runCli, sharedDir } from '../../test/cli.js';
import { testDb } from '../../test/test-store.js';

let dir: string;
let db: string;
let deadUrl: string;
const cli = (...args: string[]) => runCli([...args, '--db', db], { env: { ENTENTE_WEBHOOK_TIMEOUT_MS: '300' } });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'entente-cli-watch-'));
  db = await testDb(join(dir, 'w.db'));
  // A port that was free a moment ago: nothing listens there, so delivery is refused.
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  deadUrl = `http://127.0.0.1:${port}/hook`;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('entente watch / alerts', () => {
  it('adds and lists watches', () => {
    expect(cli('watch', 'add', 'RUS', 'UKR', '--threshold', '7', '--webhook', deadUrl).code).toBe(0);
    expect(cli('watch', 'add', 'PRK', '--threshold', '9', '--label', 'north').code).toBe(0);
    // A name resolves to its code.
    const named = cli('watch', 'add', 'Russia', 'North Korea', '--format', 'json');
    expect(named.code, named.stderr).toBe(0);
    expect(JSON.parse(named.stdout)[0]).toMatchObject({ dyad: 'RUS–PRK' });
    expect(cli('watch', 'remove', String(JSON.parse(named.stdout)[0].id)).code).toBe(0);
    const list = JSON.parse(cli('watch', 'list', '--format', 'json').stdout);
    expect(list.map((w: { dyad: string }) => w.dyad)).toEqual(['RUS–UKR', 'PRK–*']);
  });

  it('raises alerts after an import, and a dead webhook does not fail it', () => {
    const r = cli('import', 'gdelt', join(sharedDir, 'data/gdelt-v2-events/20191024143000.export.CSV'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/imported/);
    expect(r.stderr).toMatch(/alert \d+ \[RUS–UKR\] event/);
    expect(r.stderr).toMatch(/webhook .* failed/);
    const page = JSON.parse(cli('alerts', '--format', 'json').stdout);
    expect(page.total).toBeGreaterThan(0);
    const rus = page.rows.filter((a: { dyad: string }) => a.dyad === 'RUS–UKR');
    expect(rus.length).toBeGreaterThan(0);
    expect(rus[0]).toMatchObject({ kind: 'event', delivery: 'pending', attempts: 3, lastError: expect.any(String) });
    expect(Math.abs(rus[0].data.event.intensity)).toBeGreaterThanOrEqual(7);
  });

  it('does not alert twice on the same events', () => {
    const before = JSON.parse(cli('alerts', '--format', 'json').stdout).total;
    expect(cli('import', 'gdelt', join(sharedDir, 'data/gdelt-v2-events/20191024143000.export.CSV')).code).toBe(0);
    expect(JSON.parse(cli('alerts', '--format', 'json').stdout).total).toBe(before);
  });

  it('writes the alerts as an Atom feed', () => {
    const file = join(dir, 'alerts.atom');
    expect(cli('alerts', '--atom', file, '--format', 'csv').code).toBe(0);
    const feed = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'entry' }).parse(readFileSync(file, 'utf8')).feed;
    expect(feed.entry.length).toBeGreaterThan(0);
    expect(feed.entry[0].id).toMatch(/^urn:entente:alerts:alert:\d+$/);
  });

  it.each([
    [['watch', 'add', 'RUS', '--threshold', '12'], 'BAD_INPUT'],
    [['watch', 'add', 'RUS', '--webhook', 'file:///etc/passwd'], 'BAD_INPUT'],
    [['watch', 'add', 'RUSSIA-NORTHKOREA', 'Rusia'], 'BAD_INPUT'],
    [['watch', 'remove', '999'], 'NOT_FOUND'],
    [['watch', 'remove', 'abc'], 'BAD_INPUT'],
    [['alerts', '--limit', 'many'], 'BAD_INPUT'],
  ])('must not accept %j', (args, code) => {
    const r = cli(...args);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(new RegExp(`^entente: .*\\[${code}\\]$`));
  });

  it('removes a watch and its alerts', () => {
    expect(cli('watch', 'remove', '1').code).toBe(0);
    const page = JSON.parse(cli('alerts', '--format', 'json').stdout);
    expect(page.rows.every((a: { dyad: string }) => a.dyad !== 'RUS–UKR')).toBe(true);
  });
});
