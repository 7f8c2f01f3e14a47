// Roles that come from the speech around a trigger rather than from its own clause: who
// says what another party should do, a charge reported of someone, the speaker of an
// impersonal request, what a request asks for (not an event), and the parts listed in an
// event ("including missile transfers"). Pure functions of one sentence's tokens, actors
// and triggers; the pipeline calls them around assignRoles.
import type { ActorContext } from '../actors/find-actors.js';
import type { ActorSpan, Token, Trigger } from '../types.js';
import type { Roles } from './assign-roles.js';
import { SPEECH_ACTS } from '../speech-acts.js';

/** "It is necessary to impose an embargo": in a speech, the speaker asks the audience. */
export function spokenBy(ctx: ActorContext, t: Trigger): Roles | null {
  if (!ctx.speaker) return null;
  const at = { first: t.first, last: t.first };
  const target = ctx.addressee && ctx.addressee.code !== ctx.speaker.code ? { ...ctx.addressee, ...at } : null;
  return { source: { ...ctx.speaker, ...at }, target, rule: 'impersonal-speaker', linkModality: null };
}

/**
 * "Kono said China poses a security threat to Japan", "the US said North Korea must bear
 * responsibility": a charge made about someone is an accusation by whoever says it, of
 * the one charged; "the U.S. will pay dearly" is a threat by whoever says it. Told by the
 * author of a report alone, it is an opinion, not an event.
 */
export function claimedBy(roles: Roles | null, t: Trigger, actors: ActorSpan[], saidAt: number, ctx: ActorContext): Roles | null {
  if (!roles || t.mode !== 'claim') return roles;
  if (saidAt >= 0) return saidOf(roles, t, actors, saidAt, 'claim');
  // In a statement or a state agency's report, the text's own voice makes the charge.
  return roles.source.kind === 'pronoun' ? null : voiced(roles, t.first, ctx, `claim-voice:${roles.rule}`);
}

/** The text's own voice as the one who says it, the clause's subject as target; null with
 * no voice, or when the voice is the subject itself ("we must"). */
function voiced(roles: Roles, at: number, ctx: ActorContext, rule: string): Roles | null {
  const voice = ctx.textVoice;
  if (!voice || voice.code === roles.source.code) return null;
  return { ...roles, source: { ...voice, first: at, last: at }, target: roles.source, rule };
}

/** The one who says it, with the clause's subject as target; null if no one is named. */
function saidOf(roles: Roles, t: Trigger, actors: ActorSpan[], saidAt: number, how: string): Roles | null {
  if (saidAt < 0) return null;
  const sayer = [...actors].reverse().find((a) => a.last < saidAt && a.code !== roles.source.code && a.kind !== 'adjective');
  const after = actors.find((a) => a.first > saidAt && a.last < t.first && a.code !== roles.source.code);
  if (!sayer || after) return null;
  return { ...roles, source: sayer, target: roles.source, rule: `${how}:${roles.rule}` };
}


/**
 * "The U.S. should stop arming Taiwan", "NATO had better mind its own business": what a
 * party should do, said in the text's own voice (a statement, a speech, a state agency's
 * report) or by someone named in the sentence, is a request to that party. Null when no one
 * says it (an author's opinion), when the subject is the voice itself ("we must"), when
 * the modal is epistemic ("must have") or the verb passive ("should not be used"); a trigger
 * right after the modal is left to `urgedBy`.
 */
