// The words that start a trigger, shared with the role stage so that it can tell a verb
// before an actor ("invaded South Korea") from a noun ("leader Kim") without a tagger.
// Kept apart from both stages to avoid an import cycle.
export const TRIGGER_WORDS = new Set<string>();

export function registerTriggerWords(words: Iterable<string>): void {
  for (const w of words) TRIGGER_WORDS.add(w);
}
