// Who did it to whom: picks the source and target actor of a trigger from the actor
// mentions of its sentence, by word order and a few grammatical cues: active and passive
// voice ("was invaded by X", "X, backed by Y"), coordination ("X and Y met"),
// possessives ("Russia's war in Ukraine"), prepositional recipients (against, with, to,
// on, toward, from) and appositions. No parse tree: clause edges are punctuation and
// subordinating words, so long sentences with nested clauses can get the wrong actor.
import { readTsv } from '../lexicon.js';
import { inflect } from '../triggers/inflect.js';
import { TRIGGER_WORDS } from './word-registry.js';
import type { PloverType, Modality } from '../../domain/index.js';
import type { ActorSpan, RoleAssignment, Token, Trigger } from '../types.js';
import { NOUN_PHRASE, type Pos } from '../grammar/pos-tags.js';
import { SPEECH_ACTS } from '../speech-acts.js';
import { isRoleNoun } from '../../actors/index.js';

const HARD_STOP = new Set([';', ':', '—', '–', '(', ')', '?', '!']);
/** Words that open a subordinate clause: a subject is not searched across them. */
/** Speech verbs that open a reported clause. */
const SAYS = new Set(['said', 'says', 'say', 'told', 'tells', 'added', 'stated', 'warned', 'claimed', 'announced']);
const SUBORDINATORS = new Set(['as', 'when', 'while', 'whereas', 'if', 'unless', 'because', 'although', 'though', 'whether', 'after', 'before', 'since', 'until', 'but', 'so']);
/** Words that are prepositions or conjunctions: "after Beijing protested". */
const CONJUNCTION_PREPS = new Set(['after', 'before', 'since', 'until']);
const RELATIVES = new Set(['which', 'who', 'whom', 'that']);
const PREPOSITIONS = new Set(['of', 'in', 'to', 'for', 'from', 'with', 'against', 'by', 'on', 'at', 'toward', 'towards', 'into', 'over', 'between', 'among', 'alongside', 'including', 'like', 'near', 'after', 'before', 'during', 'under', 'about', 'than', 'via', 'across', 'along', 'within', 'upon', 'without', 'behind', 'beyond', 'around', 'through', 'throughout', 'despite', 'amid', 'since', 'until', 'onto', 'inside', 'outside']);
/** Titles before a name: "dictator Kim Il Sung", "leader Kim Jong Un". */
const TITLES = new Set(['dictator', 'leader', 'president', 'premier', 'minister', 'chairman', 'general', 'gen', 'commander', 'ruler', 'king', 'queen', 'prime', 'secretary', 'envoy', 'ambassador', 'spokesman', 'spokeswoman', 'strongman', 'counterpart', 'chief', 'foreign', 'defence', 'defense', 'state', 'head', 'supreme', 'former', 'late', 'then', 'current', 'new', 'russian', 'american', 'chinese', 'north', 'south', 'korean']);
const GROUP_NOUNS = new Set(['ministers', 'minister', 'leaders', 'leader', 'officials', 'presidents', 'president', 'delegations', 'delegation', 'representatives', 'governments', 'government', 'envoys', 'heads', 'head', 'forces', 'troops', 'militaries', 'military', 'navies', 'navy', 'army', 'armies', 'diplomats', 'spokesman', 'spokeswoman', 'ambassador', 'ambassadors']);
const SAY_AFTER = /^(said|says|told|reported|added|claimed|stated|announced)\b/;
const SKIPPABLE = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'some', 'many', 'several', 'all', 'both', 'other']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", 'am', 'get', 'got', 'gets', 'getting']);
const AUXILIARY_VERBS = new Set(['has', 'have', 'had', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'should', 'shall', 'did', 'do', 'does', 'and', 'or', 'to', 'not']);
const ADVERBS = new Set(['also', 'reportedly', 'allegedly', 'already', 'then', 'recently', 'later', 'since', 'not', 'never', 'first', 'once', 'repeatedly', 'previously', 'formally', 'officially', 'publicly', 'quickly', 'now', 'still', 'just', 'all', 'both']);
const RECIPROCAL = /\b(each other|one another|mutual|mutually|bilateral|jointly|together|between|exchanged|traded|swapped|swap)\b/i;
const RECIPROCAL_OF = new WeakMap<Token[], boolean>();
/** Whether the sentence has a reciprocal word, once per sentence (every trigger asks). */
function reciprocalIn(tokens: Token[]): boolean {
  let r = RECIPROCAL_OF.get(tokens);
  if (r === undefined) {
    r = RECIPROCAL.test(tokens.map((x) => x.text).join(' '));
    RECIPROCAL_OF.set(tokens, r);
  }
  return r;
}
/** Fighting verbs that, with a coordinated subject, each side does to the other. */
const MUTUAL = new Set(['clash', 'fight', 'exchange fire', 'skirmish']);
const SYMMETRIC: ReadonlySet<PloverType> = new Set<PloverType>(['COOPERATE', 'CONSULT']);
/** Types whose mention is complete without a target ("deployed troops", "signed an armistice"). */
const TARGET_OPTIONAL: ReadonlySet<PloverType> = new Set<PloverType>(['MOBILIZE', 'RETREAT', 'PROTEST', 'THREATEN', 'AGREE', 'COERCE', 'SANCTION', 'AID']);
const TARGET_WINDOW = 16;
/** Requests whose addressee may go unnamed: "called on countries around the world to isolate X". */
const OPEN_REQUESTS = new Set(['call on|for|upon', 'urge', 'ask', 'appeal to|for', 'encourage', 'implore']);
const GENERIC = new Set(['any', 'no', 'future', 'possible', 'potential', 'hypothetical']);
/** Verbal reactions whose "that" clause names who they are about. */
const STATEMENT_TYPES: ReadonlySet<PloverType> = new Set<PloverType>(['ACCUSE', 'THREATEN', 'SUPPORT', 'REJECT']);
/** Types whose "that" clause names the party: "warned that North Korea …", "demanded that the Houthis cease". */
const THAT_CLAUSE: ReadonlySet<PloverType> = new Set<PloverType>([...STATEMENT_TYPES, 'REQUEST']);
/** Fighting needs no named enemy when soldiers do it or it has a place: "fighting in Korea". */
const INTRANSITIVE_ASSAULT = new Set(['fight', 'clash']);

interface LightWord { modality: Modality | null }
const LIGHT = new Map<string, LightWord>();
for (const r of readTsv(import.meta.url, './data/light-words.tsv')) {
  const forms = r.pos === 'verb' ? inflect(r.word) : [r.word];
  for (const f of forms) LIGHT.set(f, { modality: (r.modality || null) as Modality | null });
}


/** Index of the actor covering token i, or -1. */
const AT = new WeakMap<ActorSpan[], Int32Array>();
function actorAt(actors: ActorSpan[], i: number): number {
  if (i < 0) return -1;
  // A token → actor table, built once per sentence's actor list.
  let at = AT.get(actors);
  if (!at) {
    const n = actors.reduce((m, a) => Math.max(m, a.last + 1), 0);
    at = new Int32Array(n).fill(-1);
    actors.forEach((a, k) => { for (let j = a.first; j <= a.last; j++) if (at![j] < 0) at![j] = k; });
    AT.set(actors, at);
  }
  return i < at.length ? at[i] : -1;
}

const NAME_WORD = /^\p{Lu}\p{Ll}+$/u;

