// One line for an audit entry: "modality: asserted → intended; date: 2023-09-13 → 2023-09-14;
// reason: …", from the before and after records the API keeps.
import type { DateRange } from './api.js';
import { formatDate } from './format.js';

const FIELDS = ['type', 'sources', 'targets', 'date', 'modality', 'status', 'mentionCount', 'code', 'events', 'mentions'];

function show(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'object' && 'start' in v) return formatDate(v as DateRange);
  if (Array.isArray(v)) return v.join(', ') || '—';
  return String(v);
}

export function changeSummary(before: unknown, after: unknown): string {
  if (!after || typeof after !== 'object') return '';
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const parts = FIELDS.filter((k) => k in a && JSON.stringify(a[k]) !== JSON.stringify(b[k])).map((k) => (k in b ? `${k}: ${show(b[k])} → ${show(a[k])}` : `${k}: ${show(a[k])}`));
  if (typeof a.reason === 'string' && a.reason) parts.push(`reason: ${a.reason}`);
  return parts.join('; ');
}
