import { describe, expect, it } from 'vitest';
import { forceLayout } from './layout.js';

const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe('forceLayout', () => {
  it('places every node, and nothing else', () => {
    const pos = forceLayout(['A', 'B', 'C'], [{ source: 'A', target: 'Z', weight: 3 }]);
    expect([...pos.keys()].sort()).toEqual(['A', 'B', 'C']);
    for (const p of pos.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });

  it('is deterministic', () => {
    const nodes = ['RUS', 'PRK', 'UKR', 'USA', 'KOR'];
    const edges = [
      { source: 'RUS', target: 'PRK', weight: 5 },
      { source: 'RUS', target: 'UKR', weight: 9 },
      { source: 'USA', target: 'KOR', weight: 4 },
    ];
    expect([...forceLayout(nodes, edges)]).toEqual([...forceLayout(nodes, edges)]);
  });

  it('draws linked nodes closer than unlinked ones', () => {
    const nodes = ['A', 'B', 'C', 'D'];
    const pos = forceLayout(nodes, [
      { source: 'A', target: 'B', weight: 10 },
      { source: 'C', target: 'D', weight: 10 },
    ]);
    expect(dist(pos.get('A')!, pos.get('B')!)).toBeLessThan(dist(pos.get('A')!, pos.get('C')!));
    expect(dist(pos.get('C')!, pos.get('D')!)).toBeLessThan(dist(pos.get('B')!, pos.get('D')!));
  });

  it('must not stack nodes on one point or ignore self-loops badly', () => {
    const pos = forceLayout(['A', 'B'], [{ source: 'A', target: 'A', weight: 1 }]);
    expect(dist(pos.get('A')!, pos.get('B')!)).toBeGreaterThan(0.1);
  });

  it('handles empty and single-node graphs', () => {
    expect(forceLayout([], []).size).toBe(0);
    expect(forceLayout(['A'], []).get('A')).toEqual({ x: 1, y: 0 });
  });
});