export function modalBy(t: Trigger, tokens: Token[], actors: ActorSpan[], triggers: Trigger[], ctx: ActorContext, saidAt: number): Roles | null {
  let k = actors.findIndex((a) => a.last === t.first - 1);
  if (k < 0 || actors[k].kind === 'pronoun' || actors[k].possessive) return null;
  // "The U.S. and the West should": the first of a coordinated subject.
  while (k > 0 && actors[k - 1].last + 2 === actors[k].first && ['and', ','].includes(tokens[actors[k].first - 1].lower)) k--;
  const subject = actors[k];
  const next = tokens[t.last + 1]?.lower ?? '';
  const verb = next === 'not' ? tokens[t.last + 2]?.lower ?? '' : next;
  // "Formosa should not be used as a base": a passive asks nothing of its subject.
  if (!/^\p{Ll}+$/u.test(tokens[t.last + 1]?.text ?? '') || EPISTEMIC.has(verb) || verb === 'be') return null;
  if (tokens[t.first].lower === 'ought' && next !== 'to') return null;
  if (triggers.some((x) => x !== t && x.first > t.last && x.first - t.last <= 3)) return null;
  const roles: Roles = { source: subject, target: null, rule: 'modal', linkModality: null };
  // "Moscow must navigate …, experts said": a speaker named after the request is not its source.
  if (saidAt > t.first) return null;
  const said = saidOf(roles, t, actors, saidAt, 'modal');
  if (said) return said;
  return saidAt >= 0 ? null : voiced(roles, t.first, ctx, 'modal-voice');
}

const EPISTEMIC = new Set(['have', "'ve", 'surely', 'certainly']);

/** "Cooperation between the DPRK and Russia, including missile transfers": a nominal event
 * listed as part of the one before it has its parties. */
export function included(tokens: Token[], t: Trigger, previous: { t: Trigger; roles: Roles } | null): Roles | null {
  // A speech act's list names what it is about, not its own parts.
  if (!previous || t.pos !== 'noun' || t.first - previous.t.last > 16 || SPEECH_ACTS.has(previous.t.type)) return null;
  const between = tokens.slice(previous.t.last + 1, t.first).map((x) => x.lower);
  const at = between.findIndex((w, k) => w === 'including' || (w === 'such' && between[k + 1] === 'as'));
  if (at < 0 || between.slice(at).some((w) => /^[;:.]$/.test(w))) return null;
  return { ...previous.roles, rule: `included:${previous.roles.rule}`, mutual: false };
}

/**
 * "Faye told French media that France should close its bases", "Biden said Israel must
 * allow more aid": what a speaker says another party should do is a request to it (the
 * trigger's type becomes REQUEST); so is what the text's own voice says it should do.
 */
export function urgedBy(roles: Roles | null, t: Trigger, tokens: Token[], actors: ActorSpan[], saidAt: number, ctx: ActorContext): Roles | null {
  if (!roles || saidAt > t.first) return roles;
  const modal = tokens[t.first - 1]?.lower;
  if ((modal !== 'should' && modal !== 'must') || roles.source.last !== t.first - 2 || roles.source.kind === 'pronoun') return roles;
  const asked = saidAt >= 0 ? saidOf(roles, t, actors, saidAt, 'urged') : voiced(roles, t.first - 1, ctx, `urged-voice:${roles.rule}`);
  if (!asked) return roles;
  t.type = 'REQUEST';
  return asked;
}

/** A nominal event right after a request, or a bare verb after a request and its addressee
 * ("asked India to extradite", "demanded the US withdraw"). */
export function askedFor(tokens: Token[], triggers: Trigger[], t: Trigger, actors: ActorSpan[]): boolean {
  // "to isolate Pyongyang by denying it support": the means of the asked-for act.
  const means = t.pos === 'verb' && tokens[t.first - 1]?.lower === 'by' && /ing$/.test(tokens[t.first].lower);
  const base = means || (t.pos === 'verb' && t.first > 0 && t.entry.split(' ')[0].split('|').includes(tokens[t.first].lower));
  if (t.pos !== 'noun' && !base) return false;
  return triggers.some((r) => r.type === 'REQUEST' && r.pos !== 'noun' && r.mode !== 'modal' && r.last < t.first
    && t.first - r.last <= (means ? 14 : base ? 8 : 3) && (!base || t.first - r.last >= 2)
    // "and" opens another clause unless it joins the addressees: "urged Israel and Hamas to agree".
    && !tokens.slice(r.last + 1, t.first).some((x, k) => /^[,;:]$/.test(x.text) || (x.lower === 'and' && !actors.some((a) => a.first === r.last + 2 + k))));
}
