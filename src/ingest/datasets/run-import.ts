// Drives one import: reads each input through its kind's parser, writes records to the
// store in batches (one transaction each, so a crash loses at most the batch in flight and
// a rerun, being idempotent, resumes), and builds the report. One bad row or file never
// stops the rest unless `strict`, which stops at the first error after committing what precedes it.
import type { Readable } from 'node:stream';
import type { DatasetEventInput } from '../../domain/event.js';
import { EntenteError } from '../../domain/errors.js';
import type { DatasetStore, GdeltMentionInput, StateMembershipInput } from './dataset-store.js';
import { expandInputs, displayName, type Input } from './inputs.js';
import { addError, addSkip, emptyReport, type ImportReport } from './report.js';
import type { ParsedRow } from './rows.js';
import { parseGdelt } from './gdelt.js';
import { parseIcews } from './icews.js';
import { parseAcled } from './acled.js';
import { parseSipri } from './sipri.js';
import { parseCowStates } from './cow-states.js';

export const DATASET_KINDS = ['gdelt', 'icews', 'acled', 'sipri', 'cow-states'] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];

const PARSERS: Record<DatasetKind, (s: Readable) => AsyncIterable<ParsedRow[]>> = {
  gdelt: parseGdelt,
  icews: parseIcews,
  acled: parseAcled,
  sipri: parseSipri,
  'cow-states': parseCowStates,
};

// Rows per written batch: small enough that a batch dies young in the V8 heap (2,000 already
// doubles peak memory). Also the rows per transaction, unless the store takes an import in bulk.
export const DEFAULT_BATCH = 1000;
// Rows per transaction of an import that has its store to itself (`exclusive`): a commit rewrites
// every index, rollup and search-index page its rows touched, so 20 batches per commit write half
// the bytes and spend about a tenth less CPU than one (measured on GDELT, BENCHMARKS.md).
export const BULK_TRANSACTION_ROWS = 20_000;

export interface ImportProgress {
  file: string;
  fileIndex: number;
  files: number;
  bytes: number;
  size: number;
  rows: number;
}

/** What CAMEO 02x appeals become: REQUEST (the default, see docs/import.md) or skipped, as the PLOVER CAMEO table has it. */
export const CAMEO_APPEALS = ['request', 'skip'] as const;
export type CameoAppeals = (typeof CAMEO_APPEALS)[number];
export const APPEAL_SKIPPED = 'CAMEO 02x appeal skipped (cameoAppeals: skip)';

export interface ImportOptions {
  strict?: boolean;
  /** GDELT and ICEWS: CAMEO 02x appeals as REQUEST events (default) or skipped. */
  cameoAppeals?: CameoAppeals;
  /** Rows per transaction (default DEFAULT_BATCH, or BULK_TRANSACTION_ROWS when `exclusive`). */
  batchSize?: number;
  /**
   * The store serves this import alone (the CLI's `import` command): when it can (inBulk), a
   * transaction then spans several batches of DEFAULT_BATCH rows. A crash still loses only the
   * open transaction, and a rerun resumes.
   */
  exclusive?: boolean;
  onProgress?: (p: ImportProgress) => void;
}

export function isDatasetKind(k: string): k is DatasetKind {
  return (DATASET_KINDS as readonly string[]).includes(k);
}

/** Imports every file, directory entry and zip entry named by `paths`. */
export async function importDataset(store: DatasetStore, kind: DatasetKind, paths: string[], opts: ImportOptions = {}): Promise<ImportReport> {
  const inputs = await expandInputs(paths);
  if (!inputs.length) throw new EntenteError('BAD_INPUT', `no files to import in ${paths.join(', ')}`);
  const report = emptyReport();
  const given = opts.batchSize && opts.batchSize > 0 ? opts.batchSize : null;
  const bulk = opts.exclusive && store.inBulk ? (given ?? BULK_TRANSACTION_ROWS) : null;
  const size = bulk ? Math.min(bulk, DEFAULT_BATCH) : (given ?? DEFAULT_BATCH);
  const all = async () => {
    for (let i = 0; i < inputs.length; i++) await importInput(store, kind, inputs[i], i, inputs.length, report, size, opts);
  };
  if (bulk && store.inBulk) await store.inBulk(bulk, all);
  else await all();
  return report;
}

