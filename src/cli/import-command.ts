// `entente import KIND FILE|DIR|ZIP…`: loads GDELT, ICEWS, ACLED, SIPRI or COW state files
// into the store and prints the report. Progress goes to stderr on a terminal only, so
// `--format json` output stays clean for scripts.
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { loadSettings, settingHelp } from '../config/settings.js';
import { EntenteError } from '../domain/errors.js';
import { openStore } from '../store/open-store.js';
import { checkWatches } from '../alerts/index.js';
import { BULK_TRANSACTION_ROWS, CAMEO_APPEALS, DATASET_KINDS, DEFAULT_BATCH, type CameoAppeals, importDataset, isDatasetKind, isDatasetStore, reportJson, type ImportProgress, type ImportReport } from '../ingest/datasets/index.js';
import { parseFormat, table } from './output.js';

function progressBar(): { update: (p: ImportProgress) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar({
    stream: process.stderr,
    format: '{file} [{bar}] {percentage}% | {rows} rows',
    hideCursor: true,
  }, cliProgress.Presets.shades_classic);
  let started = false;
  let last = '';
  return {
    update(p) {
      if (!started || p.file !== last) {
        if (started) bar.stop();
        bar.start(Math.max(p.size, 1), 0, { file: p.file, rows: p.rows });
        started = true;
        last = p.file;
      }
      bar.update(Math.min(p.bytes, p.size), { rows: p.rows });
    },
    stop: () => { if (started) bar.stop(); },
  };
}

function printReport(r: ImportReport, format: string): void {
  if (format === 'json') {
    console.log(JSON.stringify(reportJson(r), null, 2));
    return;
  }
  const rows = [
    { what: 'read', rows: r.read },
    { what: 'imported', rows: r.imported },
    { what: 'unchanged', rows: r.unchanged },
    { what: 'skipped', rows: r.skipped },
    { what: 'errors', rows: r.errorCount },
  ];
  console.log(table(rows, ['what', 'rows']));
  for (const [reason, n] of Object.entries(r.skippedReasons)) console.log(`skipped ${n}: ${reason}`);
  if (r.errors.length) {
    const several = r.files.length > 1;
    console.log(`\nfirst errors${r.errorCount > r.errors.length ? ` (${r.errors.length} of ${r.errorCount})` : ''}:`);
    for (const e of r.errors) console.log(`  ${several ? `${e.file}:` : ''}${e.line ? `line ${e.line}: ` : ''}${e.message}`);
  }
}

export function registerImport(program: Command): void {
  program.command('import')
    .description(`import a standard event dataset (${DATASET_KINDS.join(', ')}) from files, directories or .zip archives`)
    .argument('<kind>', DATASET_KINDS.join(' | '))
    .argument('<paths...>', 'files, directories or .zip archives')
    .option('--db <file>', settingHelp('db'))
    .option('--strict', 'stop at the first malformed row, with a non-zero exit')
    .option('--format <format>', 'table or json', 'table')
    .option('--batch <n>', `rows per transaction (default ${BULK_TRANSACTION_ROWS} on SQLite, written ${DEFAULT_BATCH} at a time; ${DEFAULT_BATCH} on PostgreSQL)`)
    .option('--cameo-appeals <what>', 'GDELT, ICEWS: CAMEO 02x appeals become REQUEST events (request) or are skipped (skip)', 'request')
    .action(async (kind: string, paths: string[], opts: { db?: string; strict?: boolean; format: string; batch?: string; cameoAppeals: string }) => {
      if (!(CAMEO_APPEALS as readonly string[]).includes(opts.cameoAppeals)) throw new EntenteError('BAD_INPUT', `--cameo-appeals: expected ${CAMEO_APPEALS.join(' or ')}, got ${opts.cameoAppeals}`);
      if (!isDatasetKind(kind)) throw new EntenteError('BAD_INPUT', `unknown dataset kind "${kind}": expected one of ${DATASET_KINDS.join(', ')}`);
      const format = parseFormat(opts.format, ['table', 'json']);
      const batchSize = opts.batch === undefined ? undefined : Number(opts.batch);
      if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1)) throw new EntenteError('BAD_INPUT', `--batch: expected a positive whole number, got ${opts.batch}`);
      const store = await openStore(loadSettings({ db: opts.db }));
      const bar = progressBar();
      try {
        if (!isDatasetStore(store)) throw new EntenteError('UNSUPPORTED', `the ${store.kind} store cannot import datasets yet`);
        const report = await importDataset(store, kind, paths, { strict: opts.strict, batchSize, exclusive: true, onProgress: bar.update, cameoAppeals: opts.cameoAppeals as CameoAppeals });
        bar.stop();
        printReport(report, format);
        // Rows were read and every one failed: the import did nothing it was asked to do.
        if (report.errorCount > 0 && report.imported + report.unchanged + report.skipped === 0) {
          console.error(`entente: every row failed (${report.errorCount} error(s)); nothing imported [BAD_INPUT]`);
          process.exitCode = 1;
        }
        await checkWatches(store);
      } finally {
        bar.stop();
        await store.close();
      }
    });
}
