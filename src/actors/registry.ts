// Builds the registry once, lazily: entries (states, historical states, organisations,
// forces, media, people with their offices) and one alias trie over all their names.
// Facts live in ./data/*.tsv (sources cited in each file) and the world-countries package.
import { EntenteError } from '../domain/errors.js';
import { AliasTrie, type AliasTarget } from './alias-trie.js';
import { loadCountries } from './countries.js';
import { dateField, listField, readTsv, type Row } from './tsv.js';
import type { ActorInfo, ActorKind, ActorRole, MatchKind, Office } from './types.js';
import { loadWorld, roleCode } from './world.js';

export interface Entry extends ActorInfo {
  /** Role a force, seat or medium implies (MIL for an army, MED for an agency). */
  role?: ActorRole;
}

export interface Person {
  id: string;
  name: string;
  offices: Office[];
}

export interface RoleNoun { phrase: string; role: ActorRole | null }

export interface Registry {
  entries: Map<string, Entry>;
  people: Map<string, Person>;
  trie: AliasTrie;
  /** Role nouns ("soldiers", "foreign minister") and the modifiers that may precede them. */
  roleTrie: AliasTrie;
  roleNouns: RoleNoun[];
  /** Lower-cased words that may stand before a surname ("president", "comrade"). */
  titles: Set<string>;
  /** For world-scale data (world.ts): the file an entry or person came from. */
  origin: Map<string, string>;
}

let cached: Registry | null = null;

export function registry(): Registry {
  cached ??= buildRegistry();
  return cached;
}

/** Makes `r` the registry every scan uses, returning the previous one (benchmarks compare two). */
export function swapRegistry(r: Registry): Registry {
  const old = registry();
  cached = r;
  return old;
}

/**
 * Builds a fresh registry (registry() builds one and keeps it). `world: false` leaves out
 * the world-scale data of world.ts, for benchmarks that compare the two.
 */
export function buildRegistry(opts: { world?: boolean } = {}): Registry {
  return build(opts.world ?? true);
}

function roleField(row: Row, field: string, file: string): ActorRole | undefined {
  return roleCode(row[field] ?? '', `${file}:${row.__line}: field "${field}"`);
}

