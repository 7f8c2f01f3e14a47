// Reads the stage lexicons: tab-separated data files beside each stage, `#` comments,
// first non-comment line a header. Kept tiny so a linguist can edit the files freely.
import { readFileSync } from 'node:fs';

export type Row = Record<string, string>;

/** Rows of a TSV data file relative to a module URL (import.meta.url of the caller). */
export function readTsv(base: string, file: string): Row[] {
  const text = readFileSync(new URL(file, base), 'utf8');
  const rows: Row[] = [];
  let header: string[] | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) continue;
    const cells = line.split('\t');
    if (!header) { header = cells.map((c) => c.trim()); continue; }
    const row: Row = {};
    header.forEach((h, i) => { row[h] = (cells[i] ?? '').trim(); });
    rows.push(row);
  }
  return rows;
}

/** Non-empty, non-comment lines of a plain word-list data file. */
export function readList(base: string, file: string): string[] {
  return readFileSync(new URL(file, base), 'utf8').split('\n')
    .map((l) => l.replace(/\r$/, '').trim()).filter((l) => l && !l.startsWith('#'));
}
