// The registry's world-scale data, loaded after the hand-checked tables and never over
// them: leaders since 2016 (leaders.tsv), non-state armed groups with their own codes
// (armed-groups.tsv), the generated Phoenix tables (people, bodies, armed groups, generic
// agents) and the gazetteer's regions and cities (places.tsv). A name some earlier entry
// already has is not added again, so hand data wins and a city never shadows a state or
// a person.
import { EntenteError } from '../domain/errors.js';
import type { AliasTarget, AliasTrie } from './alias-trie.js';
import { dateField, listField, readTsv } from './tsv.js';
import { ACTOR_ROLES, type ActorRole, type MatchKind, type Office } from './types.js';

export interface WorldTarget {
  entries: Map<string, { code: string; name: string; kind: string; state?: string | null; role?: ActorRole; from?: string | null; to?: string | null }>;
  people: Map<string, { id: string; name: string; offices: Office[] }>;
  trie: AliasTrie;
  roleTrie: AliasTrie;
  /** Adds an alias; with onlyNew, only when no entry has it yet (returns whether added). */
  alias: (text: string, t: Partial<AliasTarget> & { id: string; kind: MatchKind }, onlyNew?: boolean) => boolean;
  /** The file each world-scale entry or person came from (for tests and traces). */
  origin: Map<string, string>;
}

const ROLES = new Set<string>(ACTOR_ROLES);

export function roleCode(v: string, where: string): ActorRole | undefined {
  if (v === '' || v === '-') return undefined;
  if (!ROLES.has(v)) throw new EntenteError('BAD_FORMAT', `${where}: "${v}" is not a CAMEO role code (${ACTOR_ROLES.join(', ')})`);
  return v as ActorRole;
}

const slug = (s: string): string => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

const byFrom = (a: Office, b: Office): number => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0);

/** Leaders since 2016: one row per term; a person named in people.tsv keeps that data. */
function loadLeaders(w: WorldTarget): void {
  const F = 'leaders.tsv';
  const leaderIds = new Set<string>();
  for (const r of readTsv(F, ['code', 'rank', 'title', 'name', 'from'])) {
    if (!w.entries.has(r.code)) throw new EntenteError('BAD_FORMAT', `${F}:${r.__line}: field "code" is not a registry code ("${r.code}")`);
    const rank = Number(r.rank);
    if (rank !== 1 && rank !== 2 && rank !== 3) throw new EntenteError('BAD_FORMAT', `${F}:${r.__line}: field "rank" must be 1, 2 or 3`);
    const id = slug(r.name);
    let p = leaderIds.has(id) ? w.people.get(id) : undefined;
    if (!p) {
      // Someone of people.tsv (under this id or another): that data wins.
      if (w.people.has(id) || w.trie.has(r.name)) continue;
      p = { id, name: r.name, offices: [] };
      w.people.set(id, p);
      w.origin.set(id, F);
      leaderIds.add(id);
    }
    for (const n of [r.name, ...listField(r, 'aliases')]) w.alias(n, { id, kind: 'person', guardCap: true });
    for (const s of listField(r, 'surname')) w.alias(s, { id, kind: 'person', partial: true });
    // A leader of an armed group acts with the group's role.
    const e = w.entries.get(r.code)!;
    const role = roleCode(r.role ?? '', `${F}:${r.__line}: field "role"`) ?? (e.kind === 'group' ? e.role : undefined);
    p.offices.push({ code: r.code, title: r.title, rank, from: dateField(r, 'from', F)!, to: dateField(r, 'to', F), ...(role ? { role } : {}) });
  }
  for (const id of leaderIds) w.people.get(id)!.offices.sort(byFrom);
}

/** Armed groups with the codebook's own codes ("HEZBOLLAH", "TALIBAN"). */
function loadArmedGroups(w: WorldTarget): void {
  const F = 'armed-groups.tsv';
  for (const r of readTsv(F, ['code', 'state', 'name'])) {
    if (w.entries.has(r.code)) throw new EntenteError('BAD_FORMAT', `${F}:${r.__line}: duplicate id "${r.code}"`);
    if (!w.entries.has(r.state)) throw new EntenteError('BAD_FORMAT', `${F}:${r.__line}: field "state" is not a registry code ("${r.state}")`);
    w.origin.set(r.code, F);
    w.entries.set(r.code, { code: r.code, name: r.name, kind: 'group', state: r.state, role: roleCode(r.role || 'REB', `${F}:${r.__line}`), from: dateField(r, 'from', F), to: dateField(r, 'to', F) });
    for (const n of [r.name, ...listField(r, 'aliases')]) w.alias(n, { id: r.code, kind: 'group' });
  }
}

