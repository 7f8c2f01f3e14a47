// Date expressions in one sentence, resolved against the publication date: explicit
// dates through chrono-node ("February 24, 2022", "on September 13", "last year"), bare
// years ("in 2014"), decades ("the 1980s"), spans back from publication ("for the past 18
// months", "since 2022") and named periods from data/periods.tsv ("the Korean War",
// "towards the end of the Cold War"). Expressions it cannot anchor are left out.
// The English parsers only: the package's main module loads its fifteen other locales too.
import * as chrono from 'chrono-node/en';
import type { ParsedResult } from 'chrono-node';
import { readTsv } from '../lexicon.js';
import { granularityOf, prefixEnd } from '../../domain/date-range.js';
import type { DateRange } from '../../domain/index.js';
import type { DateFinding } from '../types.js';

interface Period { re: RegExp; start: string; end: string | null }
const PERIODS: Period[] = readTsv(import.meta.url, './data/periods.tsv').map((r) => ({
  re: new RegExp(`\\b(?:${r.pattern.split('|').map((p) => p.replace(/[.*+?^${}()[\]\\/-]/g, '\\$&')).join('|')})\\b`, 'gi'),
  start: r.start, end: r.end || null,
}));

// Month names as news writes them (capitalised: "may" the verb and "march" the noun are
// not months), weekdays and relative words.
const MONTH = /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\b/;
const RELATIVE = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|last|ago|next)\b/i;
const hasDateWord = (t: string) => MONTH.test(t) || RELATIVE.test(t);
const MONTHS_G = new RegExp(MONTH.source, 'g');
const RELATIVE_G = new RegExp(RELATIVE.source, 'gi');
const UNITS: Record<string, number> = { day: 1 / 30, days: 1 / 30, week: 7 / 30, weeks: 7 / 30, month: 1, months: 1, year: 12, years: 12, decade: 120, decades: 120 };
const NUMBER_WORDS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, few: 3, several: 3 };

function pad(n: number): string { return String(n).padStart(2, '0'); }

function range(start: string, end: string): DateRange {
  return { start, end, granularity: granularityOf(start, end) };
}

function monthsBefore(iso: string, months: number): string {
  const [y, m] = iso.split('-').map(Number);
  const total = y * 12 + (m || 1) - 1 - Math.round(months);
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}`;
}

function addYears(prefix: string, years: number): string {
  return String(Number(prefix.slice(0, 4)) + years);
}

function minPrefix(a: string, b: string | null): string {
  if (!b) return a;
  return prefixEnd(a) <= prefixEnd(b) ? a : b;
}

type ChronoHit = Pick<ParsedResult, 'index' | 'text' | 'start' | 'end'>;

/** Characters either side of a date word that chrono reads ("from the night of May 28"). */
const WINDOW = 48;

/**
 * chrono-node's results over the windows of text around month, weekday and relative words,
 * with sentence offsets: chrono runs every pattern over all it is given, so a long sentence
 * costs as much as its length, while the windows cost as much as its dates.
 */
function chronoAround(text: string, ref: Date): ChronoHit[] {
  const spans: Array<[number, number]> = [];
  const words = [...text.matchAll(MONTHS_G), ...text.matchAll(RELATIVE_G)].sort((x, y) => x.index! - y.index!);
  for (const m of words) {
    let a = Math.max(0, m.index! - WINDOW), b = Math.min(text.length, m.index! + m[0].length + WINDOW);
    while (a > 0 && /\S/.test(text[a - 1])) a--;
    while (b < text.length && /\S/.test(text[b])) b++;
    const last = spans.at(-1);
    if (last && a <= last[1]) last[1] = b;
    else spans.push([a, b]);
  }
  const out: ChronoHit[] = [];
  for (const [a, b] of spans) {
    for (const r of chrono.parse(text.slice(a, b), { instant: ref, timezone: 0 }, { forwardDate: false })) {
      out.push({ index: r.index + a, text: r.text, start: r.start, end: r.end });
    }
  }
  return out;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the week holding `iso` (a day). */
function monday(iso: string): string {
  const wd = (new Date(`${iso}T12:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(iso, -wd);
}

const YEAR_PARTS: Record<string, [string, string]> = { early: ['01', '03'], mid: ['05', '08'], late: ['10', '12'] };

/**
 * Vague spans, resolved as the annotation codebook reads them: "recently" about three
 * months, "in recent months" five, "in recent years" five years, "last week" the previous
 * Monday–Sunday, "early this year" January–March, "earlier this year/month/week" from its
 * start to publication.
 */
