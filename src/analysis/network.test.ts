import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { analyseNetwork, buildGraph, diffNetworks, structuralBalance } from './network.js';
import { toGexf, toGraphml } from './network-export.js';
import { seededRng } from './random.js';
import { ev } from './test-events.js';
import type { AnalysisEvent } from '../domain/event.js';

const coop = (a: string, b: string, mentions = 1): AnalysisEvent => ev(a, b, 'COOPERATE', '2023-01-10', { mentions });
const fight = (a: string, b: string, mentions = 1): AnalysisEvent => ev(a, b, 'ASSAULT', '2023-01-10', { mentions });

describe('buildGraph', () => {
  it('sums intensity × mentions per pair, both directions, and signs the edge', () => {
    const g = buildGraph([coop('A', 'B', 2), fight('B', 'A'), ev('A', 'A', 'ACCUSE', '2023-01-01')]);
    expect(g.order).toBe(2);
    expect(g.getEdgeAttributes('A', 'B')).toMatchObject({ weight: 9.5 * 2 - 9, sign: 1, events: 2, mentions: 3, cooperative: 1, conflictual: 1 });
  });

  it('drops pairs under minEvents, and actors left alone', () => {
    const g = buildGraph([coop('A', 'B'), coop('A', 'B'), fight('C', 'D')], 2);
    expect(g.nodes().sort()).toEqual(['A', 'B']);
  });

  it('expands every source × target pair', () => {
    const g = buildGraph([{ ...coop('A', 'B'), sources: ['A', 'C'], targets: ['B'] }]);
    expect(g.size).toBe(2);
  });
});

describe('structural balance', () => {
  // Hand computation: + edges AB BC AC AE DE; − edges CD AD BD BE.
  // Triangles: ABC +++ bal, ABD +−− bal, ACD +−− bal, BCD +−− bal, ADE −++ unbal, ABE +−+ unbal, BDE −+− bal.
  // 7 triangles, 5 balanced.
  const events = [coop('A', 'B'), coop('B', 'C'), coop('A', 'C'), coop('A', 'E'), coop('D', 'E', 3),
    fight('C', 'D'), fight('A', 'D', 3), fight('B', 'D'), fight('B', 'E')];
  const bal = structuralBalance(buildGraph(events));

  it('equals the hand computation: 5 of 7 triangles balanced', () => {
    expect(bal).toMatchObject({ triangles: 7, balanced: 5 });
    expect(bal.ratio).toBeCloseTo(5 / 7);
  });

  it('lists the unbalanced triangles, firmest first', () => {
    expect(bal.mostUnbalanced.map((t) => t.actors.join(''))).toEqual(['ADE', 'ABE']);
    expect(bal.mostUnbalanced.map((t) => t.strength)).toEqual([9.5, 9]);
  });

  it('must not count an all-cooperative triangle as unbalanced, or invent one without triangles', () => {
    expect(structuralBalance(buildGraph([coop('X', 'Y'), coop('Y', 'Z'), coop('X', 'Z')]))).toMatchObject({ triangles: 1, balanced: 1, mostUnbalanced: [] });
    expect(structuralBalance(buildGraph([coop('X', 'Y'), fight('Y', 'Z')])).ratio).toBeNull();
  });
});

describe('blocs', () => {
  // Two planted blocs: dense cooperation inside, conflict across, and a little noise.
  function planted(seed: number): AnalysisEvent[] {
    const rng = seededRng(seed);
    const west = ['USA', 'GBR', 'FRA', 'DEU', 'JPN', 'KOR'];
    const east = ['RUS', 'PRK', 'IRN', 'SYR', 'BLR', 'CHN'];
    const out: AnalysisEvent[] = [];
    for (const bloc of [west, east]) {
      for (let i = 0; i < bloc.length; i++) for (let j = i + 1; j < bloc.length; j++) if (rng() < 0.8) out.push(coop(bloc[i], bloc[j], 1 + Math.floor(rng() * 4)));
    }
    for (const w of west) for (const e of east) if (rng() < 0.6) out.push(fight(w, e, 1 + Math.floor(rng() * 4)));
    out.push(ev('FRA', 'CHN', 'CONSULT', '2023-01-02')); // one weak cooperative tie across
    return out;
  }

  it.each([1, 2, 3, 4, 5])('finds the two planted blocs (seed %i)', (seed) => {
    const net = analyseNetwork(planted(seed), { seed });
    const groups = net.blocs.map((b) => b.members.sort().join(' ')).sort();
    expect(groups).toEqual(['BLR CHN IRN PRK RUS SYR', 'DEU FRA GBR JPN KOR USA']);
    expect(net.modularity).toBeGreaterThan(0.3);
  });

  it('is the same for the same seed', () => {
    expect(analyseNetwork(planted(9), { seed: 4 })).toEqual(analyseNetwork(planted(9), { seed: 4 }));
  });

  it('must not merge an actor with only hostile ties into a bloc', () => {
    const net = analyseNetwork([...planted(1), fight('UKR', 'RUS')]);
    expect(net.blocs.find((b) => b.members.includes('UKR'))!.members).toEqual(['UKR']);
  });

  it('gives centralities: a broker between two groups has the highest betweenness', () => {
    const net = analyseNetwork([coop('A', 'B'), coop('B', 'C'), coop('A', 'C'), coop('C', 'H'), coop('H', 'X'), coop('X', 'Y'), coop('Y', 'Z'), coop('X', 'Z')]);
    const top = [...net.nodes].sort((p, q) => q.betweenness - p.betweenness)[0];
    expect(top.id).toBe('H');
    expect(net.nodes.find((n) => n.id === 'C')!.strength).toBeCloseTo(9.5 * 3);
  });
});

describe('diffNetworks', () => {
  it('lists edges that appeared, vanished or changed sign, and nothing that held', () => {
    const before = analyseNetwork([coop('RUS', 'UKR'), coop('RUS', 'PRK'), fight('USA', 'IRN')]);
    const after = analyseNetwork([fight('RUS', 'UKR'), coop('RUS', 'PRK'), coop('KOR', 'USA')]);
    const d = diffNetworks(before, after);
    expect(d.map((c) => `${c.change} ${c.source}-${c.target}`)).toEqual(['changed-sign RUS-UKR', 'appeared KOR-USA', 'vanished IRN-USA']);
    expect(d[0].before!.sign).toBe(1);
    expect(d[0].after!.sign).toBe(-1);
  });
});

describe('exports', () => {
  const net = analyseNetwork([coop('A', 'B'), fight('B', 'C<&>')]);
  const xml = new XMLParser({ ignoreAttributes: false });
  it('writes GEXF that parses, with every node and edge', () => {
    const doc = xml.parse(toGexf(net));
    expect(doc.gexf.graph.nodes.node).toHaveLength(3);
    expect(doc.gexf.graph.edges.edge).toHaveLength(2);
    expect(doc.gexf.graph.nodes.node.map((n: Record<string, string>) => n['@_id'])).toContain('C<&>');
  });
  it('writes GraphML that parses, with signed weights', () => {
    const doc = xml.parse(toGraphml(net));
    expect(doc.graphml.graph.node).toHaveLength(3);
    const weights = doc.graphml.graph.edge.map((e: { data: Array<{ '#text': number }> }) => e.data[0]['#text']);
    expect(weights.sort()).toEqual([-9, 9.5]);
  });
});
