// The cooperation–conflict series of a dyad as an SVG chart drawn by React (the CSP
// forbids eval, so no vega): cooperation bars up, conflict bars down, net as a line,
// shifts as dashed markers. Clicking a period selects it.
import type { SeriesPoint, Shift } from '../api.js';
import { COOP_COLOR, CONFLICT_COLOR } from '../format.js';

const W = 1180;
const H = 260;
const M = { top: 16, right: 16, bottom: 34, left: 46 };

export function SeriesChart({ points, shifts, selected, onSelect }: { points: SeriesPoint[]; shifts: Shift[]; selected: string | null; onSelect: (period: string) => void }) {
  if (points.length === 0) return <p className="muted">No events between these two actors.</p>;
  const innerW = W - M.left - M.right;
  const innerH = H - M.top - M.bottom;
  const coop = points.map((p) => Math.abs(p.cooperation));
  const conf = points.map((p) => Math.abs(p.conflict));
  const top = Math.max(1, ...coop);
  const bottom = Math.max(1, ...conf);
  const zeroY = M.top + (innerH * top) / (top + bottom);
  const scale = innerH / (top + bottom);
  const step = innerW / points.length;
  const barW = Math.max(1, Math.min(28, step * 0.7));
  const x = (i: number) => M.left + step * i + step / 2;
  const net = points.map((p, i) => coop[i] - conf[i]);
  const netPath = net.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${(zeroY - v * scale).toFixed(1)}`).join(' ');
  const labelEvery = Math.max(1, Math.ceil(points.length / 14));
  const shiftAt = new Map(shifts.map((s) => [s.period ?? s.date, s]));
  return (
    <svg className="series-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="cooperation and conflict by period">
      <line x1={M.left} x2={W - M.right} y1={zeroY} y2={zeroY} className="axis" />
      <text x={M.left - 6} y={M.top + 10} className="tick" textAnchor="end">
        {fmt(top)}
      </text>
      <text x={M.left - 6} y={H - M.bottom} className="tick" textAnchor="end">
        −{fmt(bottom)}
      </text>
      <text x={M.left - 6} y={zeroY + 4} className="tick" textAnchor="end">
        0
      </text>
      {points.map((p, i) => {
        const isSel = selected === p.period;
        const shift = shiftAt.get(p.period);
        return (
          <g key={p.period} className={`period${isSel ? ' selected' : ''}`} data-period={p.period} onClick={() => onSelect(p.period)}>
            <title>{`${p.period}: cooperation ${fmt(coop[i])}, conflict ${fmt(conf[i])}${p.count ?? p.events ? `, ${p.count ?? p.events} events` : ''}${shift ? ` — shift${shift.direction ? ` (${shift.direction})` : ''}` : ''}`}</title>
            <rect x={x(i) - step / 2} y={M.top} width={step} height={innerH} className="hit" />
            {coop[i] > 0 && <rect x={x(i) - barW / 2} y={zeroY - coop[i] * scale} width={barW} height={coop[i] * scale} fill={COOP_COLOR} />}
            {conf[i] > 0 && <rect x={x(i) - barW / 2} y={zeroY} width={barW} height={conf[i] * scale} fill={CONFLICT_COLOR} />}
            {shift && (
              <>
                <line x1={x(i)} x2={x(i)} y1={M.top} y2={H - M.bottom} className="shift-line" />
                <text x={x(i)} y={M.top + 2} className="shift-label" textAnchor="middle">
                  ▼ shift
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
      <path d={netPath} className="net-line" />
    </svg>
  );
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}
