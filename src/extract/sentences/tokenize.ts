// Word tokens with offsets. Possessive 's / ’s is its own token so that "Russia’s war"
// gives the actor "Russia" then the marker; hyphenated words stay whole ("Russo-Ukraine").
import type { Token } from '../types.js';

const TOKEN = /['’]s\b|\p{L}[\p{L}\p{M}\p{N}]*(?:(?:-|[.'’](?!s\b))\p{L}[\p{L}\p{M}\p{N}]*)*|\p{N}[\p{N},.]*\p{N}\p{L}*|\p{N}\p{L}*|[^\s\p{L}\p{N}]/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  // exec on the one global pattern: no iterator or regex copy per call, as matchAll makes.
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    let t = m[0];
    // "U.S." keeps its dot in the token only when dotted (handled by the regex); a
    // trailing sentence stop is its own token.
    if (t.endsWith('.') && t.length > 1 && !/^(\p{L}\.)+$/u.test(t)) t = t.slice(0, -1);
    const start = m.index;
    const lower = t.toLowerCase();
    out.push({ text: t, lower: lower.includes('’') ? lower.replace(/’/g, "'") : lower, start, end: start + t.length });
  }
  return out;
}
