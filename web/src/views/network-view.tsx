// Network view: actors as nodes coloured by bloc, cooperation (green) and conflict (red)
// as weighted edges, drawn with sigma.js (WebGL) over graphology. A month slider replays
// the network one month at a time; positions come from the all-time layout so nodes stay put.
import { useEffect, useMemo, useRef, useState } from 'react';
import { UndirectedGraph } from 'graphology';
import Sigma, { DEFAULT_STYLES } from 'sigma';
import { api, type NetworkResult, type NetworkEdge } from '../api.js';
import { blocColor, COOP_COLOR, CONFLICT_COLOR, NEUTRAL_COLOR, monthsBetween, periodBounds } from '../format.js';
import { forceLayout } from '../layout.js';
import { href, navigate } from '../router.js';
import { useApi } from '../use-api.js';
import { ErrorLine, Loading } from '../components/status.js';
import { Link } from '../components/link.js';
import { NetworkDiff } from '../components/network-diff.js';

type Mode = 'all' | 'month' | 'cumulative';

/** All time, as the API needs a window: every four-digit year. */
const ALL_TIME = { from: '0001', to: '9999' };

function edgeColor(e: NetworkEdge): string {
  return e.sign > 0 ? COOP_COLOR : e.sign < 0 ? CONFLICT_COLOR : NEUTRAL_COLOR;
}

/** The first and last month with dated events, from the two ends of the timeline. */
async function monthRange(): Promise<[string, string] | null> {
  // Undated events sort first; the total is null past the server's count cap.
  const head = await api.events({ limit: 50 });
  const firstDated = head.rows.find((e) => e.date);
  if (!firstDated?.date) return null;
  let last = head.rows.filter((e) => e.date).pop()!.date!.end;
  if (head.truncated && head.total !== null) {
    const tail = await api.events({ limit: 50, offset: Math.max(0, head.total - 50) });
    const dated = tail.rows.filter((e) => e.date);
    if (dated.length) last = dated[dated.length - 1].date!.end;
  } else if (head.truncated) last = new Date().toISOString().slice(0, 7);
  return [periodBounds(firstDated.date.start)[0].slice(0, 7), periodBounds(last)[1].slice(0, 7)];
}

export function NetworkView() {
  const [mode, setMode] = useState<Mode>('all');
  const [minEvents, setMinEvents] = useState(1);
  const [monthIndex, setMonthIndex] = useState(0);
  const [playing, setPlaying] = useState(false);
  const range = useApi(monthRange, []);
  const months = useMemo(() => (range.data ? monthsBetween(range.data[0], range.data[1]) : []), [range.data]);
  const month = months[Math.min(monthIndex, months.length - 1)];

  useEffect(() => {
    if (months.length) setMonthIndex(months.length - 1);
  }, [months]);

  const allTime = useApi(() => api.network({ ...ALL_TIME, minEvents }), [minEvents]);
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
  const layout = useMemo(() => {
    const net = allTime.data;
    if (!net) return new Map<string, { x: number; y: number }>();
    const blocs = new Map(net.nodes.map((n) => [n.id, n.bloc]));
    return forceLayout(
      net.nodes.map((n) => n.id),
      net.edges.map((e) => ({ source: e.source, target: e.target, weight: e.events })),
      { groupOf: (id) => blocs.get(id) },
    );
  }, [allTime.data]);

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
        <label>
          min events{' '}
          <input type="number" min={1} max={100} value={minEvents} onChange={(e) => setMinEvents(Math.max(1, Number(e.target.value) || 1))} className="narrow" />
        </label>
        <span className="legend">
          <span className="swatch" style={{ background: COOP_COLOR }} /> cooperation <span className="swatch" style={{ background: CONFLICT_COLOR }} /> conflict · node colour = bloc
        </span>
      </div>
      <ErrorLine error={allTime.error ?? windowed.error ?? range.error} />
      {!shown && (allTime.loading || windowed.loading) && <Loading what="network" />}
      {shown && (
        <div className="network-body">
          <NetworkCanvas network={shown} layout={layout} />
          <EdgeTable network={shown} />
        </div>
      )}
      <NetworkDiff />
    </section>
  );
}

function NetworkCanvas({ network, layout }: { network: NetworkResult; layout: Map<string, { x: number; y: number }> }) {
  const box = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (!box.current) return;
    const g = new UndirectedGraph();
    const maxEvents = Math.max(1, ...network.nodes.map((n) => n.events));
    const missing = network.nodes.filter((n) => !layout.has(n.id));
    const extra = forceLayout(missing.map((n) => n.id), []);
    for (const n of network.nodes) {
      const p = layout.get(n.id) ?? extra.get(n.id) ?? { x: 0, y: 0 };
      const size = 4 + 14 * Math.sqrt(n.events / maxEvents);
      g.mergeNode(n.id, { x: p.x, y: p.y, size, label: n.id, color: blocColor(n.bloc) });
    }
    const maxEdge = Math.max(1, ...network.edges.map((e) => e.events));
    for (const e of network.edges) {
      if (!g.hasNode(e.source) || !g.hasNode(e.target) || e.source === e.target) continue;
      const key = [e.source, e.target].sort().join('|');
      if (g.hasEdge(key)) continue;
      g.addEdgeWithKey(key, e.source, e.target, {
        size: 1 + 7 * Math.sqrt(e.events / maxEdge),
        color: edgeColor(e),
      });
    }
    let sigma: Sigma | null = null;
    try {
      sigma = new Sigma(g, box.current, {
        settings: { renderEdgeLabels: false, labelRenderedSizeThreshold: 0, stagePadding: 40, itemSizesReference: 'screen' },
        // Every actor's code stays readable: a dozen or two labels never crowd.
        styles: { nodes: { ...DEFAULT_STYLES.nodes, labelVisibility: 'visible', labelSize: 13, labelColor: '#1b1f24' }, edges: DEFAULT_STYLES.edges },
      });
      sigma.on('clickNode', ({ node }) => navigate(href('/timeline', { actor: node })));
      setFailure(null);
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    }
    return () => sigma?.kill();
  }, [network, layout]);
  return (
    <div className="network-canvas-wrap">
      <div ref={box} className="network-canvas" data-testid="network-canvas" aria-label={`network of ${network.nodes.length} actors`} />
      {failure && <p className="error">Cannot draw the graph here (WebGL: {failure}); the table lists every tie.</p>}
      <p className="muted small">
        {network.window.from === '0001-01-01' && network.window.to === '9999-12-31' ? 'All time' : `${network.window.from} – ${network.window.to}`}: {network.events} events, {network.nodes.length} actors, {network.edges.length} ties, {network.blocs.length} blocs
        {network.modularity !== null && ` (modularity ${network.modularity.toFixed(2)})`}
        {network.balance.ratio !== null && `; ${Math.round(network.balance.ratio * 100)}% of ${network.balance.triangles} signed triangles balanced`}. Click a node for its timeline.
      </p>
    </div>
  );
}

function EdgeTable({ network }: { network: NetworkResult }) {
  const edges = [...network.edges].sort((a, b) => b.events - a.events);
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
    </div>
  );
}
