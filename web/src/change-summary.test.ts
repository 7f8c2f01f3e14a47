import { describe, expect, it } from 'vitest';
import { changeSummary } from './change-summary.js';

describe('changeSummary', () => {
  it.each([
    { before: { modality: 'asserted', status: 'extracted' }, after: { modality: 'intended', status: 'corrected' }, want: 'modality: asserted → intended; status: extracted → corrected' },
    { before: { targets: ['UKRAINE'] }, after: { targets: ['UKR'], reason: 'a name is not a code' }, want: 'targets: UKRAINE → UKR; reason: a name is not a code' },
    { before: { status: 'rejected' }, after: { status: 'rejected' }, want: '' },
    { before: null, after: { code: 'RUS', events: 3 }, want: 'code: RUS; events: 3' },
    { before: { date: { start: '2023-09-13', end: '2023-09-13', granularity: 'day' } }, after: { date: null }, want: 'date: 2023-09-13 → —' },
  ])('$want', ({ before, after, want }) => {
    expect(changeSummary(before, after)).toBe(want);
  });
});
