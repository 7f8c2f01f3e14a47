// Scans a text for actor names: leftmost-longest, non-overlapping, over the alias trie.
// A state's name or adjective followed by a role noun ("Russian soldiers", "South Korea's
// foreign ministry") becomes one role phrase. Matching does not resolve dates: see resolve.ts.
import type { AliasTarget, TrieHit } from './alias-trie.js';
import { registry } from './registry.js';
import { keyAt, tokenize, type Tokens } from './tokens.js';
import { nameJoints } from './glue.js';
import type { ActorMatch, ActorRole } from './types.js';

/** Kinds a role noun may follow ("Soviet troops", "Western officials", "Moscow's forces"). */
const ROLE_HEADS = new Set(['state', 'historical-state', 'adjective', 'collective', 'capital', 'place']);
/** A seat carries its own role ("the Pentagon" MIL), so a role noun does not extend it. */
const isHead = (x: AliasTarget): boolean => ROLE_HEADS.has(x.kind) && !(x.kind === 'capital' && x.role);
const MAX_MODIFIERS = 2;

export interface MatchWindow { from: string | null; to: string | null }

/** An ActorMatch whose windows are always set. */
export interface InternalMatch extends ActorMatch { windows: MatchWindow[] }

export function matchActors(text: string): ActorMatch[] {
  return scan(text);
}

export function scan(text: string): InternalMatch[] {
  const reg = registry();
  // Looked up before tokenising: the lookup tokenises too, into the same buffers.
  const joints = nameJoints(text);
  const t = tokenize(text, joints);
  const out: InternalMatch[] = [];
  let i = 0;
  while (i < t.count) {
    if (!reg.trie.mayStart(t, i)) { i++; continue; }
    const hits = reg.trie.hitsAt(text, t, i);
    let taken = false;
    for (const hit of hits) {
      const m = accept(text, t, i, hit);
      if (m === null) continue;
      taken = true;
      if (m !== 'blocked') out.push(m.match);
      i = m === 'blocked' ? hit.endToken : m.next;
      break;
    }
    if (!taken) i++;
  }
  return out;
}

function isCapitalWord(text: string, t: Tokens, k: number): boolean {
  if (k >= t.count) return false;
  const c = text[t.start[k]];
  return c !== c.toLowerCase();
}

