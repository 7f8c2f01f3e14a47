// A speech act about an event told before: "Ethiopia accused Eritrea of massing troops.
// Eritrea dismissed the claim." The definite noun phrase after the trigger points back to
// the last event of a fitting type by someone else, and the speech act is aimed at its doer.
import type { EventMention, PloverType } from '../../domain/index.js';
import { readTsv } from '../lexicon.js';
import type { Token, Trigger } from '../types.js';

const ANAPHORS = new Map<string, ReadonlySet<string>>();
for (const r of readTsv(import.meta.url, './data/event-anaphors.tsv')) ANAPHORS.set(r.noun, new Set(r.types.split('|')));

const DETERMINERS = new Set(['the', 'this', 'these', 'that', 'those', 'such']);
const PREPOSITIONS = new Set(['about', 'over', 'at', 'against', 'of', 'to']);
/** Speech acts whose object may be an earlier event. */
const ANSWERS: ReadonlySet<PloverType> = new Set<PloverType>(['ACCUSE', 'REJECT', 'SUPPORT', 'THREATEN']);
/** How many sentences back an antecedent may be. */
const REACH = 2;

export interface Told { mention: EventMention; sentence: number }

/** The types an anaphoric object right after the trigger may point back to, or null. */
export function anaphorTypes(tokens: Token[], t: Trigger): ReadonlySet<string> | null {
  let i = t.last + 1;
  if (PREPOSITIONS.has(tokens[i]?.lower ?? '')) i++;
  if (!DETERMINERS.has(tokens[i]?.lower ?? '')) return null;
  for (let k = i + 1; k < tokens.length && k <= i + 3; k++) {
    const types = ANAPHORS.get(tokens[k].lower);
    if (types) return types;
    if (!/^\p{Ll}[\p{Ll}-]*$/u.test(tokens[k].text)) return null;
  }
  return null;
}

/**
 * The doer of the event a target-less speech act answers: the latest fitting event within
 * reach by another party, preferring one aimed at the speaker. Null if none.
 */
export function answered(m: EventMention, t: Trigger, tokens: Token[], told: readonly Told[], sentence: number): EventMention['source'] | null {
  if (m.target || !ANSWERS.has(m.type)) return null;
  const types = anaphorTypes(tokens, t);
  if (!types) return null;
  const near = told.filter((x) => sentence - x.sentence <= REACH && types.has(x.mention.type));
  const fitting = near.filter((x) => x.mention.source.code !== m.source.code);
  const pick = [...fitting].reverse().find((x) => x.mention.target?.code === m.source.code) ?? fitting.at(-1);
  if (pick) return pick.mention.source;
  // "Manila said Chinese vessels rammed its boats. Beijing denied the account": an act of
  // the speaker's own, told by someone else, answers the one who told it.
  const teller = [...near].reverse().find((x) => x.mention.attribution?.code && x.mention.attribution.code !== m.source.code);
  return teller ? { code: teller.mention.attribution!.code!, name: teller.mention.attribution!.name } : null;
}

/** Types of a stance one party takes toward another, which a later threat continues. */
const STANCES = new Set(['ACCUSE', 'REJECT', 'REQUEST', 'THREATEN', 'SANCTION']);

/**
 * "China opposes the sanctions imposed by the US. China will take resolute measures": a
 * threat that names no one continues the speaker's last stance toward someone, or answers
 * the last act aimed at the speaker, within reach. Null if there is none.
 */
export function threatened(m: EventMention, told: readonly Told[], sentence: number): EventMention['source'] | null {
  if (m.target || m.type !== 'THREATEN') return null;
  const near = told.filter((x) => sentence - x.sentence <= REACH && x.mention.target);
  const own = [...near].reverse().find((x) => x.mention.source.code === m.source.code && STANCES.has(x.mention.type) && x.mention.target!.code !== m.source.code);
  if (own) return own.mention.target;
  const against = [...near].reverse().find((x) => x.mention.target!.code === m.source.code && x.mention.source.code !== m.source.code);
  return against ? against.mention.source : null;
}
