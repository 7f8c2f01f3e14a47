// What an analyst types where an actor is asked for — a code ("PRK"), a name ("North
// Korea"), a leader ("Putin") — resolved to one actor code through the registry, or
// refused with suggestions. Codes the registry does not know are accepted only when the
// store holds events for them (dataset codes such as GDELT's "RUSGOV"); anything else is
// refused, so a typo never becomes a new actor or a watch that can never fire.
import { EntenteError } from '../domain/errors.js';
import { MODALITIES } from '../domain/mention.js';
import { getActor, listActors as registryActors, resolve } from '../actors/index.js';
import type { ActorInfo } from '../actors/index.js';
import type { Store } from '../store/store.js';

export interface ActorChoice {
  code: string;
  name: string;
}

export interface ActorResolution {
  /** The actor the text denotes, or null. */
  match: (ActorChoice & { how: 'code' | 'name' | 'store-code' }) | null;
  /** Other actors whose code or name is close to the text, best first. */
  suggestions: ActorChoice[];
}

const fold = (s: string): string => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

let index: Array<{ info: ActorInfo; code: string; name: string }> | null = null;
function registryIndex() {
  // People are reached through their offices, forces and media through their state: suggest
  // the actors that events carry as codes (states, organisations), whose codes are upper case.
  index ??= registryActors().filter((a) => a.kind !== 'person' && /^[A-Z0-9]+$/.test(a.code)).map((info) => ({ info, code: fold(info.code), name: fold(info.name) }));
  return index;
}

/** Levenshtein distance, for typos ("Rusia"). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** Registry actors whose code or name starts with, or contains, the text; best first. */
export function suggestActors(text: string, max = 6): ActorChoice[] {
  const q = fold(text);
  if (!q) return [];
  const scored: Array<{ a: ActorInfo; score: number }> = [];
  for (const { info, code, name } of registryIndex()) {
    let score = 0;
    if (code === q || name === q) score = 4;
    else if (code.startsWith(q) || name.startsWith(q)) score = 3;
    else if (name.split(' ').some((w) => w.startsWith(q))) score = 2;
    else if (q.length >= 3 && (name.includes(q) || (name.length >= 4 && q.includes(name)))) score = 1;
    else if (q.length >= 4 && name.split(' ').some((w) => Math.abs(w.length - q.length) <= 2 && editDistance(w, q) <= (q.length >= 7 ? 2 : 1))) score = 1;
    if (score) scored.push({ a: info, score });
  }
  scored.sort((x, y) => y.score - x.score || x.a.name.length - y.a.name.length || x.a.code.localeCompare(y.a.code));
  return scored.slice(0, max).map(({ a }) => ({ code: a.code, name: a.name }));
}

async function storeHas(store: Store, code: string): Promise<boolean> {
  const page = await store.listEvents({ actor: code, modality: [...MODALITIES], includeRejected: true }, { limit: 1 });
  return page.rows.length > 0;
}

/** The actor a typed text denotes, with suggestions; never throws for unknown text. */
export async function resolveActorText(store: Store, text: string, date: string | null = null): Promise<ActorResolution> {
  const t = text.trim();
  if (!t) return { match: null, suggestions: [] };
  const upper = t.toUpperCase();
  const known = /^[A-Z0-9_.:-]{2,64}$/.test(upper) ? getActor(upper) : null;
  if (known) return { match: { code: known.code, name: known.name, how: 'code' }, suggestions: [] };
  // The scanner matches names as written in news text; typed input may be all lower case.
  const titled = t.replace(/\p{L}+/gu, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase());
  const named = resolve(t, date) ?? resolve(titled, date);
  // A name inside a longer text ("sanctions on Iran") is not what was typed: it must cover most of it.
  if (named && fold(named.name).length >= fold(t).length * 0.6) {
    const info = getActor(named.code);
    return { match: { code: named.code, name: info?.name ?? named.name, how: 'name' }, suggestions: [] };
  }
  if (/^[A-Za-z0-9_.:-]{2,64}$/.test(t) && (await storeHas(store, upper))) return { match: { code: upper, name: upper, how: 'store-code' }, suggestions: [] };
  return { match: null, suggestions: suggestActors(t) };
}

/** One actor code for a typed text, or BAD_INPUT naming the field and the closest actors. */
export async function actorCodeOf(store: Store, text: string, field: string): Promise<string> {
  const r = await resolveActorText(store, text);
  if (r.match) return r.match.code;
  const hint = r.suggestions.length ? `; did you mean ${r.suggestions.map((s) => `${s.code} (${s.name})`).join(', ')}?` : '; give an actor code such as RUS or a name such as Russia';
  throw new EntenteError('BAD_INPUT', `${field}: no actor "${text.trim()}"${hint}`, { field, suggestions: r.suggestions });
}

/** The actors a search names: each OR-separated term and each quoted phrase resolved on its own, at most 10. */
export async function actorsNamed(store: Store, q: string): Promise<ActorChoice[]> {
  const terms = q.split(/\s+OR\s+/).flatMap((t) => {
    const phrases = [...t.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    const rest = t.replace(/"[^"]*"?/g, ' ').trim();
    return [...phrases, ...(rest ? [rest, ...(rest.includes(' ') ? rest.split(/\s+/) : [])] : [])];
  });
  const out = new Map<string, ActorChoice>();
  for (const t of terms.slice(0, 20)) {
    const r = await resolveActorText(store, t);
    if (r.match && !out.has(r.match.code)) out.set(r.match.code, { code: r.match.code, name: r.match.name });
  }
  return [...out.values()].slice(0, 10);
}
