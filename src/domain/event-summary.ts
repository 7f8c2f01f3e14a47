// One line that says what an event is, for every list: the title a dataset or the
// reference timeline gives, else the sentence a text event was read from, else a line
// made from its actors and type ("RUS accused UKR"). Codes, not names: the domain layer
// knows no registry; views that have names put them in.
import type { PloverType } from './plover.js';

/** Past-tense phrase per PLOVER type, read "SOURCE <phrase> TARGET". */
const PHRASES: Record<PloverType, string> = {
  AGREE: 'agreed with', CONSULT: 'consulted', SUPPORT: 'supported', CONCEDE: 'made a concession to',
  COOPERATE: 'cooperated with', AID: 'gave aid to', RETREAT: 'pulled back from', REQUEST: 'made a request of',
  ACCUSE: 'accused', REJECT: 'rejected', THREATEN: 'threatened', PROTEST: 'protested against',
  SANCTION: 'sanctioned', MOBILIZE: 'mobilised against', COERCE: 'coerced', ASSAULT: 'attacked',
};

export const SUMMARY_MAX = 240;

function clip(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > SUMMARY_MAX ? `${t.slice(0, SUMMARY_MAX - 1)}…` : t;
}

export function typePhrase(type: PloverType): string {
  return PHRASES[type];
}

export function eventSummary(e: { type: PloverType; sources: readonly string[]; targets: readonly string[]; attrs: Record<string, unknown> }, sentence: string | null): string {
  const title = typeof e.attrs.title === 'string' ? e.attrs.title : '';
  if (title.trim()) return clip(title);
  if (sentence && sentence.trim()) return clip(sentence);
  const who = e.sources.join(', ') || 'someone';
  return e.targets.length ? `${who} ${PHRASES[e.type]} ${e.targets.join(', ')}` : `${who}: ${e.type.toLowerCase()}`;
}
