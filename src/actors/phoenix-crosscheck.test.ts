// Cross-checks the registry against the Phoenix country actor dictionary
// (openeventdata/petrarch2, generated from CountryInfo.140130, MIT). For each person whose
// name is in both: the countries must agree, and every office the registry lists that
// began before the dictionary was made must overlap one of its GOV date ranges for that
// country. And each of its country names must resolve to the same code.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolve } from './resolve.js';
import { registry } from './registry.js';

// --- The dictionary format: `NAME_` entries, `+SYNONYM` lines, tab-indented
// `[CODE date-restriction]` lines; dates YYMMDD or YYYYMMDD (dictionaries.rst there).
interface PhoenixCode { code: string; from: string | null; to: string | null }
interface PhoenixEntry { line: number; names: string[]; codes: PhoenixCode[] }

/** "480909" → "1948-09-09", "080507" → "2008-05-07", "19300415" → "1930-04-15". */
function phoenixDate(s: string): string {
  const full = s.length === 6 ? `${Number(s.slice(0, 2)) < 30 ? '20' : '19'}${s}` : s;
  return `${full.slice(0, 4)}-${full.slice(4, 6)}-${full.slice(6, 8)}`;
}

function parseCode(body: string): PhoenixCode | null {
  const m = /^([A-Z0-9]+)\s*(.*)$/.exec(body.trim());
  if (!m) return null;
  const [, code, r] = m;
  const rest = r.trim();
  if (rest === '') return { code, from: null, to: null };
  let x: RegExpExecArray | null;
  if ((x = /^>\s*(\d{6}|\d{8})$/.exec(rest))) return { code, from: phoenixDate(x[1]), to: null };
  if ((x = /^<\s*(\d{6}|\d{8})$/.exec(rest))) return { code, from: null, to: phoenixDate(x[1]) };
  if ((x = /^(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8})$/.exec(rest))) return { code, from: phoenixDate(x[1]), to: phoenixDate(x[2]) };
  return null;
}

/** Normalises a dictionary phrase or a registry name for comparison: "KIM_JONG-UN_" ≡ "Kim Jong-un". */
function phoenixKey(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase().replace(/[_\-.]+/g, ' ').replace(/\s+/g, ' ').trim();
}

function parsePhoenix(text: string): PhoenixEntry[] {
  const out: PhoenixEntry[] = [];
  let cur: PhoenixEntry | null = null;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const line = raw.replace(/#.*$/, '').replace(/\s+$/, '');
    if (line.trim() === '') continue;
    if (/^\s/.test(line) && line.trim().startsWith('[')) {
      const m = /\[([^\]]*)\]/.exec(line);
      const c = m && parseCode(m[1]);
      if (cur && c) cur.codes.push(c);
    } else if (line.startsWith('+')) {
      cur?.names.push(phoenixKey(line.slice(1)));
    } else {
      const m = /^([^[]+?)\s*(?:\[([^\]]*)\])?\s*$/.exec(line.trim());
      if (!m) continue;
      // Some blocks list synonyms without the '+' ("LEONID_ILYICH_BREZHNEV" under
      // "LEONID_BREZHNEV_"): a name line before any code line continues the entry.
      if (cur && cur.codes.length === 0 && !m[2]) { cur.names.push(phoenixKey(m[1])); continue; }
      cur = { line: i + 1, names: [phoenixKey(m[1])], codes: [] };
      const c = m[2] ? parseCode(m[2]) : null;
      if (c) cur.codes.push(c);
      out.push(cur);
    }
  }
  return out;
}

// ../shared beside the repository (as test/cli.ts has it; imported here would leave rootDir).
const sharedDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared');
const FILE = join(sharedDir, 'data/petrarch2-dictionaries/Phoenix.Countries.actors.txt');
/** CountryInfo.140130: offices that began later cannot be in the dictionary. */
const DICTIONARY_DATE = '2014-01-30';
/**
 * Where the dictionary's codes differ from the registry's: it codes Soviet office-holders
 * RUS, which before 1991-12-26 is SUN here.
 */
