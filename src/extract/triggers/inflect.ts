// English verb inflection for the lexicons: a lemma gives its -s, -ed and -ing forms by
// rule, or its listed forms from data/irregular-verbs.tsv.
import { readTsv } from '../lexicon.js';

const IRREGULAR: Map<string, string[]> = new Map(
  readTsv(import.meta.url, './data/irregular-verbs.tsv').map((r) => [r.lemma, [r.lemma, r.s, r.past, r.pp, r.ing]]),
);

/** Every inflected form of a regular or irregular English verb lemma. */
export function inflect(lemma: string, irregular: Map<string, string[]> = IRREGULAR): string[] {
  const known = irregular.get(lemma);
  if (known) return [...new Set(known)];
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

