// Word tokens with offsets. Possessive 's / ’s is its own token so that "Russia’s war"
// gives the actor "Russia" then the marker; hyphenated words stay whole ("Russo-Ukraine").
// Words glued by a page's markup split as the actor scanner splits them ("ComradeKim",
// "Kim Jong Un|received": caseJointAt, and `joints` from nameJoints).
import { caseJointAt } from '../../actors/index.js';
import type { Token } from '../types.js';

const TOKEN = /['’]s\b|\p{L}[\p{L}\p{M}\p{N}]*(?:(?:-|[.'’](?!s\b))\p{L}[\p{L}\p{M}\p{N}]*)*|\p{N}[\p{N},.]*\p{N}\p{L}*|\p{N}\p{L}*|[^\s\p{L}\p{N}]/gu;

const NO_JOINTS: readonly number[] = [];
/** A capital after two lower-case letters: the only case a glued word can show. */
const GLUED = /\p{Ll}{2}\p{Lu}/u;

export function tokenize(text: string, joints: readonly number[] = NO_JOINTS): Token[] {
  const out: Token[] = [];
  // exec on the one global pattern: no iterator or regex copy per call, as matchAll makes.
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    let t = m[0];
    // "U.S." keeps its dot in the token only when dotted (handled by the regex); a
    // trailing sentence stop is its own token.
    if (t.endsWith('.') && t.length > 1 && !/^(\p{L}\.)+$/u.test(t)) t = t.slice(0, -1);
    const start = m.index;
    if (t.length > 3 && (GLUED.test(t) || joints.some((j) => j > start && j < start + t.length))) {
      splitGlued(text, t, start, joints, out);
      continue;
    }
    out.push(token(t, start));
  }
  return out;
}

function token(t: string, start: number): Token {
  const lower = t.toLowerCase();
  return { text: t, lower: lower.includes('’') ? lower.replace(/’/g, "'") : lower, start, end: start + t.length };
}

function splitGlued(text: string, t: string, start: number, joints: readonly number[], out: Token[]): void {
  let from = start;
  for (let at = start + 1; at < start + t.length; at++) {
    if (!joints.includes(at) && !caseJointAt(text, at)) continue;
    out.push(token(text.slice(from, at), from));
    from = at;
  }
  out.push(token(text.slice(from, start + t.length), from));
}
