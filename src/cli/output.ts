// Shared output formats for list commands: an aligned text table, JSON, or CSV (RFC 4180).
// Generic over plain row objects; commands pick the columns and say when a list was capped.
import { EntenteError } from '../domain/errors.js';

export const FORMATS = ['table', 'json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormat(x: string, allowed: readonly string[] = FORMATS): Format {
  if (!allowed.includes(x)) throw new EntenteError('BAD_INPUT', `--format: expected one of ${allowed.join(', ')}, got ${x}`);
  return x as Format;
}

export type Row = Record<string, unknown>;

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(cell).join(',');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Feed text may carry terminal control sequences (screen clear, window title): a table
 * shows them as spaces, never sends them to the terminal. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
export function tableCell(v: unknown): string {
  return cell(v).replace(CONTROL, ' ');
}

export function table(rows: Row[], columns: string[]): string {
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => tableCell(r[c]).length)));
  const line = (vals: string[]) => vals.map((v, i) => (i === vals.length - 1 ? v : v.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => tableCell(r[c]))))].join('\n');
}

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading
 * apostrophe (OWASP's advice); plain numbers such as -3.5 stay numbers. */
export function csvSafe(s: string): string {
  return /^[=+\-@\t\r]/.test(s) && !/^[-+]?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(s) ? `'${s}` : s;
}

function csvField(raw: string): string {
  const s = csvSafe(raw);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csv(rows: Row[], columns: string[]): string {
  return [columns.map(csvField).join(','), ...rows.map((r) => columns.map((c) => csvField(cell(r[c]))).join(','))].join('\r\n');
}

/** Prints rows in the chosen format; JSON keeps the page's fields (total, truncated …) when given. */
export function printRows(rows: Row[], columns: string[], format: Format, page?: Row): void {
  if (format === 'json') console.log(JSON.stringify(page ? { ...page, rows } : rows, null, 2));
  else if (format === 'csv') console.log(csv(rows, columns));
  else console.log(rows.length ? table(rows, columns) : '(none)');
}
