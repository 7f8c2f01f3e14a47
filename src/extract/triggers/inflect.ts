// English verb inflection for the lexicons: a lemma gives its -s, -ed and -ing forms by
// rule, or its listed forms from data/irregular-verbs.tsv (also under a prefix: withheld).
import { readTsv } from '../lexicon.js';

const IRREGULAR: Map<string, string[]> = new Map(
  readTsv(import.meta.url, './data/irregular-verbs.tsv').map((r) => [r.lemma, [r.lemma, r.s, r.past, r.pp, r.ing]]),
);

/** Irregular past forms that are not the lemma ("shot", "struck", "sent"). */
export const IRREGULAR_PAST: ReadonlySet<string> = new Set([...IRREGULAR.values()].flatMap(([lemma, , past, pp]) => [past, pp].filter((f) => f !== lemma)));

/** Prefixes that keep the irregular forms of the verb they attach to. */
const PREFIX = /^(?:with|over|under|out|up|re|mis|fore|be)(?=[a-z]{2,})/;

/** Regular verbs that look like a prefix on an irregular one (relay is not re-lay). */
const REGULAR = new Set(['relay', 'belay', 'outlay']);

/** Every inflected form of a regular or irregular English verb lemma. */
export function inflect(lemma: string, irregular: Map<string, string[]> = IRREGULAR): string[] {
  const known = irregular.get(lemma);
  if (known) return [...new Set(known)];
  // "withhold", "overthrow", "undertake", "rebuild": a prefix on an irregular verb.
  const prefix = PREFIX.exec(lemma);
  const base = prefix && !REGULAR.has(lemma) ? irregular.get(lemma.slice(prefix[0].length)) : undefined;
  if (prefix && base) return [...new Set(base.map((f) => prefix[0] + f))];
  const forms = new Set([lemma]);
  const consonantY = /[^aeiou]y$/.test(lemma);
  if (consonantY) {
    const stem = lemma.slice(0, -1);
    forms.add(`${stem}ies`).add(`${stem}ied`).add(`${lemma}ing`);
  } else if (/(s|x|z|ch|sh)$/.test(lemma)) {
    forms.add(`${lemma}es`).add(`${lemma}ed`).add(`${lemma}ing`);
  } else if (lemma.endsWith('ee')) {
    forms.add(`${lemma}s`).add(`${lemma}d`).add(`${lemma}ing`);
  } else if (lemma.endsWith('e')) {
    forms.add(`${lemma}s`).add(`${lemma}d`).add(`${lemma.slice(0, -1)}ing`);
  } else {
    forms.add(`${lemma}s`).add(`${lemma}ed`).add(`${lemma}ing`);
    // Consonant doubling (ship → shipped) is not predictable from spelling alone; a
    // doubled variant that never occurs costs nothing.
    if (/[aeiou][bdgklmnprt]$/.test(lemma)) {
      const last = lemma.at(-1)!;
      forms.add(`${lemma}${last}ed`).add(`${lemma}${last}ing`);
    }
  }
  return [...forms];
}

