// Maps the datasets' ways of naming actors to registry actor codes: country and
// organisation names (ICEWS, SIPRI, COW, ACLED), CAMEO actor codes (GDELT), FIPS 10-4
// geo codes (GDELT locations). Names resolve through world-countries plus our own table
// of historical states and IGOs; anything unknown returns null, never a guess.
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import { readTable } from './tables.js';

// The package is CommonJS whose export is the array itself.
const countries = createRequire(import.meta.url)('world-countries') as Country[];

const ROLES = new Set(['GOV', 'MIL', 'REB', 'OPP', 'CVL', 'BUS', 'MED', 'IGO', 'NGO', 'PPL']);

function norm(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

let names: Map<string, string> | null = null;

function loadNames(): Map<string, string> {
  const m = new Map<string, string>();
  // Our table first: it overrides the package where the datasets mean something else.
  for (const r of readTable('country-names.tsv')) m.set(norm(r.name), r.code);
  for (const c of countries) {
    for (const n of [c.name.common, c.name.official, ...c.altSpellings]) {
      const k = norm(n);
      // Two-letter alt spellings ("RU") are ISO alpha-2 codes, not names.
      if (k.length > 2 && !m.has(k)) m.set(k, c.cca3);
    }
  }
  return m;
}

/** The registry code of a country or organisation name, or null. */
export function codeForName(name: string): string | null {
  names ??= loadNames();
  return names.get(norm(name)) ?? null;
}

let cameo: { country: Map<string, string>; group: Map<string, string>; type: Map<string, string> } | null = null;

function loadCameo() {
  const out = { country: new Map<string, string>(), group: new Map<string, string>(), type: new Map<string, string>() };
  for (const r of readTable('cameo-actor-codes.tsv')) out[r.field as 'country' | 'group' | 'type'].set(r.cameo, r.code);
  for (const c of countries) if (!out.country.has(c.cca3)) out.country.set(c.cca3, c.cca3);
  return out;
}

/**
 * The registry actor of a CAMEO actor: an intergovernmental organisation when the known-group
 * (or type) code names one and no state is given, else the state of the country code.
 * Region codes (AFR, EUR) and bare sector codes (BUS, GOV) name no registry actor: null.
 */
export function cameoActorCode(countryCode: string, groupCode: string, typeCode: string): string | null {
  cameo ??= loadCameo();
  const state = countryCode ? cameo.country.get(countryCode) : undefined;
  const igo = (groupCode && cameo.group.get(groupCode)) || (typeCode && cameo.type.get(typeCode)) || undefined;
  if (state && state !== 'WST') return state;
  return igo ?? state ?? null;
}

// CAMEO agent types -> the event spec's actor roles (CAMEO codebook, actor types).
const CAMEO_ROLE: Record<string, string> = {
  GOV: 'GOV', COP: 'GOV', JUD: 'GOV', LEG: 'GOV', SPY: 'GOV',
  MIL: 'MIL', REB: 'REB', INS: 'REB', SEP: 'REB', UAF: 'REB', IMG: 'REB',
  OPP: 'OPP', CVL: 'CVL', REF: 'CVL', BUS: 'BUS', MNC: 'BUS', MED: 'MED',
  IGO: 'IGO', UNO: 'IGO', PKO: 'IGO', NGO: 'NGO', NGM: 'NGO', AMN: 'NGO', IRC: 'NGO', GRP: 'NGO', HRI: 'NGO',
};

/** The role of a CAMEO actor from its type codes (first that names one), or null. */
export function cameoRole(...types: string[]): string | null {
  for (const t of types) {
    const r = t && CAMEO_ROLE[t];
    if (r && ROLES.has(r)) return r;
  }
  return null;
}

let fips: Map<string, string> | null = null;

/** ISO alpha-3 of a FIPS 10-4 country code (GDELT geo fields), or null. */
export function fipsToIso3(code: string): string | null {
  fips ??= new Map(readTable('fips-iso3.tsv').map((r) => [r.fips, r.iso3]));
  return fips.get(code) ?? null;
}
