import { describe, expect, it } from 'vitest';
import { storyEpisode } from './voice-dates.js';
import type { ActorSpan } from '../types.js';

const voice = { first: 0, last: 0, code: 'PRK', name: 'KCNA', kind: 'state', possessive: false, via: 'voice' } as ActorSpan;
const june = { start: '2024-06', end: '2024-06', granularity: 'month' as const };

describe('storyEpisode', () => {
  it('drops an episode older than a month before publication in a text with a voice', () => {
    expect(storyEpisode(june, false, voice, '2024-11-02')).toBeNull();
  });
  it('keeps it without a voice, in its own sentence, or when it is recent', () => {
    expect(storyEpisode(june, false, null, '2024-11-02')).toBe(june);
    expect(storyEpisode(june, true, voice, '2024-11-02')).toBe(june);
    expect(storyEpisode(june, false, voice, '2024-07-01')).toBe(june);
  });
});
