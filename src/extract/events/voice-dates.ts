// Dates in a text with a voice of its own (a statement, a speech, a state agency's report,
// see actors/find-actors.ts): what the voice says is said the day the text is issued, and
// an older date told earlier is background, not the date of what follows.
import type { DateRange } from '../../domain/index.js';
import type { ActorSpan, Trigger } from '../types.js';
import { SPEECH_ACTS } from '../speech-acts.js';
import type { chooseDate } from './choose-date.js';

type Chosen = ReturnType<typeof chooseDate>;

/**
 * The episode a later sentence inherits: with a voice, an episode ending more than a month
 * before publication ("the summit held in June", "the eve of the Second World War") is
 * background, unless it was set in this very sentence.
 */
export function storyEpisode(episode: DateRange | null, setInThisSentence: boolean, voice: ActorSpan | null, published: string | null): DateRange | null {
  if (!episode || !published || !voice || setInThisSentence) return episode;
  const month = new Date(`${published.slice(0, 10)}T12:00:00Z`);
  month.setUTCDate(month.getUTCDate() - 31);
  return episode.end >= month.toISOString().slice(0, episode.end.length) ? episode : null;
}

/** What the voice itself says or asks (and the address itself), undated, is dated the day of issue. */
export function spokenDate(chosen: Chosen, t: Trigger, source: string, voice: ActorSpan | null, published: string | null): Chosen {
  if (!voice || !published || !/^\d{4}-\d{2}-\d{2}$/.test(published)) return chosen;
  const undated = chosen.rule === 'date:none' || chosen.rule === 'date:publication-week';
  if (undated && (SPEECH_ACTS.has(t.type) || t.mode === 'speech') && source === voice.code) return { date: { start: published, end: published, granularity: 'day' }, rule: 'date:statement-day' };
  return chosen;
}
