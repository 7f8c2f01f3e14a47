// Finds event triggers in a tokenised sentence from the lexicon in data/triggers.tsv:
// inflected verbs, phrasal verbs with short gaps ("cut off North Korean aid") and
// nominal events. Overlaps keep the longest match. A verb reading is refused right
// after a determiner or possessive ("the attack", "its support"): that is a noun.
import { readTsv } from '../lexicon.js';
import { isPloverType, type PloverType } from '../../domain/plover.js';
import { type Modality, MODALITIES } from '../../domain/modality.js';
import type { Token, Trigger } from '../types.js';
import { registerTriggerWords } from '../roles/word-registry.js';
import { inflect, IRREGULAR_PAST } from './inflect.js';
import type { Pos } from '../grammar/pos-tags.js';
export { inflect };

type Slot = { kind: 'words'; words: Set<string> } | { kind: 'gap'; min: number; max: number };

interface Entry {
  slots: Slot[];
  type: PloverType;
  mode: string | null;
  pos: Trigger['pos'];
  preps: string[];
  modality: Modality | null;
  text: string;
  /** From the hand lexicon (triggers.tsv), which wins ties over the converted dictionary. */
  hand: boolean;
}

/** Prepositions that introduce the target when an entry names none. */
export const DEFAULT_PREPS: Record<PloverType, string[]> = {
  AGREE: ['with', 'to'], CONSULT: ['with', 'to'], SUPPORT: ['for', 'to'], CONCEDE: ['to', 'with'],
  COOPERATE: ['with', 'between'], AID: ['to', 'for'], RETREAT: ['from'], REQUEST: ['to', 'from', 'on'],
  ACCUSE: ['against', 'about', 'over', 'on', 'of'], REJECT: ['from', 'of', 'by'], THREATEN: ['against', 'with', 'over'],
  PROTEST: ['against'], SANCTION: ['against', 'on', 'with', 'from', 'to'], MOBILIZE: ['against', 'near', 'along', 'on', 'to'],
  COERCE: ['against', 'on'], ASSAULT: ['against', 'on', 'into', 'in', 'at', 'with'],
};

