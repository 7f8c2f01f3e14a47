// `entente network`: the signed actor graph of a window — blocs (Louvain on cooperative ties),
// structural balance, centrality — as a table, JSON, CSV (edges), GEXF or GraphML; or with
// --diff, the edges that appeared, vanished or changed sign between two windows.
import type { Command } from 'commander';
import { settingHelp } from '../config/settings.js';
import { EntenteError } from '../domain/errors.js';
import { toGexf, toGraphml } from '../analysis/index.js';
import { networkDiffFor, networkFor, type NetworkDiffResult, type NetworkResult } from '../services/analysis.js';
import { parseFormat, printRows, table, csv, type Format } from './output.js';
import { round, withStore } from './series-command.js';
import { networkSpec, writePlot } from './plot.js';

const FORMATS = ['table', 'json', 'csv', 'gexf', 'graphml'] as const;

interface Opts {
  at?: string;
  from?: string;
  to?: string;
  days: string;
  minEvents: string;
  diff?: string[];
  origin?: string[];
  modality?: string[];
  seed: string;
  format: string;
  plot?: string;
  db?: string;
}

function int(name: string, v: string, min: number): number {
  if (!/^\d+$/.test(v) || Number(v) < min) throw new EntenteError('BAD_INPUT', `--${name}: expected a whole number ≥ ${min}, got ${v}`);
  return Number(v);
}

const list = (xs: string[] | undefined): string[] | undefined => {
  const out = (xs ?? []).flatMap((x) => x.split(',')).map((x) => x.trim().toLowerCase()).filter(Boolean);
  return out.length ? out : undefined;
};

/** "2022-02-24" = the window ending that day; "2021-01-01..2021-12-31" = that range. */
function windowArg(s: string): string | { from: string; to: string } {
  const m = /^(.+?)\.\.(.+)$/.exec(s);
  return m ? { from: m[1], to: m[2] } : s;
}

function printNetwork(n: NetworkResult, format: Format | 'gexf' | 'graphml'): void {
  if (format === 'gexf') return void process.stdout.write(toGexf(n, { description: `actor network ${n.window.from} … ${n.window.to}` }));
  if (format === 'graphml') return void process.stdout.write(toGraphml(n));
  if (format === 'json') return void console.log(JSON.stringify(n, null, 2));
  const edgeRows = n.edges.map((e) => ({ source: e.source, target: e.target, sign: e.sign, weight: round(e.weight), events: e.events, mentions: e.mentions, cooperative: e.cooperative, conflictual: e.conflictual }));
  if (format === 'csv') return void console.log(csv(edgeRows, ['source', 'target', 'sign', 'weight', 'events', 'mentions', 'cooperative', 'conflictual']));
  console.log(`window ${n.window.from} … ${n.window.to}: ${n.events} events, ${n.nodes.length} actors, ${n.edges.length} ties`);
  if (!n.nodes.length) return;
  const nodes = [...n.nodes].sort((a, b) => b.strength - a.strength).map((x) => ({
    actor: x.id, bloc: x.bloc, degree: x.degree, strength: round(x.strength), cooperation: round(x.positiveStrength), conflict: round(x.negativeStrength), betweenness: round(x.betweenness, 3),
  }));
  console.log(table(nodes, ['actor', 'bloc', 'degree', 'strength', 'cooperation', 'conflict', 'betweenness']));
  console.log(`\nblocs (Louvain on cooperative ties${n.modularity === null ? '' : `, modularity ${round(n.modularity, 3)}`}):`);
  for (const b of n.blocs) console.log(`  ${b.id}: ${b.members.join(' ')}`);
  const bal = n.balance;
  console.log(`\nstructural balance: ${bal.ratio === null ? 'no signed triangles' : `${bal.balanced} of ${bal.triangles} triangles balanced (${round(100 * bal.ratio, 1)}%)`}`);
  for (const t of bal.mostUnbalanced) console.log(`  unbalanced ${t.actors.join('–')} signs ${t.signs.map((s) => (s > 0 ? '+' : '−')).join('')} (weakest tie ${round(t.strength)})`);
}

function printDiff(d: NetworkDiffResult, format: Format): void {
  if (format === 'json') return void console.log(JSON.stringify(d, null, 2));
  const rows = d.changes.map((c) => ({
    change: c.change, source: c.source, target: c.target,
    before: c.before ? round(c.before.weight) : null, after: c.after ? round(c.after.weight) : null,
    eventsBefore: c.before?.events ?? 0, eventsAfter: c.after?.events ?? 0,
  }));
  if (format === 'table') {
    console.log(`before ${d.before.from} … ${d.before.to} (${d.before.events} events, ${d.before.edges} ties); after ${d.after.from} … ${d.after.to} (${d.after.events} events, ${d.after.edges} ties)`);
    console.log(`${d.counts.appeared} appeared, ${d.counts.vanished} vanished, ${d.counts.changedSign} changed sign`);
  }
  printRows(rows, ['change', 'source', 'target', 'before', 'after', 'eventsBefore', 'eventsAfter'], format);
}

export function registerNetwork(program: Command): void {
  program.command('network')
    .description('the signed actor network of a window: blocs, structural balance, centrality; or --diff two windows')
    .option('--at <date>', 'the window ending this day (see --days)')
    .option('--days <n>', 'length of an --at or --diff window, in days', '365')
    .option('--from <date>', 'first day of the window')
    .option('--to <date>', 'last day of the window')
    .option('--min-events <n>', 'leave out pairs with fewer events', '1')
    .option('--diff <windows...>', 'compare two windows: each a day the window ends on, or FROM..TO')
    .option('--origin <origins...>', 'text, curated, gdelt, icews, acled, sipri')
    .option('--modality <modalities...>', 'asserted (default), speculative, …')
    .option('--seed <n>', 'seed of the community detection', '1')
    .option('--format <format>', FORMATS.join(', '), 'table')
    .option('--plot <file.svg>', 'also draw the network as an SVG chart')
    .option('--db <file>', settingHelp('db'))
    .action(async (opts: Opts) => {
      const common = { days: int('days', opts.days, 1), minEvents: int('min-events', opts.minEvents, 1), seed: int('seed', opts.seed, 0), origin: list(opts.origin) as never, modality: list(opts.modality) as never };
      if (opts.diff) {
        if (opts.diff.length !== 2) throw new EntenteError('BAD_INPUT', `--diff: expected two windows, got ${opts.diff.length}`);
        if (opts.plot) throw new EntenteError('BAD_INPUT', '--plot draws one network, not a --diff');
        const format = parseFormat(opts.format);
        const d = await withStore(opts.db, (store) => networkDiffFor(store, { ...common, before: windowArg(opts.diff![0]), after: windowArg(opts.diff![1]) }), { readonly: true });
        printDiff(d, format);
        return;
      }
      const format = parseFormat(opts.format, FORMATS) as Format | 'gexf' | 'graphml';
      const n = await withStore(opts.db, (store) => networkFor(store, { ...common, at: opts.at, from: opts.from, to: opts.to }), { readonly: true });
      if (opts.plot) await writePlot(opts.plot, networkSpec(n, `actor network ${n.window.from} … ${n.window.to}`));
      printNetwork(n, format);
    });
}
