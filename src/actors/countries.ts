// Current states from the world-countries package (mledoze/countries, ODbL-1.0): ISO
// 3166-1 alpha-3 code, common and official names, English demonyms, capitals and the
// Latin-script alternative spellings. Only independent states plus Taiwan, Palestine,
// Western Sahara, Hong Kong, Macau, Greenland and Kosovo (coded XKX, the code the EU and
// IMF use, not the package's UNK): places that act or are acted on in the news.
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';

const require = createRequire(import.meta.url);

export interface CountryRecord {
  code: string;
  name: string;
  official: string;
  /** Names and alternative spellings (Latin script only). */
  names: string[];
  adjectives: string[];
  /** Plural demonyms naming the people ("Ukrainians", "Israelis"). */
  peoples: string[];
  capitals: string[];
}

/** "Ukrainian" → "Ukrainians", "Israeli" → "Israelis"; "Chinese", "British" have none. */
function plural(demonym: string): string | null {
  return /(?:an|i)$/.test(demonym) ? `${demonym}s` : null;
}

const EXTRA = new Set(['TWN', 'PSE', 'ESH', 'UNK', 'HKG', 'MAC', 'GRL']);
// Alternative spellings in the package that are ordinary English words or another
// place's name, so they would match the wrong thing.
const SKIP_SPELLING = new Set(['Island', 'Prathet', 'Timor', 'Dominique', 'Lao', 'Congo', 'Thai', 'Saudi', 'Togolese', 'Mexicanos', 'Portuguesa']);

export function loadCountries(): CountryRecord[] {
  const all = require('world-countries') as Country[];
  const out: CountryRecord[] = [];
  for (const c of all) {
    if (!c.independent && !EXTRA.has(c.cca3)) continue;
    const code = c.cca3 === 'UNK' ? 'XKX' : c.cca3;
    const names = new Set([c.name.common, c.name.official]);
    for (const a of c.altSpellings) {
      if (/^[A-Z]{2}$/.test(a) || SKIP_SPELLING.has(a) || a.includes(',')) continue;
      if (/^[\p{Script=Latin}\s.'()-]+$/u.test(a)) names.add(a.replace(/\s*\(.*\)$/, ''));
    }
    const dem = c.demonyms?.eng;
    const adjectives = new Set<string>();
    for (const d of [dem?.m, dem?.f]) {
      // "Kittitian or Nevisian", "Antiguan, Barbudan": each part is a demonym.
      for (const part of (d ?? '').split(/,| or /)) if (part.trim()) adjectives.add(part.trim());
    }
    out.push({
      code,
      name: c.name.common,
      official: c.name.official,
      names: [...names],
      adjectives: [...adjectives],
      peoples: [...adjectives].map(plural).filter((x): x is string => x !== null),
      capitals: (c.capital ?? []).map((x) => x.replace(/ D\.C\.$/, '')),
    });
  }
  return out;
}