/** The actor at token i, past a person's given names the registry lacks ("Sergei Viktorovich Lavrov"). */
function personAt(tokens: Token[], actors: ActorSpan[], i: number): number {
  for (let j = i; j <= i + 2; j++) {
    const k = actorAt(actors, j);
    if (k >= 0) return j === i || actors[k].kind === 'person' ? k : -1;
    if (!NAME_WORD.test(tokens[j]?.text ?? '')) return -1;
  }
  return -1;
}

/** The word before an actor, skipping determiners: tells objects of prepositions apart. */
function wordBefore(tokens: Token[], actors: ActorSpan[], a: ActorSpan): { lower: string; index: number } {
  let i = a.first - 1;
  while (i >= 0 && (SKIPPABLE.has(tokens[i].lower) || /^\p{N}/u.test(tokens[i].text) || (a.kind === 'person' && TITLES.has(tokens[i].lower)))) {
    // "In 1950 North Korea invaded": a year closes the phrase before the actor.
    if (/^(1\d{3}|20\d{2})$/.test(tokens[i].text) && /^\p{Lu}/u.test(tokens[a.first].text)) return { lower: '', index: i };
    i--;
  }
  // "sanctions on three US defence firms": a number word after a preposition (not a
  // conjunction: "the week after two US carriers … took part").
  if (i >= 1 && NUMBER_WORDS.has(tokens[i].lower) && PREPOSITIONS.has(tokens[i - 1].lower) && !CONJUNCTION_PREPS.has(tokens[i - 1].lower)) i--;
  // "in March 2024 the junta ended": a month closes the phrase ("March" is no verb here).
  if (i >= 0 && MONTHS.test(tokens[i].text)) return { lower: '', index: i };
  // A possessor chain: "North Korea's Kim" — the head's context is the possessor's.
  if (i >= 0 && tokens[i].lower === "'s") {
    const k = actorAt(actors, i - 1);
    if (k >= 0) return wordBefore(tokens, actors, actors[k]);
  }
  return { lower: i >= 0 ? tokens[i].lower : '', index: i };
}

/** Nouns that head a phrase naming an actor in an "of"/"from" phrase: the group nouns
 * above and the registry's role nouns and agents ("ministry", "rebels", "police"). */
const HEAD_CACHE = new Map<string, boolean>();
function isHeadNoun(word: string): boolean {
  let v = HEAD_CACHE.get(word);
  if (v === undefined) {
    v = GROUP_NOUNS.has(word) || word === 'affairs' || (/^\p{L}+$/u.test(word) && isRoleNoun(word));
    HEAD_CACHE.set(word, v);
  }
  return v;
}

/** The preposition governing an actor, following coordination ("by the EU and the US"). */
function governingPrep(tokens: Token[], actors: ActorSpan[], a: ActorSpan, depth = 0): string | null {
  const w = wordBefore(tokens, actors, a);
  // "the foreign ministers of Japan", "the Ministry of Foreign Affairs of China", "rebels
  // from the M23 group": the actor stands for the head of its noun phrase.
  if ((w.lower === 'of' || w.lower === 'from') && isHeadNoun(tokens[w.index - 1]?.lower ?? '')) {
    let j = w.index - 2;
    for (;;) {
      while (j >= 0 && (SKIPPABLE.has(tokens[j].lower) || TITLES.has(tokens[j].lower))) j--;
      // "the Ministry of Foreign Affairs of China": the head's own "of" phrase.
      if (j >= 1 && tokens[j].lower === 'of' && isHeadNoun(tokens[j - 1].lower)) { j -= 2; continue; }
      break;
    }
    return j >= 0 && PREPOSITIONS.has(tokens[j].lower) ? tokens[j].lower : null;
  }
  // "Thousands of Armenians protested": a quantity opening a clause governs nothing; after a
  // preposition its "of" phrase is that preposition's (after a verb, its object: "of").
  if (w.lower === 'of' && QUANTITY.has(tokens[w.index - 1]?.lower ?? '')) {
    const before = tokens[w.index - 2]?.lower ?? '';
    if (before === '' || before === ',' || before === 'and' || before === 'the') return null;
    if (PREPOSITIONS.has(before)) return before;
  }
  if (PREPOSITIONS.has(w.lower)) return w.lower;
  // A list goes on after a comma only while "and", "or" or another comma follows: in
  // "speaking to Japan and Korea, Trump praised" Trump opens the main clause.
  const listGoesOn = w.lower !== ',' || [',', 'and', 'or'].includes(tokens[a.last + 1]?.lower ?? '');
  if ((w.lower === 'and' || w.lower === 'or' || w.lower === ',') && listGoesOn && depth < 3) {
    const k = actorAt(actors, w.index - 1);
    if (k >= 0) return governingPrep(tokens, actors, actors[k], depth + 1);
  }
  return null;
}

/** A possessor immediately followed by another actor ("North Korea's Kim") is a modifier. */
function isModifier(tokens: Token[], actors: ActorSpan[], a: ActorSpan): boolean {
  return a.possessive && actorAt(actors, a.last + 2) >= 0;
}

const IRREGULAR_PP = new Set(readTsv(import.meta.url, '../triggers/data/irregular-verbs.tsv').map((r) => r.pp));
/** Verbs whose object is the subject of the next verb: "invited Kim to meet", "helped X push". */
const CONTROL = new Set(['invite', 'ask', 'urge', 'force', 'help', 'allow', 'order', 'push', 'persuade', 'encourage', 'want', 'call', 'press', 'pressure', 'compel', 'lead', 'enable', 'instruct', 'tell', 'permit', 'get', 'let', 'make'].flatMap((v) => inflect(v)));

