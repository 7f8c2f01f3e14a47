// `entente spillover --cause A-B --effect C-D`: does one dyad's relation lead another's?
// Lagged cross-correlation, a Granger F-test and an event study around --anchor; says so
// plainly when the periods are too few.
import type { Command } from 'commander';
import { EntenteError } from '../domain/errors.js';
import { spilloverFor, type SpilloverResult } from '../services/analysis.js';
import { parseFormat, printRows, type Format } from './output.js';
import { addAnalysisOptions, analysisParams, round, withStore, type AnalysisOptions } from './series-command.js';

function int(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new EntenteError('BAD_INPUT', `--${name}: expected a whole number, got ${v}`);
  return Number(v);
}

function rowsOf(r: SpilloverResult): Array<{ measure: string; value: string }> {
  const rows: Array<{ measure: string; value: string }> = [
    { measure: 'periods', value: `${r.periods} ${r.by}s, ${r.from ?? '—'} … ${r.to ?? '—'}; with events: cause ${r.active.cause}, effect ${r.active.effect}` },
  ];
  for (const c of r.crossCorrelation) rows.push({ measure: `corr(cause t−${c.lag}, effect t)`, value: c.r === null ? `n/a (n=${c.n}: constant or too few periods with events)` : `${round(c.r, 3)} (n=${c.n})` });
  if (r.strongestLag) rows.push({ measure: 'strongest lag', value: `${r.strongestLag.lag} (r=${round(r.strongestLag.r!, 3)})` });
  const g = r.granger;
  rows.push(g.insufficient
    ? { measure: 'Granger test', value: `insufficient: ${g.reason}` }
    : { measure: `Granger F(${g.df1}, ${g.df2}), order ${g.order}`, value: `F=${round(g.F, 3)}, p=${g.pValue.toPrecision(3)}, partial R²=${round(g.partialR2, 3)}, f²=${round(g.f2, 3)}, n=${g.n}` });
  const e = r.eventStudy;
  if (e) {
    rows.push(e.insufficient
      ? { measure: `event study at ${r.anchor?.period}`, value: `insufficient: ${e.reason}` }
      : { measure: `event study at ${r.anchor?.period} (effect)`, value: `before ${round(e.before.mean)} (n=${e.before.n}), after ${round(e.after.mean)} (n=${e.after.n}), difference ${round(e.difference)} [95% CI ${round(e.ci95[0])}, ${round(e.ci95[1])}], Welch t=${round(e.t, 2)}, df=${round(e.df, 1)}, p=${e.pValue.toPrecision(3)}` });
  }
  if (r.insufficient) rows.push({ measure: 'verdict', value: `too little data to say anything: ${r.reason}` });
  return rows;
}

function print(r: SpilloverResult, format: Format): void {
  if (format === 'json') return void console.log(JSON.stringify(r, null, 2));
  if (format === 'table') console.log(`cause ${r.cause} → effect ${r.effect}`);
  printRows(rowsOf(r), ['measure', 'value'], format);
}

export function registerSpillover(program: Command): void {
  const cmd = program.command('spillover')
    .description("does one dyad's relation lead another's? cross-correlation, Granger test and an event study")
    .requiredOption('--cause <dyad>', 'the leading dyad, A-B (e.g. RUS-UKR)')
    .requiredOption('--effect <dyad>', 'the following dyad, C-D (e.g. RUS-PRK)')
    .option('--max-lag <n>', 'largest lag, in periods (also the Granger order unless --order)', '3')
    .option('--order <n>', 'lags of each series in the Granger models')
    .option('--anchor <date>', 'event study: compare the effect before and after this day')
    .option('--window <n>', 'event study: periods either side of the anchor', '6');
  addAnalysisOptions(cmd);
  cmd.action(async (opts: AnalysisOptions & { cause: string; effect: string; maxLag: string; order?: string; anchor?: string; window: string }) => {
    const format = parseFormat(opts.format);
    const r = await withStore(opts.db, (store) => spilloverFor(store, {
      cause: opts.cause, effect: opts.effect, ...analysisParams(opts), maxLag: int('max-lag', opts.maxLag), order: int('order', opts.order), anchor: opts.anchor, window: int('window', opts.window),
    }), { readonly: true });
    print(r, format);
  });
}
