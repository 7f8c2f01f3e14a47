// `entente series A [B]`: a dyad's (or one actor's against all) events per period: counts
// per PLOVER type and quad class, asserted vs. not, and the volume-normalised score.
// Also the options and parsing the other analysis commands share.
import type { Command } from 'commander';
import { loadSettings, settingHelp } from '../config/settings.js';
import { PLOVER_TYPES } from '../domain/plover.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { dyadLabel, parseDyad, type Series } from '../analysis/index.js';
import { seriesFor } from '../services/analysis.js';
import { csv, parseFormat, table, type Format, type Row } from './output.js';
import { seriesSpec, writePlot } from './plot.js';

export interface AnalysisOptions {
  by: string;
  from?: string;
  to?: string;
  origin?: string[];
  modality?: string[];
  raw?: boolean;
  format: string;
  db?: string;
}

const list = (xs: string[] | undefined): string[] | undefined => {
  const out = (xs ?? []).flatMap((x) => x.split(',')).map((x) => x.trim().toLowerCase()).filter(Boolean);
  return out.length ? out : undefined;
};

export function addAnalysisOptions(cmd: Command, formats = 'table, json or csv'): Command {
  return cmd
    .option('--by <unit>', 'period: day, week, month, quarter or year', 'month')
    .option('--from <date>', 'first day (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'last day')
    .option('--origin <origins...>', 'text, curated, gdelt, icews, acled, sipri (comma lists accepted)')
    .option('--modality <modalities...>', 'asserted (default), speculative, conditional, negated, intended, question')
    .option('--raw', 'do not normalise the score by store volume')
    .option('--format <format>', formats, 'table')
    .option('--db <file>', settingHelp('db'));
}

/** The params every dyad analysis takes, from the shared options. */
export function analysisParams(o: AnalysisOptions) {
  return { by: o.by as 'month', from: o.from, to: o.to, origin: list(o.origin) as never, modality: list(o.modality) as never, normalise: !o.raw };
}

/** Runs `fn` on the store; `readonly` for commands that only read (a read-only file or folder will do). */
export async function withStore<T>(db: string | undefined, fn: (store: Store) => Promise<T>, opts: { readonly?: boolean } = {}): Promise<T> {
  const store = await openStore(loadSettings({ db }), opts);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** "RUS UKR", "RUS-UKR", "RUS *" and "RUS" all name a dyad. */
export function dyadArgs(a: string, b: string | undefined): { a: string; b: string | null } {
  if (b === undefined && /^[^-–]+[-–][^-–]+$/.test(a)) {
    const d = parseDyad(a);
    return { a: d.a, b: d.b };
  }
  return { a, b: b ?? null };
}

export const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

function seriesRows(s: Series, wide: boolean): Row[] {
  return s.points.map((p) => ({
    period: p.period, start: p.start, end: p.end, events: p.events, mentions: p.mentions, asserted: p.asserted, other: p.notAsserted,
    q1: p.byQuad[1], q2: p.byQuad[2], q3: p.byQuad[3], q4: p.byQuad[4],
    ...(wide ? p.byType : {}), weighted: round(p.weightedIntensity), volume: p.volume, score: round(p.score),
  }));
}

export function printSeries(s: Series, format: Format): void {
  if (format === 'json') {
    console.log(JSON.stringify(s, null, 2));
  } else if (format === 'csv') {
    console.log(csv(seriesRows(s, true), ['period', 'start', 'end', 'events', 'mentions', 'asserted', 'other', 'q1', 'q2', 'q3', 'q4', ...PLOVER_TYPES, 'weighted', 'volume', 'score']));
  } else {
    console.log(`${dyadLabel(s.dyad)} by ${s.by}, ${s.from ?? '—'} … ${s.to ?? '—'}; ${s.scoreFormula}`);
    if (s.unplaced) console.log(`${s.unplaced} event(s) not placed: outside the range, or dated too coarsely for one ${s.by}`);
    console.log(s.points.length ? table(seriesRows(s, false), ['period', 'events', 'mentions', 'asserted', 'other', 'q1', 'q2', 'q3', 'q4', 'score']) : '(no events)');
    console.log('q1 verbal cooperation, q2 material cooperation, q3 verbal conflict, q4 material conflict');
  }
}

export function registerSeries(program: Command): void {
  const cmd = program.command('series')
    .description("a dyad's events per period: counts per type and quad class, asserted vs. not, and a cooperation–conflict score")
    .argument('<a>', 'actor code (RUS, PRK …), or a dyad A-B')
    .argument('[b]', 'second actor; * or nothing = A against everyone')
    .option('--directed', 'only events from A to B');
  addAnalysisOptions(cmd).option('--plot <file.svg>', 'also draw the series as an SVG chart');
  cmd.action(async (a: string, b: string | undefined, opts: AnalysisOptions & { directed?: boolean; plot?: string }) => {
    const format = parseFormat(opts.format);
    const s = await withStore(opts.db, (store) => seriesFor(store, { ...dyadArgs(a, b), directed: !!opts.directed, ...analysisParams(opts) }), { readonly: true });
    if (opts.plot) await writePlot(opts.plot, seriesSpec(s));
    printSeries(s, format);
  });
}

