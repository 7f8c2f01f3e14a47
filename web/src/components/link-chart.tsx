// The link chart: actors as circles (area = events, colour = bloc), ties as lines
// (colour = whether cooperative or conflictual events are the majority, as the table
// beside it counts them; width = events). SVG, so every label is a real element that
// the overlap check (and a screen reader) can see. Zoom, fit and reset buttons, drag to
// pan, wheel to zoom; click a tie for its dyad, click or press Enter on a node to select
// it and bring in its neighbours.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type WheelEvent } from 'react';
import type { NetworkEdge, NetworkNode } from '../api.js';
import { blocColor, COOP_COLOR, CONFLICT_COLOR, NEUTRAL_COLOR } from '../format.js';
import { componentLayout, placeLabels, type Point } from '../link-chart-layout.js';

export const LABEL_FONT = '12px system-ui, sans-serif';

/** The tie's colour from its counts, the same numbers the table shows. */
export function tieColor(e: Pick<NetworkEdge, 'cooperative' | 'conflictual'>): string {
  return e.cooperative > e.conflictual ? COOP_COLOR : e.conflictual > e.cooperative ? CONFLICT_COLOR : NEUTRAL_COLOR;
}

let ctx: CanvasRenderingContext2D | null = null;
/** Width of a label in LABEL_FONT, pixels (canvas text metrics, so it matches what the SVG draws). */
export function measureLabel(text: string): number {
  return measure(text);
}
function measure(text: string): number {
  ctx ??= document.createElement('canvas').getContext('2d');
  if (!ctx) return text.length * 7.5;
  ctx.font = LABEL_FONT;
  return Math.ceil(ctx.measureText(text).width);
}

interface View {
  k: number;
  tx: number;
  ty: number;
}

export interface LinkChartProps {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  names: Map<string, string>;
  selected: string | null;
  /** A node to centre on (search). */
  focus: string | null;
  onNode: (id: string) => void;
  onTie: (a: string, b: string) => void;
  width?: number;
  height?: number;
}

