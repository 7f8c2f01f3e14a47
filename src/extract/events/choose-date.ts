// Picks the date of one event from the sentence's date expressions: the nearest one in
// the same clause (a relative clause or "but" between them counts as far away), else the
// episode date carried from earlier sentences. Hypothetical events (conditional,
// question) get only a date stated in their own sentence.
import type { DateRange, Modality } from '../../domain/index.js';
import type { DateFinding, Token, Trigger } from '../types.js';

const FAR = new Set(['which', 'who', 'that', ';', 'but', 'while', 'whereas', 'although']);

export function chooseDate(text: string, findings: DateFinding[], tokens: Token[], t: Trigger, modality: Modality, episode: DateRange | null): { date: DateRange | null; rule: string; finding?: DateFinding } {
  const a = tokens[t.first].start, b = tokens[t.last].end;
  let best: { f: DateFinding; score: number } | null = null;
  const hypothetical = modality === 'conditional' || modality === 'question';
  for (const f of findings) {
    // A hypothetical event has only a date stated in its own clause, never a background period.
    if (hypothetical && (f.rule.startsWith('period') || /[,;]/.test(text.slice(Math.min(f.end, b), Math.max(f.start, a))))) continue;
    const lo = Math.min(b, f.start), hi = Math.max(a, f.end);
    let score = f.start >= b ? (f.start - b) * 0.7 : f.end <= a ? a - f.end : 0;
    for (const tok of tokens) if (tok.start >= lo && tok.end <= hi && FAR.has(tok.lower)) score += 1000;
    // "annexing Crimea in 2014 and invading Ukraine in 2022": a date before "and <trigger>"
    // belongs to the previous verb phrase.
    if (f.end <= a && /^[\s,]*and\s*$/i.test(text.slice(f.end, a))) score += 60;
    if (!best || score < best.score) best = { f, score };
  }
  if (best) return { date: best.f.range, rule: `date:${best.f.rule}`, finding: best.f };
  if (hypothetical) return { date: null, rule: 'date:none-hypothetical' };
  if (episode) return { date: episode, rule: 'date:episode' };
  return { date: null, rule: 'date:none' };
}
