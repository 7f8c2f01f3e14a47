import { describe, expect, it } from 'vitest';
import { segment } from './highlight.js';

const text = 'Putin met Kim. They signed a pact. Nothing else.';
//            0         1         2         3         4
//            0123456789012345678901234567890123456789012345678

describe('segment', () => {
  const cases: Array<{ name: string; spans: Array<{ id: string; start: number; end: number }>; want: Array<[string, string[]]> }> = [
    { name: 'no mentions: one plain run', spans: [], want: [[text, []]] },
    {
      name: 'two sentences',
      spans: [
        { id: 'm1', start: 0, end: 14 },
        { id: 'm2', start: 15, end: 34 },
      ],
      want: [
        ['Putin met Kim.', ['m1']],
        [' ', []],
        ['They signed a pact.', ['m2']],
        [' Nothing else.', []],
      ],
    },
    {
      name: 'two events in one sentence share the run',
      spans: [
        { id: 'a', start: 15, end: 34 },
        { id: 'b', start: 15, end: 34 },
      ],
      want: [
        ['Putin met Kim. ', []],
        ['They signed a pact.', ['a', 'b']],
        [' Nothing else.', []],
      ],
    },
    {
      name: 'a clause inside a sentence: shortest mention first',
      spans: [
        { id: 'outer', start: 0, end: 14 },
        { id: 'inner', start: 6, end: 9 },
      ],
      want: [
        ['Putin ', ['outer']],
        ['met', ['inner', 'outer']],
        [' Kim.', ['outer']],
        [' They signed a pact. Nothing else.', []],
      ],
    },
    {
      name: 'must not use offsets outside the text, reversed or empty',
      spans: [
        { id: 'past-end', start: 40, end: 400 },
        { id: 'negative', start: -3, end: 4 },
        { id: 'reversed', start: 9, end: 2 },
        { id: 'empty', start: 5, end: 5 },
      ],
      want: [[text, []]],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const runs = segment(text, c.spans);
      expect(runs.map((r) => [r.text, r.spans.map((s) => s.id)])).toEqual(c.want);
      expect(runs.map((r) => r.text).join('')).toBe(text);
    });
  }

  it('slices by UTF-16 offsets, as JavaScript strings index', () => {
    const t = 'Kim’s 🚂 train. Putin met Kim.';
    const start = t.indexOf('Putin');
    const runs = segment(t, [{ id: 'm', start, end: t.length }]);
    expect(runs[1].text).toBe('Putin met Kim.');
  });
});
