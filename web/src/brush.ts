// The date brush shared by Network, Map and Timeline: a range of years, with month detail
// once the range is narrow enough to read month by month (the brush "zoomed in").
// Pure, so the windows it yields are tested without a browser.

/** Year ranges up to this many years get month sliders. */
export const MONTH_DETAIL_YEARS = 3;

const pad = (y: number) => String(y).padStart(4, '0');

/** Every month of the years y0..y1, as YYYY-MM. */
export function monthsOfYears(y0: number, y1: number): string[] {
  const out: string[] = [];
  for (let y = y0; y <= y1; y++) for (let m = 1; m <= 12; m++) out.push(`${pad(y)}-${String(m).padStart(2, '0')}`);
  return out;
}

export interface BrushState {
  /** The chosen years; null = untouched (the whole span). */
  years: [number, number] | null;
  /** Indices into monthsOfYears(years) when month detail narrowed them; null = whole years. */
  months: [number, number] | null;
}

/** Whether the chosen years are few enough to show month detail. */
export function hasMonthDetail(years: [number, number]): boolean {
  return years[1] - years[0] + 1 <= MONTH_DETAIL_YEARS;
}

/**
 * The window the brush sets, as ISO prefixes for the API ({ from: '2023-03', to: '2024-01' }
 * or { from: '2023', to: '2024' }), or null when it covers the whole span (all time).
 */
export function brushWindow(span: [number, number], b: BrushState): { from: string; to: string } | null {
  const years = b.years ?? span;
  if (b.months && hasMonthDetail(years)) {
    const months = monthsOfYears(years[0], years[1]);
    const [i, j] = [Math.max(0, Math.min(b.months[0], b.months[1])), Math.min(months.length - 1, Math.max(b.months[0], b.months[1]))];
    if (i > 0 || j < months.length - 1) return { from: months[i], to: months[j] };
  }
  if (years[0] <= span[0] && years[1] >= span[1]) return null;
  return { from: pad(years[0]), to: pad(years[1]) };
}
