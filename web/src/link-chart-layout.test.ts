import { describe, expect, it } from 'vitest';
import { boxesOverlap, componentLayout, components, overlapCount, placeLabels, type LabelNode } from './link-chart-layout.js';

const measure = (s: string) => s.length * 7.5;

describe('components', () => {
  it('groups connected nodes, largest first, singletons apart', () => {
    const c = components(['A', 'B', 'C', 'D', 'E', 'F'], [{ source: 'A', target: 'B', weight: 1 }, { source: 'B', target: 'C', weight: 1 }, { source: 'D', target: 'E', weight: 1 }]);
    expect(c).toEqual([['A', 'B', 'C'], ['D', 'E'], ['F']]);
  });
});

describe('componentLayout', () => {
  it('gives the big cluster more room than the pairs, and no two components share space', () => {
    const big = Array.from({ length: 25 }, (_, i) => `N${String(i).padStart(2, '0')}`);
    const edges = big.slice(1).map((n, i) => ({ source: big[i], target: n, weight: 1 }));
    const pairs = [['P1', 'Q1'], ['P2', 'Q2'], ['P3', 'Q3']];
    for (const [a, b] of pairs) edges.push({ source: a, target: b, weight: 1 });
    const { positions } = componentLayout([...big, ...pairs.flat()], edges);
    const spread = (ids: string[]) => {
      const xs = ids.map((id) => positions.get(id)!.x);
      const ys = ids.map((id) => positions.get(id)!.y);
      return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
    };
    const b = spread(big);
    const bigArea = (b.x1 - b.x0) * (b.y1 - b.y0);
    for (const p of pairs) {
      const s = spread(p);
      const inside = (pt: { x: number; y: number }) => pt.x >= b.x0 && pt.x <= b.x1 && pt.y >= b.y0 && pt.y <= b.y1;
      expect(p.some((id) => inside(positions.get(id)!))).toBe(false);
      expect(Math.hypot(s.x1 - s.x0, s.y1 - s.y0) ** 2).toBeLessThan(bigArea);
    }
  });
});

describe('placeLabels', () => {
  it('never places two overlapping labels, even for crowded nodes', () => {
    // 200 nodes in a 300×200 box: most labels cannot fit.
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const nodes: LabelNode[] = Array.from({ length: 200 }, (_, i) => ({ id: `A${i}`, x: 20 + rnd() * 300, y: 20 + rnd() * 200, r: 4, text: `ACTOR${i}` }));
    const placed = placeLabels(nodes, measure, { w: 400, h: 300 });
    expect(placed.length).toBeGreaterThan(5);
    expect(placed.length).toBeLessThan(200);
    expect(overlapCount(placed.map((p) => p.box))).toBe(0);
    // Placed in priority order: the caller's order (busiest first) decides who gets a free spot.
    const order = placed.map((p) => Number(p.id.slice(1)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // No label covers another node's circle.
    for (const p of placed) for (const n of nodes) if (n.id !== p.id) expect(boxesOverlap(p.box, { x: n.x - n.r, y: n.y - n.r, w: 2 * n.r, h: 2 * n.r })).toBe(false);
  });
  it('places every label when there is room, to the right first', () => {
    const placed = placeLabels([{ id: 'RUS', x: 50, y: 50, r: 5, text: 'RUS' }, { id: 'PRK', x: 200, y: 50, r: 5, text: 'PRK' }], measure, { w: 400, h: 100 });
    expect(placed.map((p) => p.id)).toEqual(['RUS', 'PRK']);
    expect(placed[0].box.x).toBeGreaterThan(55);
  });
});
