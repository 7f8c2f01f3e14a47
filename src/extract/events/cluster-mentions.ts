// Groups repeated mentions of one real-world event in a document: same type, same
// actors (either order for the symmetric types), and dates that overlap every earlier
// member's (kept as the running intersection) or are unknown. Greedy, in text order,
// constant work per mention so that a huge document streams.
import type { DateRange, EventMention } from '../../domain/index.js';
import { dayBounds } from '../../domain/date-range.js';

const SYMMETRIC = new Set(['AGREE', 'CONSULT', 'COOPERATE']);

function key(m: EventMention): string {
  const s = m.source.code, t = m.target?.code ?? '-';
  const pair = SYMMETRIC.has(m.type) ? [s, t].sort().join('|') : `${s}>${t}`;
  return `${m.type}:${pair}`;
}

interface Cluster { id: string; common: [string, string] | null }

/** Assigns cluster ids ("e1", "e2" …) to mentions one at a time. */
export class Clusterer {
  private byKey = new Map<string, Cluster[]>();
  private count = 0;

  assign(m: EventMention): void {
    const k = key(m);
    const list = this.byKey.get(k) ?? [];
    const d = m.date ? dayBounds(m.date as DateRange) : null;
    let hit = list.find((c) => !d || !c.common || (c.common[0] <= d[1] && d[0] <= c.common[1]));
    if (!hit) {
      hit = { id: `e${++this.count}`, common: null };
      list.push(hit);
      this.byKey.set(k, list);
    }
    if (d) hit.common = hit.common ? [d[0] > hit.common[0] ? d[0] : hit.common[0], d[1] < hit.common[1] ? d[1] : hit.common[1]] : d;
    m.cluster = hit.id;
  }
}
