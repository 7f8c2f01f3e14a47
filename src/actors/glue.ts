// Words glued together by a page's markup: state media set a leader's name in bold, and
// the text taken from the page loses the spaces around it ("ComradeKim Jong Unreceived").
// Two kinds of joint split a word: a lower-case run of two letters or more followed by a
// capital and a letter ("ComradeKim", "theDPRK"; see caseJointAt in tokens.ts, applied
// to aliases and text alike), and the end of a known three-word person's name followed
// by lower-case letters ("Kim Jong Unreceived", "Kim Il Sungand"), found here.
import { registry } from './registry.js';

/** Three capitalised words, the last running on in lower case: a name glued to a word. */
const THREE_NAMES = /(\p{Lu}\p{Ll}{0,4}[ -]\p{Lu}\p{Ll}{0,4}[ -])(\p{Lu}\p{Ll}{3,})/gu;
const NONE: readonly number[] = [];

/** Offsets in `text` where a known name ends inside a word ("Kim Jong Un|received"). */
export function nameJoints(text: string): readonly number[] {
  THREE_NAMES.lastIndex = 0;
  let out: number[] | null = null;
  for (let m = THREE_NAMES.exec(text); m !== null; m = THREE_NAMES.exec(text)) {
    const word = m[2];
    // The name's last word is two to four letters, the rest at least two.
    for (let p = 2; p <= 4 && p <= word.length - 2; p++) {
      const name = m[1] + word.slice(0, p);
      if (registry().trie.targetsOf(name).some((x) => x.kind === 'person')) {
        (out ??= []).push(m.index + m[1].length + p);
        break;
      }
    }
    // The glued word may start the next name ("Kim Jong Unand Kim Yo Jong").
    THREE_NAMES.lastIndex = m.index + m[1].length;
  }
  return out ?? NONE;
}
