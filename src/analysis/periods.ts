// Calendar periods for time series: day, ISO week (Monday start), month, quarter, year.
// Pure UTC date arithmetic on YYYY-MM-DD strings; labels sort in time order within one unit.
import { EntenteError } from '../domain/errors.js';

export const PERIOD_UNITS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

export interface Period {
  /** "2024-03-05", "2024-W10", "2024-03", "2024-Q1", "2024". */
  label: string;
  /** First and last day, YYYY-MM-DD. */
  start: string;
  end: string;
}

const DAY = 86_400_000;
const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);
const ms = (d: string): number => Date.parse(`${d.slice(0, 10)}T00:00:00Z`);

function periodStartMs(day: string, by: PeriodUnit): number {
  const t = ms(day);
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (by) {
    case 'day': return t;
    case 'week': return t - ((d.getUTCDay() + 6) % 7) * DAY;
    case 'month': return Date.UTC(y, m, 1);
    case 'quarter': return Date.UTC(y, m - (m % 3), 1);
    case 'year': return Date.UTC(y, 0, 1);
  }
}

function nextStartMs(startMs: number, by: PeriodUnit): number {
  const d = new Date(startMs);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (by) {
    case 'day': return startMs + DAY;
    case 'week': return startMs + 7 * DAY;
    case 'month': return Date.UTC(y, m + 1, 1);
    case 'quarter': return Date.UTC(y, m + 3, 1);
    case 'year': return Date.UTC(y + 1, 0, 1);
  }
}

function labelOf(startMs: number, by: PeriodUnit): string {
  const s = iso(startMs);
  switch (by) {
    case 'day': return s;
    case 'month': return s.slice(0, 7);
    case 'year': return s.slice(0, 4);
    case 'quarter': return `${s.slice(0, 4)}-Q${Math.floor(Number(s.slice(5, 7)) / 3) + 1}`;
    case 'week': {
      // ISO 8601: the week belongs to the year of its Thursday.
      const thursday = new Date(startMs + 3 * DAY);
      const ty = thursday.getUTCFullYear();
      const week = Math.floor((thursday.getTime() - Date.UTC(ty, 0, 1)) / (7 * DAY)) + 1;
      return `${ty}-W${String(week).padStart(2, '0')}`;
    }
  }
}

const weekLabels = new Map<string, string>();

/** The label of the period containing a day: string slicing, and a memo for ISO weeks (hot path). */
export function periodLabel(day: string, by: PeriodUnit): string {
  switch (by) {
    case 'day': return day.slice(0, 10);
    case 'month': return day.slice(0, 7);
    case 'year': return day.slice(0, 4);
    case 'quarter': return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
    case 'week': {
      const key = day.slice(0, 10);
      let label = weekLabels.get(key);
      if (label === undefined) {
        if (weekLabels.size > 200_000) weekLabels.clear();
        label = labelOf(periodStartMs(key, 'week'), 'week');
        weekLabels.set(key, label);
      }
      return label;
    }
  }
}

/** The period containing a day. */
export function periodOf(day: string, by: PeriodUnit): Period {
  const s = periodStartMs(day, by);
  return { label: labelOf(s, by), start: iso(s), end: iso(nextStartMs(s, by) - DAY) };
}

/** Every period from the one containing `from` to the one containing `to`, in order. */
/** The most periods one series may have (55 years by day; a 38 MB answer had 120,000). */
export const MAX_PERIODS = 20_000;

export function periodsBetween(from: string, to: string, by: PeriodUnit, max = MAX_PERIODS): Period[] {
  const out: Period[] = [];
  const last = periodStartMs(to, by);
  for (let s = periodStartMs(from, by); s <= last; s = nextStartMs(s, by)) {
    const next = nextStartMs(s, by);
    out.push({ label: labelOf(s, by), start: iso(s), end: iso(next - DAY) });
    if (out.length > max) throw new EntenteError('BAD_INPUT', `more than ${max} ${by} periods between ${from} and ${to}: narrow the range or use a longer period`, { field: 'from' });
  }
  return out;
}

/** Shift a day by n periods (negative goes back); lands on that period's first day. */
export function addPeriods(day: string, n: number, by: PeriodUnit): string {
  let s = periodStartMs(day, by);
  if (n >= 0) for (let i = 0; i < n; i++) s = nextStartMs(s, by);
  else for (let i = 0; i < -n; i++) s = periodStartMs(iso(s - DAY), by);
  return iso(s);
}