function registryCode(c: PhoenixCode): string {
  const cc = c.code.slice(0, 3);
  if (cc === 'RUS' && c.to !== null && c.to < '1991-12-26') return 'SUN';
  return cc;
}
/**
 * People the dictionary codes for another body than the registry does, with the reason.
 * Kept short and explicit: each one is counted and printed.
 */
const DIFFERENT_BODY: Record<string, string> = {
  'antonio-guterres': 'the registry lists only his UN office (2017–); the dictionary his Portuguese premiership',
  'eduard-shevardnadze': 'the dictionary codes him only as Georgian head of state; the registry also lists his Soviet foreign ministry',
};

/**
 * Offices the dictionary does not have (it lists another office of the same person, so
 * the person is still compared): registry id and office start → why.
 */
const DICTIONARY_GAPS: Record<string, string> = {
  'chiang-kai-shek 1928-10-10': 'the dictionary codes only his Taiwan presidency (TWNGOV 1950–1975)',
  'pak-pong-ju 2013-04-01': 'second premiership, after the dictionary\'s last revision of his entry',
  'shinzo-abe 2012-12-26': 'second premiership, after the dictionary\'s last revision of his entry',
  'han-seung-soo 2001-03-26': 'the dictionary lists only his 2008 premiership',
  'borys-tarasyuk 1998-04-17': 'the dictionary lists only his second term as foreign minister',
  'oleksandr-kuzmuk 1996-07': 'the dictionary lists only his second term as defence minister',
  'georges-pompidou 1962-04-14': 'the dictionary codes him as elite (ELI), not government, before his presidency',
  'alain-poher 1969-04-28': 'the dictionary lists only his second interim presidency',
  'paik-too-chin 1952-10-09': 'the dictionary lists only his second premiership (1970–71)',
  'fidel-castro 1959-02-16': 'the dictionary codes him as government only from his 1976 presidency',
  'viktor-orban 2010-05-29': 'the dictionary lists only his first premiership',
  'leonid-brezhnev 1960-05-07': 'the dictionary codes him as elite (ELI) before he led the party',
};

/** Each person's spelling variants (people.tsv), tried when the usual name is not in the dictionary. */
const VARIANTS = new Map(
  readFileSync(new URL('./data/people.tsv', import.meta.url), 'utf8').split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => { const f = l.split('\t'); return [f[0], (f[2] ?? '').split('|').filter(Boolean)] as const; }),
);
const aliasesOf = (id: string): readonly string[] => VARIANTS.get(id) ?? [];

const overlaps = (a0: string, a1: string | null, b: PhoenixCode): boolean =>
  a0 <= (b.to ?? '9999-12-31') && (b.from ?? '0000-01-01') <= (a1 ?? '9999-12-31');

const pad = (d: string, end: boolean): string => (d.length === 10 ? d : d.length === 7 ? `${d}-${end ? '28' : '01'}` : `${d}-${end ? '12-31' : '01-01'}`);

