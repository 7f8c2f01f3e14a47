// The busiest part of a network, for a link chart that stays readable: the N actors with
// the most events and the ties among them, and an account of what was left out.
import type { Network } from './network.js';

export interface NetworkCut {
  /** The N asked for; null = every actor. */
  top: number | null;
  actors: { shown: number; total: number };
  ties: { shown: number; total: number };
}

/** Keeps the `top` actors by event count (ties broken by code) and the ties between them. */
export function topOfNetwork<N extends Network>(net: N, top: number | null): N & { cut: NetworkCut } {
  const total = { actors: net.nodes.length, ties: net.edges.length };
  if (top === null || net.nodes.length <= top) {
    return { ...net, cut: { top, actors: { shown: total.actors, total: total.actors }, ties: { shown: total.ties, total: total.ties } } };
  }
  const kept = [...net.nodes].sort((a, b) => b.events - a.events || (a.id < b.id ? -1 : 1)).slice(0, top);
  const ids = new Set(kept.map((n) => n.id));
  const nodes = net.nodes.filter((n) => ids.has(n.id));
  const edges = net.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  const blocs = net.blocs.map((b) => ({ ...b, members: b.members.filter((m) => ids.has(m)) })).filter((b) => b.members.length > 0);
  return { ...net, nodes, edges, blocs, cut: { top, actors: { shown: nodes.length, total: total.actors }, ties: { shown: edges.length, total: total.ties } } };
}
