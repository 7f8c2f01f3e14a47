// Geometry for the link chart, kept pure so it can be tested without a browser:
// connected components laid out side by side (each with the force layout, largest
// first, packed in rows like Gephi's and Palantir's "arrange components"), and greedy
// label placement that never lets two labels overlap — a label that finds no free spot
// is left out (the node keeps its tooltip), as in map labelling (Imhof 1975; the
// four-position model of Christensen, Marks & Shieber 1995).
import { forceLayout, type LayoutEdge } from './layout.js';

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Pairs of overlapping boxes (what a test or a benchmark counts; 0 is the goal). */
export function overlapCount(boxes: readonly Box[]): number {
  let n = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (boxesOverlap(boxes[i], boxes[j])) n++;
  return n;
}

/** Connected components, largest first (ties by their smallest id, so the order is stable). */
export function components(nodes: readonly string[], edges: readonly LayoutEdge[]): string[][] {
  const parent = new Map(nodes.map((n) => [n, n]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const e of edges) {
    if (!parent.has(e.source) || !parent.has(e.target)) continue;
    const a = find(e.source);
    const b = find(e.target);
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }
  const groups = new Map<string, string[]>();
  for (const n of nodes) {
    const r = find(n);
    const g = groups.get(r);
    if (g) g.push(n);
    else groups.set(r, [n]);
  }
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1));
}

/**
 * Positions in world units: each component laid out on its own and scaled to an area that
 * grows with its size, then packed in rows, largest first. A big cluster gets most of the
 * canvas instead of being crushed by unconnected pairs spread around it.
 */
export function componentLayout(nodes: readonly string[], edges: readonly LayoutEdge[], opts: { groupOf?: (id: string) => string | number | null | undefined; unit?: number } = {}): { positions: Map<string, Point>; width: number; height: number } {
  const unit = opts.unit ?? 60;
  const comps = components(nodes, edges);
  const placed: Array<{ ids: string[]; pos: Map<string, Point>; size: number }> = [];
  for (const ids of comps) {
    const set = new Set(ids);
    const own = edges.filter((e) => set.has(e.source) && set.has(e.target));
    const raw = forceLayout(ids, own, { groupOf: opts.groupOf, iterations: ids.length > 150 ? 120 : 300 });
    // Side of the component's square: about one unit per node along each axis for √n nodes.
    const size = unit * (ids.length === 1 ? 1 : 1.6 * Math.sqrt(ids.length));
    const xs = ids.map((id) => raw.get(id)!.x);
    const ys = ids.map((id) => raw.get(id)!.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const span = Math.max(x1 - x0, y1 - y0) || 1;
    const pos = new Map<string, Point>();
    for (const id of ids) {
      const p = raw.get(id)!;
      pos.set(id, ids.length === 1 ? { x: size / 2, y: size / 2 } : { x: ((p.x - x0) / span) * size * 0.8 + size * 0.1, y: ((p.y - y0) / span) * size * 0.8 + size * 0.1 });
    }
    placed.push({ ids, pos, size });
  }
  // Shelf packing: rows as wide as the biggest component or √(total area) × 1.5, whichever is wider.
  const area = placed.reduce((s, c) => s + c.size * c.size, 0);
  const rowWidth = Math.max(placed[0]?.size ?? 0, Math.sqrt(area) * 1.5);
  const positions = new Map<string, Point>();
  let x = 0;
  let y = 0;
  let rowH = 0;
  let width = 0;
  for (const c of placed) {
    if (x > 0 && x + c.size > rowWidth) {
      x = 0;
      y += rowH;
      rowH = 0;
    }
    for (const id of c.ids) {
      const p = c.pos.get(id)!;
      positions.set(id, { x: x + p.x, y: y + p.y });
    }
    x += c.size;
    rowH = Math.max(rowH, c.size);
    width = Math.max(width, x);
  }
  return { positions, width, height: y + rowH };
}

export interface LabelNode {
  id: string;
  x: number;
  y: number;
  /** Node radius, screen pixels. */
  r: number;
  text: string;
}

export interface PlacedLabel {
  id: string;
  /** Left and baseline of the text, screen pixels. */
  x: number;
  y: number;
  box: Box;
}

/**
 * Greedy label placement in priority order (the caller sorts, busiest first): right, left,
 * above, below the node; the first spot that overlaps no placed label, no other node and
 * stays inside the view wins; with none, the label is left out.
 */
export function placeLabels(nodes: readonly LabelNode[], measure: (text: string) => number, view: { w: number; h: number }, lineHeight = 14): PlacedLabel[] {
  const nodeBoxes = nodes.map((n) => ({ id: n.id, box: { x: n.x - n.r, y: n.y - n.r, w: 2 * n.r, h: 2 * n.r } }));
  const placed: PlacedLabel[] = [];
  const pad = 1;
  for (const n of nodes) {
    if (n.x < 0 || n.y < 0 || n.x > view.w || n.y > view.h) continue;
    const w = measure(n.text) + 2 * pad;
    const h = lineHeight;
    const gap = 3;
    const candidates: Box[] = [
      { x: n.x + n.r + gap, y: n.y - h / 2, w, h },
      { x: n.x - n.r - gap - w, y: n.y - h / 2, w, h },
      { x: n.x - w / 2, y: n.y - n.r - gap - h, w, h },
      { x: n.x - w / 2, y: n.y + n.r + gap, w, h },
    ];
    const fits = (b: Box) =>
      b.x >= 0 && b.y >= 0 && b.x + b.w <= view.w && b.y + b.h <= view.h &&
      !placed.some((p) => boxesOverlap(p.box, b)) &&
      !nodeBoxes.some((o) => o.id !== n.id && boxesOverlap(o.box, b));
    const box = candidates.find(fits);
    // Baseline a little above the box's bottom edge: the box holds the descenders.
    if (box) placed.push({ id: n.id, x: box.x + pad, y: box.y + h - 3, box });
  }
  return placed;
}
