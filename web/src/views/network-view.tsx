// Network view: a link chart of the busiest actors (top N, with a control), components
// side by side, labels that never overlap, zoom/fit/reset, node search, a bloc legend, and
// the table of every tie beside it (the chart's colours and widths come from the same
// counts). A year brush sets the window, shared with Map and Timeline through their links;
// "one month" / "up to month" replays the network month by month.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { api, type NetworkResult, type NetworkEdge, type NetworkNode } from '../api.js';
import { blocColor, monthsBetween, periodBounds } from '../format.js';
import { href, navigate } from '../router.js';
import { useApi } from '../use-api.js';
import { useSession } from '../session.js';
import { ErrorLine, Loading } from '../components/status.js';
import { Link } from '../components/link.js';
import { NetworkDiff } from '../components/network-diff.js';
import { LinkChart, tieColor } from '../components/link-chart.js';
import { resolveActorInput, unresolvedMessage } from '../actor-resolve.js';
import { brushWindow, hasMonthDetail, monthsOfYears, type BrushState } from '../brush.js';

type Mode = 'all' | 'month' | 'cumulative';

/** All time, as the API needs a window: every four-digit year. */
const ALL_TIME = { from: '0001', to: '9999' };
const DEFAULT_TOP = 30;
/** Above this many events the chart opens on the latest year: all time over millions is a hairball and slow to compute. */
const LARGE_STORE = 100_000;
/** Ties listed in the table before "show all". */
const TABLE_ROWS = 200;

/** The first and last month with dated events, from the two ends of the timeline, and whether the store is large. */
async function monthRange(): Promise<{ months: [string, string]; large: boolean } | null> {
  const [head, tail] = await Promise.all([api.events({ limit: 50 }), api.events({ limit: 50, order: 'desc' })]);
  const firstDated = head.rows.find((e) => e.date);
  const lastDated = tail.rows.find((e) => e.date);
  if (!firstDated?.date || !lastDated?.date) return null;
  // The list counts up to a cap and says null beyond it.
  const large = head.total === null || head.total > LARGE_STORE;
  return { months: [periodBounds(firstDated.date.start)[0].slice(0, 7), periodBounds(lastDated.date.end)[1].slice(0, 7)], large };
}

/** The top N actors by events, the neighbours of expanded ones, and the ties among them. */
export function cutNetwork(net: NetworkResult, top: number, expanded: ReadonlySet<string>): { nodes: NetworkNode[]; edges: NetworkEdge[] } {
  const keep = new Set([...net.nodes].sort((a, b) => b.events - a.events || (a.id < b.id ? -1 : 1)).slice(0, top).map((n) => n.id));
  for (const e of net.edges) {
    if (expanded.has(e.source)) keep.add(e.target);
    if (expanded.has(e.target)) keep.add(e.source);
  }
  for (const id of expanded) if (net.nodes.some((n) => n.id === id)) keep.add(id);
  return { nodes: net.nodes.filter((n) => keep.has(n.id)), edges: net.edges.filter((e) => keep.has(e.source) && keep.has(e.target)) };
}

