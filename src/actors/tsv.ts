// Reads the registry's TSV data files: '#' comment lines, one header row, tab-separated
// fields. A malformed row is a BAD_FORMAT error naming the file, line and field.
import { readFileSync } from 'node:fs';
import { EntenteError } from '../domain/errors.js';

export type Row = Record<string, string> & { __line: number };

/** Reads src/actors/data/<name> (or dist/actors/data/<name> once built). */
export function readTsv(name: string, required: string[]): Row[] {
  const text = readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8');
  return parseTsv(text, name, required);
}

export function parseTsv(text: string, file: string, required: string[]): Row[] {
  const rows: Row[] = [];
  let header: string[] | null = null;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '' || line.startsWith('#')) continue;
    const cells = line.split('\t').map((c) => c.trim());
    if (!header) {
      header = cells;
      for (const r of required) {
        if (!header.includes(r)) throw new EntenteError('BAD_FORMAT', `${file}:${i + 1}: header lacks column "${r}"`);
      }
      continue;
    }
    if (cells.length > header.length) throw new EntenteError('BAD_FORMAT', `${file}:${i + 1}: ${cells.length} fields, header has ${header.length}`);
    const row = { __line: i + 1 } as Row;
    header.forEach((h, k) => { row[h] = cells[k] ?? ''; });
    for (const r of required) {
      if (!row[r]) throw new EntenteError('BAD_FORMAT', `${file}:${i + 1}: field "${r}" is empty`);
    }
    rows.push(row);
  }
  return rows;
}

const DATE = /^-?\d{4}(-\d{2}(-\d{2})?)?$/;

/** An optional ISO prefix field: '' → null; anything else must be YYYY[-MM[-DD]]. */
export function dateField(row: Row, field: string, file: string): string | null {
  const v = row[field] ?? '';
  if (v === '') return null;
  if (!DATE.test(v)) throw new EntenteError('BAD_FORMAT', `${file}:${row.__line}: field "${field}" is not an ISO date ("${v}")`);
  return v;
}

/** A '|'-separated list field. */
export function listField(row: Row, field: string): string[] {
  return (row[field] ?? '').split('|').map((s) => s.trim()).filter(Boolean);
}
