#!/usr/bin/env node
// Converts the Phoenix actor and agent dictionaries (Open Event Data Alliance, MIT) into
// the registry's generated TSV files under src/actors/data/. Run by hand when the
// dictionaries change, not at build time:
//
//   node scripts/convert-phoenix.mjs <dir with Phoenix.*.txt>
//
// Writes phoenix-people.tsv (people and bodies of the country dictionary with their dated
// codes), phoenix-groups.tsv (non-state armed groups of the MilNonState dictionary) and
// phoenix-agents.tsv (generic agents: police, rebels, protesters, ...). Names already in
// people.tsv or leaders.tsv are left out: the hand-checked data wins. Names that are
// common English words or given names are not kept as one-word aliases.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { allCommon, commonWords, givenNames, titleCase, cameoToIso, knownStates, slug } from './lib/actor-data.mjs';

const require = createRequire(import.meta.url);
const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/convert-phoenix.mjs <dictionary dir>');
  process.exit(2);
}
const out = new URL('../src/actors/data/', import.meta.url);
const states = knownStates(require, new URL('historical-states.tsv', out));
const common = commonWords(require);
const given = givenNames(require);

/** Lower-cased names (and aliases) of people the hand-checked files already hold. */
function handNames() {
  const names = new Set();
  for (const f of ['people.tsv', 'leaders.tsv']) {
    let text = '';
    try { text = readFileSync(new URL(f, out), 'utf8'); } catch { continue; }
    let header = null;
    for (const line of text.split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      const cells = line.split('\t');
      if (!header) { header = cells; continue; }
      const row = Object.fromEntries(header.map((h, k) => [h, cells[k] ?? '']));
      for (const n of [row.name, ...(row.aliases ?? '').split('|')]) if (n) names.add(n.trim().toLowerCase().replace(/-/g, ' '));
    }
  }
  return names;
}
const hand = handNames();

/** YYMMDD or YYYYMMDD → ISO; two-digit years up to 20 are 20xx (the files date from 2014). */
function isoDate(s) {
  let y, m, d;
  if (/^\d{8}$/.test(s)) [y, m, d] = [s.slice(0, 4), s.slice(4, 6), s.slice(6, 8)];
  else if (/^\d{6}$/.test(s)) {
    const yy = Number(s.slice(0, 2));
    [y, m, d] = [String(yy <= 20 ? 2000 + yy : 1900 + yy), s.slice(2, 4), s.slice(4, 6)];
  } else return null;
  if (m === '00') return y;
  if (Number(m) > 12) return null;
  if (d === '00') return `${y}-${m}`;
  if (Number(d) > 31) return null;
  return `${y}-${m}-${d}`;
}

/** CAMEO role codes (the first one after the country gives the mention's role). */
const ROLES = new Set(['GOV', 'MIL', 'REB', 'OPP', 'COP', 'JUD', 'MED', 'CVL', 'BUS', 'IGO', 'NGO', 'LEG', 'SPY', 'UAF', 'CRM', 'EDU', 'HLH', 'LAB', 'REL', 'AGR', 'ENV', 'REF', 'PTY', 'ELI', 'MOD', 'RAD', 'INS', 'SEP', 'DEV', 'HRI', 'IMG', 'MNC', 'PPL']);

const RELIGIONS = new Set(['BUD', 'CHR', 'CTH', 'PRO', 'ORT', 'JEW', 'MUS', 'SHI', 'SUN', 'HIN', 'SIK', 'JAN', 'ZRO', 'TAO', 'CON', 'SHN', 'ITR', 'DRZ', 'ALE', 'BAH', 'ATH', 'MOS', 'CHRCTH']);

/** "[AZEGOVMIL 030101-051031]" → { code, role, from, to } or null when the code is no state. */
function restriction(body) {
  const m = /^([A-Z]{3,})(?:\s+(.*))?$/.exec(body.trim());
  if (!m) return null;
  const iso = cameoToIso(m[1].slice(0, 3), states);
  if (!iso) return null;
  const role = m[1].slice(3, 6) || '-';
  // A suffix that is no role is a dependent territory ("NZLTKL"): not the state itself.
  if (role !== '-' && !ROLES.has(role)) return null;
  let from = '-', to = '-';
  const r = (m[2] ?? '').trim();
  if (r.startsWith('>')) from = isoDate(r.slice(1)) ?? 'bad';
  else if (r.startsWith('<')) to = isoDate(r.slice(1)) ?? 'bad';
  else if (r.includes('-')) {
    const [a, b] = r.split('-');
    from = isoDate(a) ?? 'bad';
    to = isoDate(b) ?? 'bad';
  }
  if (from === 'bad' || to === 'bad' || (from !== '-' && to !== '-' && to < from)) return null;
  return { code: iso, role, from, to };
}

