// The extraction pipeline: the stages in order, each a pure function over one sentence
// (plus a small document context for coreference and the episode date):
//   1. sentences  split with offsets, tokens (sentences/)
//   2. actors     registry matches and coreference (actors/)
//   3. triggers   event words from the lexicon (triggers/); a sentence with no trigger
//                 or no actor stops here — the fast first pass
//   4. dates      date expressions of the sentence (dates/)
//   5. roles      source and target (roles/)
//   6. modality   cue and scope, and attribution (modality/)
//   7. events     date choice, actors re-resolved as of the event's date ("Moscow" in
//                 1950 is the Soviet Union), mention records, clusters (events/)
import type { DateRange, EventMention, Extraction, DocumentMeta } from '../domain/index.js';
import { splitSentences } from './sentences/split-sentences.js';
import { tokenize } from './sentences/tokenize.js';
import { nameJoints } from '../actors/index.js';
import { findDates } from './dates/find-dates.js';
import { ActorContext, findActors } from './actors/find-actors.js';
import { findTriggers, triggerIndex } from './triggers/find-triggers.js';
import { assignRoles, sentenceSubject, QUANTITY, type Roles } from './roles/assign-roles.js';
import { askedFor, claimedBy, included, modalBy, spokenBy, urgedBy } from './roles/reported.js';
import { answered, threatened, type Told } from './roles/anaphora.js';
import { SPEECH_ACTS } from './speech-acts.js';
import { detectModality } from './modality/detect-modality.js';
import { findAttribution } from './modality/find-attribution.js';
import { chooseDate } from './events/choose-date.js';
import { spokenDate, storyEpisode } from './events/voice-dates.js';
import { posTags } from './grammar/pos-tags.js';
import { Clusterer } from './events/cluster-mentions.js';
import type { ActorSpan, Sentence, TraceLine, Trigger } from './types.js';

export const STAGES = ['sentences', 'actors', 'triggers', 'dates', 'roles', 'modality', 'events'] as const;

export interface ExtractMeta extends Partial<Omit<DocumentMeta, 'published'>> {
  published: string | null;
}

export interface ExtractOptions {
  /** Record each stage's decisions in `trace` on the result. */
  trace?: boolean;
}

export interface TracedExtraction extends Extraction {
  trace?: TraceLine[];
}

/** How many sentences an episode date carries without being renewed. */
const EPISODE_SENTENCES = 3;

/** Sentences that carry the episode date across a paragraph break. */
/** Sentences dated by the last date the story told. */
const SAME_DAY = /^(?:The same day|On the same day|That same day|The same week)\b/;
const EPISODE_CUE = /^(At (this|that|the) (meeting|summit|talks|time|point|session|conference)|Then|There|During (this|that|the) (meeting|visit|summit|talks|call)|Afterwards|Later|The next day|The following day|The same day|On the same day|That day|In response)\b/;

