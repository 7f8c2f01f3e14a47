// Splits text into word and punctuation tokens with their offsets, the unit the alias
// trie walks. Hyphens join like spaces (Kim Jong-un = Kim Jong Un) but are remembered,
// since the word after a hyphen may be lower case; curly apostrophes count as '.

export interface Tokens {
  count: number;
  start: number[];
  end: number[];
  /** Lower-cased word, or the punctuation character ("'" for ’ ‘ ʼ). */
  key: string[];
  /** 1 = word directly after a hyphen, 2 = preceded by no space at all (glued punctuation). */
  flag: number[];
}

const WORDISH = /[\p{L}\p{N}\p{M}]/u;
const HYPHENS = new Set([0x2d, 0x2010, 0x2011]);
const APOSTROPHES = new Set([0x27, 0x2019, 0x2018, 0x2bc]);

function isWord(c: number, ch: string): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORDISH.test(ch);
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x3000 || c === 0x200b;
}

export function tokenize(text: string): Tokens {
  const t: Tokens = { count: 0, start: [], end: [], key: [], flag: [] };
  const n = text.length;
  let i = 0;
  let afterHyphen = false;
  let glued = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) { i++; afterHyphen = false; glued = false; continue; }
    if (HYPHENS.has(c)) { i++; afterHyphen = true; continue; }
    const ch = text[i];
    if (isWord(c, ch)) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (!isWord(d, text[j])) break;
        j++;
      }
      push(t, i, j, text.slice(i, j).toLowerCase(), afterHyphen ? 1 : glued ? 2 : 0);
      i = j;
    } else {
      push(t, i, i + 1, APOSTROPHES.has(c) ? "'" : ch, glued ? 2 : 0);
      i++;
    }
    afterHyphen = false;
    glued = true;
  }
  return t;
}

function push(t: Tokens, s: number, e: number, key: string, flag: number): void {
  t.start.push(s);
  t.end.push(e);
  t.key.push(key);
  t.flag.push(flag);
  t.count++;
}