export function NetworkView() {
  const [mode, setMode] = useState<Mode>('all');
  const [minEvents, setMinEvents] = useState(1);
  const [top, setTop] = useState(DEFAULT_TOP);
  const [monthIndex, setMonthIndex] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [brushState, setBrush] = useState<BrushState | null>(null);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [selected, setSelected] = useState<string | null>(null);
  const [focus, setFocus] = useState<string | null>(null);
  const { actors } = useSession();
  const range = useApi(monthRange, []);
  const months = useMemo(() => (range.data ? monthsBetween(range.data.months[0], range.data.months[1]) : []), [range.data]);
  const month = months[Math.min(monthIndex, months.length - 1)];
  const span: [number, number] | null = range.data ? [Number(range.data.months[0].slice(0, 4)), Number(range.data.months[1].slice(0, 4))] : null;
  // A large store opens on its latest year; a small one on all time.
  const b: BrushState | null = brushState ?? (range.data && span ? { years: range.data.large ? [span[1], span[1]] : null, months: null } : null);

  useEffect(() => {
    if (months.length) setMonthIndex(months.length - 1);
  }, [months]);

  // The brush: a range of years, with months when zoomed in (all time when untouched on a small store).
  const brush = b && span ? brushWindow(span, b) : null;
  const allTime = useApi(async () => (b ? api.network({ ...(brush ?? ALL_TIME), minEvents }) : null), [minEvents, !!b, brush?.from, brush?.to]);
  const windowed = useApi(async () => {
    if (mode === 'all' || !month) return null;
    const [, to] = periodBounds(month);
    const from = mode === 'month' ? `${month}-01` : ALL_TIME.from;
    return api.network({ from, to, minEvents });
  }, [mode, month, minEvents]);

  useEffect(() => {
    if (!playing || mode === 'all') return;
    const t = window.setTimeout(() => {
      if (monthIndex >= months.length - 1) setPlaying(false);
      else setMonthIndex((i) => i + 1);
    }, 700);
    return () => window.clearTimeout(t);
  }, [playing, monthIndex, months.length, mode, windowed.data]);

  const shown: NetworkResult | null = mode === 'all' ? allTime.data : (windowed.data ?? null);
  const cut = useMemo(() => (shown ? cutNetwork(shown, top, expanded) : null), [shown, top, expanded]);
  const names = useMemo(() => new Map([...actors.values()].map((a) => [a.code, a.name ?? a.code])), [actors]);
  const onNode = (id: string) => {
    setSelected(id);
    setExpanded((x) => new Set([...x, id]));
  };
  const reset = () => {
    setExpanded(new Set());
    setSelected(null);
    setFocus(null);
    setTop(DEFAULT_TOP);
  };

  return (
    <section className="view network-view">
      <div className="toolbar">
        <h1>Network</h1>
        <label>
          show{' '}
          <select value={mode} onChange={(e) => setMode(e.target.value as Mode)} aria-label="network window">
            <option value="all">all time</option>
            <option value="month">one month</option>
            <option value="cumulative">up to month</option>
          </select>
        </label>
        {mode !== 'all' && months.length > 0 && (
          <>
            <button type="button" onClick={() => setPlaying((p) => !p)} aria-label={playing ? 'pause' : 'play'}>
              {playing ? '❚❚ pause' : '▶ replay'}
            </button>
            <input
              type="range"
              className="month-slider"
              min={0}
              max={months.length - 1}
              value={Math.min(monthIndex, months.length - 1)}
              onChange={(e) => {
                setPlaying(false);
                setMonthIndex(Number(e.target.value));
              }}
              aria-label="month"
            />
            <output className="month-label">{month}</output>
          </>
        )}
        {mode === 'all' && span && b && <DateBrush span={span} value={b} onChange={setBrush} />}
        <label>
          top{' '}
          <input type="number" min={2} max={1000} value={top} onChange={(e) => setTop(Math.min(1000, Math.max(2, Number(e.target.value) || DEFAULT_TOP)))} className="narrow" aria-label="top actors" />
        </label>
        <label>
          min events{' '}
          <input type="number" min={1} max={100} value={minEvents} onChange={(e) => setMinEvents(Math.max(1, Number(e.target.value) || 1))} className="narrow" />
        </label>
        <NodeSearch
          onFound={(code) => {
            onNode(code);
            setFocus(code);
          }}
          has={(code) => !!shown?.nodes.some((n) => n.id === code)}
        />
        <button type="button" onClick={reset}>
          reset
        </button>
      </div>
      <ErrorLine error={allTime.error ?? windowed.error ?? range.error} />
      {!shown && (allTime.loading || windowed.loading) && <Loading what="network" />}
      {shown && cut && (
        <>
          <p className="muted small network-summary" data-testid="network-summary">
            {shown.window.from === '0001-01-01' && shown.window.to === '9999-12-31' ? 'All time' : `${shown.window.from} – ${shown.window.to}`}: {shown.events} events counted ({shown.counting}).
            Showing {cut.nodes.length} of {shown.nodes.length} actors (the {Math.min(top, shown.nodes.length)} busiest{expanded.size ? ' and the neighbours of those you opened' : ''}) and {cut.edges.length} of {shown.edges.length} ties; the table lists every tie, busiest first.
            {range.data?.large && !brushState && ' A large store opens on its latest year: widen the years with the brush.'}
            {shown.modularity !== null && ` ${shown.blocs.length} blocs, modularity ${shown.modularity.toFixed(2)}.`}
            {shown.balance.ratio !== null && ` ${Math.round(shown.balance.ratio * 100)}% of ${shown.balance.triangles} signed triangles balanced.`}{' '}
            {brush && (
              <>
                Same dates in <Link to={href('/timeline', brush)}>Timeline</Link> and <Link to={href('/map', brush)}>Map</Link>.
              </>
            )}
          </p>
          <div className="network-body">
            <div className="network-canvas" data-testid="network-canvas">
              <LinkChart nodes={cut.nodes} edges={cut.edges} names={names} selected={selected} focus={focus} onNode={onNode} onTie={(a, b) => navigate(href('/dyad', { a, b }))} />
              <Legend network={shown} nodes={cut.nodes} />
              {selected && <Selected id={selected} net={shown} names={names} />}
            </div>
            <EdgeTable network={shown} />
          </div>
        </>
      )}
      <NetworkDiff />
    </section>
  );
}

