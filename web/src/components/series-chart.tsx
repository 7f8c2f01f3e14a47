// The cooperation–conflict series of a dyad as an SVG chart drawn by React (the CSP
// forbids eval, so no vega): cooperative events as bars up, conflictual ones down, the
// series' score as a line on its own scale, shifts as dashed markers. Click a period to select it.
import type { SeriesPoint, Shift } from '../api.js';
import { COOP_COLOR, CONFLICT_COLOR } from '../format.js';

const W = 1180;
const H = 260;
const M = { top: 26, right: 52, bottom: 34, left: 46 };

function cooperative(p: SeriesPoint): number {
  return p.byQuad[1] + p.byQuad[2];
}

function conflictual(p: SeriesPoint): number {
  return p.byQuad[3] + p.byQuad[4];
}

export function SeriesChart({ points, shifts, selected, onSelect }: { points: SeriesPoint[]; shifts: Shift[]; selected: string | null; onSelect: (period: string) => void }) {
  if (points.length === 0) return <p className="muted">No events between these two actors.</p>;
  const innerW = W - M.left - M.right;
  const innerH = H - M.top - M.bottom;
  const coop = points.map(cooperative);
  const conf = points.map(conflictual);
  const top = Math.max(1, ...coop);
  const bottom = Math.max(1, ...conf);
  const zeroY = M.top + (innerH * top) / (top + bottom);
  const scale = innerH / (top + bottom);
  const step = innerW / points.length;
  const barW = Math.max(1, Math.min(28, step * 0.7));
  const x = (i: number) => M.left + step * i + step / 2;
  // The score shares the zero line; its own scale fills the taller half of the chart.
  const maxScore = Math.max(1e-9, ...points.map((p) => Math.abs(p.score)));
  const scoreScale = (Math.max(zeroY - M.top, H - M.bottom - zeroY) * 0.95) / maxScore;
  const scoreY = (v: number) => Math.min(H - M.bottom, Math.max(M.top, zeroY - v * scoreScale));
  const scorePath = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${scoreY(p.score).toFixed(1)}`).join(' ');
  const labelEvery = Math.max(1, Math.ceil(points.length / 14));
  const shiftAt = new Map(shifts.map((s) => [s.period, s]));
  return (
    <svg className="series-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="cooperative and conflictual events by period">
      <line x1={M.left} x2={W - M.right} y1={zeroY} y2={zeroY} className="axis" />
      <text x={M.left - 6} y={M.top + 10} className="tick" textAnchor="end">
        {top}
      </text>
      <text x={M.left - 6} y={H - M.bottom} className="tick" textAnchor="end">
        {bottom}
      </text>
      <text x={M.left - 6} y={zeroY + 4} className="tick" textAnchor="end">
        0
      </text>
      <text x={W - 4} y={12} className="tick score-tick" textAnchor="end">
        score (intensity pts / 1k mentions)
      </text>
      <text x={M.left - 6} y={12} className="tick" textAnchor="end">
        events
      </text>
      <text x={W - M.right + 6} y={scoreY(maxScore) + 4} className="tick score-tick">
        {fmt(maxScore)}
      </text>
      <text x={W - M.right + 6} y={scoreY(-maxScore) + 4} className="tick score-tick">
        {fmt(-maxScore)}
      </text>
      {points.map((p, i) => {
        const isSel = selected === p.period;
        const shift = shiftAt.get(p.period);
        return (
          <g
            key={p.period}
            className={`period${isSel ? ' selected' : ''}`}
            data-period={p.period}
            onClick={() => onSelect(p.period)}
            tabIndex={0}
            role="button"
            aria-label={`${p.period}: ${p.events} events`}
            aria-pressed={isSel}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onSelect(p.period);
              }
            }}
          >
            <title>{`${p.period}: ${coop[i]} cooperative, ${conf[i]} conflictual of ${p.events} events; score ${fmt(p.score)}${shift ? `; shift ${shift.direction.replace('-', ' ')} (confidence ${shift.confidence.toFixed(2)})` : ''}`}</title>
            <rect x={x(i) - step / 2} y={M.top} width={step} height={innerH} className="hit" />
            {coop[i] > 0 && <rect x={x(i) - barW / 2} y={zeroY - coop[i] * scale} width={barW} height={coop[i] * scale} fill={COOP_COLOR} />}
            {conf[i] > 0 && <rect x={x(i) - barW / 2} y={zeroY} width={barW} height={conf[i] * scale} fill={CONFLICT_COLOR} />}
            {shift && (
              <>
                <line x1={x(i) - step / 2} x2={x(i) - step / 2} y1={M.top} y2={H - M.bottom} className="shift-line" />
                <text x={x(i) - step / 2 + 3} y={M.top - 4} className="shift-label">
                  {shift.direction === 'toward-conflict' ? '▼ toward conflict' : '▲ toward cooperation'}
                </text>
              </>
            )}
            {i % labelEvery === 0 && (
              <text x={x(i)} y={H - M.bottom + 16} className="tick" textAnchor="middle">
                {p.period}
              </text>
            )}
          </g>
        );
      })}
      <path d={scorePath} className="net-line" />
      {points.map((p, i) => (
        <circle key={p.period} cx={x(i)} cy={scoreY(p.score)} r={2.2} className="score-dot" />
      ))}
    </svg>
  );
}

function fmt(v: number): string {
  return Math.abs(v) >= 100 || Number.isInteger(v) ? v.toFixed(0) : v.toFixed(2);
}
