// Publication dates from metadata, as ISO dates or prefixes. Accepts ISO dates and
// date-times, and the RFC 822 dates of RSS; anything else is refused, never guessed.
import { IsoPrefix } from '../../domain/mention.js';

/** YYYY, YYYY-MM or YYYY-MM-DD; null for an empty value; undefined when unparsable. */
export function parsePublished(value: unknown): string | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (v === '') return null;
  if (IsoPrefix.safeParse(v).success) return validDay(v);
  const iso = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/.exec(v);
  if (iso) return validDay(iso[1]);
  // RFC 822 / 2822 ("Tue, 19 Jun 2024 10:00:00 GMT"): a weekday or day number, a month name and a year.
  if (/^([A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}/.test(v)) {
    const t = Date.parse(v);
    if (!Number.isNaN(t)) return new Date(t).toISOString().slice(0, 10);
  }
  return undefined;
}

function validDay(v: string): string | undefined {
  if (v.length < 10) return v;
  const t = Date.parse(`${v}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === v ? v : undefined;
}
