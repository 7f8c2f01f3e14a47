import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseNetwork, dyadSeries } from '../analysis/index.js';
import { ev } from '../analysis/test-events.js';
import { networkSpec, renderSvg, seriesSpec, writePlot } from './plot.js';

const events = [ev('RUS', 'UKR', 'ASSAULT', '2022-02-24', { mentions: 4 }), ev('RUS', 'UKR', 'CONSULT', '2022-01-05'), ev('RUS', 'PRK', 'COOPERATE', '2022-03-01'), ev('USA', 'UKR', 'AID', '2022-03-01')];

describe('plots', () => {
  it('draws a series as SVG with its title and both panels', async () => {
    const svg = await renderSvg(seriesSpec(dyadSeries(events, { a: 'RUS', b: 'UKR' }, { by: 'month' })));
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('RUS–UKR by month');
    expect(svg).toContain('material conflict');
  });

  it('draws a network with every actor labelled', async () => {
    const svg = await renderSvg(networkSpec(analyseNetwork(events), 'test network'));
    for (const actor of ['RUS', 'UKR', 'PRK', 'USA']) expect(svg).toContain(`>${actor}<`);
  });

  it('must not write anything but SVG', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-plot-'));
    try {
      await expect(writePlot(join(dir, 'x.png'), seriesSpec(dyadSeries(events, { a: 'RUS', b: null })))).rejects.toMatchObject({ code: 'BAD_INPUT' });
      await writePlot(join(dir, 'x.svg'), seriesSpec(dyadSeries(events, { a: 'RUS', b: null })));
      expect(readFileSync(join(dir, 'x.svg'), 'utf8')).toMatch(/<\/svg>\s*$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
