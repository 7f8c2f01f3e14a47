// Dyad view: two actors' cooperation–conflict series with shifts marked, the events
// under a clicked period, and a spillover panel asking whether one dyad's conflict
// leads another's (GET /api/spillover).
import { useState, type FormEvent } from 'react';
import { api, type Shift, type SpilloverResult } from '../api.js';
import { dayBounds } from '../../../src/domain/date-range.js';
import { periodBounds } from '../format.js';
import { Link } from '../components/link.js';
import { TypeBadge } from '../components/badges.js';
import { href, navigate, useLocation } from '../router.js';
import { useSession } from '../session.js';
import { useApi } from '../use-api.js';
import { EventTable } from '../components/event-table.js';
import { SeriesChart } from '../components/series-chart.js';
import { ErrorLine, Loading } from '../components/status.js';
import { resolveActorInput, unresolvedMessage } from '../actor-resolve.js';

const BY = ['week', 'month', 'quarter', 'year'] as const;

export function DyadView() {
  const loc = useLocation();
  const a = (loc.query.get('a') ?? '').toUpperCase();
  const b = (loc.query.get('b') ?? '').toUpperCase();
  const by = loc.query.get('by') ?? 'year';
  const period = loc.query.get('period');
  const set = (q: Record<string, string | null>) => navigate(href('/dyad', { a, b, by, period, ...q }), true);

  return (
    <section className="view dyad-view">
      <div className="toolbar">
        <h1>Dyad</h1>
        <DyadPicker a={a} b={b} onPick={(na, nb) => set({ a: na, b: nb, period: null })} />
        <label>
          by{' '}
          <select value={by} onChange={(e) => set({ by: e.target.value, period: null })} aria-label="period">
            {BY.map((x) => (
              <option key={x}>{x}</option>
            ))}
          </select>
        </label>
      </div>
      {a && b ? <DyadSeries a={a} b={b} by={by} period={period} onPeriod={(p) => set({ period: p })} /> : <BusiestDyads by={by} />}
      <SpilloverPanel a={a} b={b} by={by} />
    </section>
  );
}

/** With no dyad chosen, offer the ties with the most events. */
function BusiestDyads({ by }: { by: string }) {
  const net = useApi(() => api.network({ from: '0001', to: '9999' }), []);
  const top = [...(net.data?.edges ?? [])].sort((x, y) => y.events - x.events).slice(0, 12);
  return (
    <div className="busiest">
      <p className="muted">Pick two actors, or one of the busiest pairs:</p>
      <ErrorLine error={net.error} />
      <p>
        {top.map((e) => (
          <Link key={`${e.source}|${e.target}`} to={href('/dyad', { a: e.source, b: e.target, by })} className="chip">
            {e.source} – {e.target} ({e.events})
          </Link>
        ))}
      </p>
    </div>
  );
}

function ActorInput({ value, onChange, label }: { value: string; onChange: (v: string) => void; label: string }) {
  return <input list="actor-codes" value={value} onChange={(e) => onChange(e.target.value)} aria-label={label} placeholder={`${label}: code or name`} className="actor-input" />;
}

function ActorOptions() {
  const { actors } = useSession();
  return (
    <datalist id="actor-codes">
      {[...actors.values()].map((x) => (
        <option key={x.code} value={x.code}>
          {x.name}
        </option>
      ))}
    </datalist>
  );
}

function DyadPicker({ a, b, onPick }: { a: string; b: string; onPick: (a: string, b: string) => void }) {
  const [na, setA] = useState(a);
  const [nb, setB] = useState(b);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!na.trim() || !nb.trim()) return setProblem('Give two actors, as codes (RUS) or names (Russia).');
    // "Russia" and "North Korea" resolve to RUS and PRK; a typo gets suggestions, not an empty chart.
    try {
      const [ra, rb] = await Promise.all([resolveActorInput(na), resolveActorInput(nb)]);
      const bad = [ra, rb].find((r) => r && !r.ok);
      if (bad && !bad.ok) return setProblem(unresolvedMessage(bad));
      if (ra?.ok && rb?.ok) {
        setProblem(null);
        setA(ra.code);
        setB(rb.code);
        onPick(ra.code, rb.code);
      }
    } catch (err) {
      setProblem((err as Error).message);
    }
  };
  return (
    <form className="inline" onSubmit={(e) => void submit(e)}>
      <ActorOptions />
      <ActorInput value={na} onChange={setA} label="actor A" /> – <ActorInput value={nb} onChange={setB} label="actor B" />
      <button type="submit">Show</button>
      {problem && (
        <span className="error small" role="alert">
          {problem}
        </span>
      )}
    </form>
  );
}

