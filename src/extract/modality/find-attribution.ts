// Who the text says makes a claim: "KCNA said", "according to Western officials",
// "X claimed that …". The speaker is an actor when the registry knows it, else the words
// of the phrase with a null code. One speaker per sentence; the author when none.
import type { ActorSpan, Token, Attribution } from '../types.js';

const SAY = new Set(['said', 'says', 'say', 'claimed', 'claims', 'claim', 'reported', 'reports', 'stated', 'states', 'announced', 'announces', 'added', 'adds', 'told', 'tells', 'alleged', 'alleges', 'insisted', 'insists', 'confirmed', 'confirms', 'noted', 'notes', 'argued', 'argues', 'declared', 'warned', 'warns', 'according']);
const STOP = new Set([',', ';', ':', '.', '"', '“', '”', '(', ')', 'that', 'and', 'but']);

export function findAttribution(tokens: Token[], actors: ActorSpan[], text: string): { attribution: Attribution; at: number } | null {
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i].lower;
    if (!SAY.has(w)) continue;
    // "the United States", "the Gulf States": a name, not a speech verb.
    if (actors.some((a) => a.first <= i && i <= a.last)) continue;
    if (w === 'according') {
      if (tokens[i + 1]?.lower !== 'to') continue;
      let j = i + 2;
      const from = j;
      while (j < tokens.length && !STOP.has(tokens[j].lower)) j++;
      if (j === from) continue;
      const a = actors.find((x) => x.first >= from && x.first < j);
      const name = text.slice(tokens[from].start, tokens[j - 1].end);
      return { attribution: { code: a?.code ?? null, name: a ? a.name : name }, at: i };
    }
    // Speaker: the noun phrase right before the verb.
    let j = i - 1;
    while (j >= 0 && !STOP.has(tokens[j].lower) && i - j <= 8) j--;
    const from = j + 1;
    if (from >= i) continue;
    const words = tokens.slice(from, i);
    // "it added", "they said" point back to someone we cannot name reliably.
    if (!words.some((t) => /^\p{Lu}/u.test(t.text) || ['officials', 'experts', 'analysts', 'sources', 'military', 'government', 'ministry', 'agency', 'media', 'intelligence'].includes(t.lower))) continue;
    const a = [...actors].reverse().find((x) => x.last < i && x.first >= from);
    return { attribution: { code: a?.code ?? null, name: a && a.first === from ? a.name : text.slice(tokens[from].start, tokens[i - 1].end) }, at: i };
  }
  return null;
}