/**
 * Two sliders over the years the store covers; once the years chosen are few (zoomed in), two
 * more over their months. The window is every day from the first year (month) to the last.
 */
function DateBrush({ span, value, onChange }: { span: [number, number]; value: BrushState; onChange: (v: BrushState) => void }) {
  const years = value.years ?? span;
  const setYears = (y: [number, number]) => onChange({ years: y, months: null });
  const detail = hasMonthDetail(years);
  const months = detail ? monthsOfYears(years[0], years[1]) : [];
  const m = value.months ?? [0, months.length - 1];
  const setMonths = (x: [number, number]) => onChange({ years, months: x });
  return (
    <span className="year-brush" role="group" aria-label="dates">
      <input type="range" min={span[0]} max={span[1]} value={years[0]} onChange={(e) => setYears([Math.min(Number(e.target.value), years[1]), years[1]])} aria-label="from year" />
      <input type="range" min={span[0]} max={span[1]} value={years[1]} onChange={(e) => setYears([years[0], Math.max(Number(e.target.value), years[0])])} aria-label="to year" />
      <output className="year-label" data-testid="brush-label">
        {brushWindow(span, value) ? `${brushWindow(span, value)!.from}–${brushWindow(span, value)!.to}` : `${span[0]}–${span[1]}`}
      </output>
      {detail && (
        <span className="month-brush" role="group" aria-label="months">
          months{' '}
          <input type="range" min={0} max={months.length - 1} value={m[0]} onChange={(e) => setMonths([Math.min(Number(e.target.value), m[1]), m[1]])} aria-label="from month" aria-valuetext={months[m[0]]} />
          <input type="range" min={0} max={months.length - 1} value={m[1]} onChange={(e) => setMonths([m[0], Math.max(Number(e.target.value), m[0])])} aria-label="to month" aria-valuetext={months[m[1]]} />
        </span>
      )}
      {!detail && (
        <button type="button" className="small" onClick={() => setYears([years[1], years[1]])} title="narrow to the last year chosen, with months">
          months…
        </button>
      )}
    </span>
  );
}

function NodeSearch({ onFound, has }: { onFound: (code: string) => void; has: (code: string) => boolean }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await resolveActorInput(text).catch((err: Error) => ({ ok: false as const, text, suggestions: [], err }));
    if (!r) return;
    if (!r.ok) return setProblem(unresolvedMessage(r));
    if (!has(r.code)) return setProblem(`${r.name} (${r.code}) has no ties in this window.`);
    setProblem(null);
    onFound(r.code);
  };
  return (
    <form className="inline node-search" role="search" onSubmit={(e) => void submit(e)}>
      <input value={text} onChange={(e) => setText(e.target.value)} placeholder="find actor (code or name)" aria-label="find actor" className="actor-input" />
      {problem && (
        <span className="error small" role="alert">
          {problem}
        </span>
      )}
    </form>
  );
}