export function LinkChart({ nodes, edges, names, selected, focus, onNode, onTie, width = 880, height = 560 }: LinkChartProps) {
  const ids = useMemo(() => nodes.map((n) => n.id).sort(), [nodes]);
  const world = useMemo(() => {
    const bloc = new Map(nodes.map((n) => [n.id, n.bloc]));
    return componentLayout(ids, edges.map((e) => ({ source: e.source, target: e.target, weight: e.events })), { groupOf: (id) => bloc.get(id) });
    // Positions depend on who is shown and how they are tied, not on object identity.
  }, [ids.join(','), edges.map((e) => `${e.source}|${e.target}|${e.events}`).join(',')]);
  const fit = useMemo((): View => {
    const pad = 40;
    const k = Math.min((width - 2 * pad) / Math.max(1, world.width), (height - 2 * pad) / Math.max(1, world.height), 4);
    return { k, tx: (width - world.width * k) / 2, ty: (height - world.height * k) / 2 };
  }, [world, width, height]);
  const [view, setView] = useState<View>(fit);
  useEffect(() => setView(fit), [fit]);
  const drag = useRef<{ x: number; y: number; v: View; moved: boolean } | null>(null);
  const [hover, setHover] = useState<string | null>(null);

  const screen = (p: Point) => ({ x: p.x * view.k + view.tx, y: p.y * view.k + view.ty });
  useEffect(() => {
    if (!focus) return;
    const p = world.positions.get(focus);
    if (p) setView((v) => ({ k: Math.max(v.k, fit.k * 1.5), tx: width / 2 - p.x * Math.max(v.k, fit.k * 1.5), ty: height / 2 - p.y * Math.max(v.k, fit.k * 1.5) }));
  }, [focus, world]);

  const maxEvents = Math.max(1, ...nodes.map((n) => n.events));
  const maxEdge = Math.max(1, ...edges.map((e) => e.events));
  const radius = (n: NetworkNode) => 4 + 14 * Math.sqrt(n.events / maxEvents);
  const shown = nodes.map((n) => ({ n, p: screen(world.positions.get(n.id) ?? { x: 0, y: 0 }), r: radius(n) }));
  // Busiest first get their labels; the selected node always goes first.
  const order = [...shown].sort((a, b) => (a.n.id === selected ? -1 : b.n.id === selected ? 1 : b.n.events - a.n.events || (a.n.id < b.n.id ? -1 : 1)));
  const labels = placeLabels(order.map((s) => ({ id: s.n.id, x: s.p.x, y: s.p.y, r: s.r, text: s.n.id })), measure, { w: width, h: height });
  const at = new Map(shown.map((s) => [s.n.id, s]));

  const zoom = (f: number, cx = width / 2, cy = height / 2) => setView((v) => ({ k: v.k * f, tx: cx - (cx - v.tx) * f, ty: cy - (cy - v.ty) * f }));
  const onWheel = (e: WheelEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    zoom(e.deltaY < 0 ? 1.2 : 1 / 1.2, e.clientX - r.left, e.clientY - r.top);
  };
  const down = (e: PointerEvent<SVGSVGElement>) => {
    if ((e.target as Element).closest('.node, .tie')) return;
    drag.current = { x: e.clientX, y: e.clientY, v: view, moved: false };
  };
  const move = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d) return;
    d.moved = true;
    setView({ ...d.v, tx: d.v.tx + e.clientX - d.x, ty: d.v.ty + e.clientY - d.y });
  };
  const key = (id: string) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onNode(id);
    }
  };
  const svgKey = (e: KeyboardEvent<SVGSVGElement>) => {
    const step = 40;
    if (e.target !== e.currentTarget) return;
    if (e.key === '+' || e.key === '=') zoom(1.25);
    else if (e.key === '-') zoom(0.8);
    else if (e.key === 'ArrowLeft') setView((v) => ({ ...v, tx: v.tx + step }));
    else if (e.key === 'ArrowRight') setView((v) => ({ ...v, tx: v.tx - step }));
    else if (e.key === 'ArrowUp') setView((v) => ({ ...v, ty: v.ty + step }));
    else if (e.key === 'ArrowDown') setView((v) => ({ ...v, ty: v.ty - step }));
    else return;
    e.preventDefault();
  };
  const neighbours = new Set(selected ? edges.flatMap((e) => (e.source === selected ? [e.target] : e.target === selected ? [e.source] : [])) : []);

  return (
    <div className="link-chart-wrap">
      <div className="zoom-buttons" role="group" aria-label="zoom">
        <button type="button" onClick={() => zoom(1.4)} aria-label="zoom in">
          +
        </button>
        <button type="button" onClick={() => zoom(1 / 1.4)} aria-label="zoom out">
          −
        </button>
        <button type="button" onClick={() => setView(fit)} aria-label="fit">
          fit
        </button>
      </div>
      <svg
        className="link-chart"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={`link chart of ${nodes.length} actors and ${edges.length} ties; arrow keys pan, + and − zoom`}
        tabIndex={0}
        onWheel={onWheel}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={() => (drag.current = null)}
        onPointerLeave={() => (drag.current = null)}
        onKeyDown={svgKey}
      >
        <g className="ties">
          {edges.map((e) => {
            const a = at.get(e.source);
            const b = at.get(e.target);
            if (!a || !b) return null;
            const w = 1 + 7 * Math.sqrt(e.events / maxEdge);
            const dim = selected && e.source !== selected && e.target !== selected;
            return (
              <g key={`${e.source}|${e.target}`} className="tie" data-dyad={`${e.source}-${e.target}`} onClick={() => onTie(e.source, e.target)}>
                <title>{`${names.get(e.source) ?? e.source} – ${names.get(e.target) ?? e.target}: ${e.events} events (${e.cooperative} cooperative, ${e.conflictual} conflictual). Click for the dyad.`}</title>
                <line x1={a.p.x} y1={a.p.y} x2={b.p.x} y2={b.p.y} stroke={tieColor(e)} strokeWidth={w} strokeOpacity={dim ? 0.15 : 0.7} strokeLinecap="round" />
                <line x1={a.p.x} y1={a.p.y} x2={b.p.x} y2={b.p.y} className="tie-hit" stroke="transparent" strokeWidth={Math.max(10, w + 6)} />
              </g>
            );
          })}
        </g>
        <g className="nodes">
          {shown.map(({ n, p, r }) => (
            <g
              key={n.id}
              className={`node${n.id === selected ? ' selected' : ''}${neighbours.has(n.id) ? ' neighbour' : ''}`}
              data-node={n.id}
              transform={`translate(${p.x},${p.y})`}
              tabIndex={0}
              role="button"
              aria-label={`${names.get(n.id) ?? n.id} (${n.id}): ${n.events} events, ${n.degree} ties, bloc ${n.bloc + 1}`}
              aria-pressed={n.id === selected}
              onClick={() => onNode(n.id)}
              onKeyDown={key(n.id)}
              onMouseEnter={() => setHover(n.id)}
              onMouseLeave={() => setHover(null)}
              onFocus={() => setHover(n.id)}
              onBlur={() => setHover(null)}
            >
              <title>{`${names.get(n.id) ?? n.id} (${n.id}): ${n.events} events, ${n.degree} ties`}</title>
              <circle r={r} fill={blocColor(n.bloc)} stroke={n.id === selected ? '#111827' : '#ffffff'} strokeWidth={n.id === selected ? 3 : 1.5} />
            </g>
          ))}
        </g>
        <g className="labels" aria-hidden="true">
          {labels.map((l) => (
            <text key={l.id} className="node-label" data-label={l.id} x={l.x} y={l.y} style={{ font: LABEL_FONT }}>
              {l.id}
            </text>
          ))}
        </g>
        {hover && at.get(hover) && (
          <Tooltip x={at.get(hover)!.p.x} y={at.get(hover)!.p.y} width={width} text={`${names.get(hover) ?? hover}: ${at.get(hover)!.n.events} events, ${at.get(hover)!.n.degree} ties`} />
        )}
      </svg>
      <p className="muted small">
        {labels.length} of {nodes.length} labels fit without overlapping; hover or focus a node for its name. Drag to pan, wheel or +/− to zoom.
      </p>
    </div>
  );
}

function Tooltip({ x, y, width, text }: { x: number; y: number; width: number; text: string }) {
  const w = measure(text) + 12;
  const left = Math.min(Math.max(4, x + 12), width - w - 4);
  const top = Math.max(4, y - 34);
  return (
    <g className="tooltip" pointerEvents="none" data-testid="chart-tooltip">
      <rect x={left} y={top} width={w} height={22} rx={4} />
      <text x={left + 6} y={top + 15} style={{ font: LABEL_FONT }}>
        {text}
      </text>
    </g>
  );
}
