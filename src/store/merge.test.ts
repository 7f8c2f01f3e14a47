import { describe, expect, it } from 'vitest';
import { decideMerge, type MergeCandidate, type MergeMention } from './merge.js';
import type { DateRange } from '../domain/mention.js';

const day = (d: string): DateRange => ({ start: d, end: d, granularity: 'day' });
const month = (m: string): DateRange => ({ start: m, end: m, granularity: 'month' });

const event = (over: Partial<MergeCandidate> = {}): MergeCandidate => ({
  id: '1', type: 'CONSULT', sources: ['PRK'], targets: ['RUS'], date: day('2023-09-13'),
  modality: 'asserted', disputed: false, status: 'extracted', ...over,
});
const mention = (over: Partial<MergeMention> = {}): MergeMention => ({
  type: 'CONSULT', source: 'PRK', target: 'RUS', date: day('2023-09-13'), modality: 'asserted', ...over,
});

describe('decideMerge', () => {
  const cases: Array<{ name: string; m: MergeMention; e: MergeCandidate[]; expect: 'new' | 'join' | 'dispute'; modality?: string; date?: DateRange | null }> = [
    { name: 'same type, actors and day joins', m: mention(), e: [event()], expect: 'join' },
    { name: 'symmetric type with swapped actors joins', m: mention({ source: 'RUS', target: 'PRK' }), e: [event()], expect: 'join' },
    { name: 'month overlapping a day joins and narrows nothing', m: mention({ date: month('2023-09') }), e: [event()], expect: 'join', date: day('2023-09-13') },
    { name: 'a day inside the event month narrows the date', m: mention(), e: [event({ date: month('2023-09') })], expect: 'join', date: day('2023-09-13') },
    { name: 'null target joins an event with a target', m: mention({ target: null }), e: [event()], expect: 'join' },
    { name: 'speculative never upgrades asserted', m: mention({ modality: 'speculative' }), e: [event()], expect: 'join', modality: 'asserted' },
    { name: 'asserted upgrades speculative', m: mention(), e: [event({ modality: 'speculative' })], expect: 'join', modality: 'asserted' },
    { name: 'negated against asserted is a dispute', m: mention({ modality: 'negated' }), e: [event()], expect: 'dispute', modality: 'asserted' },
    { name: 'day dates one day apart are a dispute', m: mention({ date: day('2023-09-14') }), e: [event()], expect: 'dispute', date: day('2023-09-13') },
    { name: 'one-sided act on the same day with another target is a dispute', m: mention({ type: 'ASSAULT', source: 'RUS', target: 'GEO' }), e: [event({ type: 'ASSAULT', sources: ['RUS'], targets: ['UKR'] })], expect: 'dispute' },
    { name: 'cluster link joins undated mentions', m: mention({ date: null, clusterEventId: '1' }), e: [event({ date: null })], expect: 'join' },
    { name: 'cluster link joins a dated mention to an undated event', m: mention({ clusterEventId: '1' }), e: [event({ date: null })], expect: 'join', date: day('2023-09-13') },
    { name: 'MUST NOT: cluster link does not override a modality clash', m: mention({ modality: 'intended', clusterEventId: '1' }), e: [event()], expect: 'new' },
    { name: 'MUST NOT: cluster link does not join other actors', m: mention({ source: 'CHN', target: 'USA', clusterEventId: '1' }), e: [event()], expect: 'new' },
    { name: 'prefers a clean join over a disputed one', m: mention(), e: [event({ id: '7', date: day('2023-09-12') }), event({ id: '8' })], expect: 'join' },
    // must not merge
    { name: 'MUST NOT: different type', m: mention({ type: 'AGREE' }), e: [event()], expect: 'new' },
    { name: 'similar spans join', m: mention({ date: { start: '2022-02-24', end: '2023-09-25', granularity: 'range' } }), e: [event({ date: { start: '2022-03', end: '2023-09', granularity: 'range' } })], expect: 'join' },
    { name: 'a day joins its year', m: mention({ date: day('2022-02-24') }), e: [event({ date: { start: '2022', end: '2022', granularity: 'year' } })], expect: 'join', date: day('2022-02-24') },
    { name: 'MUST NOT: a day inside a long span', m: mention(), e: [event({ date: { start: '2022-03', end: '2023-09', granularity: 'range' } })], expect: 'new' },
    { name: 'MUST NOT: a short span inside "seventy years"', m: mention({ date: { start: '2022-03', end: '2023-09', granularity: 'range' } }), e: [event({ date: { start: '1950-06-25', end: '2023-09-25', granularity: 'range' } })], expect: 'new' },
    { name: 'MUST NOT: dates far apart', m: mention({ date: day('2023-10-13') }), e: [event()], expect: 'new' },
    { name: 'MUST NOT: both undated without a cluster', m: mention({ date: null }), e: [event({ date: null })], expect: 'new' },
    { name: 'MUST NOT: undated mention into a dated event', m: mention({ date: null }), e: [event()], expect: 'new' },
    { name: 'MUST NOT: different actors', m: mention({ source: 'CHN', target: 'USA' }), e: [event()], expect: 'new' },
    { name: 'MUST NOT: meeting another partner the same day', m: mention({ target: 'CHN' }), e: [event()], expect: 'new' },
    { name: 'MUST NOT: other target on a month date', m: mention({ type: 'ASSAULT', source: 'RUS', target: 'GEO', date: month('2023-09') }), e: [event({ type: 'ASSAULT', sources: ['RUS'], targets: ['UKR'], date: month('2023-09') })], expect: 'new' },
    { name: 'MUST NOT: conditional into asserted', m: mention({ modality: 'conditional' }), e: [event()], expect: 'new' },
    { name: 'MUST NOT: intended into asserted', m: mention({ modality: 'intended' }), e: [event()], expect: 'new' },
    { name: 'MUST NOT: two disagreements (another day and a denial)', m: mention({ date: day('2023-09-14'), modality: 'negated' }), e: [event()], expect: 'new' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const d = decideMerge(c.m, c.e);
      if (c.expect === 'new') {
        expect(d.action).toBe('new');
        return;
      }
      expect(d.action).toBe('join');
      if (d.action !== 'join') return;
      expect(d.disputed).toBe(c.expect === 'dispute');
      const after = { ...c.e.find((e) => e.id === d.eventId)!, ...(d.update ?? {}) };
      if (c.expect === 'dispute') expect(after.disputed).toBe(true);
      if (c.modality) expect(after.modality).toBe(c.modality);
      if (c.date !== undefined) expect(after.date).toEqual(c.date);
    });
  }

  it('prefers the clean join', () => {
    const d = decideMerge(mention(), [event({ id: '7', date: day('2023-09-12') }), event({ id: '8' })]);
    expect(d).toMatchObject({ action: 'join', eventId: '8', disputed: false });
  });

  it('never changes a corrected or rejected event, but attaches the mention', () => {
    for (const status of ['corrected', 'rejected'] as const) {
      const d = decideMerge(mention({ modality: 'negated' }), [event({ status, modality: 'speculative' })]);
      expect(d).toMatchObject({ action: 'join', eventId: '1', update: null });
    }
  });
});
