// Display helpers shared by the views: dates across centuries, actor lists, event colours.
// Colours follow the quad classes: cooperation green, conflict red.
import { quadOf, isPloverType, PLOVER_TYPES } from '../../src/domain/plover.js';
import { ORIGINS } from '../../src/domain/event.js';
import type { DateRange, Modality, PloverType } from './api.js';

export { PLOVER_TYPES, ORIGINS };

// A Record over the domain's Modality type, so a new modality fails the typecheck here;
// importing the domain's MODALITIES list would pull zod into the bundle.
export const MODALITY_LABELS: Record<Modality, string> = {
  asserted: 'asserted',
  speculative: 'speculative',
  conditional: 'conditional',
  negated: 'negated',
  intended: 'intended',
  question: 'question',
};
export const MODALITIES = Object.keys(MODALITY_LABELS) as Modality[];

/** Modalities the text does not state as fact: drawn dashed and italic everywhere. */
export function isUncertain(m: string): boolean {
  return m === 'speculative' || m === 'conditional' || m === 'question';
}

export function formatDate(d: DateRange | null | undefined): string {
  if (!d) return 'undated';
  if (d.granularity === 'decade') return `${d.start}s`;
  return d.start === d.end || !d.end ? d.start : `${d.start} – ${d.end}`;
}

export function isCooperation(type: string): boolean {
  return isPloverType(type) && quadOf(type as PloverType) <= 2;
}

export function typeClass(type: string): string {
  if (!isPloverType(type)) return 'type-other';
  return `type-q${quadOf(type)}`;
}

export const COOP_COLOR = '#1f9d55';
export const CONFLICT_COLOR = '#d64545';
export const NEUTRAL_COLOR = '#9aa4af';

/** A qualitative palette for blocs (communities); colour-blind safe first eight (Okabe–Ito). */
export const BLOC_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#8c6d31', '#6b6ecf', '#7f7f7f', '#bcbd22'];

export function blocColor(bloc: number | string | null | undefined): string {
  if (bloc === null || bloc === undefined) return '#7f7f7f';
  const n = typeof bloc === 'number' ? bloc : [...String(bloc)].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  return BLOC_COLORS[Math.abs(n) % BLOC_COLORS.length];
}

/** The first and last day of a period label: "2023", "2023-09", "2023-Q3", "2023-09-14", "1950s". */
export function periodBounds(period: string): [string, string] {
  const q = /^(-?\d{4})-Q([1-4])$/.exec(period);
  if (q) {
    const m0 = (Number(q[2]) - 1) * 3 + 1;
    const last = new Date(Date.UTC(Number(q[1]), m0 + 2, 0)).getUTCDate();
    return [`${q[1]}-${String(m0).padStart(2, '0')}-01`, `${q[1]}-${String(m0 + 2).padStart(2, '0')}-${last}`];
  }
  const dec = /^(-?\d{3})0s$/.exec(period);
  if (dec) return [`${dec[1]}0-01-01`, `${dec[1]}9-12-31`];
  const [y, m, d] = period.split('-');
  if (d) return [period, period];
  if (m) {
    const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return [`${y}-${m}-01`, `${y}-${m}-${String(last).padStart(2, '0')}`];
  }
  return [`${y}-01-01`, `${y}-12-31`];
}

/** Months from `from` to `to` inclusive, as YYYY-MM. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7) || '1');
  const ey = Number(to.slice(0, 4));
  const em = Number(to.slice(5, 7) || '12');
  while (y < ey || (y === ey && m <= em)) {
    out.push(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
