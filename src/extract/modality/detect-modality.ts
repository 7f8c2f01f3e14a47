// How sure the text is about one event: asserted unless a cue from
// data/modality-cues.tsv governs the trigger. A cue's scope is its clause: `left` cues
// must sit within eight words before the trigger with no clause edge between; `sentence`
// cues (if, whether) cover the rest of the sentence; `after` cues follow the trigger.
// Limits: no parse, so "not only … but also" or a negated main verb over a reported
// event can mislead it.
import { readTsv } from '../lexicon.js';
import type { Modality } from '../../domain/index.js';
import type { Token, Trigger } from '../types.js';
import { inflect } from '../triggers/inflect.js';
import { TRIGGER_WORDS } from '../roles/word-registry.js';
import { INTENT_NOUNS } from '../roles/assign-roles.js';

interface Cue { words: string[]; modality: Modality; scope: 'left' | 'sentence' | 'after' }
const CUES: Cue[] = readTsv(import.meta.url, './data/modality-cues.tsv').map((r) => ({
  words: r.cue.split(/\s+/), modality: r.modality as Modality, scope: r.scope as Cue['scope'],
}));
const BY_FIRST = new Map<string, Cue[]>();
for (const c of CUES) BY_FIRST.set(c.words[0], [...(BY_FIRST.get(c.words[0]) ?? []), c]);

const RANK: Record<Modality, number> = { question: 5, conditional: 4, negated: 3, speculative: 2, intended: 1, asserted: 0 };
const CLAUSE_EDGE = new Set([';', ':', '—', '–', '.', 'but', 'while', 'whereas', 'although', 'which', 'who', 'because']);
const LEFT_WINDOW = 8;

// With aspectual verbs ("will continue to support", "began to withdraw", "moved to expel")
// the infinitive is the act itself.
const CONTROL = new Set(['invite', 'ask', 'urge', 'force', 'help', 'allow', 'order', 'push', 'persuade', 'encourage', 'want', 'call', 'press', 'compel', 'lead', 'enable', 'instruct', 'tell', 'permit', 'get', 'let', 'make',
  'continue', 'begin', 'start', 'resume', 'proceed', 'move'].flatMap((v) => inflect(v)));
const isControl = (w: string) => CONTROL.has(w);
/** Verbs and fixed words before "to" that do not make a purpose clause. */
const isVerbForm = (w: string) => /(ed|ing)$/.test(w) || ['according', 'due', 'next', 'close', 'up', 'prior', 'as', 'is', 'are', 'was', 'were', 'be', 'seek', 'seeks', 'look', 'looks', 'want', 'wants', 'agree', 'agrees', 'try', 'tries', 'going', 'set', 'ready', 'able', 'likely', 'unable', 'plan', 'plans', 'aim', 'aims', 'vow', 'vows', 'pledge', 'pledges', 'promise', 'promises', 'threaten', 'threatens', 'has', 'have', 'had'].includes(w);

export interface ModalityDecision { modality: Modality; cue: string | null }

function tokenWords(tokens: Token[]): string[] {
  // "didn't" → did + n't for the cue table.
  return tokens.map((t) => (t.lower.endsWith("n't") ? "n't" : t.lower));
}

/** The modality of the event stated by `t`, and the cue that decided it. */
export function detectModality(tokens: Token[], t: Trigger, extra: Modality | null = null): ModalityDecision {
  const words = tokenWords(tokens);
  let best: ModalityDecision = { modality: t.modality ?? 'asserted', cue: t.modality ? `trigger:${t.entry}` : null };
  if (extra && RANK[extra] > RANK[best.modality]) best = { modality: extra, cue: 'link-word' };
  const consider = (m: Modality, cue: string) => { if (RANK[m] > RANK[best.modality]) best = { modality: m, cue }; };

  // An infinitive ("invaded South Korea to take control", "sent troops to fight") states
  // a purpose, not a completed act.
  let p = t.first - 1;
  while (p >= 0 && ['also', 'further', 'then', 'jointly'].includes(words[p])) p--;
  // Only after a noun phrase and with no control verb before it: "looked to rally",
  // "forced the US to sign" and "invited Kim to meet" report what happened.
  // "the decision to deploy troops": an intent, told as such, not a purpose.
  if (words[p] === 'to' && INTENT_NOUNS.has(words[p - 1] ?? '')) consider(words[p - 1] === 'refusal' || words[p - 1] === 'failure' ? 'negated' : 'intended', `${words[p - 1]} to`);
  else if (words[p] === 'to' && p > 0 && !words.slice(Math.max(0, p - 6), p).some(isControl)
    && (!isVerbForm(words[p - 1]) || TRIGGER_WORDS.has(words[p - 1]))
    // "the first in Asia to put pressure on": an ordinal before the infinitive reports the act.
    && !words.slice(Math.max(0, p - 4), p).some((w) => ['first', 'last', 'only', 'second'].includes(w))) consider('intended', 'to-infinitive');
  // Left of the trigger, back to the clause edge.
  let edge = -1;
  for (let i = t.first - 1; i >= 0; i--) if (CLAUSE_EDGE.has(words[i])) { edge = i; break; }
  for (let i = 0; i < words.length; i++) {
    const cues = BY_FIRST.get(words[i]);
    if (!cues) continue;
    for (const c of cues) {
      if (!c.words.every((w, k) => words[i + k] === w)) continue;
      const end = i + c.words.length - 1;
      if (c.scope === 'sentence' && end < t.first) consider(c.modality, c.words.join(' '));
      else if (c.scope === 'after' && i > t.last) consider(c.modality, c.words.join(' '));
      else if (c.scope === 'left' && end < t.first && i > edge && t.first - end <= LEFT_WINDOW) {
        // "not only … but also" is emphasis, not negation.
        if (c.words[0] === 'not' && words[i + 1] === 'only') continue;
        // "the sanctions … would be ready to impose" keeps the cue; a cue inside a
        // nested clause already closed by a comma does not reach the trigger.
        if (words.slice(end + 1, t.first).includes(',') && c.modality !== 'negated') continue;
        consider(c.modality, c.words.join(' '));
      }
    }
  }
  return best;
}
