import { describe, expect, it } from 'vitest';
import { SUMMARY_MAX, eventSummary } from './event-summary.js';

const base = { type: 'ACCUSE' as const, sources: ['RUS'], targets: ['UKR'], attrs: {} as Record<string, unknown> };

describe('eventSummary', () => {
  it.each([
    { name: 'a title wins', e: { ...base, attrs: { title: 'Moscow accuses Kyiv' } }, sentence: 'A sentence.', want: 'Moscow accuses Kyiv' },
    { name: 'else the sentence, whitespace folded', e: base, sentence: '  Russia\n accused   Ukraine. ', want: 'Russia accused Ukraine.' },
    { name: 'else a line from codes and type', e: base, sentence: null, want: 'RUS accused UKR' },
    { name: 'no target', e: { ...base, type: 'MOBILIZE' as const, targets: [] }, sentence: '', want: 'RUS: mobilize' },
    { name: 'a blank title is no title', e: { ...base, attrs: { title: '  ' } }, sentence: null, want: 'RUS accused UKR' },
  ])('$name', ({ e, sentence, want }) => {
    expect(eventSummary(e, sentence)).toBe(want);
  });
  it('clips a long sentence to one line', () => {
    const s = eventSummary(base, 'word '.repeat(200));
    expect(s.length).toBe(SUMMARY_MAX);
    expect(s.endsWith('…')).toBe(true);
  });
});
