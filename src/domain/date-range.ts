// Dates as closed ranges of ISO prefixes ("1950" = 1950-01-01 … 1950-12-31).
// Pure helpers shared by extraction, the store's event merging and the analyses.
import type { DateRange } from './mention.js';

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** An ISO prefix's parts; a year before year 0 keeps its sign ("-0500-03"). */
function parts(p: string): [string, string | undefined, string | undefined] {
  const neg = p.startsWith('-');
  const [y, m, d] = (neg ? p.slice(1) : p).split('-');
  return [`${neg ? '-' : ''}${y}`, m, d];
}

/** First day an ISO prefix covers, as YYYY-MM-DD. */
export function prefixStart(p: string): string {
  const [y, m, d] = parts(p);
  return `${y}-${m ?? '01'}-${d ?? '01'}`;
}

/** Last day an ISO prefix covers, as YYYY-MM-DD. */
export function prefixEnd(p: string): string {
  const [y, m, d] = parts(p);
  const mm = m ?? '12';
  return `${y}-${mm}-${d ?? String(lastDay(Number(y), Number(mm))).padStart(2, '0')}`;
}

/** The closed day range [first, last] a DateRange covers. */
export function dayBounds(r: Pick<DateRange, 'start' | 'end'>): [string, string] {
  return [prefixStart(r.start), prefixEnd(r.end ?? r.start)];
}

export function rangesOverlap(a: Pick<DateRange, 'start' | 'end'> | null, b: Pick<DateRange, 'start' | 'end'> | null): boolean {
  if (!a || !b) return false;
  const [a0, a1] = dayBounds(a);
  const [b0, b1] = dayBounds(b);
  return a0 <= b1 && b0 <= a1;
}

/** Length of a range in days (inclusive); used to prefer the more precise of two dates. */
export function spanDays(r: Pick<DateRange, 'start' | 'end'>): number {
  const [a, b] = dayBounds(r);
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000) + 1;
}

export function granularityOf(start: string, end: string): DateRange['granularity'] {
  if (start === end) return start.length === 10 ? 'day' : start.length === 7 ? 'month' : 'year';
  if (/^\d{3}0$/.test(start) && end === `${start.slice(0, 3)}9`) return 'decade';
  return 'range';
}
