// Dyad view: two actors' cooperation–conflict series with shifts marked, the events
// under a clicked period, and a spillover panel asking whether one dyad's conflict
// leads another's (GET /api/spillover).
import { useState, type FormEvent } from 'react';
import { api, rowsOf, type SeriesPoint, type Shift, type Spillover, type SpilloverLag } from '../api.js';
import { periodBounds } from '../format.js';
import { href, navigate, useLocation } from '../router.js';
import { useSession } from '../session.js';
import { useApi } from '../use-api.js';
import { EventTable } from '../components/event-table.js';
import { SeriesChart } from '../components/series-chart.js';
import { ErrorLine, Loading } from '../components/status.js';

const BY = ['month', 'quarter', 'year'] as const;

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
      {a && b ? <DyadSeries a={a} b={b} by={by} period={period} onPeriod={(p) => set({ period: p })} /> : <p className="muted">Pick two actors, e.g. RUS and PRK.</p>}
      <SpilloverPanel a={a} b={b} by={by} />
    </section>
  );
}

function ActorInput({ value, onChange, label }: { value: string; onChange: (v: string) => void; label: string }) {
  return <input list="actor-codes" value={value} onChange={(e) => onChange(e.target.value.toUpperCase())} aria-label={label} placeholder={label} className="actor-input" />;
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
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (na && nb) onPick(na.trim(), nb.trim());
  };
  return (
    <form className="inline" onSubmit={submit}>
      <ActorOptions />
      <ActorInput value={na} onChange={setA} label="actor A" /> – <ActorInput value={nb} onChange={setB} label="actor B" />
      <button type="submit">Show</button>
    </form>
  );
}

function DyadSeries({ a, b, by, period, onPeriod }: { a: string; b: string; by: string; period: string | null; onPeriod: (p: string) => void }) {
  const series = useApi(() => api.series({ a, b, by }), [a, b, by]);
  const shifts = useApi(() => api.shifts({ a, b, by }), [a, b, by]);
  const points = rowsOf<SeriesPoint>(series.data, 'points', 'series');
  const shiftRows = rowsOf<Shift>(shifts.data, 'shifts');
  const { actors } = useSession();
  return (
    <div className="dyad-series">
      <h2>
        {actors.get(a)?.name ?? a} – {actors.get(b)?.name ?? b} <span className="muted small">cooperation (up) and conflict (down) per {by}; line = net</span>
      </h2>
      <ErrorLine error={series.error} />
      {series.loading && !series.data ? <Loading what="series" /> : <SeriesChart points={points} shifts={shiftRows} selected={period} onSelect={onPeriod} />}
      {shiftRows.length > 0 && (
        <p className="shifts">
          Shifts:{' '}
          {shiftRows.map((s, i) => (
            <button key={i} type="button" className="linklike" onClick={() => onPeriod(s.period ?? s.date ?? '')}>
              {s.period ?? s.date}
              {s.direction ? ` (${s.direction})` : ''}
            </button>
          ))}
        </p>
      )}
      {period && <PeriodEvents a={a} b={b} period={period} />}
    </div>
  );
}

function PeriodEvents({ a, b, period }: { a: string; b: string; period: string }) {
  const [from, to] = periodBounds(period);
  const events = useApi(() => api.events({ actor: a, with: b, from, to, limit: 200 }), [a, b, from, to]);
  return (
    <div className="period-events">
      <h3>
        Events in {period} {events.data && <span className="muted small">({events.data.total}{events.data.truncated ? ', first ' + events.data.rows.length + ' shown' : ''})</span>}
      </h3>
      <ErrorLine error={events.error} />
      {events.data && <EventTable events={events.data.rows} empty="No events in this period." />}
    </div>
  );
}

function SpilloverPanel({ a, b, by }: { a: string; b: string; by: string }) {
  const [cause, setCause] = useState(a && b ? `${a}-${b}` : 'RUS-UKR');
  const [effect, setEffect] = useState('RUS-PRK');
  const [maxLag, setMaxLag] = useState(6);
  const [result, setResult] = useState<Spillover | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setResult(await api.spillover({ cause: cause.toUpperCase(), effect: effect.toUpperCase(), maxLag, by: by === 'year' ? 'year' : by }));
    } catch (err) {
      setResult(null);
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  const lags = (result?.lags ?? []) as SpilloverLag[];
  const best = result?.best ?? null;
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
          up to <input type="number" min={0} max={24} value={maxLag} onChange={(e) => setMaxLag(Number(e.target.value))} className="narrow" aria-label="max lag" /> {by}s?
        </label>
        <button type="submit" disabled={busy}>
          Compare
        </button>
      </form>
      <ErrorLine error={error} />
      {result && (
        <div className="spillover-result">
          {best && (
            <p>
              Strongest link at lag <strong>{best.lag}</strong>: r = <strong>{fmtR(best.r ?? best.correlation)}</strong>
              {best.n !== undefined && ` over ${best.n} periods`}.
            </p>
          )}
          {lags.length > 0 ? (
            <table className="lags">
              <thead>
                <tr>
                  <th className="num">lag</th>
                  <th className="num">r</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {lags.map((l) => {
                  const r = l.r ?? l.correlation ?? null;
                  return (
                    <tr key={l.lag}>
                      <td className="num">{l.lag}</td>
                      <td className="num">{fmtR(r)}</td>
                      <td>
                        <span className={`bar ${r !== null && r < 0 ? 'neg' : 'pos'}`} style={{ width: `${Math.round(Math.abs(r ?? 0) * 200)}px` }} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : (
            <SpilloverFields result={result} />
          )}
        </div>
      )}
    </div>
  );
}

/** Whatever else the analysis reports, as a plain key–value list. */
function SpilloverFields({ result }: { result: Spillover }) {
  const entries = Object.entries(result).filter(([, v]) => v === null || typeof v !== 'object');
  return (
    <dl className="kv">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{String(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

function fmtR(r: number | null | undefined): string {
  return r === null || r === undefined || Number.isNaN(r) ? '—' : r.toFixed(2);
}
