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

export function table(rows: Row[], columns: string[]): string {
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) => vals.map((v, i) => (i === vals.length - 1 ? v : v.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => cell(r[c]))))].join('\n');
}

function csvField(s: string): string {
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
