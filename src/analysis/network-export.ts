// Serialisers of an analysed network: GEXF 1.3 (Gephi) and GraphML (yEd, igraph, networkx).
// Small writers over our own node/edge fields rather than a generic graph dump, so blocs,
// signs and centralities travel as typed attributes.
import type { Network } from './network.js';

const esc = (s: string | number): string => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const NODE_FIELDS = [['events', 'integer'], ['bloc', 'integer'], ['strength', 'double'], ['betweenness', 'double']] as const;
const EDGE_FIELDS = [['sign', 'integer'], ['events', 'integer'], ['mentions', 'integer']] as const;

export function toGexf(net: Network, meta: { description?: string } = {}): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    `  <meta><creator>Entente</creator><description>${esc(meta.description ?? 'actor network')}</description></meta>`,
    '  <graph defaultedgetype="undirected" mode="static">', '    <attributes class="node">'];
  NODE_FIELDS.forEach(([k, t], i) => out.push(`      <attribute id="n${i}" title="${k}" type="${t}"/>`));
  out.push('    </attributes>', '    <attributes class="edge">');
  EDGE_FIELDS.forEach(([k, t], i) => out.push(`      <attribute id="e${i}" title="${k}" type="${t}"/>`));
  out.push('    </attributes>', '    <nodes>');
  for (const n of net.nodes) {
    out.push(`      <node id="${esc(n.id)}" label="${esc(n.id)}"><attvalues>${NODE_FIELDS.map(([k], i) => `<attvalue for="n${i}" value="${n[k]}"/>`).join('')}</attvalues></node>`);
  }
  out.push('    </nodes>', '    <edges>');
  net.edges.forEach((e, j) => {
    // GEXF weights are conventionally positive; the sign travels as its own attribute.
    out.push(`      <edge id="${j}" source="${esc(e.source)}" target="${esc(e.target)}" weight="${Math.abs(e.weight)}"><attvalues>${EDGE_FIELDS.map(([k], i) => `<attvalue for="e${i}" value="${e[k]}"/>`).join('')}</attvalues></edge>`);
  });
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}

export function toGraphml(net: Network): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'];
  const gml = (t: string): string => (t === 'integer' ? 'int' : t);
  for (const [k, t] of NODE_FIELDS) out.push(`  <key id="${k}" for="node" attr.name="${k}" attr.type="${gml(t)}"/>`);
  out.push('  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>');
  for (const [k, t] of EDGE_FIELDS) out.push(`  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${gml(t)}"/>`);
  out.push('  <graph id="G" edgedefault="undirected">');
  for (const n of net.nodes) out.push(`    <node id="${esc(n.id)}">${NODE_FIELDS.map(([k]) => `<data key="${k}">${n[k]}</data>`).join('')}</node>`);
  for (const e of net.edges) {
    out.push(`    <edge source="${esc(e.source)}" target="${esc(e.target)}"><data key="weight">${e.weight}</data>${EDGE_FIELDS.map(([k]) => `<data key="e_${k}">${e[k]}</data>`).join('')}</edge>`);
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
