// What an importer yields per data row: a record for the store (an event, a GDELT
// mention, a COW membership), a skip with its reason, or an error naming the field.
import type { DatasetEventInput } from '../../domain/event.js';
import type { GdeltMentionInput, StateMembershipInput } from './dataset-store.js';

export type ParsedRow =
  | { line: number; kind: 'event'; value: DatasetEventInput }
  | { line: number; kind: 'mention'; value: GdeltMentionInput }
  | { line: number; kind: 'membership'; value: StateMembershipInput }
  | { line: number; kind: 'skip'; reason: string }
  | { line: number; kind: 'error'; message: string };

/** A row failed: thrown inside row parsers, caught once per row by the importer loop. */
export class RowProblem extends Error {}

export function fail(message: string): never {
  throw new RowProblem(message);
}

export function num(v: string, field: string): number {
  const n = Number(v);
  if (v === '' || !Number.isFinite(n)) fail(`${field}: "${v.slice(0, 40)}" is not a number`);
  return n;
}

export function optNum(v: string, field: string): number | null {
  return v === '' ? null : num(v, field);
}

export function int(v: string, field: string): number {
  const n = num(v, field);
  if (!Number.isInteger(n)) fail(`${field}: "${v}" is not a whole number`);
  return n;
}

/** YYYYMMDD → YYYY-MM-DD, checking the day exists. */
export function ymd(v: string, field: string): string {
  if (!/^\d{8}$/.test(v)) fail(`${field}: "${v.slice(0, 40)}" is not a date (YYYYMMDD)`);
  const iso = `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) fail(`${field}: "${v}" is not a valid date`);
  return iso;
}

/** An ISO date, checking the day exists. */
export function isoDay(v: string, field: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) fail(`${field}: "${v.slice(0, 40)}" is not a date (YYYY-MM-DD)`);
  return ymd(v.replace(/-/g, ''), field);
}

/** Runs a row parser, turning a RowProblem into an error row and a null into nothing. */
export function guard(line: number, parse: () => ParsedRow): ParsedRow {
  try {
    return parse();
  } catch (e) {
    if (e instanceof RowProblem) return { line, kind: 'error', message: e.message };
    throw e;
  }
}
