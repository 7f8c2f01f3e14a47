// The analysis commands end to end, as a user runs them: real GDELT and ICEWS samples
// imported into a fresh SQLite file, then series, shifts, network (and --diff), spillover.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { runCli, sharedDir } from '../../test/cli.js';
import { testDb } from '../../test/test-store.js';

let dir: string;
let db: string;
const cli = (...args: string[]) => runCli([...args, '--db', db]);
const json = (...args: string[]) => {
  const r = cli(...args, '--format', 'json');
  if (r.code !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'entente-cli-analysis-'));
  db = await testDb(join(dir, 'e.db'));
  expect(cli('import', 'gdelt', join(sharedDir, 'data/gdelt-v2-events')).code).toBe(0);
  expect(cli('import', 'icews', join(sharedDir, 'data/icews/events.2018.sample.tab')).code).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('entente series', () => {
  it('prints a normalised series with every field, and plots it', () => {
    const s = json('series', 'RUS', 'UKR', '--by', 'month', '--plot', join(dir, 's.svg'));
    expect(s).toMatchObject({ dyad: { a: 'RUS', b: 'UKR' }, by: 'month', normalised: true });
    expect(s.points.length).toBeGreaterThan(10);
    const busy = s.points.find((p: { events: number }) => p.events > 0);
    expect(Object.keys(busy.byType)).toHaveLength(16);
    expect(busy.byQuad).toHaveProperty('4');
    expect(busy.asserted + busy.notAsserted).toBe(busy.events);
    expect(busy.volume).toBeGreaterThanOrEqual(busy.mentions);
    expect(readFileSync(join(dir, 's.svg'), 'utf8')).toMatch(/^<svg/);
  });

  it('takes the dyad as A B or A-B alike', () => {
    expect(json('series', 'RUS-UKR', '--by', 'year').points).toEqual(json('series', 'RUS', 'UKR', '--by', 'year').points);
  });

  it('writes CSV with one column per PLOVER type', () => {
    const r = cli('series', 'PRK', '*', '--by', 'year', '--format', 'csv');
    expect(r.code).toBe(0);
    const [head, ...rows] = r.stdout.trim().split('\r\n');
    expect(head.split(',')).toEqual(expect.arrayContaining(['period', 'ASSAULT', 'AGREE', 'q4', 'score', 'volume']));
    expect(rows.length).toBeGreaterThan(0);
  });

  it.each([
    [['series', 'RUS', 'UKR', '--by', 'fortnight'], /by/],
    [['series', 'RUS', '--from', 'yesterday'], /from/],
    [['series', 'RUS', '--plot', join(tmpdir(), 'x.png')], /SVG/],
  ])('must not accept %j: one line with a code, no stack', (args, message) => {
    const r = cli(...args);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/\[BAD_INPUT\]$/m);
    expect(r.stderr).toMatch(message);
  });
});

describe('entente shifts', () => {
  it('returns change points with date, direction, magnitude, confidence and events', () => {
    const r = json('shifts', 'RUS', '*', '--by', 'week');
    expect(r.method).toMatch(/PELT/);
    expect(r.scores.length).toBeGreaterThan(50);
    for (const s of r.shifts) {
      expect(s).toMatchObject({ period: expect.any(String), date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), direction: expect.stringMatching(/^toward-(cooperation|conflict)$/) });
      expect(s.confidence).toBeGreaterThanOrEqual(0.95);
      expect(Array.isArray(s.events)).toBe(true);
    }
  });
});

describe('entente network', () => {
  it('gives blocs, balance and centrality for a window', () => {
    const n = json('network', '--from', '2018-01-01', '--to', '2019-12-31', '--min-events', '2');
    expect(n.nodes.length).toBeGreaterThan(10);
    expect(n.nodes[0]).toMatchObject({ id: expect.any(String), bloc: expect.any(Number), strength: expect.any(Number), betweenness: expect.any(Number) });
    expect(n.balance.triangles).toBeGreaterThan(0);
    expect(n.balance.ratio).toBeGreaterThan(0);
    expect(n.blocs.flatMap((b: { members: string[] }) => b.members).sort()).toEqual(n.nodes.map((x: { id: string }) => x.id).sort());
  });

  it('exports GEXF and GraphML that parse', () => {
    const xml = new XMLParser({ ignoreAttributes: false });
    const g = cli('network', '--at', '2019-10-24', '--days', '30', '--format', 'gexf');
    expect(xml.parse(g.stdout).gexf.graph.nodes.node.length).toBeGreaterThan(5);
    const m = cli('network', '--at', '2019-10-24', '--days', '30', '--format', 'graphml', '--plot', join(dir, 'n.svg'));
    expect(xml.parse(m.stdout).graphml.graph.edge.length).toBeGreaterThan(5);
    expect(existsSync(join(dir, 'n.svg'))).toBe(true);
  });

  it('lists edges that appeared, vanished or changed sign between two windows', () => {
    const d = json('network', '--diff', '2018-12-31', '2019-12-31');
    expect(d.before).toMatchObject({ from: '2018-01-01', to: '2018-12-31' });
    expect(d.counts.appeared + d.counts.vanished + d.counts.changedSign).toBe(d.changes.length);
    expect(d.changes.length).toBeGreaterThan(0);
    for (const c of d.changes) expect(['appeared', 'vanished', 'changed-sign']).toContain(c.change);
  });

  it('must not accept a window given both ways', () => {
    const r = cli('network', '--at', '2019-01-01', '--from', '2018-01-01', '--to', '2018-02-01');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\[BAD_INPUT\]/);
  });
});

describe('entente spillover', () => {
  it('reports correlation, the Granger test and the event study, or says why not', () => {
    const r = json('spillover', '--cause', 'RUS-UKR', '--effect', 'RUS-USA', '--by', 'week', '--max-lag', '2', '--anchor', '2018-06-01');
    expect(r).toMatchObject({ cause: 'RUS–UKR', effect: 'RUS–USA', by: 'week' });
    expect(r.crossCorrelation).toHaveLength(3);
    expect(r.periods).toBe(r.periodLabels.length);
    expect(r.granger.insufficient ? r.granger.reason : r.granger.pValue).toBeDefined();
    expect(r.eventStudy).not.toBeNull();
    const t = cli('spillover', '--cause', 'RUS-UKR', '--effect', 'RUS-PRK');
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/Granger/);
  });

  it('must not run without both dyads', () => {
    const r = cli('spillover', '--cause', 'RUS-UKR');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--effect/);
  });
});
