// Which events belong to a dyad. Events carry actor lists per role (PLOVER), so a pair
// matches when one side names A and the other B; B = null means A against anyone.

import type { AnalysisEvent } from '../domain/event.js';

export interface Dyad {
  a: string;
  /** null (or "*" in user input) = A against every other actor. */
  b: string | null;
  /** Only A → B, not B → A. Default false: relations run both ways. */
  directed?: boolean;
}

/** Parse "RUS-UKR", "RUS", "RUS-*" into a dyad. */
export function parseDyad(text: string): Dyad {
  const [a, b] = text.split(/[-–:/]/, 2).map((s) => s.trim().toUpperCase());
  return { a, b: !b || b === '*' ? null : b };
}

export function dyadLabel(d: Dyad): string {
  return `${d.a}${d.directed ? '→' : '–'}${d.b ?? '*'}`;
}

export function inDyad(e: Pick<AnalysisEvent, 'sources' | 'targets'>, d: Dyad): boolean {
  const aSrc = e.sources.includes(d.a);
  const aTgt = e.targets.includes(d.a);
  if (d.b === null) return d.directed ? aSrc : aSrc || aTgt;
  if (aSrc && e.targets.includes(d.b)) return true;
  return !d.directed && aTgt && e.sources.includes(d.b);
}
