// Typed actors (codes or names) to codes through the server's registry, before a view
// navigates: "Russia" becomes RUS, a typo becomes a message with suggestions, never a
// query for an actor that does not exist.
import { api, type ActorResolution } from './api.js';

export type Resolved = { ok: true; code: string; name: string } | { ok: false; text: string; suggestions: ActorResolution['suggestions'] };

export async function resolveActorInput(text: string): Promise<Resolved | null> {
  const t = text.trim();
  if (!t || t === '*') return null;
  const r = await api.resolveActor(t);
  return r.match ? { ok: true, code: r.match.code, name: r.match.name } : { ok: false, text: t, suggestions: r.suggestions };
}

/** "no actor "Rusia" — did you mean RUS (Russia)?" */
export function unresolvedMessage(r: Extract<Resolved, { ok: false }>): string {
  const hint = r.suggestions.length ? ` Did you mean ${r.suggestions.map((s) => `${s.name} (${s.code})`).join(', ')}?` : ' Type a code such as RUS or a name such as Russia.';
  return `No actor "${r.text}".${hint}`;
}
