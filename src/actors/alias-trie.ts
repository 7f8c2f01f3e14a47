// A token trie over every alias of the registry: built once, then each scan walks it
// from each token, so matching costs a few map lookups per word, whatever the registry's
// size. Case rules live on the alias: acronyms must match exactly ("US" is not "us"),
// capitalised words must stay capitalised ("China" is not "china").
import { tokenize, type Tokens } from './tokens.js';
import type { ActorRole, MatchKind } from './types.js';

export interface AliasTarget {
  id: string;
  kind: MatchKind;
  role?: ActorRole;
  /** Window in which this alias denotes this entry (null = the entry's own span). */
  from: string | null;
  to: string | null;
  partial?: boolean;
  /** Only an actor when a role noun follows ("Western officials", not "Western Europe"). */
  bound?: boolean;
  /** Not an actor when the next word is capitalised ("Washington Post", "Chad Smith"). */
  guardCap?: boolean;
  /** Matches only to consume the words: "South China Sea" is not China. */
  block?: boolean;
}

/** How one alias token constrains the text: 0 any case, 1 capital first letter, 2 exact. */
type CaseMode = 0 | 1 | 2;

interface Variant {
  surface: string[];
  modes: CaseMode[];
  targets: AliasTarget[];
}

interface Node {
  next: Map<string, Node> | null;
  variants: Variant[] | null;
}

export interface TrieHit {
  /** Token index one past the match. */
  endToken: number;
  targets: AliasTarget[];
}

function caseMode(tok: string): CaseMode {
  if (!/\p{L}/u.test(tok)) return 0;
  if (tok.length >= 2 && tok === tok.toUpperCase() && tok !== tok.toLowerCase()) return 2;
  const first = tok[0];
  return first !== first.toLowerCase() && first === first.toUpperCase() ? 1 : 0;
}

export class AliasTrie {
  private root: Node = { next: new Map(), variants: null };
  size = 0;

  add(alias: string, target: AliasTarget): void {
    const t = tokenize(alias);
    if (t.count === 0) return;
    let node = this.root;
    const surface: string[] = [];
    for (let i = 0; i < t.count; i++) {
      const k = t.key[i];
      node.next ??= new Map();
      let child = node.next.get(k);
      if (!child) { child = { next: null, variants: null }; node.next.set(k, child); }
      node = child;
      surface.push(alias.slice(t.start[i], t.end[i]));
    }
    node.variants ??= [];
    const sig = surface.join(' ');
    let v = node.variants.find((x) => x.surface.join(' ') === sig);
    if (!v) {
      v = { surface, modes: surface.map(caseMode), targets: [] };
      node.variants.push(v);
      this.size++;
    }
    const same = v.targets.find((x) => x.id === target.id && x.kind === target.kind && x.from === target.from && x.to === target.to);
    if (!same) v.targets.push({ ...target });
    else {
      // The same alias listed twice (a package name and a data row): a guard or role on
      // either applies.
      same.guardCap ||= target.guardCap;
      same.role ??= target.role;
    }
  }

  /** Every alias that starts at token i and passes its case rules, longest first. */
  hitsAt(text: string, t: Tokens, i: number): TrieHit[] {
    let node = this.root.next!.get(t.key[i]);
    const hits: TrieHit[] = [];
    let j = i;
    while (node) {
      j++;
      if (node.variants) {
        let targets: AliasTarget[] | null = null;
        for (const v of node.variants) {
          if (casePasses(text, t, i, v)) targets = targets ? targets.concat(v.targets) : v.targets;
        }
        if (targets) hits.push({ endToken: j, targets });
      }
      if (j >= t.count || !node.next) break;
      node = node.next.get(t.key[j]);
    }
    return hits.reverse();
  }
}

function casePasses(text: string, t: Tokens, i: number, v: Variant): boolean {
  for (let k = 0; k < v.modes.length; k++) {
    const m = v.modes[k];
    if (m === 0) continue;
    const s = t.start[i + k];
    if (m === 2) {
      if (text.slice(s, t.end[i + k]) !== v.surface[k]) return false;
    } else if (t.flag[i + k] !== 1) {
      const c = text[s];
      if (c === c.toLowerCase()) return false;
    }
  }
  return true;
}