const VAGUE: Array<{ name: string; re: RegExp; span: (pub: string, m: RegExpMatchArray) => [string, string] }> = [
  { name: 'recently', re: /\b(?:(?:very|more|most|only|just|until) )?(?:recently|lately)\b/g, span: (pub) => [monthsBefore(pub, 3), pub] },
  { name: 'recent', re: /\b(?:in|over|during) (?:the )?recent (days|weeks|months|years)\b/g,
    span: (pub, m) => m[1] === 'days' ? [addDays(pub, -7), pub] : m[1] === 'weeks' ? [addDays(pub, -30), pub] : m[1] === 'months' ? [monthsBefore(pub, 5), pub] : [String(Number(pub.slice(0, 4)) - 5), pub] },
  { name: 'year-part', re: /\b(early|mid|late)[- ](this|last|next) year\b/g, span: (pub, m) => {
    const y = Number(pub.slice(0, 4)) + (m[2] === 'last' ? -1 : m[2] === 'next' ? 1 : 0);
    const [a, b] = YEAR_PARTS[m[1]];
    return [`${y}-${a}`, `${y}-${b}`];
  } },
  { name: 'last-week', re: /\blast week\b/g, span: (pub) => [addDays(monday(pub), -7), addDays(monday(pub), -1)] },
  { name: 'this-week', re: /\b(?:earlier )?this week\b/g, span: (pub) => [monday(pub), pub] },
  { name: 'this-month', re: /\b(?:earlier )?this month\b/g, span: (pub) => [pub.slice(0, 7), pub] },
  { name: 'this-year', re: /\b(earlier )?this year\b/g, span: (pub, m) => [pub.slice(0, 4), m[1] ? pub : pub.slice(0, 4)] },
];

