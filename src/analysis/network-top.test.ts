import { describe, expect, it } from 'vitest';
import { analyseNetwork } from './network.js';
import { topOfNetwork } from './network-top.js';
import type { AnalysisEvent } from '../domain/event.js';

let n = 0;
const ev = (s: string, t: string, times: number): AnalysisEvent[] => Array.from({ length: times }, () => ({
  id: String(++n), type: 'CONSULT', sources: [s], targets: [t], start: '2024-01-01', end: '2024-01-01', modality: 'asserted', mentions: 1, intensity: 1, origin: 'gdelt',
}));

describe('topOfNetwork', () => {
  const net = analyseNetwork([ev('RUS', 'PRK', 5), ev('RUS', 'UKR', 3), ev('FRA', 'DEU', 1), ev('USA', 'RUS', 2)].flat(), { minEvents: 1, seed: 1 });
  it('keeps the busiest actors and only the ties among them, and says what it left out', () => {
    const cut = topOfNetwork(net, 3);
    expect(cut.nodes.map((x) => x.id).sort()).toEqual(['PRK', 'RUS', 'UKR']);
    expect(cut.edges.every((e) => ['PRK', 'RUS', 'UKR'].includes(e.source) && ['PRK', 'RUS', 'UKR'].includes(e.target))).toBe(true);
    expect(cut.cut).toEqual({ top: 3, actors: { shown: 3, total: 6 }, ties: { shown: 2, total: 4 } });
    expect(cut.blocs.flatMap((b) => b.members).sort()).toEqual(['PRK', 'RUS', 'UKR']);
  });
  it('leaves a network of N or fewer actors whole', () => {
    expect(topOfNetwork(net, 10).nodes).toHaveLength(6);
    expect(topOfNetwork(net, null).cut.actors).toEqual({ shown: 6, total: 6 });
  });
});