function accept(text: string, t: Tokens, i: number, hit: TrieHit): { match: InternalMatch; next: number } | 'blocked' | null {
  let targets: AliasTarget[] = hit.targets;
  if (targets.some((x) => x.block)) return 'blocked';
  const after = hit.endToken;
  const nextIsCap = isCapitalWord(text, t, after) && t.start[after] - t.end[after - 1] <= 1 && /\p{L}/u.test(keyAt(t, after));
  // A role noun after the name is no longer name ("Trump Administration", "ROK Army").
  if (nextIsCap && targets.some((x) => x.guardCap) && !roleAfter(text, t, after)) targets = targets.filter((x) => !x.guardCap);
  if (targets.some((x) => x.partial) && !surnameAlone(text, t, i, after, nextIsCap)) targets = targets.filter((x) => !x.partial);
  if (targets.length === 0) return null;

  let end = after;
  if (targets.some((x) => x.ship)) {
    // "USS Ronald Reagan": the navy, not the president.
    while (end < t.count && t.start[end] - t.end[end - 1] === 1 && (isCapitalWord(text, t, end) || /^\d+$/.test(keyAt(t, end)))) end++;
    if (end === after) return null;
  }
  const possessive = possessiveAt(t, end);
  let role: ActorRole | undefined;
  let roleNoun: string | undefined;
  let roleEnd = -1;
  if (targets.some(isHead)) {
    const r = roleAfter(text, t, possessive ? end + 2 : end);
    if (r) { roleEnd = r.end; role = r.role; roleNoun = text.slice(t.start[r.nounStart], t.end[r.end - 1]); }
  }
  if (roleEnd < 0) {
    targets = targets.filter((x) => !x.bound);
    if (targets.length === 0) return null;
  } else {
    targets = targets.filter(isHead);
    end = roleEnd;
  }

  // "the members of the Security Council", "the army of Sudan": a role noun before "of".
  let from = i;
  if (roleEnd < 0) {
    const r = roleBefore(text, t, i, targets);
    if (r) { from = r.start; role = r.role; roleNoun = text.slice(t.start[r.nounStart], t.end[r.end - 1]); roleEnd = end; }
  }

  const ids: string[] = [];
  const windows: MatchWindow[] = [];
  // Most names have one target: no duplicates to drop.
  const seen = targets.length > 1 ? new Set<string>() : null;
  for (const x of targets) {
    if (seen) {
      const key = `${x.id}|${x.from}|${x.to}`;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    ids.push(x.id);
    windows.push({ from: x.from, to: x.to });
  }
  const start = t.start[from];
  const stop = t.end[end - 1];
  const first = targets[0];
  const match: InternalMatch = {
    start, end: stop, text: text.slice(start, stop),
    kind: roleEnd >= 0 ? 'role-phrase' : first.kind,
    candidates: ids,
    windows,
  };
  if (targets.some((x) => x.partial)) match.partial = true;
  if (roleEnd >= 0 ? possessiveAt(t, end) : possessive) match.possessive = true;
  const seatRole = targets.find((x) => x.role)?.role;
  if (role ?? seatRole) match.role = role ?? seatRole;
  if (roleNoun) match.roleNoun = roleNoun;
  return { match, next: end };
}

/** Role nouns that name someone else than the one after "of" ("the allies of Japan"). */
const RELATIONAL = new Set(['side', 'sides', 'counterpart', 'counterparts', 'allies', 'partners', 'powers']);

/** Heads a role noun may govern with "of": states, their capitals and organisations. */
const OF_HEADS = new Set(['state', 'historical-state', 'capital', 'igo']);

/**
 * A role noun ending just before "of [the]" at token i ("members of the Security Council",
 * "the government of Bangladesh"), for a state or organisation name at i.
 */
function roleBefore(text: string, t: Tokens, i: number, targets: AliasTarget[]): { start: number; end: number; nounStart: number; role: ActorRole | undefined } | null {
  if (!targets.some((x) => OF_HEADS.has(x.kind) && !x.role)) return null;
  let of = i - 1;
  if (of >= 0 && keyAt(t, of) === 'the') of--;
  if (of < 1 || keyAt(t, of) !== 'of') return null;
  for (let k = Math.max(0, of - 3); k < of; k++) {
    const r = roleAfter(text, t, k);
    // Not a title or office ("the President of Ukraine" names a person: resolve.ts's
    // business), not a relational noun ("the allies of Japan" are others), and only a noun
    // that starts a word ("vice-president" is not "president").
    if (r && r.end === of && !isCapitalWord(text, t, r.nounStart) && (k === 0 || /\s/.test(text[t.start[k] - 1])) && !registry().titles.has(keyAt(t, of - 1)) && !RELATIONAL.has(keyAt(t, of - 1))) return { ...r, start: k };
  }
  return null;
}

/** Whether tokens k, k+1 are a possessive 's glued to the word before ("Russia's"). */
function possessiveAt(t: Tokens, k: number): boolean {
  return k + 1 < t.count && keyAt(t, k) === "'" && keyAt(t, k + 1) === 's' && t.start[k] === t.end[k - 1] && t.start[k + 1] === t.end[k];
}

/**
 * Whether a surname at token i stands alone: not "the Moon", not the start of another
 * full name ("Kim Yo Jong", unless a role noun follows: "Trump Administration"), not
 * the end of one ("Hunter Biden") unless a title or patronymic precedes it ("President
 * Putin", "Sergei Viktorovich Lavrov").
 */
function surnameAlone(text: string, t: Tokens, i: number, after: number, nextIsCap: boolean): boolean {
  if (nextIsCap && !roleAfter(text, t, after)) return false;
  if (i === 0) return true;
  const prev = keyAt(t, i - 1);
  // "the Trump administration", "the Modi government": a leader's name for their government.
  if (prev === 'the' && GOVERNMENT_NOUNS.has(after < t.count ? keyAt(t, after) : '')) return true;
  if (prev === 'the' || prev === 'a') return false;
  const p = t.start[i - 1];
  const c = text[p];
  const prevIsCapWord = c !== c.toLowerCase() && t.end[i - 1] - p > 1 && t.start[i] - t.end[i - 1] <= 1;
  return !prevIsCapWord || registry().titles.has(prev) || PATRONYMIC.test(prev) || isSentenceStart(text, t, i - 1);
}

/** Nouns after a leader's surname that make the phrase their government. */
const GOVERNMENT_NOUNS = new Set(['administration', 'government', 'cabinet', 'regime', 'presidency']);

/** East Slavic patronymics: "Sergei Viktorovich Lavrov" is still Lavrov. */
const PATRONYMIC = /(?:ovich|evich|yevich|ich|ovna|evna|ichna)$/;

/** Whether token k opens a sentence (nothing before it but closing punctuation and space). */
function isSentenceStart(text: string, t: Tokens, k: number): boolean {
  if (k === 0) return true;
  const prev = keyAt(t, k - 1);
  return prev === '.' || prev === '!' || prev === '?' || prev === ':' || prev === '"' || prev === '“';
}

/**
 * A role noun at token k, after at most two modifiers ("senior military officials"). A
 * word that is both ("military") heads the phrase only if no other role noun follows it.
 */
function roleAfter(text: string, t: Tokens, k: number, mods = 0): { end: number; nounStart: number; role: ActorRole | undefined } | null {
  if (k >= t.count || mods > MAX_MODIFIERS) return null;
  const hits = registry().roleTrie.hitsAt(text, t, k);
  // Longest first: a listed phrase ("military officials" MIL) beats its parts.
  for (const h of hits) {
    if (h.targets.some((x) => x.id === 'mod')) {
      const further = roleAfter(text, t, h.endToken, mods + 1);
      if (further) return further;
    }
    const noun = h.targets.find((x) => x.id !== 'mod');
    if (noun) return { end: h.endToken, nounStart: k, role: noun.role };
  }
  return null;
}
