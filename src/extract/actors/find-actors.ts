// Actor mentions of a sentence: the registry's matches (src/actors), resolved as of
// publication here and again as of the event's date later, plus within-document coreference: a surname after the full name
// ("Kim" after "Kim Jong Un"), pronouns to the last compatible actor (he/his → a person,
// it/its → a state or organisation, they/their → a group or state named just before),
// and "the North"/"the South" once one Korea has been named. Coreference is greedy and
// local: it never looks further back than a few sentences.
import { agentRole, matchActors, resolveMatch, type ActorMatch, type ResolvedActor } from '../../actors/index.js';
import { readTsv } from '../lexicon.js';
import type { ActorSpan, Token } from '../types.js';

const FOLD = new Map(readTsv(import.meta.url, './data/fold-codes.tsv').map((r) => [r.code, r['reported-as']]));

const DATELINE = /^[A-Z][A-Z .'-]{2,}(?:,[^-–—\n]{0,40})?(?:\s*\([^)]{1,30}\))?\s*[-–—]\s/;
const FIRST_PERSON = new Set(['we', 'our', 'us', 'ours', 'i', 'me', 'my']);
const NUMBERED = new Set(['article', 'war', 'phase', 'part', 'section', 'chapter', 'title', 'stage', 'class', 'type', 'level', 'category', 'annex', 'protocol']);
const SECOND_PERSON = new Set(['you', 'your', 'yours']);
/** A vocative opening a speech: "Dear Japanese people!", "Distinguished Members of the Parliament!". */
const VOCATIVE = /^(?:Dear|Distinguished|Esteemed|Honou?rable|Mr\.?|Madam|Ladies|My fellow|Members)\b[^.?]*!\s*$/;
/** A quotation closed and attributed: `…,” Trump said` / `…,” he told lawmakers`. */
const QUOTE_SAID = /^[”"]\s*,?\s*((?:[\p{L}.'’-]+\s+){0,6}?)(?:said|says|told|tells|added|adds|stated|declared|warned|insisted|wrote)\b/u;
const SELF_NAMED = /\b(?:me|I),?\s+(?:am\s+)?the (?:President|Prime Minister|Chancellor|King|Queen|Foreign Minister|leader) of\b/;
/** A speaker saying whom they speak for: "I stand here on behalf of the people of Kenya". */
const ON_BEHALF = /\b(?:I|we)\b[^.!?]{0,60}\bon behalf of\b/;
/** A heading naming who speaks: "Address by President Zelensky to the Parliament of Canada", "Statement of the Ministry of Foreign Affairs of Türkiye". */
const HEADING = /^(?:(?:Full )?Text of (?:the )?)?(?:Joint )?(?:Address|Statement|Remarks|Speech|Message|Declaration|Press [Rr]elease|Press [Ss]tatement|Letter|Opening [Rr]emarks|Keynote|Communiqu[eé])\b[^.!?]{0,40}?\b(?:by|of|from)\s/;
/** A statement that opens in its author's voice: "The Republic of Türkiye strongly condemns …". */
const STATEMENT_VERB = /^(?:(?:strongly|firmly|categorically|resolutely|sincerely|deeply|gravely|seriously|once again|hereby|also)\s+)*(?:condemns|welcomes|expresses|reiterates|deplores|denounces|rejects|calls|urges|supports|notes|extends|affirms|reaffirms|declares|announces|demands|protests|regrets|is (?:(?:deeply|gravely|seriously|greatly|extremely)\s+)?(?:concerned|alarmed|saddened|shocked|disturbed|pleased|encouraged|troubled))\b/;
const SELF_NAMED_GROUP = /\bWe,\s+the (?:leaders|heads of state|heads of government|governments|foreign ministers|defen[cs]e ministers|peoples?) of\b/;
const OFFICES = new Set(['president', 'minister', 'leader', 'premier', 'chancellor', 'king', 'queen', 'secretary', 'head', 'ruler', 'emperor']);
const PAIR = /^(?:the two (?:presidents|leaders|countries|nations|sides|governments|ministers|heads of state|states|parties)|both (?:sides|leaders|countries|presidents|governments|parties)|the (?:presidents|leaders))\b(?!\s+(?:of|from|in)\b)/i;
const CLAUSE_PREPS = new Set(['of', 'in', 'to', 'for', 'from', 'with', 'against', 'by', 'on', 'at', 'over', 'into', 'about', 'after', 'before', 'since', 'under']);
const PERSON_PRONOUNS = new Set(['he', 'him', 'his', 'she', 'her']);
const THING_PRONOUNS = new Set(['it', 'its']);
const PLURAL_PRONOUNS = new Set(['they', 'them', 'their']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their']);
/** How many sentences back a pronoun may reach. */
const PRONOUN_REACH = 2;
/** "a gunman in Texas", "talks at Camp David": a region or city after these is where, not who. */
const HYPHENED = /-\p{L}+/uy;
const FLAGGED = /^-(?:flagged|registered|owned|operated|made|built|manufactured|run|controlled|led|sponsored)$/;
const LOCATIVE = new Set(['in', 'at', 'near', 'outside', 'inside', 'around', 'across', 'throughout', 'within']);
/** Every word the coreference loop below acts on: any other word is passed over at once. */
const COREF_WORDS = new Set(['north', 'south', 'administration', 'government', 'regime', 'junta', 'authorities', 'the', 'both',
  ...FIRST_PERSON, ...SECOND_PERSON, ...PERSON_PRONOUNS, ...THING_PRONOUNS, ...PLURAL_PRONOUNS]);

/** Kinds of actor "the two countries" may stand for. */
const PAIR_KINDS = new Set(['person', 'state', 'historical-state', 'igo', 'capital', 'role-phrase']);

interface Seen { actor: Omit<ActorSpan, 'first' | 'last'>; sentence: number }

/** Document-level memory for coreference; create one per document. */
export class ActorContext {
  private fullNames = new Map<string, Seen>();
  private lastPerson: Seen | null = null;
  private lastThing: Seen | null = null;
  private lastGroup: Seen | null = null;
  private koreas = new Set<string>();

  remember(a: ActorSpan, sentence: number): void {
    const seen: Seen = { actor: { ...a, possessive: false, via: 'coreference', resolveAt: undefined }, sentence };
    this.recent.push(seen);
    if (this.recent.length > 200) this.recent.shift();
    if (a.kind === 'person') {
      this.lastPerson = seen;
      if (a.via === 'registry') for (const w of a.name.split(/[\s-]+/)) if (w.length > 1) this.fullNames.set(w.toLowerCase(), seen);
    } else if (a.kind !== 'pronoun') {
      this.lastThing = seen;
      if (a.role === 'MIL' || a.kind === 'collective' || a.kind === 'role-phrase') this.lastGroup = seen;
    }
    if (a.code === 'PRK' || a.code === 'KOR') this.koreas.add(a.code);
  }

  private lastSubject: Seen | null = null;

  /** The source of an event: what "they" and "it" most often point back to. */
  noteSubject(a: ActorSpan, sentence: number): void {
    this.lastSubject = { actor: { ...a, possessive: false, via: 'coreference', resolveAt: undefined }, sentence };
  }

  private recent: Seen[] = [];

  /**
   * The pair "the two leaders" or "both sides" means: the last two distinct actors named in
   * this sentence before it (`before`) or in the one before; failing that, the document's
   * two most often named participants, the earlier-named first.
   */
  lastPair(sentence: number, before: readonly ActorSpan[] = [], noun = 'sides'): [ActorSpan, ActorSpan] | null {
    // "the two leaders" were named as people; "the two countries" not as organisations.
    const fits = /leaders|presidents|ministers|heads/.test(noun) ? (a: { kind: string }) => a.kind === 'person'
      : /sides|parties/.test(noun) ? (a: { kind: string }) => PAIR_KINDS.has(a.kind) : (a: { kind: string }) => PAIR_KINDS.has(a.kind) && a.kind !== 'igo';
    // A hyphenated pair ("China-Brazil ties") names both.
    const near = [...this.recent.filter((r) => r.sentence === sentence - 1).map((r) => r.actor), ...before]
      .flatMap((a): Omit<ActorSpan, 'first' | 'last'>[] => (a.via === 'hyphen-pair' && a.partner ? [a, a.partner] : [a]))
      .filter((a) => fits(a) && a.code);
    const picked: Omit<ActorSpan, 'first' | 'last'>[] = [];
    for (let k = near.length - 1; k >= 0 && picked.length < 2; k--) if (!picked.some((p) => p.code === near[k].code)) picked.unshift(near[k]);
    if (picked.length === 2) return [{ ...picked[0], first: 0, last: 0, possessive: false, via: 'coreference', resolveAt: undefined }, { ...picked[1], first: 0, last: 0, possessive: false, via: 'coreference', resolveAt: undefined }];
    const counts = new Map<string, { n: number; first: number; seen: Seen }>();
    this.recent.forEach((r, k) => {
      if (!PAIR_KINDS.has(r.actor.kind) || r.actor.kind === 'role-phrase') return;
      const c = counts.get(r.actor.code);
      if (c) c.n++;
      else counts.set(r.actor.code, { n: 1, first: k, seen: r });
    });
    const top = [...counts.values()].sort((x, y) => y.n - x.n || x.first - y.first).slice(0, 2);
    if (top.length < 2 || sentence < 0) return null;
    const [a, b] = top.sort((x, y) => x.first - y.first);
    return [{ ...a.seen.actor, first: 0, last: 0 }, { ...b.seen.actor, first: 0, last: 0 }];
  }

  /** The last state named through its government or leader, for "the administration". */
  lastGovernment(sentence: number): Seen | null {
    for (let k = this.recent.length - 1; k >= 0; k--) {
      const r = this.recent[k];
      if (sentence - r.sentence > 4) break;
      if (r.actor.role === 'GOV' || r.actor.kind === 'person') return r;
    }
    return null;
  }

  /** The last state named within two sentences other than `except`, for "the authorities". */
  lastState(sentence: number, except?: string): Seen | null {
    for (let k = this.recent.length - 1; k >= 0; k--) {
      const r = this.recent[k];
      if (sentence - r.sentence > 2) break;
      if (['state', 'capital', 'place'].includes(r.actor.kind) && r.actor.code !== except) return r;
    }
    return null;
  }

  surname(word: string): Seen | null {
    return this.fullNames.get(word.toLowerCase()) ?? null;
  }

  pronoun(word: string, sentence: number): Seen | null {
    const pick = (s: Seen | null) => (s && sentence - s.sentence <= PRONOUN_REACH ? s : null);
    if (PERSON_PRONOUNS.has(word)) return pick(this.lastPerson);
    const subject = this.lastSubject && sentence - this.lastSubject.sentence === 1 && this.lastSubject.actor.kind !== 'person' ? this.lastSubject : null;
    if (THING_PRONOUNS.has(word)) return subject ?? pick(this.lastThing);
    if (PLURAL_PRONOUNS.has(word)) {
      if (subject) return subject;
      const g = this.lastGroup && sentence - this.lastGroup.sentence <= 1 ? this.lastGroup : null;
      return g ?? (this.lastThing && sentence - this.lastThing.sentence <= 1 ? this.lastThing : null);
    }
    return null;
  }

  /** The state a first-person text speaks for, once it names itself ("me, the President of Ukraine"). */
  speaker: ActorSpan | null = null;
  /** Whose view the text states in its own voice: the speaker, or a state agency's state. */
  voice: ActorSpan | null = null;
  /** The text's voice: its speaker, else a state agency's state. */
  get textVoice(): ActorSpan | null {
    return this.speaker ?? this.voice;
  }
  /** A heading named a statement but no state ("Statement of the Ministry of Foreign Affairs"). */
  unnamedHeading = false;

  /** The state last named as "the X administration/government". */
  namedGovernment: Seen | null = null;
  /** The last "X administration" named: "the administration" means it. */
  namedAdministration: Seen | null = null;

  /** Whom a speech addresses ("Dear Japanese people!"): "you" in it. */
  addressee: ActorSpan | null = null;

  knowsKorea(code: string): boolean {
    return this.koreas.has(code);
  }
}

/** Where an attributed quotation closes in the sentence, and where its "X said" ends. */
function quotedSpeakerEnd(text: string): { close: number; saidEnd: number } | null {
  for (let at = text.search(/[”"]/); at >= 0; at = text.indexOf(text[at] === '"' ? '"' : '”', at + 1)) {
    const m = QUOTE_SAID.exec(text.slice(at));
    if (m) return { close: at, saidEnd: at + m[0].length };
    if (at + 1 >= text.length) break;
  }
  return null;
}

function tokenRange(tokens: Token[], start: number, end: number): [number, number] | null {
  // Tokens are in text order and do not overlap: binary search for the first token
  // ending after `start`, then walk to the last one starting before `end`.
  let lo = 0, hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end > start) hi = mid; else lo = mid + 1;
  }
  if (lo >= tokens.length || tokens[lo].start >= end) return null;
  let last = lo;
  while (last + 1 < tokens.length && tokens[last + 1].start < end) last++;
  return [lo, last];
}

const CAPITALISED = /^\p{Lu}[\p{L}'-]*$/u;

/** Officials named by a capitalised title and a name no actor covers ("Foreign Secretary
 * Vikram Misri"), as the voice's state. Not "Minister of X", not a title alone. */
function ownOfficials(tokens: Token[], covered: ReadonlySet<number>, voice: ActorSpan): ActorSpan[] {
  const out: ActorSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (covered.has(i) || !CAPITALISED.test(tokens[i].text) || !OFFICES_HELD.has(tokens[i].lower)) continue;
    let first = i;
    while (first > 0 && !covered.has(first - 1) && CAPITALISED.test(tokens[first - 1].text) && MODIFIERS.has(tokens[first - 1].lower)) first--;
    let last = i;
    while (last + 1 < tokens.length && last - i < 3 && !covered.has(last + 1) && CAPITALISED.test(tokens[last + 1].text) && !OFFICES_HELD.has(tokens[last + 1].lower) && !MODIFIERS.has(tokens[last + 1].lower)) last++;
    if (last === i || tokens[last + 1]?.lower === 'of') { i = last; continue; }
    out.push({ ...voice, first, last, name: tokens.slice(first, last + 1).map((x) => x.text).join(' '), kind: 'person', role: 'GOV', possessive: tokens[last + 1]?.lower === "'s", via: 'voice-official', resolveAt: undefined, partner: undefined });
    i = last;
  }
  return out;
}

/** Titles of offices one person holds. */
const OFFICES_HELD = new Set(['secretary', 'minister', 'president', 'premier', 'chancellor', 'ambassador', 'envoy', 'spokesperson', 'spokesman', 'spokeswoman', 'governor']);
/** Words that may open an office's title ("Foreign Secretary", "Prime Minister"). */
const MODIFIERS = new Set(['foreign', 'prime', 'defence', 'defense', 'external', 'home', 'interior', 'deputy', 'vice', 'state', 'chief', 'senior', 'national', 'security', 'trade', 'finance']);

/** Two actors joined by a hyphen ("DPRK-Russia") as one span for the first, partnered
 * with the second; null unless the second starts right after the hyphen and ends a token. */
function hyphenPair(text: string, tokens: Token[], m: ActorMatch, next: ActorMatch | undefined, date: string | null, first: number): ActorSpan | null {
  if (!next || text.charCodeAt(m.end) !== 45 || next.start !== m.end + 1 || m.possessive || tokens[first].start !== m.start) return null;
  const span = tokenRange(tokens, next.start, next.end);
  if (!span || tokens[span[1]].end !== next.end) return null;
  const a = resolveMatch(m, date), b = resolveMatch(next, date);
  if (!a || !b || a.code === b.code) return null;
  const partner = fromResolved(b, next, first, span[1], 'hyphen-pair');
  return { ...fromResolved(a, m, first, span[1], 'hyphen-pair'), name: text.slice(m.start, next.end), possessive: !!next.possessive, partner };
}

function fromResolved(r: ResolvedActor, m: ActorMatch, first: number, last: number, via: string): ActorSpan {
  const code = FOLD.get(r.code) ?? r.code;
  return {
    first, last, code, role: r.role ?? m.role, name: m.text, kind: m.kind === 'role-phrase' || m.kind === 'adjective' || m.kind === 'capital' || m.kind === 'place' ? (r.kind === 'person' ? 'person' : m.kind) : r.kind,
    possessive: !!m.possessive, via, ...(r.home ? { home: FOLD.get(r.home) ?? r.home } : {}),
  };
}

/**
 * The speaker (and audience) a document names in its heading ("Address by President
 * Zelensky to the Parliament of Canada"), or a statement that opens in its author's voice
 * ("The Republic of Türkiye strongly condemns …"): its "we" and "you" from then on.
 */
function noteSpeaker(text: string, tokens: Token[], out: ActorSpan[], ctx: ActorContext): void {
  const heading = HEADING.exec(text);
  // "Statement of the Ministry of Foreign Affairs" naming no state, then "Algiers, 30 July
  // 2024": the place the statement is issued from names its state.
  if (!heading && ctx.unnamedHeading) {
    const place = out[0];
    if (place && place.first === 0 && (place.kind === 'capital' || place.kind === 'place') && tokens[1]?.text === ',' && text.length < 60) {
      ctx.speaker = { ...place, kind: 'state', role: undefined, resolveAt: undefined, via: 'speaker' };
      return;
    }
  }
  // Only actors named before the topic: "Statement by the Ministry of External Affairs on
  // the situation in Bangladesh" names no speaker.
  const topicAt = heading ? text.slice(heading[0].length).search(/\s(?:on|about|regarding|concerning|in|at|to|before)\s/) : -1;
  const topicStart = heading ? (topicAt < 0 ? Infinity : heading[0].length + topicAt) : 0;
  const by = heading ? out.filter((a) => tokens[a.first].start >= heading[0].length && tokens[a.first].start < topicStart && a.kind !== 'adjective') : [];
  const later = heading ? out.filter((a) => tokens[a.first].start > topicStart && a.kind !== 'adjective') : [];
  if (heading && !by.length && topicStart === Infinity) ctx.unnamedHeading = true;
  if (by.length) {
    ctx.speaker = { ...by[0], kind: 'state', role: undefined, resolveAt: undefined, via: 'speaker', ...(heading![0].startsWith('Joint') && by[1] && by[1].code !== by[0].code ? { partner: { ...by[1], resolveAt: undefined } } : {}) };
    const audience = /^\s(?:to|at|before)\s/.test(text.slice(topicStart)) ? later : [];
    const to = audience.find((a) => a.code !== by[0].code);
    if (to && !ctx.addressee) ctx.addressee = { ...to, kind: 'state', role: undefined, resolveAt: undefined, via: 'addressee' };
  } else if (!heading) {
    // "Pyongyang, June 2 (KCNA) --": a state agency's dateline; the report is in its state's
    // voice (its first person may still be someone it quotes, so this is not the speaker).
    const agency = out.find((a) => a.role === 'MED' && tokens[a.first - 1]?.text === '(' && tokens[a.last + 1]?.text === ')');
    if (agency && !ctx.voice) ctx.voice = { ...agency, kind: 'state', role: undefined, resolveAt: undefined, via: 'voice' };
    const first = out[0];
    if (first && first.via === 'registry' && first.kind !== 'adjective' && first.kind !== 'person' && tokens[first.first].start <= 4 && STATEMENT_VERB.test(text.slice(tokens[first.last].end).trimStart())) {
      ctx.speaker = { ...first, kind: 'state', role: undefined, resolveAt: undefined, via: 'speaker' };
    }
  }
}

/**
 * The actors of one sentence, in text order, as token spans. `date` (an ISO prefix) is
 * when the sentence's events happen, so that "Moscow" in 1950 is the Soviet Union.
 * A region or city after a locative preposition ("in Kharkiv") is where something
 * happened, not an actor: it goes to `places`, if given.
 */
export function findActors(text: string, tokens: Token[], date: string | null, sentence: number, ctx: ActorContext, places?: ActorSpan[]): ActorSpan[] {
  const out: ActorSpan[] = [];
  const covered = new Set<number>();
  // A dateline ("SEOUL (AFP) -", "VIENNA, March 3 -") names where the report was filed.
  const dateline = DATELINE.exec(text)?.[0].length ?? 0;
  const matches = matchActors(text);
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k];
    if (m.start < dateline) continue;
    const span = tokenRange(tokens, m.start, m.end);
    if (!span) continue;
    // "the DPRK-Russia summit", "India-Pakistan talks", "a U.S.-Britain summit": two
    // parties joined by a hyphen, as a pair.
    const joined = hyphenPair(text, tokens, m, matches[k + 1], date, span[0]);
    if (joined) {
      out.push(joined);
      for (let i = joined.first; i <= joined.last; i++) covered.add(i);
      k++;
      continue;
    }
    // "pro-Soviet", "Russian-American": part of a word, not the actor; but a flag or owner
    // ("a British-flagged tanker", "Russian-registered cars") is the state.
    if (tokens[span[0]].start !== m.start || (tokens[span[1]].end > m.end && !FLAGGED.test(text.slice(m.end, tokens[span[1]].end)))) continue;
    // "U.S.-supplied weapons": the hyphen is written after the abbreviation's dot.
    if (text.charCodeAt(m.end) === 45) {
      HYPHENED.lastIndex = m.end;
      const hyphened = HYPHENED.exec(text);
      if (hyphened && !FLAGGED.test(hyphened[0])) continue;
    }
    if (m.kind === 'place') {
      const before = tokens[span[0] - 1]?.lower === 'the' ? span[0] - 2 : span[0] - 1;
      if (LOCATIVE.has(tokens[before]?.lower ?? '')) {
        const r = places ? resolveMatch(m, date) : null;
        if (r) places!.push(fromResolved(r, m, span[0], span[1], 'place'));
        continue;
      }
    }
    let a: ActorSpan | null = null;
    if (m.partial) {
      const seen = ctx.surname(m.text);
      if (seen) a = { ...seen.actor, first: span[0], last: span[1], name: m.text, possessive: !!m.possessive, via: 'surname' };
    }
    if (!a) {
      const r = resolveMatch(m, date);
      if (!r) continue;
      a = fromResolved(r, m, span[0], span[1], 'registry');
      a.resolveAt = (d) => {
        const x = resolveMatch(m, d);
        return x ? { code: FOLD.get(x.code) ?? x.code, role: x.role ?? m.role } : null;
      };
    }
    // "the President of Russia": the office holder, a person for pronouns.
    if (a.kind !== 'person' && tokens[span[0] - 1]?.lower === 'of' && OFFICES.has(tokens[span[0] - 2]?.lower ?? '')) {
      a = { ...a, first: span[0] - 2 - (tokens[span[0] - 3]?.lower === 'the' ? 1 : 0), kind: 'person', role: 'GOV', name: text.slice(tokens[span[0] - 2 - (tokens[span[0] - 3]?.lower === 'the' ? 1 : 0)].start, m.end) };
    }
    out.push(a);
    for (let i = a.first; i <= span[1]; i++) covered.add(i);
  }
  // "Foreign Secretary Vikram Misri will visit Dhaka": in a statement, an official the
  // registry does not know, named by title alone, is the voice's own.
  const voice = ctx.textVoice;
  const officials = voice ? ownOfficials(tokens, covered, voice) : [];
  for (const a of officials) { out.push(a); for (let i = a.first; i <= a.last; i++) covered.add(i); }
  if (officials.length) out.sort((x, y) => x.first - y.first);
  // "Protesters in Nairobi", "police in Lagos": a generic agent in a place is that state's.
  let agents = 0;
  for (const a of [...out, ...(places ?? [])]) {
    const i = a.first - (tokens[a.first - 1]?.lower === 'the' ? 2 : 1);
    if (tokens[i]?.lower !== 'in' || covered.has(i - 1) || a.kind === 'person' || a.kind === 'adjective') continue;
    const role = /^\p{L}+$/u.test(tokens[i - 1]?.text ?? '') ? agentRole(tokens[i - 1].lower) : undefined;
    if (role === undefined || role === 'GOV') continue;
    out.push({ ...a, first: i - 1, last: i - 1, name: tokens[i - 1].text, kind: 'role-phrase', possessive: false, via: 'agent-in-place', ...(role ? { role } : {}), resolveAt: undefined });
    covered.add(i - 1);
    agents++;
  }
  if (agents) out.sort((x, y) => x.first - y.first);
  // Document-level speaker, before this sentence's pronouns: a speaker who names their office: "for me, the President of Ukraine, to address you".
  if (!ctx.speaker && SELF_NAMED.test(text)) {
    const office = out.find((a) => a.kind === 'person' && a.via === 'registry' && /^the /i.test(a.name));
    if (office) ctx.speaker = { ...office, kind: 'state', role: undefined, resolveAt: undefined, via: 'speaker' };
  }
  // "I stand before this Assembly on behalf of the people of Kenya".
  const behalf = ctx.speaker || sentence > 8 ? null : ON_BEHALF.exec(text);
  if (behalf) {
    const state = out.find((a) => tokens[a.first].start >= behalf.index + behalf[0].length && a.kind !== 'person' && a.kind !== 'adjective');
    if (state) ctx.speaker = { ...state, kind: 'state', role: undefined, resolveAt: undefined, via: 'speaker' };
  }
  // The speaker and audience a heading names; a statement that opens in its author's voice.
  if (!ctx.speaker && sentence < 3) noteSpeaker(text, tokens, out, ctx);
  // A joint statement: "We, the leaders of Japan, the Republic of Korea, and the United States".
  const group = ctx.speaker ? null : SELF_NAMED_GROUP.exec(text);
  if (group) {
    const members = out.filter((a) => tokens[a.first].start > group.index && a.kind !== 'person');
    if (members.length >= 2) ctx.speaker = { ...members[0], role: undefined, resolveAt: undefined, via: 'speaker', partner: { ...members[1], resolveAt: undefined } };
  }
  // The audience of a speech, from its opening vocatives: "you" is then the audience.
  if (!ctx.addressee && sentence < 8 && VOCATIVE.test(text)) {
    const aud = out.find((a) => a.code !== ctx.speaker?.code && a.kind !== 'pronoun');
    if (aud) ctx.addressee = { ...aud, kind: 'state', role: undefined, resolveAt: undefined, via: 'addressee' };
  }
  // First person inside a quotation attributed in this sentence is the quoted speaker.
  const quoted = quotedSpeakerEnd(text);
  // Pronouns and "the North"/"the South", resolved in reading order.
  const extra: ActorSpan[] = [];
  const pending: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i].lower;
    if (!COREF_WORDS.has(w) || covered.has(i)) continue;
    const t = tokens[i].text;
    if ((t === 'North' || t === 'South') && (tokens[i - 1]?.lower === 'the' || tokens[i - 2]?.lower === 'the') && !/^\p{Lu}/u.test(tokens[i + 1]?.text ?? '')) {
      const code = t === 'North' ? 'PRK' : 'KOR';
      if (ctx.knowsKorea(code)) {
        extra.push({ first: i, last: i, code, name: `the ${t}`, kind: 'state', possessive: tokens[i + 1]?.lower === "'s", via: 'the-north-south' });
      }
      continue;
    }
    // "the administration", "the government": the state whose government was named last.
    // "the authorities", "the junta": failing that, the last state named (not the speaker's).
    if ((w === 'administration' || w === 'government' || w === 'regime' || w === 'junta' || w === 'authorities') && tokens[i - 1]?.lower === 'the' && !['of', 'in'].includes(tokens[i + 1]?.lower ?? '')) {
      const gov = (w === 'administration' ? ctx.namedAdministration : null) ?? ctx.namedGovernment ?? ctx.lastGovernment(sentence)
        ?? (w === 'authorities' || w === 'junta' ? ctx.lastState(sentence, ctx.textVoice?.code) : null);
      if (gov) extra.push({ ...gov.actor, first: i - 1, last: i, name: `the ${w}`, kind: 'state', role: 'GOV', possessive: tokens[i + 1]?.lower === "'s", via: `government:${gov.actor.name}` });
      continue;
    }
    // "the two presidents", "both sides": the last two actors named, as a pair.
    const pair = w === 'the' || w === 'both' ? PAIR.exec(text.slice(tokens[i].start, tokens[i].start + 40)) : null;
    if (pair && (i === 0 || tokens[i - 1].lower !== 'of')) {
      const two = ctx.lastPair(sentence, out.filter((a) => a.last < i), pair[0]);
      if (two) {
        const last = i + pair[0].trim().split(/\s+/).length - 1;
        extra.push({ ...two[0], first: i, last, name: pair[0].trim(), possessive: false, via: 'pair', partner: { ...two[1], first: i, last } });
        i = last;
        continue;
      }
    }
    if (FIRST_PERSON.has(w) && quoted && tokens[i].start < quoted.close) {
      pending.push(i);
      continue;
    }
    if (SECOND_PERSON.has(w)) {
      if (ctx.addressee && ctx.speaker && ctx.addressee.code !== ctx.speaker.code && !quoted) extra.push({ ...ctx.addressee, first: i, last: i, name: tokens[i].text, possessive: w === 'your', via: 'addressee' });
      continue;
    }
    if (FIRST_PERSON.has(w)) {
      // "I" as a letter or numeral ("Article I", "World War I") is not the speaker.
      if (w === 'i' && (tokens[i].text !== 'I' || NUMBERED.has(tokens[i - 1]?.lower ?? '') || tokens[i + 1]?.text === '.')) continue;
      if (ctx.speaker) {
        const partner = ctx.speaker.partner ? { ...ctx.speaker.partner, first: i, last: i } : undefined;
        extra.push({ ...ctx.speaker, first: i, last: i, name: tokens[i].text, possessive: w === 'our' || w === 'my', via: 'speaker', partner });
      }
      continue;
    }
    if (!PERSON_PRONOUNS.has(w) && !THING_PRONOUNS.has(w) && !PLURAL_PRONOUNS.has(w)) continue;
    // Antecedents in this sentence before the pronoun come first.
    const before = out.concat(extra).filter((a) => a.last < i).sort((a, b) => a.first - b.first);
    // ", and it has pressed allies": a pronoun opening a coordinated clause is its subject's.
    if (THING_PRONOUNS.has(w) && !POSSESSIVE_PRONOUNS.has(w) && ['and', 'but'].includes(tokens[i - 1]?.lower ?? '')) {
      const subject = before.find((a) => !a.possessive && a.kind !== 'person' && a.kind !== 'adjective' && !CLAUSE_PREPS.has(tokens[a.first - 1]?.lower ?? '') && !CLAUSE_PREPS.has(tokens[a.first - 2]?.lower ?? ''));
      if (subject) {
        extra.push({ ...subject, first: i, last: i, name: tokens[i].text, possessive: false, via: `pronoun:${subject.name}` });
        continue;
      }
    }
    const local = [...before].reverse().find((a) =>
      PERSON_PRONOUNS.has(w) ? a.kind === 'person' : THING_PRONOUNS.has(w) ? a.kind !== 'person' : a.role === 'MIL' || a.kind === 'collective' || (a.kind === 'role-phrase' && /s$/.test(a.name)));
    const seen = local ? { actor: local, sentence } : ctx.pronoun(w, sentence);
    if (!seen) continue;
    extra.push({ ...seen.actor, first: i, last: i, name: tokens[i].text, kind: seen.actor.kind, possessive: POSSESSIVE_PRONOUNS.has(w), via: `pronoun:${seen.actor.name}` });
  }
  if (pending.length && quoted) {
    // The speaker named after the closing quote: a registry actor or a pronoun for one.
    const after = tokenRange(tokens, quoted.close, quoted.saidEnd);
    const who = after ? out.concat(extra).find((a) => a.first >= after[0] && a.last <= after[1] && a.kind !== 'adjective') : undefined;
    if (who) for (const i of pending) extra.push({ ...who, first: i, last: i, name: tokens[i].text, possessive: ['our', 'my'].includes(tokens[i].lower), via: `quoted:${who.name}`, partner: undefined });
  }
  // "the Trump administration": later "the administration" is this one.
  for (const a of out) {
    if (a.kind === 'adjective') continue;
    const next = tokens[a.last + 1]?.lower ?? '';
    if (next === 'administration' || next === 'government' || next === 'junta') ctx.namedGovernment = { actor: { ...a, resolveAt: undefined }, sentence };
    // "the Trump administration" matched whole: "the administration" later is this one.
    if (next === 'administration' || /\badministration$/i.test(a.name)) ctx.namedAdministration = { actor: { ...a, resolveAt: undefined }, sentence };
  }
  const all = out.concat(extra).sort((a, b) => a.first - b.first);
  for (const a of all) if (a.via === 'registry' || a.via === 'surname') ctx.remember(a, sentence);
  return all;
}
