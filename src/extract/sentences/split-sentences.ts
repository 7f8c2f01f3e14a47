// Sentence splitting with document offsets. Rule based: a sentence ends at . ! ? (and a
// closing quote or bracket after it) followed by space and an upper-case letter, digit or
// quote, unless the word before the stop is a known abbreviation or a single initial
// ("U.S.", "Dr.", "Jan."). Blank lines end sentences and start paragraphs. A run longer
// than MAX_SENTENCE characters with no end is cut at whitespace so that huge lines
// stay bounded. It is a generator: a 20 MB text is never held as a sentence array.
import { readList } from '../lexicon.js';
import type { Sentence } from '../types.js';

const ABBREVIATIONS = new Set(readList(import.meta.url, './data/abbreviations.txt'));
export const MAX_SENTENCE = 1500;

// Letters that may start a sentence after a stop: capitals, digits, opening quotes.
const STARTER = /[\p{Lu}\p{N}"“‘'([]/u;

function isAbbreviation(text: string, dot: number): boolean {
  let i = dot - 1;
  while (i >= 0 && /[\p{L}.]/u.test(text[i])) i--;
  const word = text.slice(i + 1, dot).toLowerCase();
  if (!word) return false;
  if (ABBREVIATIONS.has(word)) return true;
  // Initials and dotted acronyms: "U.S", "J", "a.m".
  return /^(\p{L}\.)*\p{L}$/u.test(word) && (word.length === 1 || word.includes('.'));
}

/** Yields the sentences of `text` in order, with offsets into `text`. */
export function* splitSentences(text: string): Generator<Sentence> {
  const n = text.length;
  let index = 0;
  let pos = 0;
  let paragraphStart = true;

  function* emit(a: number, b: number): Generator<Sentence> {
    // Trim whitespace while keeping offsets.
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    if (b <= a) return;
    yield { index: index++, start: a, end: b, text: text.slice(a, b), paragraphStart };
    paragraphStart = false;
  }

  while (pos < n) {
    let i = pos;
    let cut = -1;
    let nextPara = false;
    for (; i < n; i++) {
      const c = text[i];
      if (c === '\n') {
        // A blank line (possibly with \r or spaces) ends the sentence and the paragraph;
        // a single newline ends it too when the next line looks like a new sentence.
        let j = i + 1;
        while (j < n && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
        if (j < n && text[j] === '\n') { cut = i; nextPara = true; break; }
        if (j >= n || STARTER.test(text[j]) || /[-*#>]/.test(text[j])) {
          const prev = text.slice(pos, i).trimEnd();
          if (prev.length > 0) { cut = i; nextPara = true; break; }
        }
        continue;
      }
      if (c === '.' || c === '!' || c === '?') {
        let j = i + 1;
        while (j < n && /[.!?"”’')\]]/.test(text[j])) j++;
        if (j >= n) { cut = j; break; }
        if (!/\s/.test(text[j])) continue;
        let k = j;
        while (k < n && /[ \t]/.test(text[k])) k++;
        if (k < n && text[k] !== '\n' && text[k] !== '\r' && !STARTER.test(text[k])) continue;
        if (c === '.' && j === i + 1 && isAbbreviation(text, i)) {
          // "the U.S. Army" continues; "… the U.S. The next …" is ambiguous: an
          // abbreviation followed by a capitalised function word ends the sentence.
          const next = /^\p{L}+/u.exec(text.slice(k, k + 20))?.[0] ?? '';
          if (!/^(The|A|An|It|He|She|They|We|In|On|But|And|This|That|These|Those|Its|Their|His|Her)$/.test(next)) continue;
        }
        cut = j;
        break;
      }
      if (i - pos >= MAX_SENTENCE) {
        // No end in sight: cut at the last whitespace so a 5 MB line stays bounded.
        let w = i;
        while (w > pos + MAX_SENTENCE / 2 && !/\s/.test(text[w])) w--;
        cut = w > pos + MAX_SENTENCE / 2 ? w : i;
        break;
      }
    }
    if (cut < 0) cut = n;
    yield* emit(pos, cut);
    if (nextPara) paragraphStart = true;
    pos = Math.max(cut, pos + 1);
  }
}