/** Every date expression in `text` (a sentence); `published` is YYYY-MM-DD or null. */
export function findDates(text: string, published: string | null): DateFinding[] {
  const out: DateFinding[] = [];
  const taken: Array<[number, number]> = [];
  const free = (a: number, b: number) => !taken.some(([x, y]) => a < y && x < b);
  const add = (start: number, end: number, r: DateRange, rule: string) => {
    out.push({ start, end, range: r, rule });
    taken.push([start, end]);
  };
  const lower = text.toLowerCase();
  const pub = published && /^\d{4}-\d{2}-\d{2}$/.test(published) ? published : null;

  // Named periods, with the word before them ("after", "since", "towards the end of").
  for (const p of PERIODS) {
    for (const m of lower.matchAll(p.re)) {
      const s = m.index!, e = s + m[0].length;
      if (!free(s, e)) continue;
      const before = lower.slice(Math.max(0, s - 30), s);
      const end = p.end ?? pub ?? p.start;
      let r: DateRange;
      let rule = 'period';
      if (/\b(soon |shortly |long )?after\s*$/.test(before)) {
        r = range(end.slice(0, 4), minPrefix(addYears(end, 7), pub));
        rule = 'period-after';
      } else if (/\bbefore\s*$/.test(before)) {
        r = range(addYears(p.start, -5), p.start.slice(0, 4));
        rule = 'period-before';
      } else if (/\b(towards?|at|near|by) the end of\s*$/.test(before)) {
        r = range(addYears(end, -10), end);
        rule = 'period-end';
      } else if (/\bsince( the (start|beginning|outbreak) of)?\s*$/.test(before) && pub) {
        r = range(p.start, pub);
        rule = 'period-since';
      } else {
        r = range(p.start, end);
      }
      add(s, e, r, rule);
    }
  }

  // Decades: "the 1980s", "the early 1950s".
  for (const m of text.matchAll(/\b(?:the\s+)?(early|mid|late)?-?\s*((?:1[5-9]|20)\d)0['’]?s\b/gi)) {
    const s = m.index!, e = s + m[0].length;
    if (!free(s, e)) continue;
    const d = Number(m[2]) * 10;
    const part = (m[1] ?? '').toLowerCase();
    const [a, b] = part === 'early' ? [d, d + 3] : part === 'mid' ? [d + 3, d + 6] : part === 'late' ? [d + 6, d + 9] : [d, d + 9];
    add(s, e, range(String(a), String(b)), 'decade');
  }

  // Spans back from publication: "for the past 18 months", "in the last two years".
  if (pub) {
    for (const m of lower.matchAll(/\b(?:for|over|in|during|within) the (?:past|last) (?:(\d+|[a-z]+) )?(days?|weeks?|months?|years?|decades?)\b/g)) {
      const s = m.index!, e = s + m[0].length;
      if (!free(s, e)) continue;
      const n = m[1] ? Number(m[1]) || NUMBER_WORDS[m[1]] : 1;
      if (!n) continue;
      const months = n * UNITS[m[2]];
      add(s, e, range(months >= 1 ? monthsBefore(pub, months) : pub, pub.slice(0, months >= 1 ? 7 : 10)), 'span-past');
    }
    for (const m of lower.matchAll(/\b(\d+|[a-z]+) (years?|months?|weeks?|days?|decades?) ago\b/g)) {
      const s = m.index!, e = s + m[0].length;
      const n = Number(m[1]) || NUMBER_WORDS[m[1]];
      if (!n || !free(s, e)) continue;
      const months = n * UNITS[m[2]];
      const at = monthsBefore(pub, months);
      add(s, e, months >= 12 ? range(at.slice(0, 4), at.slice(0, 4)) : range(at, at), 'ago');
    }
  }

  // Vague spans as the codebook reads them: "recently", "last week", "early this year".
  if (pub) {
    for (const v of VAGUE) {
      for (const m of lower.matchAll(v.re)) {
        const s = m.index!, e = s + m[0].length;
        if (!free(s, e)) continue;
        const [a, b] = v.span(pub, m);
        add(s, e, range(a, b), `vague-${v.name}`);
      }
    }
  }

  // Explicit dates through chrono-node.
  const ref = pub ? new Date(`${pub}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1));
  for (const res of chronoAround(text, ref)) {
    const s = res.index, e = s + res.text.length;
    if (!free(s, e) || !hasDateWord(res.text)) continue;
    // "last year", "on Tuesday" mean nothing without a publication date.
    if (!pub && /\b(last|next|this|ago|yesterday|today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i.test(res.text)) continue;
    const k = res.start;
    const year = k.isCertain('year') ? k.get('year') : pub ? k.get('year') : null;
    if (year == null) continue;
    // A bare weekday or "last month" without a publication date means nothing.
    if (!k.isCertain('year') && !pub) continue;
    let startP: string;
    // A date with no year of its own ("in December", "on March 3"): the events stage may
    // read it against the story's year or, for a plan, the coming one.
    let rule = k.isCertain('year') || (k.isCertain('weekday') && !k.isCertain('month')) ? 'chrono' : 'chrono-noyear';
    if (k.isCertain('day') || k.isCertain('weekday')) startP = `${year}-${pad(k.get('month')!)}-${pad(k.get('day')!)}`;
    else if (k.isCertain('month')) startP = `${year}-${pad(k.get('month')!)}`;
    else startP = String(year);
    // Without a year, chrono picks the nearest date; a news report means the last one
    // before publication ("on Tuesday", "in October").
    if (pub && !k.isCertain('year') && startP > pub) {
      if (k.isCertain('weekday') && !k.isCertain('month')) {
        const d = new Date(`${startP.slice(0, 10)}T12:00:00Z`);
        d.setUTCDate(d.getUTCDate() - 7);
        startP = d.toISOString().slice(0, 10);
        // A plan "on Thursday" means the coming one: the events stage may move it forward.
        rule = 'chrono-weekday-back';
      } else {
        startP = `${year - 1}${startP.slice(4)}`;
      }
    }
    const yearWord = /^\s*(last|this|next) year\b/.exec(lower.slice(e, e + 12));
    if (pub && yearWord && !k.isCertain('year')) {
      startP = `${Number(pub.slice(0, 4)) + (yearWord[1] === 'last' ? -1 : yearWord[1] === 'next' ? 1 : 0)}${startP.slice(4)}`;
      taken.push([e, e + yearWord[0].length]);
    }
    let endP = startP;
    if (res.end) {
      const ke = res.end;
      const ey = ke.get('year')!;
      if (ke.isCertain('day')) endP = `${ey}-${pad(ke.get('month')!)}-${pad(ke.get('day')!)}`;
      else if (ke.isCertain('month')) endP = `${ey}-${pad(ke.get('month')!)}`;
      else endP = String(ey);
    }
    // A future date when the reference is the publication date (chrono reads "on
    // September 13" as the nearest one) is kept: announced events are dated too.
    if (startP > endP) endP = startP;
    add(s, e, range(startP, endP), rule);
  }

  // Bare years: "in 2014", "since 2022", "1950".
  for (const m of text.matchAll(/(?<![\d,.$£€-])\b(1[89]\d\d|20\d\d)\b(?!\d|,\d|['’]?s\b|\s*(?:km|kilometres|miles|troops|soldiers|people|tons|tonnes|metres|meters)\b)/g)) {
    const s = m.index!, e = s + m[0].length;
    if (!free(s, e)) continue;
    add(s, e, range(m[1], m[1]), 'year');
  }

  // "since X" turns a point into a span up to publication.
  if (pub) {
    for (const f of out) {
      if (f.rule.startsWith('period')) continue;
      if (/\bsince\s*$/.test(lower.slice(Math.max(0, f.start - 8), f.start))) {
        f.range = range(f.range.start, pub);
        f.rule += '-since';
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
