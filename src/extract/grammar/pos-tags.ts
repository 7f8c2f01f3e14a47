// Part-of-speech tags for a sentence's tokens, from wink-nlp's English model (Universal
// Dependencies tag set: NOUN, PROPN, VERB, AUX, ADJ, ADP, DET, NUM, PRON, PART, CCONJ,
// SCONJ, ADV, PUNCT…). The model ships inside its npm package; it loads once, lazily.
// Tags are mapped onto Entente's own tokens by character offsets, so the rest of the
// pipeline keeps its tokenisation (possessive 's apart, hyphenated words whole).
import { createRequire } from 'node:module';
import type { Token } from '../types.js';

export type Pos = 'NOUN' | 'PROPN' | 'VERB' | 'AUX' | 'ADJ' | 'ADP' | 'DET' | 'NUM' | 'PRON' | 'PART' | 'CCONJ' | 'SCONJ' | 'ADV' | 'PUNCT' | 'INTJ' | 'SYM' | 'X' | 'SPACE';

interface Wink {
  readDoc(text: string): { tokens(): { out(f?: unknown): string[] } };
  its: { value: unknown; pos: unknown };
}

let nlp: Wink | null = null;

function load(): Wink {
  if (!nlp) {
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as (model: unknown, pipe: string[]) => Wink;
    nlp = winkNLP(require('wink-eng-lite-web-model'), ['pos']);
  }
  return nlp;
}

const CACHE = new WeakMap<Token[], Pos[]>();

/**
 * One tag per token of `tokens` (tokenised from `text`); cached per token array. Tagging
 * is the pipeline's costliest step, so only tokens up to `upto` (inclusive) are tagged:
 * the tagger reads the text to the end of that token, and later tokens get `X`.
 */
export function posTags(text: string, tokens: Token[], upto = tokens.length - 1): Pos[] {
  const hit = CACHE.get(tokens);
  if (hit) return hit;
  const w = load();
  const last = Math.min(upto, tokens.length - 1);
  const read = last >= 0 ? text.slice(0, tokens[last].end) : text;
  // Words glued by markup ("Kim Jong Unreceived") are read with a space between them;
  // `shift` maps offsets in what the tagger read back to the text.
  const glued = gluedAt(tokens, last);
  const input = glued.length ? spaced(read, glued) : read;
  const shift = (i: number) => { let d = 0; while (d < glued.length && glued[d] + d < i) d++; return i - d; };
  const doc = w.readDoc(input);
  const values = doc.tokens().out(w.its.value);
  const tags = doc.tokens().out(w.its.pos) as Pos[];
  // Character span of each tagger token in the text.
  const spans: { start: number; end: number; pos: Pos }[] = [];
  let at = 0;
  for (let k = 0; k < values.length; k++) {
    const i = input.indexOf(values[k], at);
    if (i < 0) continue;
    spans.push({ start: shift(i), end: shift(i + values[k].length), pos: tags[k] });
    at = i + values[k].length;
  }
  const out: Pos[] = [];
  let s = 0;
  for (const t of tokens) {
    while (s < spans.length && spans[s].end <= t.start) s++;
    // A token the tagger split ("U.S.-supplied") takes the tag of its last piece, the head.
    let pos: Pos = 'X';
    for (let k = s; k < spans.length && spans[k].start < t.end; k++) pos = spans[k].pos;
    out.push(pos);
  }
  CACHE.set(tokens, out);
  return out;
}

/** Offsets where two word tokens up to `last` touch with no space ("Un|received"). */
function gluedAt(tokens: Token[], last: number): number[] {
  const out: number[] = [];
  for (let k = 1; k <= last; k++) {
    if (tokens[k].start === tokens[k - 1].end && /^\p{L}/u.test(tokens[k].text) && /\p{L}$/u.test(tokens[k - 1].text)) out.push(tokens[k].start);
  }
  return out;
}

function spaced(text: string, at: number[]): string {
  let out = '', from = 0;
  for (const i of at) { out += text.slice(from, i) + ' '; from = i; }
  return out + text.slice(from);
}

/** Tags of a noun phrase's parts: determiners, numbers, adjectives, nouns, names. */
export const NOUN_PHRASE = new Set<Pos>(['DET', 'NUM', 'ADJ', 'NOUN', 'PROPN', 'SYM']);