/** Words that may sit between a possessor and its noun: determiners, quotes, adjectives. */
function isAdjectiveLike(t: Token): boolean {
  return SKIPPABLE.has(t.lower) || /^["“”]$/.test(t.text) || t.lower.includes('-')
    || /(al|ic|ive|ful|ous|an|ary|ent|ant|ile|ist|less|ern|ese|ish|est|ble)$/.test(t.lower)
    || ['new', 'old', 'full', 'big', 'major', 'latest', 'first', 'second', 'brutal', 'recent', 'large', 'heavy', 'surprise', 'sacred', 'failed', 'planned'].includes(t.lower);
}

function isPastParticiple(t: Token): boolean {
  return t.lower.endsWith('ed') || IRREGULAR_PP.has(t.lower);
}

/** A word that is probably a verb taking the following actor as its object. */
function isVerbLike(tok: string, before?: string): boolean {
  return tok.endsWith('ed') || CONTROL.has(tok) || LIGHT.has(tok) || TRIGGER_WORDS.has(tok) || (before === 'to' && /^\p{Ll}+$/u.test(tok));
}


/** The subject of the clause ending at token `from`: nearest actor to the left not inside a PP. */
function findSubject(tokens: Token[], actors: ActorSpan[], from: number): { actor: ActorSpan; rule: string } | null {
  let relative = false;
  for (let i = from; i >= 0; i--) {
    const tok = tokens[i].lower;
    if (tok === ')') {
      // Step over a parenthesis: "North Korea on Tuesday (April 14) fired".
      while (i > 0 && tokens[i].lower !== '(') i--;
      continue;
    }
    if (tok === 'as' && ['described', 'known', 'such', 'well', 'seen', 'regarded'].includes(tokens[i - 1]?.lower ?? '')) continue;
    // "resolute as ever in supporting": a comparison, not a clause.
    if (tok === 'as' && ['ever', 'usual', 'always', 'before', 'much'].includes(tokens[i + 1]?.lower ?? '')) continue;
    if (HARD_STOP.has(tok)) break;
    // "the UN said the closure of the crossing had cut off aid": a reported clause whose
    // subject is no actor has none; the one who says it is not its subject.
    // ("Xi said, and urged …", "he said that he welcomed …" still reach the speaker.)
    if (SAYS.has(tok) && i < from) {
      const next = tokens[i + 1]?.lower === 'that' ? i + 2 : i + 1;
      if (tokens[next]?.lower !== ',' && !SUBJECT_PRONOUNS.has(tokens[next]?.lower ?? '')) return null;
    }
    // "…, but has expressed admiration for Xi": a coordinated verb phrase shares the subject.
    // So does one after "and": "praised the envoy of India and urged China to act".
    if ((tok === 'but' || tok === 'and') && tokens.slice(i + 1, from + 1).every((x) => AUXILIARY_VERBS.has(x.lower) || ADVERBS.has(x.lower))) {
      const main = sentenceSubject(tokens, actors);
      // After "and", only in the main clause: not "countries that must enforce … and downgrade".
      const embedded = main !== null && tokens.slice(main.last + 1, i).some((x) => RELATIVES.has(x.lower) || SUBORDINATORS.has(x.lower) || x.lower === 'that' || SAYS.has(x.lower));
      if (tok === 'but') return main && main.last < i ? { actor: main, rule: 'coordinated-subject' } : null;
      if (main && !main.possessive && main.last < i && !embedded) return { actor: main, rule: 'coordinated-subject' };
    }
    if (SUBORDINATORS.has(tok) && !relative) {
      // The clause opened here has no actor subject; the subject may be the main clause's
      // only when the subordinate clause is a participle phrase, so stop.
      break;
    }
    if (RELATIVES.has(tok)) {
      // "a gunman who massacred": the antecedent is the noun before the pronoun; when it
      // is no actor, the clause has no actor subject.
      const before = tokens[i - 1]?.lower === ',' ? i - 2 : i - 1;
      // "one of the countries that must enforce": "that" after a noun is a relative pronoun
      // too ("said that …" after a verb is not).
      const nounBefore = before >= 0 && /^\p{Ll}+s$/u.test(tokens[before].text) && !isVerbLike(tokens[before].lower, tokens[before - 1]?.lower);
      if ((tok !== 'that' || nounBefore) && before >= 0 && actorAt(actors, before) < 0) return null;
      relative = true;
      continue;
    }
    const k = actorAt(actors, i);
    if (k < 0) continue;
    const a = actors[k];
    i = a.first;
    if (isModifier(tokens, actors, a)) continue;
    // "an old Russian adage": a bare adjective modifies a noun, it is not the subject;
    // before a title or name ("Russian Chief of Staff Valery Gerasimov") it stands for it.
    if (a.kind === 'adjective' && !/^\p{Lu}/u.test(tokens[a.last + 1]?.text ?? '')) continue;
    // "with Beijing firing two missiles": the subject of an absolute phrase.
    const absolute = governingPrep(tokens, actors, a) === 'with' && /ing$/.test(tokens[a.last + 1]?.lower ?? '');
    // "a day after Beijing protested": the subject of a clause opened by a conjunction.
    const clauseSubject = CONJUNCTION_PREPS.has(governingPrep(tokens, actors, a) ?? '') && tokens.slice(a.last + 1, from + 1).every((x) => ADVERBS.has(x.lower) || BE.has(x.lower) || ['has', 'have', 'had'].includes(x.lower));
    if (clauseSubject) return { actor: a, rule: 'clause-subject' };
    if (!absolute && governingPrep(tokens, actors, a)) continue;
    // Coordinated subject: take the first conjunct. A title and a name of the same
    // actor ("US President" "Donald Trump") count as one.
    let head = a;
    for (let k2 = actorAt(actors, head.first - 1); k2 >= 0 && actors[k2].code === head.code; k2 = actorAt(actors, head.first - 1)) head = actors[k2];
    i = head.first;
    let w = wordBefore(tokens, actors, head);
    // "Japan, the ROK, and the United States": walk back to the first of the list.
    for (let guard = 0; guard < 6 && (w.lower === 'and' || w.lower === ','); guard++) {
      let j = w.lower === 'and' && tokens[w.index - 1]?.lower === ',' ? w.index - 2 : w.index - 1;
      // "the Republic of Korea (ROK), and": step over the parenthesis.
      if (tokens[j]?.lower === ')') { while (j > 0 && tokens[j].lower !== '(') j--; j--; }
      const k2 = actorAt(actors, j);
      if (k2 < 0 || governingPrep(tokens, actors, actors[k2])) break;
      head = actors[k2];
      i = head.first;
      w = wordBefore(tokens, actors, head);
    }
    // An object of an earlier verb is the subject only under a control verb ("invited
    // Kim to meet"); otherwise ("invaded South Korea to take control") keep looking.
    if (w.index >= 0 && isVerbLike(w.lower, tokens[w.index - 1]?.lower)) {
      if (CONTROL.has(w.lower)) return { actor: head, rule: 'controller-object' };
      continue;
    }
    return { actor: head, rule: relative ? 'relative-subject' : 'subject' };
  }
  return null;
}

const FRONTED = new Set(['in', 'during', 'at']);
/** Quantity nouns whose "of" phrase is the real head: "thousands of Armenians". */
export const QUANTITY = new Set(['thousands', 'hundreds', 'dozens', 'millions', 'tens', 'scores', 'crowds', 'groups']);
const NUMBER_WORDS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'dozens', 'hundreds', 'thousands', 'millions']);
const SUBJECT_PRONOUNS = new Set(['i', 'we', 'he', 'she', 'they', 'it', 'you']);
const MONTHS = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;

/** The token before the first word after `from` that follows the main clause's actors. */
function nextVerbIndex(tokens: Token[], actors: ActorSpan[], from: number): number {
  let i = from + 1;
  while (i < tokens.length && (actorAt(actors, i) >= 0 || SKIPPABLE.has(tokens[i].lower) || tokens[i].lower === 'and' || TITLES.has(tokens[i].lower) || /^\p{Lu}/u.test(tokens[i].text))) i++;
  return i - 1;
}

/** Nouns of intent whose infinitive is the owner's act: "the DPRK's decision to deploy". */
export const INTENT_NOUNS = new Set(['decision', 'plan', 'plans', 'move', 'bid', 'attempt', 'attempts', 'effort', 'efforts', 'readiness', 'intention', 'intent', 'pledge', 'promise', 'threat', 'threats', 'order', 'orders', 'commitment', 'refusal', 'willingness', 'determination', 'offer', 'proposal', 'push', 'drive', 'vow', 'failure']);

/** "X's decision to <trigger>": the possessor of the intent noun before the infinitive. */
function infinitiveOwner(tokens: Token[], actors: ActorSpan[], t: Trigger): ActorSpan | null {
  if (tokens[t.first - 1]?.lower !== 'to' || !INTENT_NOUNS.has(tokens[t.first - 2]?.lower ?? '')) return null;
  let i = t.first - 3;
  while (i >= 0 && i >= t.first - 5 && actorAt(actors, i) < 0 && tokens[i].lower !== "'s" && isAdjectiveLike(tokens[i])) i--;
  if (tokens[i]?.lower === "'s") i--;
  const k = actorAt(actors, i);
  return k >= 0 && (actors[k].possessive || tokens[i + 1]?.lower === "'s") ? actors[k] : null;
}

