// Picks the date of one event from the sentence's date expressions: the nearest one in
// the same clause (a relative clause or "but" between them counts as far away), else the
// episode date carried from earlier sentences. Hypothetical events (conditional,
// question) get only a date stated in their own sentence.
import type { DateRange, Modality } from '../../domain/index.js';
import type { DateFinding, Token, Trigger } from '../types.js';

const FAR = new Set(['which', 'who', ';', 'but', 'while', 'whereas', 'although']);

export function chooseDate(findings: DateFinding[], tokens: Token[], t: Trigger, modality: Modality, episode: DateRange | null): { date: DateRange | null; rule: string } {
  const a = tokens[t.first].start, b = tokens[t.last].end;
  let best: { f: DateFinding; score: number } | null = null;
  for (const f of findings) {
    const lo = Math.min(b, f.start), hi = Math.max(a, f.end);
    let score = f.start >= b ? (f.start - b) * 0.7 : f.end <= a ? a - f.end : 0;
    for (const tok of tokens) if (tok.start >= lo && tok.end <= hi && FAR.has(tok.lower)) score += 1000;
    if (!best || score < best.score) best = { f, score };
  }
  if (best) return { date: best.f.range, rule: `date:${best.f.rule}` };
  if (modality === 'conditional' || modality === 'question') return { date: null, rule: 'date:none-hypothetical' };
  if (episode) return { date: episode, rule: 'date:episode' };
  return { date: null, rule: 'date:none' };
}