async function importInput(store: DatasetStore, kind: DatasetKind, input: Input, index: number, count: number, report: ImportReport, size: number, opts: ImportOptions): Promise<void> {
  const file = displayName(input);
  report.files.push(file);
  let events: DatasetEventInput[] = [];
  let mentions: GdeltMentionInput[] = [];
  let members: StateMembershipInput[] = [];
  let bytes = 0;
  const skipAppeals = opts.cameoAppeals === 'skip';
  const progress = () => opts.onProgress?.({ file, fileIndex: index, files: count, bytes, size: input.size, rows: report.read });

  // One batch is written while the next is parsed (a server store then works beside the
  // parser); at most one write is in flight, and the last is awaited before the file ends.
  let inFlight: Promise<void> = Promise.resolve();
  const write = async (ev: DatasetEventInput[], me: GdeltMentionInput[], mb: StateMembershipInput[]) => {
    if (ev.length) {
      const r = await store.importEvents(ev);
      report.imported += r.imported;
      report.unchanged += r.unchanged;
    }
    if (me.length) {
      const r = await store.importGdeltMentions(me);
      report.imported += r.imported;
      report.unchanged += r.unchanged;
    }
    if (mb.length) {
      const r = await store.upsertStateMemberships(mb);
      report.imported += r.imported;
      report.unchanged += r.unchanged;
    }
    progress();
  };
  const flush = async (wait = false) => {
    const batch = [events, mentions, members] as const;
    events = [];
    mentions = [];
    members = [];
    await inFlight;
    const p = write(...batch);
    // Handled here, thrown at the next flush: a failed write stops the import there.
    p.catch(() => undefined);
    inFlight = p;
    if (wait) await p;
  };

  let stream: Readable | null = null;
  try {
    stream = await input.open((n) => { bytes = n; });
    for await (const rows of PARSERS[kind](stream)) {
      for (const row of rows) {
        report.read++;
        switch (row.kind) {
          case 'event':
            if (skipAppeals && typeof row.value.attrs.cameo === 'string' && row.value.attrs.cameo.startsWith('02')) {
              addSkip(report, APPEAL_SKIPPED);
              break;
            }
            events.push(row.value);
            if (events.length >= size) await flush();
            break;
          case 'mention': mentions.push(row.value); if (mentions.length >= size) await flush(); break;
          case 'membership': members.push(row.value); if (members.length >= size) await flush(); break;
          case 'skip': addSkip(report, row.reason); break;
          case 'error':
            addError(report, { file, line: row.line, message: row.message });
            if (opts.strict) {
              await flush(true);
              throw new EntenteError('BAD_INPUT', `${file}:${row.line}: ${row.message}`, { file, line: row.line });
            }
            break;
        }
      }
    }
    await flush(true);
  } catch (e) {
    stream?.destroy();
    // The strict stop above already names file and line; a store failure ends the import.
    if (e instanceof EntenteError && (e.details?.file !== undefined || e.code === 'DB_ERROR')) throw e;
    if (!(e instanceof EntenteError) && !isReadError(e)) throw e;
    // A file that cannot be read at all (wrong layout, broken zip, read error) is one error;
    // what was read before it stays, and the other files go on.
    await flush(true);
    const message = e instanceof Error ? e.message : String(e);
    report.read++;
    addError(report, { file, line: 0, message });
    if (opts.strict) throw new EntenteError(e instanceof EntenteError ? e.code : 'BAD_INPUT', `${file}: ${message}`, { file });
  }
}

function isReadError(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('E') || code.startsWith('CSV_') || code.startsWith('ERR_'));
}
