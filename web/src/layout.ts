// Deterministic force-directed layout (Fruchterman & Reingold 1991, "Graph drawing by
// force-directed placement") for the network view: seeded start on a circle grouped by
// bloc, so the same network always draws the same way and replayed months stay in place.

export interface LayoutEdge {
  source: string;
  target: string;
  weight: number;
}

export interface LayoutOptions {
  iterations?: number;
  /** Group key per node; nodes of one bloc start next to each other. */
  groupOf?: (id: string) => string | number | null | undefined;
}

export function forceLayout(nodes: string[], edges: LayoutEdge[], opts: LayoutOptions = {}): Map<string, { x: number; y: number }> {
  const n = nodes.length;
  const pos = new Map<string, { x: number; y: number }>();
  if (n === 0) return pos;
  const order = [...nodes].sort((a, b) => {
    const ga = String(opts.groupOf?.(a) ?? '');
    const gb = String(opts.groupOf?.(b) ?? '');
    return ga === gb ? (a < b ? -1 : a > b ? 1 : 0) : ga < gb ? -1 : 1;
  });
  order.forEach((id, i) => {
    const t = (2 * Math.PI * i) / n;
    pos.set(id, { x: Math.cos(t), y: Math.sin(t) });
  });
  if (n === 1) return pos;
  const k = Math.sqrt(4 / n);
  const index = new Map(order.map((id, i) => [id, i]));
  const xs = order.map((id) => pos.get(id)!.x);
  const ys = order.map((id) => pos.get(id)!.y);
  const links = edges
    .filter((e) => index.has(e.source) && index.has(e.target) && e.source !== e.target)
    .map((e) => ({ s: index.get(e.source)!, t: index.get(e.target)!, w: Math.log2(1 + Math.max(0, e.weight)) || 1 }));
  const iterations = opts.iterations ?? 300;
  let temp = 0.2;
  const cool = temp / (iterations + 1);
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let vx = xs[i] - xs[j];
        let vy = ys[i] - ys[j];
        let d2 = vx * vx + vy * vy;
        if (d2 < 1e-9) {
          // Coincident nodes: push apart along a fixed direction so runs stay reproducible.
          vx = 1e-3 * (i - j);
          vy = 1e-3;
          d2 = vx * vx + vy * vy;
        }
        const f = (k * k) / d2;
        dx[i] += vx * f;
        dy[i] += vy * f;
        dx[j] -= vx * f;
        dy[j] -= vy * f;
      }
    }
    for (const l of links) {
      const vx = xs[l.s] - xs[l.t];
      const vy = ys[l.s] - ys[l.t];
      const d = Math.sqrt(vx * vx + vy * vy) || 1e-6;
      const f = (d * d * l.w) / k;
      dx[l.s] -= (vx / d) * f;
      dy[l.s] -= (vy / d) * f;
      dx[l.t] += (vx / d) * f;
      dy[l.t] += (vy / d) * f;
    }
    for (let i = 0; i < n; i++) {
      // Weak gravity keeps components without links from drifting off screen.
      dx[i] -= xs[i] * 0.05 * k;
      dy[i] -= ys[i] * 0.05 * k;
      const d = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
      if (d > 0) {
        const step = Math.min(d, temp);
        xs[i] += (dx[i] / d) * step;
        ys[i] += (dy[i] / d) * step;
      }
    }
    temp -= cool;
  }
  order.forEach((id, i) => pos.set(id, { x: xs[i], y: ys[i] }));
  return pos;
}
