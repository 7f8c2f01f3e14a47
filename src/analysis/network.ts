// The signed, weighted actor graph of a time window (graphology). An edge's weight is the
// summed intensity × mentions of the pair's events, its sign the sign of that sum. Blocs:
// Louvain (Blondel et al. 2008) on the cooperative edges, seeded. Structural balance:
// share of balanced signed triangles (Cartwright & Harary 1956; a triangle is balanced when
// the product of its signs is positive). Centrality: weighted degree and betweenness
// (Brandes 2001) over distances 1/|weight|. Exports: JSON, GEXF 1.3 and GraphML.
import { UndirectedGraph } from 'graphology';
import louvainImport from 'graphology-communities-louvain';
import betweennessImport from 'graphology-metrics/centrality/betweenness.js';
import type { AnalysisEvent } from '../domain/event.js';
import type { Tie } from '../domain/rollup.js';
import { seededRng } from './random.js';

// These two are CommonJS (module.exports = fn); Node hands that over as the default export,
// while their typings declare an ES default. Accept either shape.
const cjs = <T>(m: T): T => ((m as { default?: T }).default ?? m) as T;
const louvain = cjs(louvainImport as unknown as typeof louvainImport.default);
const betweenness = cjs(betweennessImport as unknown as typeof betweennessImport.default);

export interface NetworkOptions {
  /** Drop pairs with fewer events than this. */
  minEvents: number;
  seed: number;
  /** Louvain resolution (1 = classic modularity). */
  resolution: number;
  /** Most unbalanced triangles listed. */
  topUnbalanced: number;
}

export const NETWORK_DEFAULTS: NetworkOptions = { minEvents: 1, seed: 1, resolution: 1, topUnbalanced: 10 };

export interface EdgeAttrs {
  weight: number;
  sign: -1 | 0 | 1;
  events: number;
  mentions: number;
  cooperative: number;
  conflictual: number;
}

export type ActorGraph = UndirectedGraph<{ events: number }, EdgeAttrs>;

export interface NetworkEdge extends EdgeAttrs {
  source: string;
  target: string;
}

export interface NetworkNode {
  id: string;
  events: number;
  bloc: number;
  /** Σ |weight| of the actor's edges. */
  strength: number;
  positiveStrength: number;
  negativeStrength: number;
  degree: number;
  betweenness: number;
}

export interface Triangle {
  actors: [string, string, string];
  signs: [number, number, number];
  /** The weakest |weight| of its three edges: how firmly the triangle is unbalanced. */
  strength: number;
}

export interface Balance {
  triangles: number;
  balanced: number;
  /** balanced / triangles; null when there is no signed triangle. */
  ratio: number | null;
  mostUnbalanced: Triangle[];
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  blocs: Array<{ id: number; members: string[] }>;
  modularity: number | null;
  balance: Balance;
}

const pairKey = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

/** Each actor pair's summed ties over every source × target pair of the events. */
export function tiesOf(events: Iterable<AnalysisEvent>, into: Map<string, Tie> = new Map()): Map<string, Tie> {
  // Sum in plain maps first: a graph update per event costs several lookups each.
  for (const e of events) {
    const m = Math.max(1, e.mentions);
    const w = e.intensity * m;
    for (const s of e.sources) {
      for (const t of e.targets) {
        if (s === t) continue;
        const [a, b] = pairKey(s, t);
        const key = `${a}\u0000${b}`;
        let at = into.get(key);
        if (!at) into.set(key, (at = { a, b, weight: 0, events: 0, mentions: 0, cooperative: 0, conflictual: 0 }));
        at.weight += w;
        at.events++;
        at.mentions += m;
        if (e.intensity > 0) at.cooperative++;
        else if (e.intensity < 0) at.conflictual++;
      }
    }
  }
  return into;
}

/** Adds ties (from the store's rollups, say) into a map of ties by pair. */
export function addTies(into: Map<string, Tie>, ties: Iterable<Tie>): Map<string, Tie> {
  for (const t of ties) {
    const [a, b] = pairKey(t.a, t.b);
    const key = `${a}\u0000${b}`;
    const at = into.get(key);
    if (!at) into.set(key, { ...t, a, b });
    else {
      at.weight += t.weight;
      at.events += t.events;
      at.mentions += t.mentions;
      at.cooperative += t.cooperative;
      at.conflictual += t.conflictual;
    }
  }
  return into;
}

