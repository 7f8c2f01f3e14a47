// Map view: actors as circles at their country's centroid, sized by event count, and
// events that carry coordinates as dots, on the bundled world-atlas TopoJSON (no online
// tiles). Organisations and other actors without a country are listed beside the map.
import { useMemo, useRef, useState, type PointerEvent, type WheelEvent } from 'react';
import { geoNaturalEarth1, geoPath, geoArea, geoCentroid, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json' with { type: 'json' };
import isoCodes from '../data/iso-numeric-alpha3.json' with { type: 'json' };
import historical from '../data/historical-states.json' with { type: 'json' };
import { api, type EventRecord } from '../api.js';
import { blocColor } from '../format.js';
import { href, navigate, useLocation } from '../router.js';
import { placeLabels } from '../link-chart-layout.js';
import { LABEL_FONT, measureLabel } from '../components/link-chart.js';
import { useSession } from '../session.js';
import { useApi } from '../use-api.js';
import { ErrorLine, Loading } from '../components/status.js';
import { Link } from '../components/link.js';

const ISO_PREFIX = /^-?\d{4}(-\d{2}(-\d{2})?)?$/;
const W = 960;
const H = 500;
const NUMERIC_TO_ALPHA3 = isoCodes.codes as Record<string, string>;
const SUCCESSOR = historical.successors as Record<string, string>;

type CountryFeature = Feature<Geometry, { name: string }>;

const countries = (feature(world as unknown as Topology, (world as unknown as Topology).objects.countries as GeometryCollection<{ name: string }>) as FeatureCollection<Geometry, { name: string }>).features as CountryFeature[];
const worldProjection = geoNaturalEarth1().fitExtent(
  [
    [4, 4],
    [W - 4, H - 4],
  ],
  { type: 'Sphere' },
);

/** The largest polygon's centroid: Alaska, overseas territories and islands do not pull the point away. */
function mainCentroid(f: CountryFeature): [number, number] {
  const g = f.geometry;
  if (g.type === 'MultiPolygon') {
    const polys = (g as MultiPolygon).coordinates.map((c) => ({ type: 'Polygon', coordinates: c }) as Polygon);
    polys.sort((a, b) => geoArea(b) - geoArea(a));
    return geoCentroid(polys[0]);
  }
  return geoCentroid(f);
}

/** Country centroids as [lon, lat]. */
const CENTROIDS = new Map<string, [number, number]>();
const COUNTRY_NAMES = new Map<string, string>();
for (const f of countries) {
  const code = NUMERIC_TO_ALPHA3[String(f.id)];
  if (!code) continue;
  const c = mainCentroid(f);
  if (Number.isFinite(c[0])) CENTROIDS.set(code, c);
  COUNTRY_NAMES.set(code, f.properties.name);
}

interface Place {
  lonlat: [number, number];
  historical: boolean;
}

function placeOf(code: string): Place | null {
  const own = CENTROIDS.get(code);
  if (own) return { lonlat: own, historical: false };
  const succ = CENTROIDS.get(SUCCESSOR[code] ?? '');
  return succ ? { lonlat: succ, historical: true } : null;
}

/** A projection framing the given places, with a margin of some degrees so one country is not a close-up. */
function fitTo(places: Array<[number, number]>): GeoProjection {
  if (places.length === 0) return worldProjection;
  const pad: Array<[number, number]> = places.flatMap(([lon, lat]) => [
    [Math.max(-180, lon - 15), Math.max(-85, lat - 10)],
    [Math.min(180, lon + 15), Math.min(85, lat + 10)],
  ]);
  return geoNaturalEarth1().fitExtent(
    [
      [30, 30],
      [W - 30, H - 30],
    ],
    { type: 'MultiPoint', coordinates: pad },
  );
}

export function MapView() {
  // The dates may come from another view's brush (Network links here with ?from&to).
  const loc = useLocation();
  const [from, setFrom] = useState(loc.query.get('from') ?? '');
  const [to, setTo] = useState(loc.query.get('to') ?? '');
  const [view, setView] = useState({ k: 1, tx: 0, ty: 0 });
  const drag = useRef<{ x: number; y: number; v: typeof view; sx: number } | null>(null);
  // Half-typed dates ("19") are not sent: the query waits for a whole ISO prefix.
  const [qFrom, qTo] = [from, to].map((d) => (ISO_PREFIX.test(d) ? d : ''));
  // Dots for the events that carry coordinates (at most 1000 read); circles from the shared count.
  const events = useApi(() => api.events({ from: qFrom || undefined, to: qTo || undefined, limit: 1000 }), [qFrom, qTo]);
  const counted = useApi(() => api.actorCounts({ from: qFrom || undefined, to: qTo || undefined }), [qFrom, qTo]);
  const { actors } = useSession();
  const [hover, setHover] = useState<string | null>(null);
  const [fit, setFit] = useState<'actors' | 'world'>('actors');
  const dates = { from: qFrom || undefined, to: qTo || undefined };

  // Each actor's number is the count every view shares (GET /api/actors/counts = GET /api/count per actor).
  const counts = useMemo(() => new Map((counted.data?.actors ?? []).map((a) => [a.code, a.events])), [counted.data]);
  const placed = [...counts].map(([code, n]) => ({ code, n, place: placeOf(code) })).sort((a, b) => b.n - a.n);
  const onMap = placed.filter((p) => p.place);
  const offMap = placed.filter((p) => !p.place);
  const placesKey = onMap.map((p) => p.code).join(',');
  const projection = useMemo(() => (fit === 'world' ? worldProjection : fitTo(onMap.map((p) => p.place!.lonlat))), [fit, placesKey]);
  const path = geoPath(projection);
  /** Screen position; a historical state sits just below its successor, so both stay visible. */
  const at = (p: Place): [number, number] => {
    const xy = projection(p.lonlat) ?? [0, 0];
    return p.historical ? [xy[0] + 14, xy[1] + 22] : xy;
  };
  const max = Math.max(1, ...placed.map((p) => p.n));
  const screen = (xy: [number, number]): [number, number] => [xy[0] * view.k + view.tx, xy[1] * view.k + view.ty];
  // Labels in screen units after zoom, busiest first; one that would overlap another is left out (its circle keeps the tooltip).
  const labels = placeLabels(
    onMap.map(({ code, place }) => {
      const [x, y] = screen(at(place!));
      return { id: code, x, y, r: 2, text: code };
    }),
    measureLabel,
    { w: W, h: H },
  );
  const zoom = (f: number, cx = W / 2, cy = H / 2) => setView((v) => ({ k: Math.min(20, Math.max(1, v.k * f)), tx: cx - (cx - v.tx) * (Math.min(20, Math.max(1, v.k * f)) / v.k), ty: cy - (cy - v.ty) * (Math.min(20, Math.max(1, v.k * f)) / v.k) }));
  const toViewBox = (e: { clientX: number; clientY: number; currentTarget: Element }) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * W, y: ((e.clientY - r.top) / r.height) * H, s: W / r.width };
  };
  const onWheel = (e: WheelEvent<SVGSVGElement>) => {
    const p = toViewBox(e);
    zoom(e.deltaY < 0 ? 1.25 : 0.8, p.x, p.y);
  };
  const down = (e: PointerEvent<SVGSVGElement>) => {
    if ((e.target as Element).closest('.actor-circle, .event-dot')) return;
    drag.current = { x: e.clientX, y: e.clientY, v: view, sx: toViewBox(e).s };
  };
  const move = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (d) setView({ ...d.v, tx: d.v.tx + (e.clientX - d.x) * d.sx, ty: d.v.ty + (e.clientY - d.y) * d.sx });
  };
  const located = (events.data?.rows ?? []).filter((e): e is EventRecord & { location: { lat: number; lon: number } } => e.location?.lat != null && e.location?.lon != null);

  return (
    <section className="view map-view">
      <div className="toolbar">
        <h1>Map</h1>
        <label>
          from <input value={from} onChange={(e) => setFrom(e.target.value)} placeholder="1950" className="date-input" aria-label="from" />
        </label>
        <label>
          to <input value={to} onChange={(e) => setTo(e.target.value)} placeholder="2024" className="date-input" aria-label="to" />
        </label>
        <label>
          frame{' '}
          <select value={fit} onChange={(e) => setFit(e.target.value as 'actors' | 'world')} aria-label="frame">
            <option value="actors">the actors</option>
            <option value="world">the world</option>
          </select>
        </label>
        <span className="zoom-inline" role="group" aria-label="zoom">
          <button type="button" onClick={() => zoom(1.5)} aria-label="zoom in">
            +
          </button>
          <button type="button" onClick={() => zoom(1 / 1.5)} aria-label="zoom out">
            −
          </button>
          <button type="button" onClick={() => setView({ k: 1, tx: 0, ty: 0 })} aria-label="fit">
            fit
          </button>
        </span>
        <span className="muted small">
          Circle area = events naming the actor, counted as in every view ({counted.data ? counted.data.modalities.join(', ') : 'asserted'}, not rejected, dated, starting in these dates; the number its timeline gives). Click a circle for its timeline.
        </span>
      </div>
      <ErrorLine error={counted.error ?? events.error} />
      {counted.loading && !counted.data && <Loading what="counts" />}
      <div className="map-body">
        <svg
          className="world"
          viewBox={`0 0 ${W} ${H}`}
          role="group"
          aria-label="world map of actors; drag to pan, wheel to zoom"
          onWheel={onWheel}
          onPointerDown={down}
          onPointerMove={move}
          onPointerUp={() => (drag.current = null)}
          onPointerLeave={() => (drag.current = null)}
        >
          <g transform={`translate(${view.tx},${view.ty}) scale(${view.k})`}>
          <path d={path({ type: 'Sphere' }) ?? ''} className="sphere" />
          {countries.map((f, i) => (
            <path key={String(f.id ?? i)} d={path(f) ?? ''} className={`country${counts.has(NUMERIC_TO_ALPHA3[String(f.id)] ?? '') ? ' active' : ''}`}>
              <title>{f.properties.name}</title>
            </path>
          ))}
          {located.map((e) => {
            const p = projection([e.location.lon, e.location.lat]);
            return p ? (
              <circle key={e.id} cx={p[0]} cy={p[1]} r={2.5} className="event-dot" onClick={() => navigate(`/events/${encodeURIComponent(e.id)}`)}>
                <title>{`${e.type} ${e.sources.join(',')} → ${e.targets.join(',')} ${e.location.name ?? ''}`}</title>
              </circle>
            ) : null;
          })}
          {onMap.map(({ code, n, place }) => {
            const [cx, cy] = at(place!);
            return (
            <g
              key={code}
              className={`actor-circle${hover === code ? ' hover' : ''}${place!.historical ? ' historical' : ''}`}
              data-actor={code}
              onClick={() => navigate(href('/timeline', { actor: code, ...dates }))}
              onMouseEnter={() => setHover(code)}
              onMouseLeave={() => setHover(null)}
              tabIndex={0}
              role="link"
              aria-label={`${actors.get(code)?.name ?? COUNTRY_NAMES.get(code) ?? code}: ${n} events; opens its timeline`}
              onKeyDown={(e) => e.key === 'Enter' && navigate(href('/timeline', { actor: code, ...dates }))}
            >
              <circle cx={cx} cy={cy} r={(4 + 18 * Math.sqrt(n / max)) / Math.sqrt(view.k)} fill={blocColor(code)} />
              <title>{`${actors.get(code)?.name ?? COUNTRY_NAMES.get(code) ?? code}: ${n} events`}</title>
            </g>
            );
          })}
          </g>
          <g className="map-labels" aria-hidden="true">
            {labels.map((l) => (
              <text key={l.id} x={l.x} y={l.y} className="actor-code" data-label={l.id} style={{ font: LABEL_FONT }}>
                {l.id}
              </text>
            ))}
          </g>
        </svg>
        <aside className="map-side">
          <h2>Actors</h2>
          {located.length > 0 && events.data?.truncated && <p className="muted small">Dots: events with coordinates among the first {events.data.rows.length} of these dates.</p>}
          <table className="compact">
            <tbody>
              {placed.slice(0, 40).map((p) => (
                <tr key={p.code} data-row-actor={p.code} className={hover === p.code ? 'hover' : ''} onMouseEnter={() => setHover(p.code)} onMouseLeave={() => setHover(null)}>
                  <td>
                    <Link to={href('/timeline', { actor: p.code, ...dates })}>{p.code}</Link>
                  </td>
                  <td className="name">{actors.get(p.code)?.name ?? COUNTRY_NAMES.get(p.code) ?? ''}</td>
                  <td className="num" data-count={p.n}>{p.n}</td>
                  <td className="muted small">{p.place ? (p.place.historical ? 'historical' : '') : 'not on map'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {offMap.length > 0 && <p className="muted small">{offMap.length} actors (organisations, groups) have no place on the map.</p>}
        </aside>
      </div>
    </section>
  );
}
