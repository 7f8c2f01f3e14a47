// A strip of an actor's (or a dyad's) events per year above its timeline, from the
// series endpoint: where the events cluster across the centuries. Click a year to show it.
import type { KeyboardEvent } from 'react';
import { api } from '../api.js';
import { COOP_COLOR, CONFLICT_COLOR } from '../format.js';
import { useApi } from '../use-api.js';

const W = 1180;
const H = 46;

export function YearStrip({ actor, other, modality, origin, onYear }: { actor: string; other: string; modality: string[]; origin: string[]; onYear: (year: string) => void }) {
  const series = useApi(() => api.series({ a: actor, b: other || '*', by: 'year', modality, origin, normalise: false }), [actor, other, modality.join(), origin.join()]);
  const points = series.data?.points ?? [];
  if (points.length < 2) return null;
  const max = Math.max(1, ...points.map((p) => p.events));
  const step = W / points.length;
  const label = (i: number) => i === 0 || i === points.length - 1 || (points.length <= 40 ? i % 5 === 0 : i % 25 === 0);
  return (
    <svg className="year-strip" viewBox={`0 0 ${W} ${H + 14}`} role="group" aria-label={`events per year, ${points[0].period}–${points[points.length - 1].period}`}>
      {points.map((p, i) => {
        const coop = p.byQuad[1] + p.byQuad[2];
        const h = (p.events / max) * H;
        const hc = p.events ? (coop / p.events) * h : 0;
        return (
          <g
            key={p.period}
            className="year"
            data-year={p.period}
            onClick={() => p.events > 0 && onYear(p.period)}
            // Years with events are buttons for the keyboard too (Tab, Enter); empty ones are skipped.
            {...(p.events > 0
              ? {
                  tabIndex: 0,
                  role: 'button',
                  'aria-label': `${p.period}: ${p.events} events; show this year`,
                  onKeyDown: (e: KeyboardEvent) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      onYear(p.period);
                    }
                  },
                }
              : {})}
          >
            <title>{`${p.period}: ${p.events} events (${coop} cooperative)`}</title>
            <rect x={i * step} y={0} width={step} height={H} className="hit" />
            <rect x={i * step + step * 0.1} y={H - h} width={Math.max(1, step * 0.8)} height={h - hc} fill={CONFLICT_COLOR} />
            <rect x={i * step + step * 0.1} y={H - hc} width={Math.max(1, step * 0.8)} height={hc} fill={COOP_COLOR} />
            {label(i) && (
              <text x={i * step + step / 2} y={H + 12} textAnchor="middle" className="tick">
                {p.period}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