function DyadSeries({ a, b, by, period, onPeriod }: { a: string; b: string; by: string; period: string | null; onPeriod: (p: string) => void }) {
  const series = useApi(() => api.series({ a, b, by }), [a, b, by]);
  // Shifts (the heavier call) are asked for once the series is drawn, so the chart does not wait behind them.
  const drawn = series.data !== null;
  const shifts = useApi(() => (drawn ? api.shifts({ a, b, by }) : Promise.resolve(null)), [a, b, by, drawn]);
  const points = series.data?.points ?? [];
  const shiftRows = shifts.data?.shifts ?? [];
  const { actors } = useSession();
  const count = series.data?.count;
  return (
    <div className="dyad-series">
      <h2>
        {actors.get(a)?.name ?? a} – {actors.get(b)?.name ?? b}{' '}
        <span className="muted small">by {by}: cooperative events up, conflictual down; the line is the score. Click a period for its events.</span>
      </h2>
      {count && (
        <p className="count-line small" data-testid="count-line" data-counted={count.counted} title={`Counted: ${count.definition}`}>
          <strong>Counted:</strong> {count.text}
        </p>
      )}
      <ErrorLine error={series.error} />
      {series.loading && !series.data ? <Loading what="series" /> : <SeriesChart points={points} shifts={shiftRows} selected={period} onSelect={onPeriod} />}
      {series.data && (
        <p className="muted small score-unit" data-testid="score-unit">
          Score unit: PLOVER intensity points (−10 conflict … +10 cooperation) × mentions{series.data.normalised ? ', per 1,000 mentions of all stored events in the same period' : ''}. {series.data.scoreFormula}.
        </p>
      )}
      {shifts.error && <p className="muted small">No shift analysis: {shifts.error.message}</p>}
      {shifts.data && <ShiftList shifts={shiftRows} method={shifts.data.method} onPeriod={onPeriod} />}
      {period && <PeriodEvents a={a} b={b} period={period} />}
    </div>
  );
}

