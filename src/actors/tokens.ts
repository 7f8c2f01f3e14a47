// Splits text into word and punctuation tokens with their offsets, the unit the alias
// trie walks. Hyphens join like spaces (Kim Jong-un = Kim Jong Un) but are remembered,
// since the word after a hyphen may be lower case; curly apostrophes count as '.
// Lower-cased keys are made on demand (keyAt): most words never start or continue a name.
// The buffers are reused from call to call: a Tokens is valid until the next tokenize().

export interface Tokens {
  text: string;
  count: number;
  start: Int32Array;
  end: Int32Array;
  /** 1 = word directly after a hyphen (its case is free: "Kim Jong-un"), else 0. */
  flag: Uint8Array;
  /** Lower-cased word, or the punctuation character ("'" for ’ ‘ ʼ); filled by keyAt. */
  key: (string | undefined)[];
}

const WORDISH = /[\p{L}\p{N}\p{M}]/u;
const isHyphen = (c: number): boolean => c === 0x2d || c === 0x2010 || c === 0x2011;
const isApostrophe = (c: number): boolean => c === 0x27 || c === 0x2019 || c === 0x2018 || c === 0x2bc;

function isWord(text: string, at: number, c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORDISH.test(text[at]);
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x3000 || c === 0x200b;
}

let shared: Tokens = { text: '', count: 0, start: new Int32Array(256), end: new Int32Array(256), flag: new Uint8Array(256), key: [] };

function grow(t: Tokens): void {
  const n = t.start.length * 2;
  const start = new Int32Array(n); start.set(t.start);
  const end = new Int32Array(n); end.set(t.end);
  const flag = new Uint8Array(n); flag.set(t.flag);
  shared = { ...t, start, end, flag };
}

/** Lower-case letters a word must run on before a capital splits it ("the|DPRK", not "Mc|Donald"). */
const isLower = (c: number): boolean => c >= 97 && c <= 122;
const isUpper = (c: number): boolean => c >= 65 && c <= 90;

/**
 * Whether a word glued by markup splits before `at`: two lower-case letters, then a capital
 * and a letter ("ComradeKim", "theDPRK"); "McDonald", "iPhone" and "OpenAI" stay whole,
 * "YouTube" and "OpenAI" split (in aliases as in text, so a name written so still matches).
 */
export function caseJointAt(text: string, at: number): boolean {
  return at >= 2 && isUpper(text.charCodeAt(at)) && isLower(text.charCodeAt(at - 1)) && isLower(text.charCodeAt(at - 2))
    && (isLower(text.charCodeAt(at + 1)) || isUpper(text.charCodeAt(at + 1)));
}

const NO_JOINTS: readonly number[] = [];

/** Tokens of `text`; `joints` (ascending) are further offsets where a word splits. */
export function tokenize(text: string, joints: readonly number[] = NO_JOINTS): Tokens {
  shared.text = text;
  shared.count = 0;
  const n = text.length;
  let i = 0;
  let afterHyphen = false;
  let joint = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) { i++; afterHyphen = false; continue; }
    if (isHyphen(c)) { i++; afterHyphen = true; continue; }
    let j = i + 1;
    if (isWord(text, i, c)) {
      while (joint < joints.length && joints[joint] <= i) joint++;
      const stop = joint < joints.length ? joints[joint] : n;
      while (j < n && j !== stop && isWord(text, j, text.charCodeAt(j)) && !caseJointAt(text, j)) j++;
    }
    if (shared.count === shared.start.length) grow(shared);
    const t = shared;
    t.start[t.count] = i;
    t.end[t.count] = j;
    t.flag[t.count] = afterHyphen ? 1 : 0;
    t.key[t.count] = undefined;
    t.count++;
    i = j;
    afterHyphen = false;
  }
  return shared;
}

/** The lower-cased key of token i, computed once. */
export function keyAt(t: Tokens, i: number): string {
  let k = t.key[i];
  if (k === undefined) {
    const s = t.start[i];
    const e = t.end[i];
    if (e - s === 1) {
      const c = t.text.charCodeAt(s);
      k = isApostrophe(c) ? "'" : t.text[s].toLowerCase();
    } else {
      k = t.text.slice(s, e).toLowerCase();
    }
    t.key[i] = k;
  }
  return k;
}

/**
 * A number from a token's first three characters (ASCII letters folded to lower case) and
 * its length: a cheap test that rules out most words before any string is made.
 */
export function signature(text: string, s: number, e: number): number {
  const len = e - s > 255 ? 255 : e - s;
  const c0 = text.charCodeAt(s);
  const c1 = s + 1 < e ? text.charCodeAt(s + 1) : 0;
  const c2 = s + 2 < e ? text.charCodeAt(s + 2) : 0;
  if ((c0 | c1 | c2) > 127) return -1;
  // Setting bit 5 folds A–Z onto a–z (and leaves digits alone); a small integer, 29 bits.
  return len | ((c0 | 0x20) << 8) | ((c1 | 0x20) << 15) | ((c2 | 0x20) << 22);
}