/** "AFG GOV 1933-11-08 1973-07-17|AFG ELI - -" → offices. */
function terms(text: string, where: string, known: (c: string) => boolean): Office[] {
  const out: Office[] = [];
  for (const t of text.split('|')) {
    const [code, role, from, to] = t.trim().split(' ');
    if (!code || !known(code)) throw new EntenteError('BAD_FORMAT', `${where}: term "${t}" has no registry code`);
    const r = roleCode(role ?? '-', where);
    const f = from && from !== '-' ? from : null;
    const e = to && to !== '-' ? to : null;
    const rank = !f && !e ? 9 : r === 'GOV' ? 2 : r === 'MIL' ? 3 : 4;
    out.push({ code, title: r ?? '', rank, role: r ?? 'GOV', from: f ?? '0001', to: e });
  }
  return out;
}

function loadPhoenix(w: WorldTarget): void {
  const known = (c: string): boolean => w.entries.has(c);
  const F1 = 'phoenix-people.tsv';
  for (const r of readTsv(F1, ['id', 'name', 'terms'])) {
    // A person whose name an earlier entry has is that entry; an alias that one has ("the
    // White House") stays theirs. Terms are parsed on first use (most never are).
    if (w.people.has(r.id) || !w.alias(r.name, { id: r.id, kind: 'person', guardCap: true }, true)) continue;
    for (const n of listField(r, 'aliases')) w.alias(n, { id: r.id, kind: 'person', guardCap: true }, true);
    const raw = r.terms;
    const where = `${F1}:${r.__line}`;
    w.origin.set(r.id, F1);
    w.people.set(r.id, {
      id: r.id, name: r.name,
      get offices(): Office[] {
        const v = terms(raw, where, known).sort(byFrom);
        Object.defineProperty(this, 'offices', { value: v });
        return v;
      },
    });
    for (const s of listField(r, 'surname')) w.alias(s, { id: r.id, kind: 'person', partial: true }, true);
  }
  const F2 = 'phoenix-bodies.tsv';
  for (const r of readTsv(F2, ['id', 'name', 'terms'])) {
    if ([r.name, ...listField(r, 'aliases')].some((n) => w.trie.has(n))) continue;
    const [o] = terms(r.terms, `${F2}:${r.__line}`, known);
    w.origin.set(r.id, F2);
    w.entries.set(r.id, { code: r.id, name: r.name, kind: 'force', state: o.code, role: o.role });
    for (const n of [r.name, ...listField(r, 'aliases')]) if (!w.trie.has(n)) w.alias(n, { id: r.id, kind: 'force' });
  }
  const F3 = 'phoenix-groups.tsv';
  for (const r of readTsv(F3, ['id', 'state', 'role', 'name'])) {
    // A group armed-groups.tsv or forces.tsv has under any of its names is theirs.
    if ([r.name, ...listField(r, 'aliases')].some((n) => w.trie.has(n))) continue;
    if (!known(r.state)) throw new EntenteError('BAD_FORMAT', `${F3}:${r.__line}: field "state" is not a registry code ("${r.state}")`);
    w.origin.set(r.id, F3);
    w.entries.set(r.id, { code: r.id, name: r.name, kind: 'force', state: r.state, role: roleCode(r.role, `${F3}:${r.__line}`) });
    for (const n of [r.name, ...listField(r, 'aliases')]) w.alias(n, { id: r.id, kind: 'force', guardCap: !n.includes(' ') });
  }
}

/** Generic agents after a state name: "Kenyan police" COP, "Syria's rebels" REB. */
function loadAgents(w: WorldTarget): void {
  const F = 'phoenix-agents.tsv';
  for (const r of readTsv(F, ['phrase', 'role'])) {
    if (w.roleTrie.has(r.phrase)) continue;
    const role = roleCode(r.role, `${F}:${r.__line}`);
    w.roleTrie.add(r.phrase, { id: r.role, kind: 'role-phrase', role, from: null, to: null });
  }
}

/** Regions and cities of the gazetteer: each stands for its state, with no role. */
function loadPlaces(w: WorldTarget): void {
  const F = 'places.tsv';
  for (const r of readTsv(F, ['name', 'code'])) {
    if (!w.entries.has(r.code)) throw new EntenteError('BAD_FORMAT', `${F}:${r.__line}: field "code" is not a registry code ("${r.code}")`);
    w.alias(r.name, { id: r.code, kind: 'place', guardCap: true }, true);
  }
}

export function loadWorld(w: WorldTarget): void {
  loadArmedGroups(w);
  loadLeaders(w);
  loadPhoenix(w);
  loadAgents(w);
  loadPlaces(w);
}