function ShiftList({ shifts, method, onPeriod }: { shifts: Shift[]; method: string; onPeriod: (p: string) => void }) {
  if (shifts.length === 0)
    return (
      <p className="muted small" title={method}>
        No significant shift in this series.
      </p>
    );
  return (
    <div className="shifts">
      <h3 title={method}>Shifts</h3>
      <ul>
        {shifts.map((s) => (
          <li key={s.period}>
            <button type="button" className="linklike" onClick={() => onPeriod(s.period)}>
              {s.period}
            </button>{' '}
            <strong className={s.direction === 'toward-conflict' ? 'conflict' : 'coop'}>{s.direction.replace('-', ' ')}</strong>{' '}
            <span className="muted small">
              score {s.before.toFixed(2)} → {s.after.toFixed(2)}, from {s.eventCount} events around it, confidence {s.confidence.toFixed(2)}
            </span>
            {s.events.length > 0 && (
              <span className="shift-events">
                {' '}
                around:{' '}
                {s.events.map((e) => (
                  <Link key={e.id} to={`/events/${encodeURIComponent(e.id)}`} className="shift-event">
                    <TypeBadge type={e.type} /> {e.sources.join(',')}→{e.targets.join(',')} {e.start}
                  </Link>
                ))}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function PeriodEvents({ a, b, period }: { a: string; b: string; period: string }) {
  const [from, to] = periodBounds(period);
  const events = useApi(() => api.events({ actor: a, with: b, from, to, limit: 500 }), [a, b, from, to]);
  // The series counts an event in a period only when its whole date range lies inside it.
  const rows = events.data?.rows ?? [];
  const inside = rows.filter((e) => e.date && dayBounds(e.date)[0] >= from && dayBounds(e.date)[1] <= to);
  const spanning = rows.filter((e) => !inside.includes(e));
  return (
    <div className="period-events">
      <h3>
        Events in {period} <span className="muted small">({inside.length}{events.data?.truncated ? `; more than ${rows.length} overlap, narrow the period` : ''})</span>
      </h3>
      <ErrorLine error={events.error} />
      {events.data && <EventTable events={inside} empty="No events dated inside this period." />}
      {spanning.length > 0 && (
        <details className="spanning">
          <summary className="muted small">{spanning.length} more with dates reaching beyond {period} (not counted in the series)</summary>
          <EventTable events={spanning} />
        </details>
      )}
    </div>
  );
}

function SpilloverPanel({ a, b, by }: { a: string; b: string; by: string }) {
  const [cause, setCause] = useState('RUS-UKR');
  const [effect, setEffect] = useState(a && b ? `${a}-${b}` : 'RUS-PRK');
  const [maxLag, setMaxLag] = useState(3);
  const [result, setResult] = useState<SpilloverResult | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setResult(await api.spillover({ cause: cause.trim().toUpperCase(), effect: effect.trim().toUpperCase(), maxLag, by }));
    } catch (err) {
      setResult(null);
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="spillover panel">
      <h2>Spillover</h2>
      <form className="inline" onSubmit={run}>
        <label>
          does <input value={cause} onChange={(e) => setCause(e.target.value)} aria-label="cause dyad" className="dyad-input" />
        </label>
        <label>
          lead <input value={effect} onChange={(e) => setEffect(e.target.value)} aria-label="effect dyad" className="dyad-input" />
        </label>
        <label>
          by up to <input type="number" min={0} max={52} value={maxLag} onChange={(e) => setMaxLag(Number(e.target.value))} className="narrow" aria-label="max lag" /> {by}s?
        </label>
        <button type="submit" disabled={busy}>
          Compare
        </button>
      </form>
      <ErrorLine error={error} />
      {result && <SpilloverAnswer r={result} />}
    </div>
  );
}

function SpilloverAnswer({ r }: { r: SpilloverResult }) {
  const g = r.granger;
  return (
    <div className="spillover-result">
      <p>
        {r.cause} → {r.effect}, {r.periods} {r.by}s{r.from && r.to ? ` (${r.from} – ${r.to})` : ''}.{' '}
        {r.strongestLag ? (
          <>
            Strongest link at lag <strong>{r.strongestLag.lag}</strong>: r = <strong>{fmtR(r.strongestLag.r)}</strong> over {r.strongestLag.n} periods.
          </>
        ) : (
          'No lag has a correlation.'
        )}{' '}
        {g.insufficient ? (
          <span className="muted">Granger test: {g.reason}.</span>
        ) : (
          <>
            Granger test (order {g.order}): F({g.df1}, {g.df2}) = {g.F.toFixed(2)}, p = <strong>{g.pValue.toFixed(3)}</strong>, partial R² {g.partialR2.toFixed(2)}.
          </>
        )}
      </p>
      {r.insufficient && r.reason && (g.insufficient ? g.reason !== r.reason : true) && <p className="muted small">{r.reason}</p>}
      {r.crossCorrelation.length > 0 && (
        <table className="lags compact">
          <thead>
            <tr>
              <th className="num">lag</th>
              <th className="num">r</th>
              <th className="num">n</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {r.crossCorrelation.map((l) => (
              <tr key={l.lag} className={l.lag === r.strongestLag?.lag ? 'strongest' : ''}>
                <td className="num">{l.lag}</td>
                <td className="num">{fmtR(l.r)}</td>
                <td className="num">{l.n}</td>
                <td>
                  <span className={`bar ${l.r !== null && l.r < 0 ? 'neg' : 'pos'}`} style={{ width: `${Math.round(Math.abs(l.r ?? 0) * 200)}px` }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function fmtR(r: number | null | undefined): string {
  return r === null || r === undefined || Number.isNaN(r) ? '—' : r.toFixed(2);
}