const MAX_GAP = 6;
const VERB_TAGS = new Set<Pos>(['VERB', 'AUX']);
const NP_BEFORE = new Set<Pos>(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PART']);
/** Tags that may open a verb's object or its particle. */
const OBJECT_START = new Set<Pos>(['DET', 'NUM', 'ADP', 'PROPN', 'PRON', 'PART']);
const CONVERTED_GAP = 3;
const GAP_STOP = new Set([',', ';', ':', '.', '?', '!', '(', ')', '—', '–', '"', '“', '”', 'which', 'who', 'that', 'but', 'while', 'because', 'before', 'after', 'when', 'if', 'since', 'until', 'than', 'unless']);
const AUXILIARIES = new Set(['will', 'would', 'can', 'could', 'may', 'might', 'must', 'should', 'shall', 'not', 'also', 'to', 'did', 'do', 'does', 'never', 'then', 'jointly', 'and', 'or', 'forces', 'troops', 'soldiers', 'they', 'it', 'he', 'she', 'we', 'i', 'you', 'who', 'which', 'that']);
const SUBJECT_PRONOUNS = new Set(['it', 'they', 'he', 'she', 'we', 'i', 'you']);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const NOUN_DETERMINERS = new Set(['the', 'a', 'an', "'s", 'its', 'their', 'his', 'her', 'our']);
const DETERMINERS = new Set(['the', 'a', 'an', "'s", 'its', 'their', 'his', 'her', 'our', 'this', 'these', 'those', 'any', 'no', 'of', 'such']);

function loadClasses(): Map<string, string[]> {
  return new Map(readTsv(import.meta.url, './data/word-classes.tsv').map((r) => [r.class, r.words.split('|')]));
}




function compile(): Map<string, Entry[]> {
  const classes = loadClasses();
  const index = new Map<string, Entry[]>();
  // The converted CAMEO verb dictionary first, then the hand lexicon as an overlay: a hand
  // row replaces a converted row with the same pattern.
  const hand = readTsv(import.meta.url, './data/triggers.tsv');
  const handPatterns = new Set(hand.map((r) => r.pattern.toLowerCase()));
  const converted = readTsv(import.meta.url, './data/cameo-verbs.tsv').filter((r) => !handPatterns.has(r.pattern));
  for (const [rows, file] of [[converted, 'cameo-verbs.tsv'], [hand, 'triggers.tsv']] as const) {
    for (const row of rows) {
      const entry = compileRow(row, classes, file);
      const first = entry.slots[0];
      if (first.kind !== 'words') throw new Error(`${file}: "${row.pattern}" starts with a gap`);
      // "verb * object…" rows are filed under their verb's word set and object's words, so
      // that a verb with hundreds of converted patterns is checked only against the words
      // that follow it.
      const second = entry.slots[1], third = entry.slots[2];
      const keyed = second?.kind === 'gap' && second.min === 0 && third?.kind === 'words';
      if (keyed) {
        let objects = BY_OBJECT.get(first.words);
        if (!objects) {
          BY_OBJECT.set(first.words, (objects = new Map()));
          for (const w of first.words) {
            const sets = FIRST_SETS.get(w) ?? [];
            sets.push(first.words);
            FIRST_SETS.set(w, sets);
            if (!index.has(w)) index.set(w, []);
          }
        }
        for (const o of third.words) {
          const l = objects.get(o);
          if (l) l.push(entry); else objects.set(o, [entry]);
        }
        continue;
      }
      for (const w of first.words) {
        const list = index.get(w);
        if (list) list.push(entry); else index.set(w, [entry]);
      }
    }
  }
  return index;
}

const SLOT_CACHE = new Map<string, Set<string>>();

function compileRow(row: Record<string, string>, classes: Map<string, string[]>, file: string): Entry {
  if (!isPloverType(row.type)) throw new Error(`${file}: unknown type ${row.type} in "${row.pattern}"`);
  const pos = row.pos as Trigger['pos'];
  if (!['verb', 'noun', 'phrase'].includes(pos)) throw new Error(`${file}: bad pos ${row.pos} in "${row.pattern}"`);
  const modality = (MODALITIES as readonly string[]).includes(row.modality) ? (row.modality as Modality) : null;
  const slots: Slot[] = row.pattern.split(/\s+/).map((w, i): Slot => {
    // A converted pattern's words stand in the verb's object: a short gap only.
    if (w === '*' || w === '+') return { kind: 'gap', min: w === '+' ? 1 : 0, max: file === 'triggers.tsv' ? MAX_GAP : CONVERTED_GAP };
    if (w.startsWith('@')) {
      const words = classes.get(w.slice(1));
      if (!words) throw new Error(`${file}: unknown class ${w}`);
      return { kind: 'words', words: new Set(words) };
    }
    // Thousands of converted rows share their verbs and word lists: one set each.
    const kind = i === 0 && pos === 'verb' ? 'v' : i === 0 && pos === 'noun' && !row.pattern.includes(' ') ? 'n' : 'w';
    const key = `${kind}:${w}`;
    let words = SLOT_CACHE.get(key);
    if (!words) {
      const alts = w.toLowerCase().split('|');
      // Verbs take every inflection; a one-word noun also its plural ("deployments").
      words = new Set(kind === 'v' ? alts.flatMap((a) => inflect(a)) : kind === 'n' ? alts.flatMap((a) => [a, plural(a)]) : alts);
      SLOT_CACHE.set(key, words);
    }
    return { kind: 'words', words };
  });
  return {
    slots, type: row.type, mode: row.mode || null, pos,
    preps: row.preps ? row.preps.split('|') : DEFAULT_PREPS[row.type], modality, text: row.pattern,
    hand: file === 'triggers.tsv',
  };
}

function plural(noun: string): string {
  if (/s$/.test(noun)) return noun;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return /(x|z|ch|sh)$/.test(noun) ? `${noun}es` : `${noun}s`;
}

let INDEX: Map<string, Entry[]> | null = null;
/** A bit per wordFeature of the index's words: most words are passed over without a lookup. */
const START_WORDS = new Uint32Array(1 << 15);
/** Three characters' low five bits and the length (to 31), 20 bits: the same word, the same number. */
function wordFeature(w: string): number {
  return (w.charCodeAt(0) & 31) | ((w.charCodeAt(1) & 31) << 5) | ((w.charCodeAt(2) & 31) << 10) | ((w.length > 31 ? 31 : w.length) << 15);
}
/** "word * object…" rows by their first slot's word set, then by the object's words. */
const BY_OBJECT = new Map<Set<string>, Map<string, Entry[]>>();
/** The first-slot word sets each word belongs to. */
const FIRST_SETS = new Map<string, Set<string>[]>();

/** The rows that may match at token i: those not keyed by an object, and those whose
 * object word stands within their gap after it. */
function candidates(tokens: Token[], i: number, plain: Entry[]): Entry[] {
  const sets = FIRST_SETS.get(tokens[i].lower);
  if (!sets) return plain;
  let out: Entry[] | null = null;
  for (const set of sets) {
    const objects = BY_OBJECT.get(set)!;
    for (let j = i + 1; j < tokens.length && j <= i + 1 + MAX_GAP; j++) {
      const l = objects.get(tokens[j].lower);
      if (!l) continue;
      out ??= plain.slice();
      for (const e of l) if (!out.includes(e)) out.push(e);
    }
  }
  return out ?? plain;
}

/** The words that can start a trigger: the fast first pass skips sentences with none. */
export function triggerIndex(): Map<string, Entry[]> {
  if (!INDEX) {
    INDEX = compile();
    for (const w of INDEX.keys()) { const f = wordFeature(w); START_WORDS[f >>> 5] |= 1 << (f & 31); }
    // The role stage's verb test knows the hand lexicon's words: the converted dictionary's
    // thousands of verbs ("schedule", "plan") would make every word before "to" an event.
    const handWord = (w: string, entries: Entry[]) => entries.some((e) => e.hand)
      || (FIRST_SETS.get(w) ?? []).some((set) => [...BY_OBJECT.get(set)!.values()].some((l) => l.some((e) => e.hand)));
    registerTriggerWords([...INDEX].filter(([w, entries]) => handWord(w, entries)).map(([w]) => w));
  }
  return INDEX;
}

/** The dot closing an abbreviation ("U.S.", "U.K."), written onto the word before it. */
function abbreviationDot(tokens: Token[], k: number): boolean {
  return tokens[k].text === '.' && k > 0 && tokens[k - 1].end === tokens[k].start && tokens[k - 1].text.includes('.');
}

function matchFrom(tokens: Token[], slots: Slot[], s: number, t: number): number {
  if (s === slots.length) return t - 1;
  const slot = slots[s];
  if (slot.kind === 'gap') {
    for (let g = 0; g <= slot.max && t + g <= tokens.length; g++) {
      // "used more than a thousand missiles": a quantity's "than" does not end the gap.
      if (g > 0 && GAP_STOP.has(tokens[t + g - 1].lower) && !(tokens[t + g - 1].lower === 'than' && ['more', 'less', 'fewer'].includes(tokens[t + g - 2]?.lower ?? '')) && !abbreviationDot(tokens, t + g - 1)) break;
      if (g < slot.min) continue;
      const end = matchFrom(tokens, slots, s + 1, t + g);
      if (end >= 0) return end;
    }
    return -1;
  }
  if (t >= tokens.length || !slot.words.has(tokens[t].lower)) return -1;
  return matchFrom(tokens, slots, s + 1, t + 1);
}

/** Whether token i may be read as a verb, from the words before it (the tag: verbTagged). */
function verbReading(tokens: Token[], i: number, p: number, prev: string | undefined): boolean {
  const word = tokens[i].lower;
  if (prev && DETERMINERS.has(prev)) return false;
  // "U.S.-supplied weapons": the second half of a hyphenated adjective.
  if (i > 0 && tokens[i - 1].text === '-' && tokens[i - 1].end === tokens[i].start) return false;
  // "whose strategy has stressed sanctions": an -s form right after a participle is a noun.
  if (prev && /s$/.test(word) && /^\p{Ll}+ed$/u.test(tokens[p].text) && !AUXILIARIES.has(prev)) return false;
  // "was welcome", "is critical": a base form after "be" is an adjective or noun.
  if (prev && BE_FORMS.has(prev) && !/(ed|ing|en|wn|ght|nt)$/.test(word) && !IRREGULAR_PAST.has(word)) return false;
  // "Sanctions were imposed": a sentence's first word before "be" is its subject noun.
  if (i === 0 && BE_FORMS.has(tokens[1]?.lower ?? '')) return false;
  // "its old ally", "Putin's army's “sacred fight”": determiner, adjective, base form.
  let p2 = p - 1;
  while (p2 >= 0 && /^["“”‘’']$/.test(tokens[p2].text)) p2--;
  if (p > 0 && p2 >= 0 && NOUN_DETERMINERS.has(tokens[p2].lower) && /^\p{Ll}+$/u.test(tokens[p].text) && !AUXILIARIES.has(tokens[p].lower) && !/(ed|ing|[^s]s)$/.test(word)) return false;
  return true;
}

/** Whether the tags let token i be a verb: not a noun after a noun phrase's words. */
function verbTagged(tokens: Token[], tags: Pos[] | undefined, i: number): boolean {
  // The tagger reads a noun inside a noun phrase ("Israeli forces raided"): no verb.
  // Participles stay verbs whatever the tag ("citizens abducted by", "Beijing firing").
  // An irregular past the tagger takes for a noun before its object stays a verb ("Russia
  // shot down a drone").
  const word = tokens[i].lower;
  return !(tags && !VERB_TAGS.has(tags[i]) && i > 0 && NP_BEFORE.has(tags[i - 1]) && !/(ed|ing)$/.test(word)
    && !(IRREGULAR_PAST.has(word) && OBJECT_START.has(tags[i + 1])));
}

/** An entry that matches at a token, before the tags are read. */
interface Match { entry: Entry; last: number }

/** Per token array: the entries that match at each start token without tags. The tags only
 * refuse some of them, so the untagged and the tagged pass share this work. */
const MATCHES = new WeakMap<Token[], Array<{ i: number; matches: Match[] }>>();

function untaggedMatches(tokens: Token[]): Array<{ i: number; matches: Match[] }> {
  const hit = MATCHES.get(tokens);
  if (hit) return hit;
  const index = triggerIndex();
  const out: Array<{ i: number; matches: Match[] }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const f = wordFeature(tokens[i].lower);
    if ((START_WORDS[f >>> 5] & (1 << (f & 31))) === 0) continue;
    const plain = index.get(tokens[i].lower);
    if (!plain) continue;
    // A capitalised word mid-sentence is a name ("Strike Group"), not an event.
    if (i > 0 && /^\p{Lu}/u.test(tokens[i].text) && tokens[i - 1].text !== '"' && tokens[i - 1].text !== '“') continue;
    let p = i - 1;
    while (p >= 0 && /^["“”‘’']$/.test(tokens[p].text)) p--;
    const prev = p >= 0 ? tokens[p].lower : undefined;
    const verbOk = verbReading(tokens, i, p, prev);
    // "as it exercises its right": after a subject pronoun a noun form is a verb.
    const nounOk = !(prev && SUBJECT_PRONOUNS.has(prev));
    const matches: Match[] = [];
    for (const e of candidates(tokens, i, plain)) {
      if (e.pos === 'verb' ? !verbOk : e.pos === 'noun' && !nounOk) continue;
      const last = matchFrom(tokens, e.slots, 1, i + 1);
      if (last >= 0) matches.push({ entry: e, last });
    }
    if (matches.length) out.push({ i, matches });
  }
  MATCHES.set(tokens, out);
  return out;
}

/** Triggers in a sentence's tokens, non-overlapping, longest first, in text order. `tags`
 * (part-of-speech tags of the tokens, when known) refuse a noun trigger that only
 * modifies the next noun ("aid workers", "attack helicopters"). */
export function findTriggers(tokens: Token[], tags?: Pos[]): Trigger[] {
  const found: Trigger[] = [];
  for (const { i, matches } of untaggedMatches(tokens)) {
    const before = found.length;
    const verbOk = verbTagged(tokens, tags, i);
    // "two British aid workers": a noun before the noun it modifies is not the event.
    const modifier = !!tags && tags[i + 1] === 'NOUN' && /^\p{Ll}/u.test(tokens[i + 1].text) && tokens[i + 2]?.lower !== "'s";
    for (const { entry: e, last } of matches) {
      if (e.pos === 'verb' ? !verbOk : e.pos === 'noun' && modifier && e.slots.length === 1) continue;
      // A bare verb of the converted dictionary has many senses: only a word the tagger
      // reads as a verb ("in fine array", "missile warning data", "armed forces" are not).
      if (tags && !e.hand && e.pos === 'verb' && e.slots.length === 1 && !VERB_TAGS.has(tags[i])) continue;
      found.push({ first: i, last, type: e.type, mode: e.mode, pos: e.pos, preps: e.preps, entry: e.text, modality: e.modality, hand: e.hand });
    }
    // The hand lexicon is an overlay: where one of its rows matches at a word, the
    // converted dictionary's readings of that word are set aside.
    if (found.length > before && found.slice(before).some((f) => f.hand)) {
      const kept = found.slice(before).filter((f) => f.hand);
      found.length = before;
      found.push(...kept);
    }
  }
  // Longest first; a later, shorter match inside an earlier one is dropped.
  // On a tie a noun reading wins after a name or an adjective ("UN Security Council
  // sanctions"), a verb reading elsewhere ("the US sanctions Russia" is rare in news).
  const nounFirst = (x: Trigger) => {
    const prev = tokens[x.first - 1];
    const nounContext = !!prev && (/^\p{Lu}/u.test(prev.text) || /^\p{Ll}+$/u.test(prev.text) && !AUXILIARIES.has(prev.lower) && !/(ly|ed)$/.test(prev.lower));
    return x.pos === 'noun' ? (nounContext ? 0 : 1) : (nounContext ? 1 : 0);
  };
  found.sort((a, b) => (b.last - b.first) - (a.last - a.first) || a.first - b.first || Number(b.hand) - Number(a.hand) || nounFirst(a) - nounFirst(b));
  const kept: Trigger[] = [];
  for (const t of found) {
    if (kept.some((k) => t.first <= k.last && k.first <= t.last)) continue;
    // The overlay again: a converted row spanning a hand-lexicon event word ("carried out
    // airstrikes inside") gives way to it.
    if (!t.hand && found.some((h) => h.hand && h.first > t.first && h.last <= t.last)) continue;
    kept.push(t);
  }
  return kept.sort((a, b) => a.first - b.first);
}