const THREAT_CUE = /\b(?:vow(?:s|ed)?|threat(?:s|ened|ening)?|warn(?:s|ed|ing)?)\s+(?:that\s+\S+\s+(?:will|would)\s+|to\s+)[“"]?(?:\w+ly\s+)?$/;
const LINK_LINE = /^(?:Related Stor(?:y|ies)|Read more|Also read|See also|READ MORE)\b/;

function actorRef(a: ActorSpan, when: string | null): EventMention['source'] {
  const r = a.resolveAt?.(when) ?? { code: a.code, role: a.role };
  return r.role ? { code: r.code, role: r.role, name: a.name } : { code: r.code, name: a.name };
}

/** Tokens past the last trigger that roles may read (its object, a later "by" agent). */
const TAG_AFTER = 12;

/** The last token to tag: a clause end past the last trigger's reach, or the sentence end. */
export function tagWindowEnd(tokens: ReturnType<typeof tokenize>, triggers: { last: number }[]): number {
  let end = Math.max(...triggers.map((t) => t.last)) + TAG_AFTER;
  while (end < tokens.length - 1 && !/^[,;:.!?]$/.test(tokens[end].text)) end++;
  return end;
}

/** Sentences longer than this (chunks of text with no full stop) cite only the clause. */
const LONG_SENTENCE = 600;

/** The sentence, or for an over-long one the clause around the trigger and its actors. */
function evidenceSpan(s: Sentence, tokens: ReturnType<typeof tokenize>, t: { first: number; last: number }, roles: { source: ActorSpan; target: ActorSpan | null }): EventMention['evidence'] {
  if (s.text.length <= LONG_SENTENCE) return { start: s.start, end: s.end, text: s.text };
  const idx = [t.first, t.last, roles.source.first, roles.source.last, roles.target?.first ?? t.first, roles.target?.last ?? t.last];
  const a = tokens[Math.min(...idx)].start, b = tokens[Math.max(...idx)].end;
  return { start: s.start + a, end: s.start + b, text: s.text.slice(a, b) };
}

/** Military forces and their vehicles, as the object of a sending verb. */
const FORCES = /\b(?:troops|forces|soldiers|units|reinforcements|vehicles|tanks|warships|jets|warplanes|ships|battalions|brigades)\b/i;

/** Types whose events always have a counterpart. */
const PARTNERED: ReadonlySet<string> = new Set(['AGREE', 'AID', 'RETREAT']);

/** Document state carried from sentence to sentence. */
export class DocumentState {
  readonly actors = new ActorContext();
  episode: DateRange | null = null;
  /** Sentence count when the episode date was last set, and that sentence's index. */
  episodeSet = 0;
  episodeSentence = -1;
  /** The last episode date of the document, kept across paragraphs ("the same day"). */
  lastEpisode: DateRange | null = null;
  paragraphs = 0;
  sentences = 0;
  /** The latest mentions, for a speech act about one of them ("dismissed the claim"). */
  told: Told[] = [];
}

/**
 * Speech acts made as they are said: "China will take resolute measures" (a threat),
 * "Beijing has never accepted the ruling" (a rejection), "should not interfere" (a
 * request) are asserted.
 */
function saidNow(t: Trigger, mod: ReturnType<typeof detectModality>): ReturnType<typeof detectModality> {
  if (t.type === 'THREATEN' && mod.modality === 'intended') return { modality: 'asserted', cue: null };
  if (mod.modality === 'negated' && (t.mode === 'refusal' || (t.type === 'AGREE' && t.entry.startsWith('accept')))) {
    t.type = 'REJECT';
    return { modality: 'asserted', cue: null };
  }
  if (t.mode === 'modal' && mod.modality === 'negated') return { modality: 'asserted', cue: null };
  return mod;
}

/** Runs stages 2–7 on one sentence; mentions have document offsets. */
export function extractSentence(s: Sentence, published: string | null, state: DocumentState, trace?: TraceLine[]): EventMention[] {
  // "Related Story …", "Read more: …": a link to another article, not this one's text (nor a
  // break in its story).
  if (LINK_LINE.test(s.text)) return [];
  state.sentences++;
  // Trace lines are built only when tracing: `text` is a thunk.
  const note = (stage: string, text: () => string) => { if (trace) trace.push({ stage, sentence: s.index, note: text() }); };
  if (s.paragraphStart) state.paragraphs++;
  if (s.paragraphStart && !EPISODE_CUE.test(s.text)) state.episode = null;
  // "The same day, Japan signed …": the last date the story told, however far back.
  if (SAME_DAY.test(s.text) && state.lastEpisode) state.episode = state.lastEpisode;
  // A text with no paragraph breaks (wire copy with its breaks removed): an episode date
  // lasts a few sentences.
  if (state.paragraphs <= 1 && state.episode && state.sentences - state.episodeSet > EPISODE_SENTENCES) state.episode = null;

  const tokens = tokenize(s.text, nameJoints(s.text));
  // Actors resolve as of publication here (for coreference and role choice), and again
  // as of the event's date when a mention is built. Every sentence needs them: a pronoun
  // may point back to a sentence with no event.
  const places: ActorSpan[] = [];
  const actors = findActors(s.text, tokens, published, s.index, state.actors, places);
  if (actors.length) note('actors', () => actors.map((a) => `${a.name}=${a.code}${a.role ? '/' + a.role : ''} (${a.via})`).join('; '));

  // Fast first pass: no actor, or no trigger word, means no event. (The lexicon is loaded
  // first: the roles' word lists include its trigger words.)
  triggerIndex();
  const noteSubject = () => {
    const subject = sentenceSubject(tokens, actors);
    if (subject) state.actors.noteSubject(subject, s.index);
  };
  if (actors.length === 0) { noteSubject(); return []; }
  // Part-of-speech tags only for sentences with a trigger match (tags then refine them;
  // the matching itself is done once, in this untagged pass).
  // A modal ("should", "must") is a request only right after an actor: no other is worth tagging for.
  const untagged = findTriggers(tokens).filter((t) => t.mode !== 'modal' || actors.some((a) => a.last === t.first - 1));
  if (untagged.length === 0) { noteSubject(); return []; }
  const tags = posTags(s.text, tokens, tagWindowEnd(tokens, untagged));
  const triggers = findTriggers(tokens, tags);
  // "Address by President Zelensky to …": a heading's first word before "by" is a noun.
  for (const t of triggers) if (t.first === 0 && t.pos === 'verb' && tokens[t.last + 1]?.lower === 'by') t.pos = 'noun';
  if (triggers.length === 0) { noteSubject(); return []; }
  // Dates (chrono-node is the costly part) only once a trigger has its actors.
  let found: ReturnType<typeof findDates> | null = null;
  const sentenceDates = () => {
    if (!found) {
      const dates = findDates(s.text, published);
      found = dates;
      if (dates.length) note('dates', () => dates.map((d) => `${s.text.slice(d.start, d.end)} → ${d.range.start}..${d.range.end} (${d.rule})`).join('; '));
    }
    return found;
  };
  note('triggers', () => triggers.map((t) => `${s.text.slice(tokens[t.first].start, tokens[t.last].end)} → ${t.type} [${t.entry}]`).join('; '));

  const attribution = findAttribution(tokens, actors, s.text);
  const out: EventMention[] = [];
  let previous: { t: Trigger; roles: Roles } | null = null;
  let spoken: { last: number; source: EventMention['source'] } | null = null;
  for (const t of triggers) {
    // "called for dialogue", "demanded a ceasefire", "demanding the U.S. withdraw": the
    // thing asked for has not happened.
    // "agreed not to threaten or use force": what a party commits not to do is no event
    // (the commitment is).
    const negatedInfinitive = tokens[t.first - 1]?.lower === 'to' && ['not', 'never'].includes(tokens[t.first - 2]?.lower ?? '') && triggers.some((x) => x.last < t.first - 2);
    if (negatedInfinitive || askedFor(tokens, triggers, t, actors)) {
      note('events', () => `${s.text.slice(tokens[t.first].start, tokens[t.last].end)}: asked for or promised not to, dropped`);
      continue;
    }
    const words = s.text.slice(tokens[t.first].start, tokens[t.last].end);
    const assigned = t.mode === 'impersonal' ? spokenBy(state.actors, t)
      : t.mode === 'modal' ? modalBy(t, tokens, actors, triggers, state.actors, attribution?.at ?? -1)
      : claimedBy(assignRoles(tokens, actors, t, tags, places), t, actors, attribution?.at ?? -1, state.actors);
    const roles: Roles | null = urgedBy(assigned, t, tokens, actors, attribution?.at ?? -1, state.actors) ?? included(tokens, t, previous);
    if (!roles) { note('roles', () => `${words}: no source, dropped`); continue; }
    // "Kim received a message of sympathy from Putin": sent by the one it came from.
    if (t.mode === 'received') {
      if (!roles.target) { note('roles', () => `${words}: no sender, dropped`); continue; }
      [roles.source, roles.target] = [roles.target, roles.source];
    }
    previous = { t, roles };
    // "French forces left Mali", "Mali left ECOWAS": leaving is a retreat only for troops or
    // from an organisation ("Putin left Beijing" is the end of a visit).
    if (t.mode === 'departure' && roles.source.role !== 'MIL' && roles.target?.kind !== 'igo') { note('roles', () => `${words}: a departure, dropped`); continue; }
    note('roles', () => `${words}: ${roles.source.code} → ${roles.target?.code ?? 'null'} (${roles.rule})`);
    // "Thousands of Armenians protested", "protesters marched": a crowd's protest is a
    // demonstration, not a diplomatic complaint.
    if (t.type === 'ACCUSE' && /^protest/.test(t.entry) && (['OPP', 'CVL'].includes(roles.source.role ?? '') || (tokens[roles.source.first - 1]?.lower === 'of' && QUANTITY.has(tokens[roles.source.first - 2]?.lower ?? '')))) t.type = 'PROTEST';
    // A missile fired at no one is a launch or test: MOBILIZE, per the codebook.
    if (t.type === 'ASSAULT' && t.mode === 'missile' && !roles.target) { t.type = 'MOBILIZE'; t.mode = 'launch'; }
    const mod = saidNow(t, detectModality(tokens, t, roles.linkModality));
    note('modality', () => `${words}: ${mod.modality}${mod.cue ? ` (cue "${mod.cue}")` : ''}`);
    // "invaded South Korea to take control", "sent troops to fight": a purpose, told as
    // part of the main event, not an event of its own.
    // "an honour for me to address you" names its own subject: not a purpose clause.
    if (mod.cue === 'to-infinitive' && !roles.rule.startsWith('for-infinitive')) { note('events', () => `${words}: purpose clause, dropped`); continue; }
    // "vowed to destroy", "threatened to impose sanctions": the statement is a threat.
    const threat = THREAT_CUE.test(s.text.slice(Math.max(0, tokens[t.first].start - 40), tokens[t.first].start)) && ['ASSAULT', 'COERCE', 'SANCTION'].includes(t.type);
    if (threat) { t.type = 'THREATEN'; mod.modality = 'asserted'; mod.cue = 'threat'; }
    const voice = state.actors.textVoice;
    const episode = storyEpisode(state.episode, state.episodeSentence === s.index, voice, published);
    const chosen = chooseDate(s.text, sentenceDates(), tokens, t, mod.modality, episode, published);
    const { date, rule: dateRule, finding } = spokenDate(chosen, t, roles.source.code, voice, published);
    note('events', () => `${words}: date ${date ? `${date.start}..${date.end}` : 'null'} (${dateRule})`);
    // Only what happened sets the episode: a plan's "next month" does not date what follows.
    if (date && dateRule !== 'date:episode' && dateRule !== 'date:statement-day' && !dateRule.startsWith('date:publication') && mod.modality === 'asserted') {
      state.episode = date;
      state.episodeSet = state.sentences;
      state.episodeSentence = s.index;
      state.lastEpisode = date;
    }
    // Actors resolve as of the event ("Moscow" in the 1980s is the Soviet Union): a span
    // reaching to publication ("since the Korean War") means now.
    const when = date ? (finding?.rule.includes('since') ? date.end : date.start) : published;
    const explicit = dateRule !== 'date:episode' && !dateRule.startsWith('date:publication') && date !== null;
    const confidence = Math.min(0.95, 0.45 + (roles.target ? 0.15 : 0) + (explicit ? 0.1 : 0) + (t.pos === 'verb' ? 0.1 : 0.05)
      + (roles.source.via === 'registry' ? 0.1 : 0) + (mod.modality === 'asserted' ? 0.05 : 0));
    const m: EventMention = {
      type: t.type,
      mode: t.mode,
      source: actorRef(roles.source, when),
      target: roles.target ? actorRef(roles.target, when) : null,
      date,
      modality: mod.modality,
      evidence: evidenceSpan(s, tokens, t, roles),
      attribution: attribution && attribution.at !== t.first ? attribution.attribution : null,
      confidence: Math.round(confidence * 100) / 100,
      rule: `trigger:${t.hand ? "" : "cameo "}${t.entry}; roles:${roles.rule}; ${dateRule}${mod.cue ? `; modality:${mod.cue}` : ''}`,
    };
    // "condemned the coup in Niger and threatened military intervention": a coordinated
    // verb phrase with no party of its own shares the previous one's.
    const shared = out.at(-1);
    if (!m.target && shared?.target && shared.source.code === m.source.code && (tokens[t.first - 1]?.lower === 'and' || (tokens[t.first - 2]?.lower === 'and' && /ly$/.test(tokens[t.first - 1].lower)))) {
      m.target = shared.target;
      m.rule += '; target:coordinated';
    }
    // "Beijing protested a flyover by a US spy plane": what a speech act is about was done
    // to the one who speaks.
    if (!m.target && t.pos === 'noun' && spoken && t.first > spoken.last && t.first - spoken.last <= 4 && spoken.source.code !== m.source.code) {
      m.target = spoken.source;
      m.rule += '; target:speaker';
    }
    // "Ethiopia accused Eritrea … Eritrea dismissed the claim": aimed at the doer of the
    // event the object points back to.
    const doer = answered(m, t, tokens, state.told, state.sentences);
    if (doer) { m.target = doer; m.rule += '; target:answered'; }
    const party = threatened(m, state.told, state.sentences);
    if (party) { m.target = party; m.rule += '; target:threatened'; }
    // An agreement, a gift or a withdrawal is always with, to or from someone: with no one
    // found, the reading is not safe enough to count.
    // A threat with no one threatened counts only when its subject makes it ("Iran
    // threatened to close the strait", "will not sit idly by"), not as a thing named or
    // in a relative clause.
    if (!m.target && m.type === 'THREATEN' && (t.pos === 'noun' || roles.rule !== 'subject')) { note('events', () => `${words}: a threat to no one, dropped`); continue; }
    if (!m.target && PARTNERED.has(m.type)) {
      // "offered to mediate between Baku and Yerevan": the party of the act offered.
      const next = tokens[t.last + 1]?.lower === 'to' ? triggers.find((x) => x.first === t.last + 2) : undefined;
      const offered = next ? assignRoles(tokens, actors, next, tags, places)?.target : null;
      if (offered && offered.code !== m.source.code) {
        m.target = actorRef(offered, when);
        m.rule += '; target:complement';
      } else if (m.type === 'AID' && FORCES.test(words)) {
        // "sent troops to its border": forces sent to no one else are a deployment.
        m.type = 'MOBILIZE';
        m.rule += '; own-deployment';
      } else { note('events', () => `${words}: no party found, dropped`); continue; }
    }
    if (SPEECH_ACTS.has(t.type)) spoken = { last: t.last, source: m.source };
    out.push(m);
    state.told.push({ mention: m, sentence: state.sentences });
    if (state.told.length > 20) state.told.shift();
    if (roles.mutual && m.target) {
      note('roles', () => `${words}: mutual, also ${m.target!.code} → ${m.source.code}`);
      out.push({ ...m, source: m.target, target: m.source });
    }
  }
  noteSubject();
  return out;
}

/**
 * Extracts the event mentions of one document. `text` is the document as decoded (offsets
 * index it); `meta.published` (YYYY-MM-DD) anchors relative dates.
 */
export function extractDocument(text: string, meta: ExtractMeta, opts: ExtractOptions = {}): TracedExtraction {
  const trace: TraceLine[] | undefined = opts.trace ? [] : undefined;
  const state = new DocumentState();
  const events: EventMention[] = [];
  const clusters = new Clusterer();
  for (const s of splitSentences(text)) {
    for (const m of extractSentence(s, meta.published, state, trace)) {
      clusters.assign(m);
      events.push(m);
    }
  }
  const { published, ...rest } = meta;
  const result: TracedExtraction = {
    document: { ...rest, published, length: text.length, sentences: state.sentences },
    events,
  };
  if (trace) result.trace = trace;
  return result;
}

/**
 * The streaming form for huge texts: yields mentions (with clusters) as they are found,
 * holding only the document state; returns the document record at the end.
 */
export function* extractStream(text: string, meta: ExtractMeta, opts: ExtractOptions & { onTrace?: (t: TraceLine) => void; onSentence?: (end: number) => void } = {}): Generator<EventMention, Extraction['document']> {
  const state = new DocumentState();
  const clusters = new Clusterer();
  for (const s of splitSentences(text)) {
    opts.onSentence?.(s.end);
    const trace: TraceLine[] | undefined = opts.trace ? [] : undefined;
    for (const m of extractSentence(s, meta.published, state, trace)) {
      clusters.assign(m);
      yield m;
    }
    if (trace && opts.onTrace) trace.forEach(opts.onTrace);
  }
  const { published, ...rest } = meta;
  return { ...rest, published, length: text.length, sentences: state.sentences };
}
