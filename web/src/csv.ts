// Events as CSV for a spreadsheet (RFC 4180 quoting). Cells that a spreadsheet would run
// as a formula (=, +, -, @ first) get a leading apostrophe: names come from untrusted text.
import type { EventRecord } from './api.js';

const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (FORMULA.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const EVENT_COLUMNS = ['id', 'date_start', 'date_end', 'granularity', 'type', 'mode', 'sources', 'targets', 'modality', 'origin', 'status', 'mentions', 'disputed', 'intensity', 'summary', 'source_url'] as const;

export function eventsCsv(events: readonly EventRecord[]): string {
  const rows = events.map((e) =>
    [e.id, e.date?.start ?? '', e.date?.end ?? '', e.date?.granularity ?? '', e.type, e.mode ?? '', e.sources.join(';'), e.targets.join(';'), e.modality, e.origin, e.status, e.mentionCount, e.disputed, e.intensity, e.summary, e.sourceUrl ?? ''].map(csvCell).join(','),
  );
  return [EVENT_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