/** Splits a dictionary into records: a primary phrase, its synonyms, its codes. */
function records(text) {
  const recs = [];
  let cur = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').replace(/;.*$/, '');
    if (!line.trim()) continue;
    const codes = [...line.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]);
    const phrase = line.replace(/\[[^\]]*\]/g, '').trim();
    if (/^\s/.test(raw) && !phrase) {
      if (cur) cur.codes.push(...codes);
      continue;
    }
    if (phrase.startsWith('+')) {
      if (cur) { cur.synonyms.push(phrase.slice(1)); cur.codes.push(...codes); }
      continue;
    }
    // A primary phrase after restriction lines starts a new record; one straight after
    // another primary (no codes yet) shares the next codes (the format's "+" is optional).
    if (cur && cur.codes.length === 0 && !/^\s/.test(raw) && codes.length === 0 && cur.fresh) {
      cur.synonyms.push(phrase);
      continue;
    }
    cur = { primary: phrase, synonyms: [], codes: [...codes], fresh: codes.length === 0 };
    recs.push(cur);
  }
  return recs;
}

/** A dictionary phrase as text: underscores to spaces, parentheses and stray marks dropped. */
function phraseText(p) {
  const t = p.replace(/\([^)]*\)/g, ' ').replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  if (!t || /[^A-Za-z0-9 .'’-]/.test(t)) return null;
  return titleCase(t);
}

const BODY = /\b(ministry|party|council|front|association|union|committee|movement|army|forces?|administration|government|organi[sz]ation|agency|bank|court|assembly|league|federation|congress|commission|office|police|service|department|authority|brigades?|group|institute|company|corporation|alliance|coalition|parliament|senate|cabinet|guard|network|society|foundation|centre|center|university|radio|television|news|times|post|daily|tribune|herald)\b/i;

function convertCountries(file) {
  const rows = [];
  const bodies = [];
  const ids = new Set();
  let skippedHand = 0, skippedCode = 0, droppedWords = 0;
  for (const r of records(readFileSync(file, 'utf8'))) {
    // Country-level records ("AFGHANISTAN_ [AFG]") are the states themselves: the registry
    // has them from world-countries.
    if (r.codes.length === 1 && /^[A-Z]{3}$/.test(r.codes[0].trim())) continue;
    const terms = r.codes.map(restriction).filter(Boolean);
    // Records coded with bare country codes are countries and their places (the registry
    // has states from world-countries and places from the gazetteer).
    if (terms.length === 0 || terms.every((t) => t.role === '-')) { skippedCode++; continue; }
    const names = [r.primary, ...r.synonyms].map(phraseText).filter(Boolean);
    if (names.length === 0) continue;
    if (names.some((n) => hand.has(n.toLowerCase().replace(/-/g, ' ')))) { skippedHand++; continue; }
    const full = [];
    const single = [];
    for (const n of names) {
      const words = n.split(/[ -]/).filter(Boolean);
      // "Department of State", "President of the United States": offices, not names.
      if (words.length >= 2) { if (allCommon(n, common)) droppedWords++; else if (!full.includes(n)) full.push(n); continue; }
      if (n.length >= 4 && !common.has(n.toLowerCase()) && !given.has(n.toLowerCase()) && !single.includes(n)) single.push(n);
      else droppedWords++;
    }
    if (full.length === 0) { droppedWords++; continue; }
    const name = full[0];
    let id = `phx-${slug(name)}`;
    for (let k = 2; ids.has(id); k++) id = `phx-${slug(name)}-${k}`;
    ids.add(id);
    const termText = terms.map((t) => `${t.code} ${t.role} ${t.from} ${t.to}`).join('|');
    if (BODY.test(name)) bodies.push([id, name, full.slice(1).join('|'), termText]);
    else rows.push([id, name, full.slice(1).join('|'), single.join('|'), termText]);
  }
  return { rows, bodies, skippedHand, skippedCode, droppedWords };
}

function convertGroups(file) {
  const rows = [];
  const ids = new Set();
  let skipped = 0;
  for (const r of records(readFileSync(file, 'utf8'))) {
    const terms = r.codes.map(restriction).filter(Boolean);
    if (terms.length === 0) { skipped++; continue; }
    const names = [...new Set([r.primary, ...r.synonyms].map(phraseText).filter(Boolean))]
      .filter((n) => (n.split(/[ -]/).length >= 2 ? !allCommon(n, common) : n.length >= 4 && !common.has(n.toLowerCase()) && !given.has(n.toLowerCase())));
    if (names.length === 0) { skipped++; continue; }
    let id = `phx-${slug(names[0])}`;
    for (let k = 2; ids.has(id); k++) id = `phx-${slug(names[0])}-${k}`;
    ids.add(id);
    const t = terms[0];
    rows.push([id, t.code, t.role === '-' ? 'REB' : t.role, names[0], names.slice(1).join('|')]);
  }
  return { rows, skipped };
}

/** Agents: "POLICE {} [~COP]", "CATTLE!PERSON! [~AGR]", "NGO~"-style codes after. */
function convertAgents(file) {
  const text = readFileSync(file, 'utf8');
  const subst = new Map();
  const rows = new Map();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const s = /^!([A-Z]+)!\s*=\s*(.+)$/.exec(line);
    if (s) { subst.set(s[1], s[2].split(',').map((x) => x.trim())); continue; }
    const m = /^(.+?)\s*(?:\{([^}]*)\})?\s*\[([^\]]+)\]/.exec(line);
    if (!m) continue;
    const code = m[3].replace('~', '').trim();
    // Religion codes (BUD, CHR, MUS, JEW, HIN, ...) give the role REL.
    const role = ROLES.has(code.slice(0, 3)) ? code.slice(0, 3) : RELIGIONS.has(code.slice(0, 3)) ? 'REL' : null;
    if (!role) continue;
    let forms = [m[1].trim()];
    const plural = m[2];
    // Expand substitution markers: every listed word in its place.
    for (const [k, vs] of subst) forms = forms.flatMap((f) => (f.includes(`!${k}!`) ? vs.map((v) => f.replace(`!${k}!`, v)) : [f]));
    const all = [];
    for (const f of forms) {
      const base = f.replace(/_/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
      if (!/^[a-z][a-z .'-]*$/.test(base)) continue;
      all.push(base);
      if (plural !== undefined) { if (plural.trim()) all.push(plural.replace(/_/g, ' ').trim().toLowerCase()); }
      else if (!f.includes('!') && !/\b(men|women|people|police)$/.test(base)) all.push(base.endsWith('y') && !/[aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : base.endsWith('ss') ? `${base}es` : `${base}s`);
    }
    // "ambassador to", "embassy in": the preposition belongs to the sentence, not the agent.
    for (const p of all) if (!rows.has(p) && !/ (?:to|in|of|for|at|on|from|with|and|the)$/.test(p)) rows.set(p, [p, role, code]);
  }
  return [...rows.values()];
}

function header(lines) {
  return lines.map((l) => `# ${l}`).join('\n') + '\n';
}

const SRC = 'Phoenix dictionaries (PETRARCH-2, Open Event Data Alliance, MIT licence; CountryInfo.140130 by the Computational Event Data System Project)';
const GEN = 'Generated by scripts/convert-phoenix.mjs: do not edit; change the converter or the hand-checked files (people.tsv, leaders.tsv) instead.';

const c = convertCountries(join(dir, 'Phoenix.Countries.actors.txt'));
writeFileSync(new URL('phoenix-people.tsv', out), header([
  `Source: Phoenix.Countries.actors.txt, ${SRC}.`, GEN,
  'People of the country dictionary. terms: "|"-separated "CODE ROLE FROM TO" (ISO 3166-1 alpha-3',
  'code, CAMEO role or "-", ISO dates or "-" for open); a term with both ends open is the',
  'dictionary\'s default code. surname: one-word names used alone (common words and given names dropped).',
  `${c.rows.length} people; ${c.skippedHand} records left to the hand-checked files; ${c.skippedCode} without a state code.`,
]) + ['id\tname\taliases\tsurname\tterms', ...c.rows.map((r) => r.join('\t'))].join('\n') + '\n');
writeFileSync(new URL('phoenix-bodies.tsv', out), header([
  `Source: Phoenix.Countries.actors.txt, ${SRC}.`, GEN,
  'Bodies (parties, ministries, agencies, companies) of the country dictionary, in the same form as phoenix-people.tsv.',
  `${c.bodies.length} bodies.`,
]) + ['id\tname\taliases\tterms', ...c.bodies.map((r) => r.join('\t'))].join('\n') + '\n');

const g = convertGroups(join(dir, 'Phoenix.MilNonState.actors.txt'));
writeFileSync(new URL('phoenix-groups.tsv', out), header([
  `Source: Phoenix.MilNonState.actors.txt, ${SRC}.`, GEN,
  'Non-state armed groups with the state they are based in and their CAMEO role; groups the',
  'codebook gives their own code are in armed-groups.tsv, which wins.',
  `${g.rows.length} groups; ${g.skipped} records without a state code (international or regional groups).`,
]) + ['id\tstate\trole\tname\taliases', ...g.rows.map((r) => r.join('\t'))].join('\n') + '\n');

const a = convertAgents(join(dir, 'Phoenix.agents.txt'));
writeFileSync(new URL('phoenix-agents.tsv', out), header([
  `Source: Phoenix.agents.txt, ${SRC}.`, GEN,
  'Generic agents: a phrase (lower case, plurals generated as the dictionary says) and the',
  'CAMEO role it gives after a state name ("Kenyan police" KEN COP); role-nouns.tsv wins.',
  `${a.length} phrases.`,
]) + ['phrase\trole\tcameo', ...a.map((r) => r.join('\t'))].join('\n') + '\n');

console.log(`people ${c.rows.length}, bodies ${c.bodies.length}, groups ${g.rows.length}, agents ${a.length}; hand ${c.skippedHand}, no code ${c.skippedCode}, dropped one-word ${c.droppedWords}`);