/** The undirected signed graph of ties; an actor's `events` counts its ties' events, kept or not. */
export function graphOfTies(ties: Iterable<Tie>, minEvents = 1): ActorGraph {
  // In pair order, so the graph (and Louvain's walk over it) is the same whichever way the ties were summed.
  const sorted = [...ties].sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
  const nodeEvents = new Map<string, number>();
  for (const t of sorted) {
    nodeEvents.set(t.a, (nodeEvents.get(t.a) ?? 0) + t.events);
    nodeEvents.set(t.b, (nodeEvents.get(t.b) ?? 0) + t.events);
  }
  const g: ActorGraph = new UndirectedGraph({ allowSelfLoops: false });
  for (const { a, b, ...t } of sorted) {
    if (t.events < minEvents || t.events === 0) continue;
    if (!g.hasNode(a)) g.addNode(a, { events: nodeEvents.get(a)! });
    if (!g.hasNode(b)) g.addNode(b, { events: nodeEvents.get(b)! });
    g.addEdge(a, b, { ...t, sign: t.weight > 0 ? 1 : t.weight < 0 ? -1 : 0 });
  }
  return g;
}

/** The undirected signed graph: one edge per actor pair over every source × target pair. */
export function buildGraph(events: Iterable<AnalysisEvent>, minEvents = 1): ActorGraph {
  return graphOfTies(tiesOf(events).values(), minEvents);
}

/** Share of balanced signed triangles; zero-weight edges are unsigned and skipped. */
export function structuralBalance(g: ActorGraph, top = NETWORK_DEFAULTS.topUnbalanced): Balance {
  const nodes = g.nodes().sort();
  const rank = new Map(nodes.map((n, i) => [n, i]));
  const signedNeighbours = (n: string): string[] => g.neighbors(n).filter((m) => rank.get(m)! > rank.get(n)! && g.getEdgeAttribute(n, m, 'sign') !== 0);
  let triangles = 0;
  let balanced = 0;
  const unbalanced: Triangle[] = [];
  for (const a of nodes) {
    const na = signedNeighbours(a);
    for (const b of na) {
      for (const c of signedNeighbours(b)) {
        if (!g.hasEdge(a, c)) continue;
        const sac = g.getEdgeAttribute(a, c, 'sign');
        if (sac === 0) continue;
        const sab = g.getEdgeAttribute(a, b, 'sign');
        const sbc = g.getEdgeAttribute(b, c, 'sign');
        triangles++;
        if (sab * sbc * sac > 0) balanced++;
        else {
          const strength = Math.min(Math.abs(g.getEdgeAttribute(a, b, 'weight')), Math.abs(g.getEdgeAttribute(b, c, 'weight')), Math.abs(g.getEdgeAttribute(a, c, 'weight')));
          unbalanced.push({ actors: [a, b, c], signs: [sab, sbc, sac], strength });
        }
      }
    }
  }
  unbalanced.sort((x, y) => y.strength - x.strength || x.actors.join().localeCompare(y.actors.join()));
  return { triangles, balanced, ratio: triangles ? balanced / triangles : null, mostUnbalanced: unbalanced.slice(0, top) };
}

/** Louvain blocs on the cooperative subgraph; actors with no cooperative tie are their own bloc. */
export function blocs(g: ActorGraph, options: Partial<NetworkOptions> = {}): { bloc: Map<string, number>; modularity: number | null } {
  const o = { ...NETWORK_DEFAULTS, ...options };
  const coop = new UndirectedGraph<Record<string, never>, { weight: number }>();
  g.forEachNode((n) => coop.addNode(n));
  g.forEachEdge((_e, at, s, t) => {
    if (at.weight > 0) coop.addEdge(s, t, { weight: at.weight });
  });
  let mapping: Record<string, number> = {};
  let modularity: number | null = null;
  if (coop.size > 0) {
    const out = louvain.detailed(coop, { getEdgeWeight: 'weight', rng: seededRng(o.seed), resolution: o.resolution });
    mapping = out.communities;
    modularity = out.modularity;
  }
  // Renumber blocs by size (largest first), then by first member, so ids are stable.
  const groups = new Map<number, string[]>();
  for (const n of g.nodes().sort()) {
    const c = coop.degree(n) > 0 ? mapping[n] : -1 - groups.size;
    if (!groups.has(c)) groups.set(c, []);
    groups.get(c)!.push(n);
  }
  const ordered = [...groups.values()].sort((a, b) => b.length - a.length || a[0].localeCompare(b[0]));
  const bloc = new Map<string, number>();
  ordered.forEach((members, i) => members.forEach((m) => bloc.set(m, i)));
  return { bloc, modularity };
}