/**
 * The subject of a "for X to do" infinitive: "an honour for me, the President of Ukraine,
 * to address you", "it is time for Moscow to withdraw". X may carry an apposition set off
 * by commas.
 */
function forInfinitiveSubject(tokens: Token[], actors: ActorSpan[], t: Trigger): ActorSpan | null {
  let i = t.first - 1;
  while (i >= 0 && ADVERBS.has(tokens[i].lower)) i--;
  if (tokens[i]?.lower !== 'to') return null;
  // Back over an apposition ", the President of Ukraine," to the actor after "for".
  let j = i - 1;
  let apposition = -1;
  if (tokens[j]?.lower === ',') {
    j--;
    while (j >= 0 && j >= i - 12 && tokens[j].lower !== ',' && !HARD_STOP.has(tokens[j].lower)) j--;
    if (tokens[j]?.lower !== ',') return null;
    apposition = actorAt(actors, j + 1);
    j--;
  }
  const k = actorAt(actors, j);
  if (k >= 0) return tokens[actors[k].first - 1]?.lower === 'for' ? actors[k] : null;
  // "for me, the President of Ukraine, to": the apposition names who "me" is.
  return apposition >= 0 && tokens[j - 1]?.lower === 'for' ? actors[apposition] : null;
}

/** "… between X and Y" within a few words after the trigger. */
function betweenPair(tokens: Token[], actors: ActorSpan[], t: Trigger): [ActorSpan, ActorSpan] | null {
  for (let i = t.last + 1; i < tokens.length && i <= t.last + 3; i++) {
    if (tokens[i].lower !== 'between') continue;
    const k = actorAt(actors, SKIPPABLE.has(tokens[i + 1]?.lower ?? '') ? i + 2 : i + 1);
    if (k < 0) return null;
    const p = partnerOf(tokens, actors, actors[k]);
    return p ? [actors[k], p] : null;
  }
  return null;
}

/** The first conjunct before "and": "Indian and Chinese troops" for the second. */
function partnerBefore(tokens: Token[], actors: ActorSpan[], a: ActorSpan): ActorSpan | null {
  if (tokens[a.first - 1]?.lower !== 'and') return null;
  const k = actorAt(actors, a.first - 2);
  return k >= 0 && actors[k].code !== a.code ? actors[k] : null;
}

/** The second conjunct of a coordinated subject "X and Y", if any. */
function partnerOf(tokens: Token[], actors: ActorSpan[], a: ActorSpan): ActorSpan | null {
  let i = a.last + 1;
  if (tokens[i]?.lower === "'s") return null;
  // "Choe Son Hui, foreign minister of the DPRK, and Lavrov": an apposition naming only
  // the first conjunct's own side is skipped.
  if (tokens[i]?.lower === ',') {
    let k = i + 1;
    while (k < tokens.length && k <= i + 10 && tokens[k].lower !== ',' && tokens[k].lower !== 'and' && !HARD_STOP.has(tokens[k].lower)) k++;
    const inside = actors.filter((x) => x.first > i && x.last < k);
    if (tokens[k]?.lower === ',' && tokens[k + 1]?.lower === 'and' && inside.length > 0 && inside.every((x) => x.code === a.code)) i = k + 1;
  }
  // "Japan, the ROK, and the United States": a list counts when an "and" closes it.
  if (tokens[i]?.lower === ',' && tokens.slice(i + 1, i + 14).some((x, k, xs) => x.lower === 'and' && xs[k - 1]?.lower !== 'between')) {
    let j = i + 1;
    while (j < tokens.length && SKIPPABLE.has(tokens[j].lower)) j++;
    const k = actorAt(actors, j);
    if (k >= 0 && actors[k].code !== a.code) return actors[k];
  }
  if (tokens[i]?.lower !== 'and') return null;
  i++;
  while (i < tokens.length && SKIPPABLE.has(tokens[i].lower)) i++;
  const k = personAt(tokens, actors, i);
  return k >= 0 ? actors[k] : null;
}

