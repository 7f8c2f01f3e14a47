// The role nouns of the registry's phrase grammar ("troops" MIL, "officials" GOV), for
// the extractor to recognise "its forces" or "the army" without a state name.
import { registry } from './registry.js';
import type { ActorRole } from './types.js';

export interface RoleNounEntry { phrase: string; role: ActorRole | null }

export function roleNouns(): readonly RoleNounEntry[] {
  return registry().roleNouns;
}

/** The role a noun phrase implies ("armed forces" → MIL), case-insensitive; undefined if none. */
export function roleOfNoun(phrase: string): ActorRole | null | undefined {
  const p = phrase.trim().toLowerCase().replace(/[\s-]+/g, ' ');
  return registry().roleNouns.find((r) => r.phrase.toLowerCase() === p)?.role;
}

/** The role of a generic agent or role noun as the phrase grammar has it ("protesters" OPP,
 * "police" COP), null for a group with no role, undefined if it is none. */
export function agentRole(phrase: string): ActorRole | null | undefined {
  const t = registry().roleTrie.targetsOf(phrase).find((x) => x.id !== 'mod');
  return t ? ((t.role as ActorRole | undefined) ?? null) : undefined;
}

/** Whether a word or phrase is a role noun or generic agent ("ministry", "rebels", "police"). */
export function isRoleNoun(phrase: string): boolean {
  return registry().roleTrie.has(phrase);
}
