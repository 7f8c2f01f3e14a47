// Groups repeated mentions of one real-world event in a document: same type, same
// actors (either order for the symmetric types), and dates that overlap or are unknown.
// Greedy, in text order; a mention joins the first cluster it fits.
import { rangesOverlap, type EventMention } from '../../domain/index.js';

const SYMMETRIC = new Set(['AGREE', 'CONSULT', 'COOPERATE']);

function key(m: EventMention): string {
  const s = m.source.code, t = m.target?.code ?? '-';
  const pair = SYMMETRIC.has(m.type) ? [s, t].sort().join('|') : `${s}>${t}`;
  return `${m.type}:${pair}`;
}

/** Sets `cluster` ("e1", "e2" …) on each mention, in place. */
export function clusterMentions(mentions: EventMention[]): void {
  const clusters: Array<{ id: string; key: string; members: EventMention[] }> = [];
  for (const m of mentions) {
    const k = key(m);
    const hit = clusters.find((c) => c.key === k && c.members.every((o) => !o.date || !m.date || rangesOverlap(o.date, m.date)));
    if (hit) {
      hit.members.push(m);
      m.cluster = hit.id;
    } else {
      const id = `e${clusters.length + 1}`;
      clusters.push({ id, key: k, members: [m] });
      m.cluster = id;
    }
  }
}