function build(world: boolean): Registry {
  const entries = new Map<string, Entry>();
  const people = new Map<string, Person>();
  const trie = new AliasTrie();
  const add = (e: Entry, file: string, line: number): void => {
    if (entries.has(e.code) || people.has(e.code)) throw new EntenteError('BAD_FORMAT', `${file}:${line}: duplicate id "${e.code}"`);
    entries.set(e.code, e);
  };
  const alias = (text: string, t: Partial<AliasTarget> & { id: string; kind: MatchKind }, onlyNew = false): boolean =>
    trie.add(text, { from: null, to: null, ...t }, onlyNew);

  const F7 = 'aliases.tsv';
  const aliasRows = readTsv(F7, ['id', 'alias', 'type']);
  const pairs = (type: string): Set<string> => new Set(aliasRows.filter((r) => r.type === type).map((r) => `${r.id}\t${r.alias}`));

  // Current states, less the package's names that mislead (drop) or need a guard.
  const dropped = pairs('drop');
  const guarded = pairs('guard');
  const keep = (id: string, a: string): boolean => !dropped.has(`${id}\t${a}`);
  for (const c of loadCountries()) {
    add({ code: c.code, name: c.name, kind: 'state', from: null, to: null, cow: null }, 'world-countries', 0);
    for (const n of c.names) if (keep(c.code, n)) alias(n, { id: c.code, kind: 'state', guardCap: guarded.has(`${c.code}\t${n}`) });
    for (const a of c.adjectives) if (keep(c.code, a)) alias(a, { id: c.code, kind: 'adjective' });
    for (const a of c.peoples) if (keep(c.code, a)) alias(a, { id: c.code, kind: 'state' });
    for (const cap of c.capitals) if (keep(c.code, cap)) alias(cap, { id: c.code, kind: 'capital', guardCap: true });
  }

  const F1 = 'historical-states.tsv';
  for (const r of readTsv(F1, ['code', 'name', 'from', 'to'])) {
    add({ code: r.code, name: r.name, kind: 'historical-state', from: dateField(r, 'from', F1), to: dateField(r, 'to', F1), cow: r.cow ? Number(r.cow) : null }, F1, r.__line);
    alias(r.name, { id: r.code, kind: 'historical-state' });
  }
  const F2 = 'organisations.tsv';
  for (const r of readTsv(F2, ['code', 'kind', 'name'])) {
    if (r.kind !== 'igo' && r.kind !== 'collective') throw new EntenteError('BAD_FORMAT', `${F2}:${r.__line}: field "kind" must be igo or collective`);
    add({ code: r.code, name: r.name, kind: r.kind as ActorKind, from: dateField(r, 'from', F2), to: dateField(r, 'to', F2) }, F2, r.__line);
    alias(r.name, { id: r.code, kind: r.kind as ActorKind });
    if (/^[A-Z0-9]{2,}$/.test(r.code)) alias(r.code, { id: r.code, kind: r.kind as ActorKind });
  }
  const F3 = 'forces.tsv';
  for (const r of readTsv(F3, ['id', 'state', 'role', 'name'])) {
    add({ code: r.id, name: r.name, kind: 'force', state: r.state, role: roleField(r, 'role', F3), from: dateField(r, 'from', F3), to: dateField(r, 'to', F3) }, F3, r.__line);
    alias(r.name, { id: r.id, kind: 'force' });
  }
  const F4 = 'media.tsv';
  for (const r of readTsv(F4, ['id', 'name'])) {
    add({ code: r.id, name: r.name, kind: 'media', state: r.state || null, role: 'MED' }, F4, r.__line);
    alias(r.name, { id: r.id, kind: 'media' });
  }

  for (const e of entries.values()) {
    if (e.state && !entries.has(e.state)) throw new EntenteError('BAD_FORMAT', `${e.kind === 'force' ? F3 : F4}: "${e.code}" belongs to "${e.state}", which is not a registry code`);
  }

  const F5 = 'people.tsv';
  for (const r of readTsv(F5, ['id', 'name'])) {
    if (entries.has(r.id) || people.has(r.id)) throw new EntenteError('BAD_FORMAT', `${F5}:${r.__line}: duplicate id "${r.id}"`);
    people.set(r.id, { id: r.id, name: r.name, offices: [] });
    // A full name followed by a capitalised word is part of a longer name or a place
    // ("Kim Il" in "Kim Il Sung Square").
    for (const n of [r.name, ...listField(r, 'aliases')]) alias(n, { id: r.id, kind: 'person', guardCap: true });
    for (const s of listField(r, 'surname')) alias(s, { id: r.id, kind: 'person', partial: true });
  }
  const F6 = 'offices.tsv';
  for (const r of readTsv(F6, ['person', 'code', 'rank', 'title', 'from'])) {
    const p = people.get(r.person);
    if (!p) throw new EntenteError('BAD_FORMAT', `${F6}:${r.__line}: field "person" names no one in people.tsv ("${r.person}")`);
    if (!entries.has(r.code)) throw new EntenteError('BAD_FORMAT', `${F6}:${r.__line}: field "code" is not a registry code ("${r.code}")`);
    const rank = Number(r.rank);
    if (rank !== 1 && rank !== 2 && rank !== 3) throw new EntenteError('BAD_FORMAT', `${F6}:${r.__line}: field "rank" must be 1, 2 or 3`);
    p.offices.push({ code: r.code, title: r.title, rank, from: dateField(r, 'from', F6)!, to: dateField(r, 'to', F6) });
  }
  for (const p of people.values()) p.offices.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));

  const TYPES: Record<string, MatchKind | null> = { name: 'state', adjective: 'adjective', capital: 'capital', seat: 'capital', people: 'state', bound: 'adjective', block: 'state', drop: null, guard: null };
  for (const r of aliasRows) {
    if (!(r.type in TYPES)) throw new EntenteError('BAD_FORMAT', `${F7}:${r.__line}: field "type" is not one of ${Object.keys(TYPES).join(', ')} ("${r.type}")`);
    const kind = TYPES[r.type];
    if (!kind) continue;
    const e = entries.get(r.id);
    if (!e && r.type !== 'block') throw new EntenteError('BAD_FORMAT', `${F7}:${r.__line}: field "id" is not a registry code ("${r.id}")`);
    const own: MatchKind = r.type === 'name' || r.type === 'people' ? (e!.kind === 'state' ? 'state' : e!.kind) : kind;
    alias(r.alias, {
      id: r.id, kind: own, role: roleField(r, 'role', F7),
      from: dateField(r, 'from', F7), to: dateField(r, 'to', F7),
      bound: r.type === 'bound', block: r.type === 'block',
      guardCap: (r.type === 'capital' || r.type === 'seat' || (r.flags ?? '').includes('guard-cap')) && !(r.flags ?? '').includes('ship'),
      ship: (r.flags ?? '').includes('ship'),
    });
  }

  const roleTrie = new AliasTrie();
  const roleNouns: RoleNoun[] = [];
  const titles = new Set<string>();
  const F8 = 'role-nouns.tsv';
  for (const r of readTsv(F8, ['phrase', 'role'])) {
    if (r.role === 'title') { titles.add(r.phrase.toLowerCase()); continue; }
    if (r.role === 'mod') { roleTrie.add(r.phrase, { id: 'mod', kind: 'role-phrase', from: null, to: null }); continue; }
    const role = roleField(r, 'role', F8) ?? null;
    roleNouns.push({ phrase: r.phrase, role });
    roleTrie.add(r.phrase, { id: r.role, kind: 'role-phrase', role: role ?? undefined, from: null, to: null });
  }
  const origin = new Map<string, string>();
  if (world) loadWorld({ entries, people, trie, roleTrie, alias, origin });
  return { entries, people, trie, roleTrie, roleNouns, titles, origin };
}
