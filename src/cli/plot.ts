// Charts for the CLI's --plot FILE: vega-lite specs compiled to Vega and rendered to SVG
// headless (no canvas needed). A series is a score line over stacked quad-class counts;
// a network is a circle of actors grouped by bloc, edges green (cooperation) or red (conflict).
import { writeFileSync } from 'node:fs';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { EntenteError } from '../domain/errors.js';
import { QUAD_NAMES, type QuadClass } from '../domain/plover.js';
import type { Series, Network } from '../analysis/index.js';
import { dyadLabel } from '../analysis/index.js';

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export async function writePlot(file: string, spec: TopLevelSpec): Promise<void> {
  if (!/\.svg$/i.test(file)) throw new EntenteError('BAD_INPUT', `--plot ${file}: only SVG output is supported (name the file .svg)`);
  const svg = await renderSvg(spec);
  try {
    writeFileSync(file, svg);
  } catch (e) {
    throw new EntenteError('BAD_INPUT', `--plot ${file}: cannot write: ${(e as Error).message}`);
  }
}

export function seriesSpec(s: Series): TopLevelSpec {
  const scores = s.points.map((p) => ({ period: p.start, score: p.score }));
  const counts = s.points.flatMap((p) => ([1, 2, 3, 4] as QuadClass[]).map((q) => ({ period: p.start, quad: QUAD_NAMES[q], events: p.byQuad[q] })));
  const unit = ({ day: 'yearmonthdate', week: 'yearmonthdate', month: 'yearmonth', quarter: 'yearquarter', year: 'year' } as const)[s.by];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `${dyadLabel(s.dyad)} by ${s.by}`,
    vconcat: [
      {
        width: 640, height: 200,
        data: { values: scores },
        layer: [
          { mark: { type: 'rule', color: '#999' }, encoding: { y: { datum: 0 } } },
          {
            mark: { type: 'line', point: true },
            encoding: {
              x: { field: 'period', type: 'temporal', timeUnit: unit, title: null },
              y: { field: 'score', type: 'quantitative', title: s.normalised ? 'score (per 1000 store mentions)' : 'score (Σ intensity × mentions)' },
            },
          },
        ],
      },
      {
        width: 640, height: 120,
        data: { values: counts },
        mark: 'bar',
        encoding: {
          x: { field: 'period', type: 'temporal', timeUnit: unit, title: null },
          y: { field: 'events', type: 'quantitative', aggregate: 'sum', title: 'events' },
          color: { field: 'quad', type: 'nominal', scale: { domain: Object.values(QUAD_NAMES), range: ['#9ecae1', '#3182bd', '#fdae6b', '#e6550d'] }, title: null },
        },
      },
    ],
  };
}

export function networkSpec(net: Network, title: string): TopLevelSpec {
  // Circle layout, actors ordered by bloc so each bloc sits on one arc.
  const order = [...net.nodes].sort((a, b) => a.bloc - b.bloc || b.strength - a.strength || a.id.localeCompare(b.id));
  const pos = new Map(order.map((n, i) => {
    const t = (2 * Math.PI * i) / Math.max(1, order.length);
    return [n.id, { x: Math.cos(t), y: Math.sin(t) }];
  }));
  const nodes = order.map((n) => ({ id: n.id, bloc: String(n.bloc), strength: n.strength, ...pos.get(n.id)! }));
  const edges = net.edges.map((e) => ({
    x: pos.get(e.source)!.x, y: pos.get(e.source)!.y, x2: pos.get(e.target)!.x, y2: pos.get(e.target)!.y,
    relation: e.sign > 0 ? 'cooperation' : e.sign < 0 ? 'conflict' : 'neutral', weight: Math.abs(e.weight),
  }));
  const axis = { scale: { domain: [-1.2, 1.2] }, axis: null };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title, width: 520, height: 520,
    layer: [
      {
        data: { values: edges },
        mark: { type: 'rule', opacity: 0.6 },
        encoding: {
          x: { field: 'x', type: 'quantitative', ...axis }, y: { field: 'y', type: 'quantitative', ...axis },
          x2: { field: 'x2' }, y2: { field: 'y2' },
          color: { field: 'relation', type: 'nominal', scale: { domain: ['cooperation', 'conflict', 'neutral'], range: ['#2ca02c', '#d62728', '#aaaaaa'] } },
          strokeWidth: { field: 'weight', type: 'quantitative', scale: { range: [0.5, 5] }, legend: null },
        },
      },
      {
        data: { values: nodes },
        layer: [
          {
            mark: { type: 'circle', opacity: 0.9 },
            encoding: {
              x: { field: 'x', type: 'quantitative', ...axis }, y: { field: 'y', type: 'quantitative', ...axis },
              size: { field: 'strength', type: 'quantitative', scale: { range: [40, 600] }, legend: null },
              fill: { field: 'bloc', type: 'nominal', title: 'bloc' },
            },
          },
          { mark: { type: 'text', dy: -12, fontSize: 10 }, encoding: { x: { field: 'x', type: 'quantitative', ...axis }, y: { field: 'y', type: 'quantitative', ...axis }, text: { field: 'id' } } },
        ],
      },
    ],
    resolve: { scale: { color: 'independent' } },
  };
}
