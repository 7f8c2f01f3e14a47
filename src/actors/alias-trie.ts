// A token trie over every alias of the registry: built once, then each scan walks it
// from each token, so matching costs a few map lookups per word, whatever the registry's
// size. Case rules live on the alias: acronyms must match exactly ("US" is not "us"),
// capitalised words must stay capitalised ("China" is not "china").
import { keyAt, signature, tokenize, type Tokens } from './tokens.js';
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
  /** A ship prefix ("USS"): the match runs over the ship's name, which is not an actor itself. */
  ship?: boolean;
}

/** How one alias token constrains the text: 0 any case, 1 capital first letter, 2 exact. */
type CaseMode = 0 | 1 | 2;

interface Variant {
  /** The alias as written, words joined by single spaces. */
  sig: string;
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

/** 20 bits of a signature, for the bitset. */
function hashSig(sig: number): number {
  return (Math.imul(sig, 0x9e3779b1) >>> 12) & 0xfffff;
}

function caseMode(tok: string): CaseMode {
  const c = tok.charCodeAt(0);
  // Fast path for plain ASCII words: "Erdogan" 1, "ISIS" 2, "al" 0.
  if (c >= 97 && c <= 122) return 0;
  if (c >= 65 && c <= 90 && tok.length > 1 && /^[A-Za-z]+$/.test(tok)) return /^[A-Z]+$/.test(tok) ? 2 : 1;
  if (!/\p{L}/u.test(tok)) return 0;
  if (tok.length >= 2 && tok === tok.toUpperCase() && tok !== tok.toLowerCase()) return 2;
  const first = tok[0];
  return first !== first.toLowerCase() && first === first.toUpperCase() ? 1 : 0;
}

export class AliasTrie {
  private root: Node = { next: new Map(), variants: null };
  size = 0;
  /** First characters of aliases whose first word may be written in lower case ("the West"). */
  private lowerFirst = new Uint8Array(128);
  /** A bit per hashed signature (see tokens.ts) of an alias's first word; false hits are fine. */
  private firstSigs = new Uint32Array(1 << 15);

  /**
   * Adds an alias. With `onlyNew`, adds nothing and returns false when some entry already
   * has the alias in any case (later data must not shadow earlier data).
   */
  add(alias: string, target: AliasTarget, onlyNew = false): boolean {
    const t = tokenize(alias);
    if (t.count === 0) return false;
    let node = this.root;
    const surface: string[] = [];
    for (let i = 0; i < t.count; i++) {
      const k = keyAt(t, i);
      node.next ??= new Map();
      let child = node.next.get(k);
      if (!child) { child = { next: null, variants: null }; node.next.set(k, child); }
      node = child;
      surface.push(alias.slice(t.start[i], t.end[i]));
    }
    if (onlyNew && node.variants) return false;
    const c0 = alias.charCodeAt(t.start[0]);
    if (caseMode(surface[0]) !== 1 && c0 < 128) this.lowerFirst[c0 | 0x20] = 1;
    const first = signature(alias, t.start[0], t.end[0]);
    if (first >= 0) this.firstSigs[hashSig(first) >>> 5] |= 1 << (hashSig(first) & 31);
    node.variants ??= [];
    const sig = surface.join(' ');
    let v = node.variants.find((x) => x.sig === sig);
    if (!v) {
      v = { sig, surface, modes: surface.map(caseMode), targets: [] };
      node.variants.push(v);
      this.size++;
    }
    const same = v.targets.find((x) => x.id === target.id && x.kind === target.kind && x.from === target.from && x.to === target.to);
    // The target object is the trie's own from here (callers pass a fresh one).
    if (!same) v.targets.push(target);
    else {
      // The same alias listed twice (a package name and a data row): a guard or role on
      // either applies.
      same.guardCap ||= target.guardCap;
      same.role ??= target.role;
    }
    return true;
  }

  /** Whether some entry already has this alias (any case): later data must not shadow it. */
  has(alias: string): boolean {
    return this.targetsOf(alias).length > 0;
  }

  /** The targets of an alias (any case), or none. */
  targetsOf(alias: string): readonly AliasTarget[] {
    const t = tokenize(alias);
    if (t.count === 0) return [];
    let node: Node | undefined = this.root;
    for (let i = 0; i < t.count && node; i++) node = node.next?.get(keyAt(t, i));
    return node?.variants?.flatMap((v) => v.targets) ?? [];
  }

  /**
   * Whether an alias may start at token i (the scanner's fast path): a lower-case word
   * after a space cannot start a capitalised name, so most words are passed over unread.
   * A word that passes may still start none: hitsAt reads the trie itself.
   */
  mayStart(t: Tokens, i: number): boolean {
    const c = t.text.charCodeAt(t.start[i]);
    if (c < 128) {
      // Every alias starts with a word, so punctuation never starts one.
      if (c < 48 || (c > 57 && c < 65) || (c > 90 && c < 97) || c > 122) return false;
      if (c >= 97 && t.flag[i] !== 1 && this.lowerFirst[c] === 0) return false;
    }
    const sig = signature(t.text, t.start[i], t.end[i]);
    if (sig >= 0) {
      const h = hashSig(sig);
      if ((this.firstSigs[h >>> 5] & (1 << (h & 31))) === 0) return false;
    }
    return true;
  }

  /** Every alias that starts at token i and passes its case rules, longest first. */
  hitsAt(text: string, t: Tokens, i: number): TrieHit[] {
    let node = this.root.next!.get(keyAt(t, i));
    if (!node) return NO_HITS;
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
      node = node.next.get(keyAt(t, j));
    }
    return hits.reverse();
  }
}

const NO_HITS: TrieHit[] = [];

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