/** The whole analysis of one window. */
export function analyseNetwork(events: Iterable<AnalysisEvent>, options: Partial<NetworkOptions> = {}): Network {
  const o = { ...NETWORK_DEFAULTS, ...options };
  const g = buildGraph(events, o.minEvents);
  return networkOf(g, o);
}

/** The whole analysis from ties already summed (the store's rollups plus any events). */
export function analyseTies(ties: Iterable<Tie>, options: Partial<NetworkOptions> = {}): Network {
  const o = { ...NETWORK_DEFAULTS, ...options };
  return networkOf(graphOfTies(ties, o.minEvents), o);
}

export function networkOf(g: ActorGraph, options: Partial<NetworkOptions> = {}): Network {
  const o = { ...NETWORK_DEFAULTS, ...options };
  const { bloc, modularity } = blocs(g, o);
  // Strong ties are short: distance 1/|weight|.
  const btw = g.order > 2 ? betweenness(g, { getEdgeWeight: (_e, at) => 1 / Math.max(1e-9, Math.abs(at.weight)), normalized: true }) : {};
  const nodes: NetworkNode[] = g.nodes().sort().map((id) => {
    let pos = 0;
    let neg = 0;
    g.forEachEdge(id, (_e, at) => {
      if (at.weight > 0) pos += at.weight;
      else neg -= at.weight;
    });
    return { id, events: g.getNodeAttribute(id, 'events'), bloc: bloc.get(id)!, strength: pos + neg, positiveStrength: pos, negativeStrength: neg, degree: g.degree(id), betweenness: btw[id] ?? 0 };
  });
  const edges: NetworkEdge[] = g.mapEdges((_e, at, source, target) => ({ source, target, ...at }))
    .sort((a, b) => a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
  const blocList = new Map<number, string[]>();
  for (const n of nodes) {
    if (!blocList.has(n.bloc)) blocList.set(n.bloc, []);
    blocList.get(n.bloc)!.push(n.id);
  }
  return {
    nodes, edges, modularity,
    blocs: [...blocList.entries()].sort((a, b) => a[0] - b[0]).map(([id, members]) => ({ id, members })),
    balance: structuralBalance(g, o.topUnbalanced),
  };
}

export interface EdgeChange {
  source: string;
  target: string;
  change: 'appeared' | 'vanished' | 'changed-sign';
  before: { weight: number; sign: number; events: number } | null;
  after: { weight: number; sign: number; events: number } | null;
}

/** Edges that appeared, vanished or changed sign from window 1 to window 2. */
export function diffNetworks(before: Pick<Network, 'edges'>, after: Pick<Network, 'edges'>): EdgeChange[] {
  const key = (e: NetworkEdge): string => `${e.source}\u0000${e.target}`;
  const slim = (e: NetworkEdge | undefined) => (e ? { weight: e.weight, sign: e.sign, events: e.events } : null);
  const b = new Map(before.edges.map((e) => [key(e), e]));
  const a = new Map(after.edges.map((e) => [key(e), e]));
  const out: EdgeChange[] = [];
  for (const k of new Set([...b.keys(), ...a.keys()])) {
    const x = b.get(k);
    const y = a.get(k);
    const [source, target] = k.split('\u0000');
    let change: EdgeChange['change'] | null = null;
    if (!x) change = 'appeared';
    else if (!y) change = 'vanished';
    else if (x.sign !== y.sign) change = 'changed-sign';
    if (change) out.push({ source, target, change, before: slim(x), after: slim(y) });
  }
  const order = { 'changed-sign': 0, appeared: 1, vanished: 2 };
  return out.sort((p, q) => order[p.change] - order[q.change]
    || Math.abs(q.after?.weight ?? q.before!.weight) - Math.abs(p.after?.weight ?? p.before!.weight)
    || p.source.localeCompare(q.source) || p.target.localeCompare(q.target));
}