/** First actor after the trigger that can be its target (direct object or an allowed PP). */
function findTarget(tokens: Token[], actors: ActorSpan[], t: Trigger, sourceCode: string | null, from: number): { actor: ActorSpan; rule: string } | null {
  const allowed = new Set([...t.preps, 'of']);
  let sawNoun = false;
  for (let i = from; i < tokens.length && i <= t.last + TARGET_WINDOW; i++) {
    const tok = tokens[i].lower;
    if (tok === 'as' && tokens[i - 1]?.lower === 'such') continue;
    if (tok === '(') { while (i < tokens.length - 1 && tokens[i].lower !== ')') i++; continue; }
    if (HARD_STOP.has(tok) || (SUBORDINATORS.has(tok) && tok !== 'after' && tok !== 'before') || tok === 'which' || tok === 'who') break;
    // ", and I ask you": a new clause with its own subject.
    if (tok === ',' && ['and', 'but'].includes(tokens[i + 1]?.lower ?? '') && SUBJECT_PRONOUNS.has(tokens[i + 2]?.lower ?? '')) break;
    const k = actorAt(actors, i);
    if (k < 0) {
      // "warned that North Korea has…": a statement about the clause's subject.
      if (tok === 'that' && i === t.last + 1 && THAT_CLAUSE.has(t.type)) continue;
      if (/^\p{L}/u.test(tok) && !SKIPPABLE.has(tok)) sawNoun = true;
      continue;
    }
    const a = actors[k];
    i = a.last;
    if (isModifier(tokens, actors, a)) continue;
    if (a.code === sourceCode) continue;
    const prep = governingPrep(tokens, actors, a);
    const w = wordBefore(tokens, actors, a);
    if (prep === null) {
      // Only determiners, quotes or a statement's "that" between: "destroy” North Korea".
      const direct = tokens.slice(t.last + 1, a.first).every((x, k) => SKIPPABLE.has(x.lower) || /^[“”"‘’']$/.test(x.text) || (k === 0 && x.lower === 'that' && THAT_CLAUSE.has(t.type)));
      if (w.index === t.last || (!sawNoun && w.index <= t.last) || (!sawNoun && direct)) return { actor: a, rule: 'object' };
      if (w.lower === ',' && !a.possessive && !SAY_AFTER.test(tokens.slice(a.last + 1, a.last + 4).map((x) => x.lower).join(' '))) return { actor: a, rule: 'apposition' };
      continue;
    }
    if (allowed.has(prep)) return { actor: a, rule: `prep-${prep}` };
    // "condemn the decisions by the leaders of the DPRK": the agent of the object.
    if (prep === 'by' && sawNoun && ['ACCUSE', 'REJECT', 'SUPPORT', 'THREATEN'].includes(t.type) && a.first - t.last <= 14 && !tokens.slice(t.last + 1, a.first).some((x) => x.lower === ',')) return { actor: a, rule: 'object-agent' };
  }
  return null;
}

/** The noun phrase starting at token `i` (tags known): [first, last], or null. */
function nounPhraseAt(tokens: Token[], tags: Pos[], i: number): [number, number] | null {
  let j = i;
  for (;;) {
    // "the last French troops": a determiner's adverb tagged apart stays in the phrase.
    while (j < tokens.length && (NOUN_PHRASE.has(tags[j]) || tokens[j].lower === "'s" || (tokens[j].text === '-' && j > i)
      || (tags[j] === 'ADV' && tags[j - 1] === 'DET' && j > i && NOUN_PHRASE.has(tags[j + 1]))
      // "the Russian-led alliance": a hyphenated participle before a noun is an adjective.
      || (tags[j] === 'VERB' && /-\p{L}+ed$/u.test(tokens[j].text) && NOUN_PHRASE.has(tags[j + 1])))) j++;
    // "United Nations Security Council (UNSC) resolutions": an abbreviation in brackets
    // inside the phrase.
    const close = j > i && tokens[j]?.lower === '(' ? tokens.findIndex((x, k) => k > j && k <= j + 4 && x.lower === ')') : -1;
    if (close < 0 || !['NOUN', 'PROPN'].includes(tags[close + 1] ?? '')) break;
    j = close + 1;
  }
  return j > i ? [i, j - 1] : null;
}

/**
 * The target inside the verb's object or an allowed prepositional phrase after it, read
 * from the noun phrase: its head when that is an actor ("met Kim"), else its possessor
 * ("blocked Sweden's membership"), else an actor modifying it ("detained two British aid
 * workers", "fired at northern Israel", "shelled RSF positions").
 */
function objectTarget(tokens: Token[], actors: ActorSpan[], t: Trigger, tags: Pos[], sourceCode: string): { actor: ActorSpan | null; rule: string; object: boolean } | null {
  let i = t.last + 1;
  while (i < tokens.length && tags[i] === 'ADV') i++;
  // "rejected calls for", "dismissed claims of": an -s form right after a past verb is its
  // object noun, whatever the tagger says.
  if (tags[i] === 'VERB' && /s$/.test(tokens[i].lower) && /ed$/.test(tokens[t.last].lower)) {
    tags = tags.slice();
    tags[i] = 'NOUN';
  }
  // "threatened to block Sweden's membership": the object of the governed infinitive;
  // "sent troops to fight for Russia": aid's recipient in the purpose infinitive.
  // "sent planes to help Turkey": the trigger's own "to" opens the infinitive.
  const ownTo = tokens[t.last].lower === 'to' && tags[i] === 'VERB';
  const purpose = ownTo || (tokens[i]?.lower === 'to' && tags[i + 1] === 'VERB');
  if (purpose) i += ownTo ? 1 : 2;
  const pick = (np: [number, number]): ActorSpan | null => {
    // An actor may run past the phrase: "four Armenian prisoners of war".
    const inside = actors.filter((a) => a.first >= np[0] && a.first <= np[1] && a.code !== sourceCode && a.kind !== 'pronoun');
    if (!inside.length) return null;
    const head = inside.find((a) => a.last >= np[1]);
    return head ?? inside.find((a) => a.possessive) ?? inside[0];
  };
  const agentAfter = (j: number): ActorSpan | null => {
    if (tokens[j]?.lower !== 'by') return null;
    const np = nounPhraseAt(tokens, tags, j + 1);
    return np ? pick(np) : null;
  };
  const allowed = new Set(t.preps);
  if (purpose && t.type === 'AID') for (const p of ['for', 'alongside', 'with']) allowed.add(p);
  // A speech act's complement may name its party in any phrase: "called for a truce in
  // Darfur", "condemned the strikes on Gaza" (the codebook's rule for speech acts).
  const speech = SPEECH_ACTS.has(t.type);
  let object = false;
  for (let hops = 0; hops < 3 && i < tokens.length; hops++) {
    const prep = tags[i] === 'ADP' ? tokens[i].lower : null;
    if (prep) i++;
    const np = nounPhraseAt(tokens, tags, i);
    if (!np) break;
    if (!prep || (speech && hops === 0)) object = true;
    // "shelled the outskirts of Goma": the object's own "of" phrase names whose it is.
    // "froze the assets of five Russian oligarchs": the trigger's own noun, too.
    const ofObject = prep === 'of' && ((hops === 1 && object) || (hops === 0 && t.last > t.first && tags[t.last] === 'NOUN'));
    const a = prep === null || allowed.has(prep) || ofObject || (speech && hops > 0) ? pick(np) : null;
    // "condemn violations of UNSC resolutions by the DPRK": the agent of the complement.
    const agent = speech && a && prep === 'of' ? agentAfter(np[1] + 1) : null;
    if (agent) return { actor: agent, rule: 'np-by', object };
    if (a) return { actor: a, rule: prep ? `np-${prep}` : 'np-object', object };
    i = np[1] + 1;
    // "sent troops to fight for Russia": aid's recipient in the purpose infinitive.
    if (t.type === 'AID' && tokens[i]?.lower === 'to' && tags[i + 1] === 'VERB') {
      i += 2;
      for (const p of ['for', 'alongside', 'with']) allowed.add(p);
    }
    // "concerned about attacks on Hindus and other minorities in Bangladesh": a speech act's
    // complement goes on past a coordinated noun phrase.
    if (speech && tokens[i]?.lower === 'and' && tags[i + 1] !== 'VERB' && tags[i + 1] !== 'AUX' && tags[i + 1] !== 'PRON') {
      const more = nounPhraseAt(tokens, tags, i + 1);
      if (more && !actors.some((a) => a.first >= more[0] && a.first <= more[1])) i = more[1] + 1;
    }
    if (tags[i] !== 'ADP') break;
  }
  // An object that names no actor still tells a speech act about a thing from a bare verb.
  return object ? { actor: null, rule: 'np-object', object } : null;
}

/** Events whose "of" phrase names the doer, not the one done to ("the withdrawal of US
 * forces"); so does a visit's ("the visit of Kim Il Sung to the Soviet Union"). */
const OF_AGENT: ReadonlySet<PloverType> = new Set<PloverType>(['MOBILIZE', 'RETREAT', 'PROTEST']);

/** The agent of a nominal event in a "by X" (or, for intransitive events, "of X") phrase
 * among the prepositional phrases right after it, not crossing a verb or a comma. */
function laterAgent(tokens: Token[], actors: ActorSpan[], t: Trigger, tags: Pos[]): { actor: ActorSpan; rule: string } | null {
  for (let i = t.last + 1; i < tokens.length && i <= t.last + 8; i++) {
    if (tags[i] === 'VERB' || tags[i] === 'AUX' || tokens[i].lower === ',' || HARD_STOP.has(tokens[i].lower)) return null;
    const by = tokens[i].lower === 'by' || (tokens[i].lower === 'of' && i === t.last + 1 && (OF_AGENT.has(t.type) || t.mode === 'visit'));
    if (!by) continue;
    let j = i + 1;
    while (j < tokens.length && (SKIPPABLE.has(tokens[j].lower) || tags[j] === 'ADJ' || tags[j] === 'NUM')) j++;
    const k = actorAt(actors, j);
    return k >= 0 ? { actor: actors[k], rule: tokens[i].lower === 'by' ? 'nominal-agent-later' : 'nominal-of-agent' } : null;
  }
  return null;
}

function lightLink(tokens: Token[], t: Trigger): { index: number; modality: Modality | null } | null {
  for (let i = t.first - 1; i >= 0 && i >= t.first - 6; i--) {
    const tok = tokens[i].lower;
    if (HARD_STOP.has(tok) || tok === ',') break;
    // "have taken note of the arrest": noting an event is not doing it.
    if (tok === 'note' || tok === 'notice') return null;
    const l = LIGHT.get(tok);
    if (l) return { index: i, modality: l.modality };
  }
  return null;
}

export interface Roles extends RoleAssignment {
  /** Modality implied by the linking word ("hinted at the prospect of"). */
  linkModality: Modality | null;
  /** Each side did it to the other ("India and China clashed"): a second mention, reversed. */
  mutual?: boolean;
}

/**
 * Source and target of one trigger, or null when the sentence names no actor that can be
 * its source (nominal references such as "the war in Ukraine" give none).
 */
export function assignRoles(tokens: Token[], actors: ActorSpan[], t: Trigger, tags?: Pos[], places?: ActorSpan[]): Roles | null {
  if (actors.length === 0) return null;
  let source: ActorSpan | null = null;
  let target: ActorSpan | null = null;
  let rule = '';
  let linkModality: Modality | null = null;
  let targetFrom = t.last + 1;

  const after = t.last + 1;
  // "was invaded by X"; for a noun also "the war started by X".
  const agentAt = tokens[after]?.lower === 'by' ? after + 1
    : t.pos === 'noun' && /ed$/.test(tokens[after]?.lower ?? '') && tokens[after + 1]?.lower === 'by' ? after + 2
    : t.pos === 'noun' ? passiveAgentAt(tokens, after) : -1;
  // "by the EU", "by President Volodymyr Zelensky": past a determiner or a title.
  const agentIdx = agentAt >= 0 ? actors.findIndex((a) => a.first >= agentAt && a.first <= agentAt + 2
    && tokens.slice(agentAt, a.first).every((x) => SKIPPABLE.has(x.lower) || /^\p{Lu}\p{Ll}+$/u.test(x.text))) : -1;

  if (t.pos === 'noun') {
    const later = tags ? laterAgent(tokens, actors, t, tags) : null;
    // "any talks with North Korea", "no deal", "future sanctions": a kind of event, not one.
    if (GENERIC.has(tokens[t.first - 1]?.lower ?? '')) return null;
    // Possessor or adjective right before: "Russia's invasion", "the Russian invasion".
    let i = t.first - 1;
    // Only adjectives and quotes may stand between: "Russia's full-scale invasion".
    while (i >= 0 && i >= t.first - 4 && tokens[i].lower !== "'s" && actorAt(actors, i) < 0 && (/^[\p{Ll}-]+$/u.test(tokens[i].text) || /^["“”]$/.test(tokens[i].text))
      && !PREPOSITIONS.has(tokens[i].lower) && !isVerbLike(tokens[i].lower) && (isAdjectiveLike(tokens[i]) || (tags !== undefined && (tags[i] === 'NOUN' || tags[i] === 'ADJ')))) i--;
    if (i >= 0 && tokens[i].lower === "'s") i--;
    let k = i >= 0 ? actorAt(actors, i) : -1;
    // A possessive pronoun ("their alliance") defers to the clause's subject below.
    if (k >= 0 && (actors[k].via.startsWith('pronoun') || actors[k].via === 'speaker')) {
      const link = lightLink(tokens, t);
      const subj = link ? findSubject(tokens, actors, link.index - 1) : null;
      // "called on China to cancel its drills": the pronoun names someone else's event.
      if (link && (!subj || subj.actor.code === actors[k].code)) k = -1;
    }
    // "the Hanoi summit", "the Geneva talks": a city before a meeting is its venue.
    if (k >= 0 && t.type === 'CONSULT' && !actors[k].possessive && actors[k].kind === 'capital') k = -1;
    if (k >= 0 && actors[k].last >= t.first - 5) {
      const possessor = actors[k];
      // "support for Russia's war": the possessive phrase is an argument of another event.
      // A temporal phrase ("after Russia's invasion of Ukraine") still states the event.
      const gp = governingPrep(tokens, actors, possessor);
      if (gp && !['after', 'before', 'since', 'during', 'until', 'amid', 'following', 'despite'].includes(gp)) return null;
      source = possessor;
      rule = possessor.possessive ? 'possessor' : 'modifier';
    } else if (agentIdx >= 0) {
      source = actors[agentIdx];
      rule = 'nominal-agent';
      // "Sanctions were imposed on Belarus by the EU": the participle's phrases name the target.
      targetFrom = BE.has(tokens[after]?.lower ?? '') ? after + 2 : actors[agentIdx].last + 1;
    } else if (later) {
      // "a 2016 visit to China by Barack Obama", "movements of Russian troops": the agent
      // after the event's own phrases.
      source = later.actor;
      rule = later.rule;
    } else if (actors.some((a) => a.first > t.first && a.last < t.last && a.possessive)) {
      // "the improvement of Pyongyang's relations with Beijing": the owner inside the phrase.
      source = actors.find((a) => a.first > t.first && a.last < t.last && a.possessive)!;
      rule = 'possessor-inside';
    } else if (betweenAt(tokens, after) >= 0) {
      const at = betweenAt(tokens, after);
      const k1 = actorAt(actors, at + 1 < tokens.length && SKIPPABLE.has(tokens[at + 1].lower) ? at + 2 : at + 1);
      if (k1 >= 0) {
        source = actors[k1];
        target = partnerOf(tokens, actors, source);
        rule = 'between';
        if (!target) return null;
      }
    } else if (SYMMETRIC.has(t.type) && tokens[after]?.lower === 'with' && !lightLink(tokens, t)) {
      // "speaking after a summit with Shinzo Abe": a joint event with a named partner
      // belongs to the sentence's subject.
      const subj = sentenceSubject(tokens, actors);
      if (!subj || subj.first > t.first) return null;
      source = subj;
      rule = 'joint-with+sentence-subject';
    } else if (!lightLink(tokens, t) && FRONTED.has(tokens[0]?.lower ?? '') && tokens.slice(1, t.first).every((x) => x.lower !== ',')) {
      // "In a second round of talks in Washington last month, Pence and Aso failed to…":
      // a nominal event in a fronted phrase belongs to the main clause's subject.
      const comma = tokens.findIndex((x, k) => k > t.last && x.lower === ',');
      const subj = comma > 0 ? findSubject(tokens, actors, nextVerbIndex(tokens, actors, comma)) : null;
      if (!subj || subj.actor.first < comma) return null;
      source = subj.actor;
      rule = `fronted+${subj.rule}`;
    } else {
      const link = lightLink(tokens, t);
      if (!link) return null;
      const subj = findSubject(tokens, actors, link.index - 1);
      if (!subj) return null;
      source = subj.actor;
      rule = `light-${tokens[link.index].lower}+${subj.rule}`;
      linkModality = link.modality;
    }
    if (!source) return null;
  } else {
    // Passive: "was invaded by X"; reduced relative: "North Korea, backed by the Soviet Union".
    let j = t.first - 1;
    while (j >= 0 && ADVERBS.has(tokens[j].lower)) j--;
    // "citizens abducted by North Korean agents": a participle with an agent after a noun.
    const reduced = agentIdx >= 0 && j >= 0 && /^\p{Ll}+$/u.test(tokens[j].text) && !AUXILIARY_VERBS.has(tokens[j].lower) && !isPastParticiple(tokens[j]) && !PREPOSITIONS.has(tokens[j].lower) && !SKIPPABLE.has(tokens[j].lower);
    const passive = isPastParticiple(tokens[t.first]) && j >= 0 && (BE.has(tokens[j].lower) || reduced || (agentIdx >= 0 && (tokens[j].lower === ',' || actorAt(actors, j) >= 0)));
    if (passive) {
      // "Ukrainian ports were struck by Russian missiles": an adjective in the subject's
      // phrase names the patient's state.
      const patient = findSubject(tokens, actors, j) ?? adjectivePatient(tokens, actors, j);
      if (agentIdx >= 0) {
        source = actors[agentIdx];
        target = patient?.actor ?? null;
        rule = 'passive-agent';
        if (!target && !TARGET_OPTIONAL.has(t.type)) return null;
        if (target && target.code === source.code) return null;
      } else if (patient && (t.type === 'MOBILIZE' || t.type === 'AID' || t.type === 'RETREAT')) {
        // "troops were deployed": the troops' own state did it.
        source = patient.actor;
        rule = 'passive-theme';
      } else {
        return null;
      }
    } else {
      // "sanctions on Chinese companies for supporting Russia", "accused Azerbaijan of
      // shelling": a gerund after "for"/"of" is done by the actor just before.
      const gerund = /ing$/.test(tokens[t.first].lower) && ['for', 'of'].includes(tokens[t.first - 1]?.lower ?? '') ? actorAt(actors, t.first - 2) : -1;
      const owner = gerund >= 0 ? actors[gerund] : infinitiveOwner(tokens, actors, t);
      const forTo = owner ? null : forInfinitiveSubject(tokens, actors, t);
      const subj = owner ? { actor: owner, rule: gerund >= 0 ? 'gerund-doer' : 'possessor-infinitive' } : forTo ? { actor: forTo, rule: 'for-infinitive' } : findSubject(tokens, actors, t.first - 1);
      const between = subj ? null : betweenPair(tokens, actors, t);
      if (subj) {
        source = subj.actor;
        rule = subj.rule;
      } else if (between) {
        // "Deepening military cooperation between the DPRK and Russia": a gerund's pair.
        source = between[0];
        target = between[1];
        rule = 'between';
      } else if (/ing$/.test(tokens[t.first].lower) && tokens[t.first - 1]?.lower === ',' && tags?.[t.first] === 'VERB') {
        // An adjunct participle shares the main clause's subject: "Trump said, calling
        // Pyongyang's tests a threat", "…, accusing Russia of shelling".
        const main = sentenceSubject(tokens, actors);
        if (!main || main.first > t.first) return null;
        source = main;
        rule = 'participle+sentence-subject';
      } else {
        return null;
      }
    }
  }
  if (!target && t.last > t.first) {
    // "cut off North Korean aid", "forced the US … to": an actor inside the phrase.
    const inside = actors.find((a) => a.first > t.first && a.last <= t.last && a.code !== source!.code);
    if (inside) { target = inside; rule += '/inside'; }
  }
  if (!target && t.pos === 'verb' && t.last > t.first && tags?.[t.last] === 'NOUN' && ANSWERING.has(t.type)) {
    // "accepted a ceasefire proposal put forward by Egypt": the agent of the object the
    // trigger ends in.
    const by = reducedRelativeAgent(tokens, t.last + 1);
    const k = by >= 0 ? actorAt(actors, by < tokens.length && SKIPPABLE.has(tokens[by].lower) ? by + 1 : by) : -1;
    if (k >= 0 && actors[k].code !== source.code) { target = actors[k]; rule += '/object-agent'; }
  }
  // With tags: the verb's object noun phrase, or one after an allowed preposition.
  let objectNamed = false;
  if (!target && tags && t.pos !== 'noun' && targetFrom === t.last + 1) {
    const o = objectTarget(tokens, actors, t, tags, source.code);
    if (o?.actor) { target = o.actor; rule += `/${o.rule}`; }
    // "denied that it had interfered": a that-clause is the thing denied.
    // "vetoed the resolution" matched whole: the trigger's own last word is its object.
    objectNamed = !!o?.object || (tokens[t.last + 1]?.lower === 'that' && tags[t.last + 1] === 'SCONJ') || (t.last > t.first && tags[t.last] === 'NOUN');
  }
  if (!target) {
    const found = findTarget(tokens, actors, t, source.code, targetFrom);
    if (found) { target = found.actor; rule += `/${found.rule}`; }
  }
  // "the two leaders agreed", "we … our cooperation": the pair's other member, for
  // events two parties do together.
  if (!target && source.partner && (SYMMETRIC.has(t.type) || t.type === 'AGREE')) { target = source.partner; rule += '/pair'; }
  let mutual = false;
  const reciprocal = !target && reciprocalIn(tokens);
  if (!target && (SYMMETRIC.has(t.type) || t.type === 'AGREE' || MUTUAL.has(t.entry) || reciprocal)) {
    const p = partnerOf(tokens, actors, source) ?? (MUTUAL.has(t.entry) ? partnerBefore(tokens, actors, source) : null);
    if (p && p.code !== source.code) {
      target = p;
      rule += '/coordinated';
      // "India and China clashed": each side fought the other, two mentions.
      mutual = MUTUAL.has(t.entry) || (t.type === 'ASSAULT' && reciprocal);
    }
  }
  if (!target && SYMMETRIC.has(t.type)) {
    // "their relationship with North Korea … hinted at military cooperation": the partner
    // named earlier in the sentence.
    const partner = [...actors].reverse().find((a) => a.last < t.first && a.code !== source!.code && ['with', 'between'].includes(governingPrep(tokens, actors, a) ?? ''));
    if (partner) { target = partner; rule += '/earlier-partner'; }
  }
  if (!target && t.type === 'SANCTION' && t.pos === 'noun') {
    // "The North is subject to UN sanctions", "Iran, under US sanctions": the sanctioned
    // party is the clause's subject.
    const before = tokens.slice(Math.max(0, t.first - 8), t.first).map((x) => x.lower).join(' ');
    const subj = /\b(subject to|under)\b/.test(before) ? sentenceSubject(tokens, actors) : null;
    if (subj && subj.code !== source.code && subj.first < t.first) { target = subj; rule += '/sanctioned-subject'; }
  }
  if (!target && ADDRESSED.has(t.type)) {
    // "I call for the united efforts of … your partners": in a speech, a request or a word
    // of thanks with no other party named goes to the audience addressed in the sentence.
    const audience = actors.find((a) => a.via === 'addressee' && a.first > t.last && a.code !== source!.code);
    if (audience) { target = audience; rule += '/addressee'; }
  }
  if (!target && STATEMENT_TYPES.has(t.type)) {
    // "Japan protested after a Chinese ship entered its waters": the party of the cause.
    const k = wordAfter(tokens, t.last, 6, CAUSE);
    const a = k > 0 ? actors.find((x) => x.first > k && x.first <= k + 8 && x.code !== source!.code && x.kind !== 'pronoun') : undefined;
    if (a && !tokens.slice(t.last + 1, a.first).some((x) => HARD_STOP.has(x.lower))) { target = a; rule += '/cause'; }
  }
  if (!target && CONDITIONED.has(t.type)) {
    // "promised a better future if North Korea stopped", "threatened to strike if Israel
    // attacks": a promise or threat is made to the party its condition names.
    const k = wordAfter(tokens, t.last, 12, CONDITIONS);
    const a = k > 0 ? actors.find((x) => x.first > k && x.first <= k + 3 && x.code !== source!.code && x.kind !== 'pronoun') : undefined;
    if (a) { target = a; rule += '/condition'; }
  }
  // "arrived in Brasilia", "a visit to Kharkiv": the state visited.
  if (!target && places?.length && (PLACE_TARGET.has(t.type) || t.mode === 'visit')) {
    // "fired rockets at Tel Aviv", "struck a school in Kharkiv", "called for a truce in
    // Darfur": with no party named, the state where it happens (not the doer's own).
    const p = placeAfter(tokens, places, t, source);
    if (p) { target = p; rule += '/place'; }
  }
  if (target && target.code === source.code && t.type !== 'COERCE') target = null;
  // An attack with no one attacked is only an event when it is a launch or entering a war.
  // A named place the registry does not know ("invaded Korea") also makes it one.
  const placeObject = /^\p{Lu}/u.test(tokens[t.last + 1]?.text ?? '') || (tokens[t.last + 1]?.lower === 'the' && /^\p{Lu}/u.test(tokens[t.last + 2]?.text ?? ''));
  const placed = INTRANSITIVE_ASSAULT.has(t.entry) && (source.role === 'MIL' || tokens.slice(t.last + 1).some((x, k, xs) => x.lower === 'in' && /^\p{Lu}/u.test(xs[k + 1]?.text ?? '')));
  const optional = TARGET_OPTIONAL.has(t.type) || t.mode === 'claim' || (t.type === 'ASSAULT' && (t.mode === 'missile' || (t.pos === 'verb' && t.entry.includes('war')) || placeObject || placed));
  // "called on countries around the world to isolate Pyongyang": a request to unnamed parties.
  const openRequest = OPEN_REQUESTS.has(t.entry) && tokens.slice(t.last + 1, t.last + 8).some((x, k, xs) => x.lower === 'to' && /^\p{Ll}+$/u.test(xs[k + 1]?.text ?? '') && !SKIPPABLE.has(xs[k + 1].lower) && !/ing$/.test(xs[k + 1].lower));
  // "Moscow rejected the accusation", "condemned the strikes": a speech act about a thing
  // names no actor, and is still an act of its subject.
  const aboutThing = objectNamed && (t.type === 'ACCUSE' || t.type === 'REJECT') && /^(subject|relative-subject)/.test(rule);
  // "The Houthis attacked a commercial ship": armed forces attacking a thing attack.
  // "Azerbaijani forces launched an offensive in Karabakh": armed forces fighting need no named enemy.
  const armedAct = (objectNamed || /^(light|subject)/.test(rule)) && t.type === 'ASSAULT' && (source.role === 'MIL' || source.role === 'REB' || source.role === 'COP' || source.kind === 'force');
  if (!target && !optional && !openRequest && !aboutThing && !armedAct) return null;
  return { source, target, rule, linkModality, mutual: mutual && target !== null };
}

/** The first of `words` within `reach` tokens after token `from`, or -1. */
function wordAfter(tokens: Token[], from: number, reach: number, words: ReadonlySet<string>): number {
  for (let j = from + 1; j <= from + reach && j < tokens.length; j++) if (words.has(tokens[j].lower)) return j;
  return -1;
}

const CONDITIONS = new Set(['if', 'unless']);

/** Promises and threats, made to the party their condition names. */
const CONDITIONED: ReadonlySet<PloverType> = new Set<PloverType>(['AGREE', 'THREATEN', 'CONCEDE', 'SUPPORT']);

/** Words opening what a speech act answers: "protested after …", "condemned … over …". */
const CAUSE = new Set(['after', 'over', 'following']);

/** "Sanctions were imposed on Belarus by the EU": the agent after "be" + participle and the
 * participle's own phrases, or -1. */
function passiveAgentAt(tokens: Token[], after: number): number {
  if (!BE.has(tokens[after]?.lower ?? '') || !isPastParticiple(tokens[after + 1] ?? tokens[after])) return -1;
  for (let i = after + 2; i < tokens.length && i <= after + 8; i++) {
    if (tokens[i].lower === 'by') return i + 1;
    if (HARD_STOP.has(tokens[i].lower) || tokens[i].lower === ',') return -1;
  }
  return -1;
}

/** "between" right after a nominal event, or past a passive ("talks were held between"):
 * its index, or -1. */
function betweenAt(tokens: Token[], after: number): number {
  let i = after;
  while (i < after + 3 && (BE.has(tokens[i]?.lower ?? '') || ['has', 'have', 'had'].includes(tokens[i]?.lower ?? ''))) i++;
  if (i > after && tokens[i] && isPastParticiple(tokens[i])) i++;
  return tokens[i]?.lower === 'between' ? i : -1;
}

/** Types whose object's agent is the party answered: accepting or rejecting a proposal. */
const ANSWERING: ReadonlySet<PloverType> = new Set<PloverType>(['AGREE', 'REJECT', 'ACCUSE', 'SUPPORT', 'REQUEST']);

/** "a proposal put forward by X", "the proposal by X": the token after "by" of a participle
 * phrase (or of "by" itself) opening at `at`, or -1. */
function reducedRelativeAgent(tokens: Token[], at: number): number {
  if (tokens[at]?.lower === 'by') return at + 1;
  if (!tokens[at] || !isPastParticiple(tokens[at])) return -1;
  for (let i = at + 1; i < tokens.length && i <= at + 3; i++) {
    if (tokens[i].lower === 'by') return i + 1;
    if (!/^\p{Ll}+$/u.test(tokens[i].text)) return -1;
  }
  return -1;
}

/** "Ukrainian ports were …": the adjective actor opening the noun phrase just before "be". */
function adjectivePatient(tokens: Token[], actors: ActorSpan[], be: number): { actor: ActorSpan; rule: string } | null {
  for (let i = be - 1; i >= 0 && i >= be - 4; i--) {
    const k = actorAt(actors, i);
    if (k >= 0) return actors[k].kind === 'adjective' ? { actor: actors[k], rule: 'adjective-patient' } : null;
    if (!/^\p{Ll}+$/u.test(tokens[i].text) || PREPOSITIONS.has(tokens[i].lower)) return null;
  }
  return null;
}

/** Events whose place, with no party named, stands for the party acted on. */
const PLACE_TARGET: ReadonlySet<PloverType> = new Set<PloverType>(['ASSAULT', 'COERCE', 'SANCTION', 'ACCUSE', 'REQUEST', 'THREATEN']);

/** The first place after the trigger in its clause that is not the doer's own state. */
function placeAfter(tokens: Token[], places: ActorSpan[], t: Trigger, source: ActorSpan): ActorSpan | null {
  for (const p of places) {
    if (p.first <= t.last || p.first - t.last > TARGET_WINDOW) continue;
    if (tokens.slice(t.last + 1, p.first).some((x) => HARD_STOP.has(x.lower) || x.lower === ',' || RELATIVES.has(x.lower))) return null;
    if (p.code === source.code || p.code === source.home) return null;
    return p;
  }
  return null;
}

/** Speech acts that go to the audience of a speech when no other party is named. */
const ADDRESSED = new Set<Trigger['type']>(['REQUEST', 'SUPPORT', 'CONSULT', 'AGREE']);

/** The main subject of a sentence: its first actor outside a prepositional phrase. */
export function sentenceSubject(tokens: Token[], actors: ActorSpan[]): ActorSpan | null {
  for (const a of actors) {
    if (a.kind === 'pronoun' || isModifier(tokens, actors, a)) continue;
    if (a.kind === 'adjective' && !/^\p{Lu}/u.test(tokens[a.last + 1]?.text ?? '')) continue;
    // "with Beijing firing two missiles": the subject of an absolute phrase.
    const absolute = governingPrep(tokens, actors, a) === 'with' && /ing$/.test(tokens[a.last + 1]?.lower ?? '');
    if (!absolute && governingPrep(tokens, actors, a)) continue;
    return a;
  }
  return null;
}
