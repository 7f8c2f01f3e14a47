// `entente shifts A [B]`: change points in a dyad's score series (PELT, permutation
// confidence), each with its date, direction, size and the events that best explain it.
import type { Command } from 'commander';
import { dyadLabel } from '../analysis/index.js';
import { shiftsFor, type ShiftsResult } from '../services/analysis.js';
import { parseFormat, printRows, type Format } from './output.js';
import { addAnalysisOptions, analysisParams, dyadArgs, round, withStore, type AnalysisOptions } from './series-command.js';
import { EntenteError } from '../domain/errors.js';

function number(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new EntenteError('BAD_INPUT', `--${name}: expected a number, got ${v}`);
  return n;
}

function print(r: ShiftsResult, format: Format): void {
  if (format === 'json') {
    const { series, ...rest } = r;
    const { points, ...meta } = series;
    console.log(JSON.stringify({ ...meta, dyad: dyadLabel(series.dyad), ...rest, scores: points.map((p) => ({ period: p.period, score: p.score, events: p.events })) }, null, 2));
    return;
  }
  const rows = r.shifts.map((s) => ({
    period: s.period, date: s.date, direction: s.direction, before: round(s.before), after: round(s.after), magnitude: round(s.magnitude), confidence: round(s.confidence, 3),
    events: s.events.map((e) => `${e.type} ${e.sources.join(',')}→${e.targets.join(',')} ${e.start} (${e.id})`).join('; '),
  }));
  if (format === 'table') {
    console.log(`${dyadLabel(r.series.dyad)} by ${r.series.by}, ${r.series.points.length} periods (${r.series.from ?? '—'} … ${r.series.to ?? '—'})`);
    console.log(r.method);
  }
  printRows(rows, ['period', 'date', 'direction', 'before', 'after', 'magnitude', 'confidence', 'events'], format);
}

export function registerShifts(program: Command): void {
  const cmd = program.command('shifts')
    .description("change points in a dyad's cooperation–conflict score, with the events around each")
    .argument('<a>', 'actor code, or a dyad A-B')
    .argument('[b]', 'second actor; * or nothing = A against everyone')
    .option('--directed', 'only events from A to B')
    .option('--min-confidence <p>', 'report shifts at or above this confidence', '0.95')
    .option('--penalty <k>', 'PELT penalty factor k in k·log(n)', '3')
    .option('--seed <n>', 'seed of the permutation test', '1');
  addAnalysisOptions(cmd);
  cmd.action(async (a: string, b: string | undefined, opts: AnalysisOptions & { directed?: boolean; minConfidence: string; penalty: string; seed: string }) => {
    const format = parseFormat(opts.format);
    const r = await withStore(opts.db, (store) => shiftsFor(store, {
      ...dyadArgs(a, b), directed: !!opts.directed, ...analysisParams(opts),
      minConfidence: number('min-confidence', opts.minConfidence), penaltyFactor: number('penalty', opts.penalty), seed: number('seed', opts.seed),
    }), { readonly: true });
    print(r, format);
  });
}
