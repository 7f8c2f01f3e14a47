// Picks the date of one event from the sentence's date expressions: the nearest one in
// the same clause (a relative clause or "but" between them counts as far away), else the
// episode date carried from earlier sentences, else for an asserted event the days before
// publication. Hypothetical events (conditional, question) get only a date stated in
// their own sentence.
import type { DateRange, Modality } from '../../domain/index.js';
import type { DateFinding, Token, Trigger } from '../types.js';
import { SPEECH_ACTS } from '../speech-acts.js';

const FAR = new Set(['which', 'who', 'that', ';', 'but', 'while', 'whereas', 'although']);

export function chooseDate(text: string, findings: DateFinding[], tokens: Token[], t: Trigger, modality: Modality, episode: DateRange | null, published: string | null = null): { date: DateRange | null; rule: string; finding?: DateFinding } {
  const a = tokens[t.first].start, b = tokens[t.last].end;
  let best: { f: DateFinding; score: number } | null = null;
  const hypothetical = modality === 'conditional' || modality === 'question';
  for (const f of findings) {
    // A hypothetical event has only a date stated in its own clause, never a background period.
    if (hypothetical && (f.rule.startsWith('period') || /[,;]/.test(text.slice(Math.min(f.end, b), Math.max(f.start, a))))) continue;
    // "thanked China for its support during the pandemic": a named period after a speech
    // act dates what the speech is about, not the speech.
    if (SPEECH_ACTS.has(t.type) && f.rule.startsWith('period') && f.start >= b && /\b(?:during|throughout|in)\s+(?:the\s+)?$/i.test(text.slice(Math.max(b, f.start - 20), f.start))) continue;
    const lo = Math.min(b, f.start), hi = Math.max(a, f.end);
    let score = f.start >= b ? (f.start - b) * 0.7 : f.end <= a ? a - f.end : 0;
    for (const tok of tokens) if (tok.start >= lo && tok.end <= hi && FAR.has(tok.lower)) score += 1000;
    // "agreed to implement the agreement signed in 2001": a date in a participle phrase
    // after the trigger dates the thing it describes.
    if (f.start >= b && /\b\p{L}+ed\s+(?:in|on)\s+(?:the\s+)?$/iu.test(text.slice(b, f.start))) continue;
    // "annexing Crimea in 2014 and invading Ukraine in 2022": a date before "and <trigger>"
    // belongs to the previous verb phrase.
    if (f.end <= a && /^[\s,]*and\s*$/i.test(text.slice(f.end, a))) score += 60;
    if (!best || score < best.score) best = { f, score };
  }
  // "The same day, Japan signed a pact with India, which … turned deadly in June": a date
  // only in a relative clause or another clause is that clause's; the episode dates this one.
  if (best && best.score >= 1000 && episode && !hypothetical) return { date: episode, rule: 'date:episode' };
  if (best) {
    // "scheduled to hold talks on Thursday": a plan's weekday is the coming one.
    if (modality === 'intended' && best.f.rule === 'chrono-weekday-back') {
      return { date: shiftDays(best.f.range, 7), rule: 'date:chrono-weekday-ahead', finding: best.f };
    }
    if (best.f.rule === 'chrono-noyear') {
      // "will visit Dhaka on December 9": a plan's date with no year is the coming one.
      const between = text.slice(Math.min(b, best.f.start), Math.max(a, best.f.end));
      if (modality === 'intended' && published && best.f.range.end < published && !/[,;]|\b(?:and|that|which|when|last)\b/i.test(between)) return { date: shiftYears(best.f.range, 1), rule: 'date:chrono-ahead', finding: best.f };
    }
    return { date: best.f.range, rule: `date:${best.f.rule}`, finding: best.f };
  }
  if (hypothetical) return { date: null, rule: 'date:none-hypothetical' };
  // "have responded with sanctions": a present perfect runs from the episode up to now.
  if (episode && presentPerfect(tokens, t) && published && published >= episode.start) {
    return { date: { start: episode.start, end: published, granularity: 'range' }, rule: 'date:episode-to-publication' };
  }
  if (episode) return { date: episode, rule: 'date:episode' };
  const fallback = publicationFallback(text, tokens, t, modality, published);
  if (fallback) return fallback;
  // "Trump will ask China to …", "plans to discuss with Xi": an undated plan told in a
  // report is the days ahead of publication.
  if (modality === 'intended' && t.pos !== 'noun' && published && /^\d{4}-\d{2}-\d{2}$/.test(published)) {
    return { date: { start: published, end: shiftDays({ start: published, end: published, granularity: 'day' }, 7).end, granularity: 'range' }, rule: 'date:publication-ahead' };
  }
  return { date: null, rule: 'date:none' };
}

function shiftYears(r: DateRange, years: number): DateRange {
  const move = (iso: string) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;
  return { ...r, start: move(r.start), end: move(r.end) };
}

function shiftDays(r: DateRange, days: number): DateRange {
  const move = (iso: string) => {
    if (iso.length < 10) return iso;
    const d = new Date(`${iso}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  };
  return { ...r, start: move(r.start), end: move(r.end) };
}

/** Words that place an undated event in an unspecified past, not around publication. */
const OLD_PAST = /\b(?:in the past|previously|formerly|historically|traditionally|long been|once|decades|centuries|years ago|history)\b/i;
const PERFECT = new Set(['has', 'have', "'ve", 'had']);

function presentPerfect(tokens: Token[], t: Trigger): boolean {
  return tokens.slice(Math.max(0, t.first - 4), t.first).some((x) => x.lower === 'has' || x.lower === 'have' || x.lower === "'ve");
}

/**
 * An asserted event with no date of its own and no episode: a report tells what happened
 * at or shortly before publication, so the week before it. Not for a present perfect, for
 * plans, hypotheses, denials or hedges, nor for narration placed in an unspecified past.
 */
function publicationFallback(text: string, tokens: Token[], t: Trigger, modality: Modality, published: string | null): { date: DateRange; rule: string } | null {
  if (!published || !/^\d{4}-\d{2}-\d{2}$/.test(published) || modality !== 'asserted') return null;
  // "the Ukrainian incursion into Kursk", "his vow to destroy": an event named as a thing
  // is a reference to something told elsewhere, not news of the week.
  if (t.pos === 'noun') return null;
  if (OLD_PAST.test(text)) return null;
  // "has fired", "have rebuked": a present perfect places nothing in time (the codebook's
  // "no date in the text").
  if (tokens.slice(Math.max(0, t.first - 4), t.first).some((x) => PERFECT.has(x.lower))) return null;
  const start = shiftDays({ start: published, end: published, granularity: 'day' }, -7).start;
  return { date: { start, end: published, granularity: 'range' }, rule: 'date:publication-week' };
}
