// Internal records passed between the extraction stages. The public output is the
// spec's EventMention (src/domain/mention.ts); these carry offsets and decisions.
import type { PloverType, DateRange, Modality, Attribution } from '../domain/index.js';

/** A sentence (or a chunk of an over-long one) with document offsets. */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  /** First sentence of a paragraph (after a blank line or at the start). */
  paragraphStart: boolean;
}

/** A word or punctuation token; offsets are relative to the sentence. */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

/** An actor mention in a sentence, as token indices [first, last]. */
export interface ActorSpan {
  first: number;
  last: number;
  code: string;
  role?: string;
  name: string;
  /** 'state' | 'person' | 'org' | 'group' | 'pronoun' … as the registry says, or 'pronoun'. */
  kind: string;
  /** The mention is a possessor ("Russia's"). */
  possessive: boolean;
  /** How it was found: registry, coreference rule. */
  via: string;
  /** An armed group's home state. */
  home?: string;
  /** For "the two leaders", "both sides": the other actor of the pair. */
  partner?: ActorSpan;
  /** Re-resolves the mention as of another date (registry matches only). */
  resolveAt?: (date: string | null) => { code: string; role?: string } | null;
}

export interface Trigger {
  first: number;
  last: number;
  type: PloverType;
  mode: string | null;
  /** 'verb' (inflected), 'noun' (nominal event), 'phrase' (fixed). */
  pos: 'verb' | 'noun' | 'phrase';
  /** Prepositions that introduce the target for this entry ("against", "with"). */
  preps: string[];
  /** Lexicon entry text, kept for the mention's rule. */
  entry: string;
  /** Modality the word itself implies ("hint at" → speculative, "plan" → intended). */
  modality: Modality | null;
  /** From the hand lexicon rather than the converted CAMEO verb dictionary. */
  hand?: boolean;
}

export interface RoleAssignment {
  source: ActorSpan;
  target: ActorSpan | null;
  rule: string;
}

export interface DateFinding {
  /** Character offsets in the sentence. */
  start: number;
  end: number;
  range: DateRange;
  rule: string;
}

export interface TraceLine { stage: string; sentence: number; note: string }

export type { Attribution };
