// The modalities of an event mention (shared/spec/events.md), apart from the zod schemas of
// mention.ts so that the extractor can load without zod.
export const MODALITIES = ['asserted', 'speculative', 'conditional', 'negated', 'intended', 'question'] as const;
export type Modality = (typeof MODALITIES)[number];