function Legend({ network, nodes }: { network: NetworkResult; nodes: NetworkNode[] }) {
  const shownIds = new Set(nodes.map((n) => n.id));
  const blocs = network.blocs.map((b) => ({ ...b, members: b.members.filter((m) => shownIds.has(m)) })).filter((b) => b.members.length > 0);
  return (
    <div className="chart-legend small" aria-label="legend">
      <span>
        <span className="swatch line" style={{ background: tieColor({ cooperative: 1, conflictual: 0 }) }} /> more cooperative events
      </span>{' '}
      <span>
        <span className="swatch line" style={{ background: tieColor({ cooperative: 0, conflictual: 1 }) }} /> more conflictual
      </span>{' '}
      <span>
        <span className="swatch line" style={{ background: tieColor({ cooperative: 1, conflictual: 1 }) }} /> even
      </span>{' '}
      · line width = events · circle area = events ·{' '}
      <span className="blocs" data-testid="bloc-legend">
        blocs (Louvain on cooperative ties):{' '}
        {blocs.map((b) => (
          <span key={b.id} className="bloc" title={b.members.join(', ')}>
            <span className="swatch" style={{ background: blocColor(b.id) }} /> {b.members.slice(0, 4).join(', ')}
            {b.members.length > 4 ? ` +${b.members.length - 4}` : ''}
          </span>
        ))}
      </span>
    </div>
  );
}

function Selected({ id, net, names }: { id: string; net: NetworkResult; names: Map<string, string> }) {
  const n = net.nodes.find((x) => x.id === id);
  if (!n) return null;
  const ties = net.edges.filter((e) => e.source === id || e.target === id).sort((a, b) => b.events - a.events);
  return (
    <div className="selected-node small" data-testid="selected-node">
      <strong>{names.get(id) ?? id}</strong> ({id}): {n.events} events, {ties.length} ties. <Link to={href('/timeline', { actor: id })}>timeline</Link> · busiest ties:{' '}
      {ties.slice(0, 5).map((e) => {
        const other = e.source === id ? e.target : e.source;
        return (
          <Link key={other} to={href('/dyad', { a: id, b: other })} className="chip">
            {other} ({e.events})
          </Link>
        );
      })}
    </div>
  );
}

function EdgeTable({ network }: { network: NetworkResult }) {
  const [all, setAll] = useState(false);
  const sorted = useMemo(() => [...network.edges].sort((a, b) => b.events - a.events), [network]);
  // Thousands of rows cost the page more than the chart; the busiest come first.
  const edges = all ? sorted : sorted.slice(0, TABLE_ROWS);
  return (
    <div className="edge-table-wrap">
      <table className="edges" aria-label="ties">
        <thead>
          <tr>
            <th>dyad</th>
            <th className="num">coop.</th>
            <th className="num">conflict</th>
            <th className="num">events</th>
          </tr>
        </thead>
        <tbody>
          {edges.map((e) => (
            <tr key={`${e.source}|${e.target}`} data-dyad={`${e.source}-${e.target}`}>
              <td>
                <span className="swatch line" style={{ background: tieColor(e) }} />{' '}
                <Link to={href('/dyad', { a: e.source, b: e.target })}>
                  {e.source} – {e.target}
                </Link>
              </td>
              <td className="num coop">{e.cooperative}</td>
              <td className="num conflict">{e.conflictual}</td>
              <td className="num">{e.events}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {edges.length === 0 && <p className="muted">No ties in this window.</p>}
      {edges.length < sorted.length && (
        <button type="button" className="small" onClick={() => setAll(true)}>
          show all {sorted.length.toLocaleString('en-US')} ties
        </button>
      )}
    </div>
  );
}