describe('leaders against the Phoenix dictionary', () => {
  const entries = parsePhoenix(readFileSync(FILE, 'utf8'));
  const byName = new Map<string, PhoenixCode[]>();
  for (const e of entries) for (const n of e.names) byName.set(n, [...(byName.get(n) ?? []), ...e.codes]);

  it('reads the dictionary format', () => {
    expect(phoenixDate('480909')).toBe('1948-09-09');
    expect(phoenixDate('080507')).toBe('2008-05-07');
    expect(phoenixDate('19300415')).toBe('1930-04-15');
    expect(byName.get('VLADIMIR PUTIN')?.some((c) => c.code === 'RUSGOV' && c.from === '2012-05-07' || c.from === '2008-05-08')).toBe(true);
  });

  it('agrees on country and dates for every leader in both', () => {
    const problems: string[] = [];
    let compared = 0;
    let laterOffice = 0;
    const skipped: string[] = [];
    const gaps: string[] = [];
    const { people, origin } = registry();
    for (const p of people.values()) {
      // The hand-checked people.tsv only: leaders.tsv starts where the dictionary ends,
      // and the Phoenix people are the dictionary.
      if (origin.has(p.id)) continue;
      const codes = byName.get(phoenixKey(p.name)) ?? aliasesOf(p.id).map((a) => byName.get(phoenixKey(a))).find(Boolean);
      if (!codes) continue;
      const gov = codes
        .filter((c) => /^[A-Z]{3}GOV/.test(c.code))
        .map((c) => ({ ...c, code: registryCode(c) }));
      if (gov.length === 0) continue;
      if (DIFFERENT_BODY[p.id]) { skipped.push(`${p.id}: ${DIFFERENT_BODY[p.id]}`); continue; }
      compared++;
      const ours = new Set(p.offices.map((o) => o.code));
      for (const c of new Set(gov.map((g) => g.code))) {
        if (!ours.has(c)) problems.push(`${p.id}: dictionary says ${c}, registry ${[...ours].join('/')}`);
      }
      const early = p.offices.filter((o) => o.from < DICTIONARY_DATE);
      if (early.length === 0) { laterOffice++; continue; }
      for (const o of early) {
        if (!/^[A-Z]{3}$/.test(o.code)) continue;
        const gap = DICTIONARY_GAPS[`${p.id} ${o.from}`];
        if (gap) { gaps.push(`${p.id} ${o.from}: ${gap}`); continue; }
        const same = gov.filter((g) => g.code === o.code);
        if (!same.some((g) => overlaps(pad(o.from, false), o.to ? pad(o.to, true) : null, g))) {
          problems.push(`${p.id}: ${o.title} ${o.from}–${o.to ?? ''} overlaps no ${o.code}GOV range (${same.map((g) => `${g.from ?? ''}…${g.to ?? ''}`).join(', ')})`);
        }
      }
    }
    console.log([
      `Phoenix cross-check: ${compared} people compared, ${laterOffice} of them with only offices after ${DICTIONARY_DATE} (country checked only)`,
      `${skipped.length} people skipped:`, ...skipped.map((x) => `  ${x}`),
      `${gaps.length} offices not in the dictionary:`, ...gaps.map((x) => `  ${x}`),
    ].join('\n'));
    expect(problems).toEqual([]);
    expect(compared).toBeGreaterThan(150);
    expect(gaps.length).toBe(Object.keys(DICTIONARY_GAPS).length);
  });

  it('resolves each country name of the dictionary to the same code', () => {
    // Names the registry does not carry, with the reason.
    const NOT_CARRIED: Record<string, string> = {
      ANGUILLA: 'dependent territory', ARUBA: 'dependent territory', BERMUDA: 'dependent territory',
      'CAYMAN ISLANDS': 'dependent territory', 'COOK ISLANDS': 'dependent territory', GUERNSEY: 'dependent territory',
      MAYOTTE: 'French overseas department', 'SAINT BARTHELEMY': 'French overseas collectivity',
      CONGO: 'ambiguous between the two Congos in news text',
      KINAKUTA: 'a fictional country of the dictionary',
      MADAGASKAR: 'a misspelling',
      TRANSNISTRIA: 'a breakaway region the dictionary codes as Moldova',
    };
    const problems: string[] = [];
    let agree = 0;
    let skipped = 0;
    for (const e of entries) {
      const [c] = e.codes;
      if (e.codes.length !== 1 || c.from || c.to || !/^[A-Z]{3}$/.test(c.code)) continue;
      const name = e.names[0];
      if (NOT_CARRIED[name]) { skipped++; continue; }
      const text = name.toLowerCase().replace(/\b\p{L}/gu, (x) => x.toUpperCase());
      const r = resolve(text, '2010');
      if (r?.code === c.code) agree++;
      else problems.push(`${text}: dictionary ${c.code}, registry ${r?.code ?? 'nothing'}`);
    }
    console.log(`Phoenix country names: ${agree} agree, ${skipped} not carried`);
    expect(problems).toEqual([]);
    expect(skipped).toBe(Object.keys(NOT_CARRIED).length);
    expect(agree).toBeGreaterThan(160);
  });
});
