// The report every import ends with: rows read, imported, unchanged, skipped (with
// reasons), and the first errors with their line numbers. Invariant:
// read = imported + unchanged + skipped + errorCount.

export interface RowError {
  line: number;
  message: string;
  /** Set when one import reads several files or zip entries. */
  file?: string;
}

export interface ImportReport {
  read: number;
  imported: number;
  unchanged: number;
  skipped: number;
  /** Why rows were skipped, e.g. "CAMEO 01x public statement has no PLOVER type". */
  skippedReasons: Record<string, number>;
  /** All errors; `errors` keeps only the first MAX_ERRORS. */
  errorCount: number;
  errors: RowError[];
  /** Files (or zip entries) read, in order. */
  files: string[];
}

export const MAX_ERRORS = 100;

export function emptyReport(): ImportReport {
  return { read: 0, imported: 0, unchanged: 0, skipped: 0, skippedReasons: {}, errorCount: 0, errors: [], files: [] };
}

export function addSkip(r: ImportReport, reason: string): void {
  r.skipped++;
  r.skippedReasons[reason] = (r.skippedReasons[reason] ?? 0) + 1;
}

export function addError(r: ImportReport, e: RowError): void {
  r.errorCount++;
  if (r.errors.length < MAX_ERRORS) r.errors.push(e);
}

/** The JSON shape of `--format json`; errors name their file only when several files were read. */
export function reportJson(r: ImportReport): Record<string, unknown> {
  const several = r.files.length > 1;
  return {
    read: r.read,
    imported: r.imported,
    unchanged: r.unchanged,
    skipped: r.skipped,
    skippedReasons: r.skippedReasons,
    errorCount: r.errorCount,
    errors: r.errors.map((e) => (several ? { file: e.file, line: e.line, message: e.message } : { line: e.line, message: e.message })),
    ...(several ? { files: r.files } : {}),
  };
}
