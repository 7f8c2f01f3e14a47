import { describe, expect, it } from 'vitest';
import { dyadSeries, periodTotals, placeEvent } from './series.js';
import { inDyad, parseDyad } from './dyad.js';
import { ev } from './test-events.js';

const events = [
  ev('RUS', 'UKR', 'ASSAULT', '2022-02-24', { mentions: 3 }),
  ev('UKR', 'RUS', 'ACCUSE', '2022-02-25', { modality: 'speculative' }),
  ev('RUS', 'PRK', 'CONSULT', '2022-02-10'),
  ev('RUS', 'UKR', 'CONSULT', '2022-04-02', { mentions: 2 }),
  ev('RUS', 'UKR', 'AGREE', '2022-01-01', { end: '2022-12-31' }), // year-precise: cannot be placed by month
  ev('USA', 'CHN', 'SANCTION', '2022-03-01'),
];

describe('dyads', () => {
  it.each([
    ['RUS-UKR', { a: 'RUS', b: 'UKR' }], ['rus', { a: 'RUS', b: null }], ['RUS-*', { a: 'RUS', b: null }], ['KOR:PRK', { a: 'KOR', b: 'PRK' }],
  ])('parses %s', (text, want) => expect(parseDyad(text)).toEqual(want));

  it.each([
    [{ a: 'RUS', b: 'UKR' }, 0, true], [{ a: 'RUS', b: 'UKR' }, 1, true], [{ a: 'RUS', b: 'UKR', directed: true }, 1, false],
    [{ a: 'RUS', b: null }, 2, true], [{ a: 'RUS', b: 'UKR' }, 2, false], [{ a: 'UKR', b: null, directed: true }, 0, false],
  ])('%o matches event %i: %s', (d, i, want) => expect(inDyad(events[i], d)).toBe(want));
});

describe('dyadSeries', () => {
  const totals = { '2022-02': 100, '2022-03': 50, '2022-04': 40 };
  const s = dyadSeries(events, { a: 'RUS', b: 'UKR' }, { by: 'month', totals });

  it('fills every month from the first to the last event, empty ones with zeros', () => {
    expect(s.points.map((p) => p.period)).toEqual(['2022-02', '2022-03', '2022-04']);
    expect(s.points[1]).toMatchObject({ events: 0, mentions: 0, score: 0, volume: 50 });
  });

  it('counts per type, quad and modality', () => {
    const feb = s.points[0];
    expect(feb).toMatchObject({ events: 2, mentions: 4, asserted: 1, notAsserted: 1 });
    expect(feb.byType.ASSAULT).toBe(1);
    expect(feb.byType.ACCUSE).toBe(1);
    expect(feb.byType.CONSULT).toBe(0);
    expect(feb.byQuad).toEqual({ 1: 0, 2: 0, 3: 1, 4: 1 });
  });

  it('scores Σ intensity × mentions per 1000 store mentions', () => {
    // Feb: (−9 × 3 + −3 × 1) × 1000 / 100 = −300; Apr: 2.5 × 2 × 1000 / 40 = 125
    expect(s.points[0].weightedIntensity).toBe(-30);
    expect(s.points[0].score).toBeCloseTo(-300);
    expect(s.points[2].score).toBeCloseTo(125);
    expect(s.normalised).toBe(true);
  });

  it('does not read growth in coverage as growth in conflict', () => {
    const small = dyadSeries([ev('A', 'B', 'ACCUSE', '2020-01-05')], { a: 'A', b: 'B' }, { totals: { '2020-01': 10 } });
    const big = dyadSeries(Array.from({ length: 10 }, () => ev('A', 'B', 'ACCUSE', '2020-01-05')), { a: 'A', b: 'B' }, { totals: { '2020-01': 100 } });
    expect(big.points[0].score).toBeCloseTo(small.points[0].score);
  });

  it('keeps events it cannot place out of the periods, and counts them', () => {
    expect(s.unplaced).toBe(1);
    expect(dyadSeries(events, { a: 'RUS', b: 'UKR' }, { by: 'year' }).points[0].events).toBe(4);
  });

  it('without totals the score is the raw sum and says so', () => {
    const raw = dyadSeries(events, { a: 'RUS', b: 'UKR' }, { by: 'month' });
    expect(raw.normalised).toBe(false);
    expect(raw.points[0].score).toBe(-30);
  });

  it('honours from/to and returns no points for an unknown dyad', () => {
    const cut = dyadSeries(events, { a: 'RUS', b: 'UKR' }, { by: 'month', from: '2022-03-01', to: '2022-04-30' });
    expect(cut.points.map((p) => p.events)).toEqual([0, 1]);
    expect(dyadSeries(events, { a: 'FRA', b: 'DEU' }).points).toEqual([]);
  });

  it('computes store totals from events', () => {
    expect(periodTotals(events, 'month')).toEqual({ '2022-02': 5, '2022-03': 1, '2022-04': 2 });
    expect(placeEvent({ start: '2022-01-30', end: '2022-02-02' }, 'month')).toBeNull();
    expect(placeEvent({ start: '2022-01-30', end: '2022-02-02' }, 'quarter')).toBe('2022-Q1');
  });
});

describe('unplaced events', () => {
  it('counts every event as unplaced when none fits one period (SIPRI SUN→PRK deals by month)', async () => {
    const { createReadStream } = await import('node:fs');
    const { join } = await import('node:path');
    const { sharedDir } = await import('../../test/cli.js');
    const { parseSipri } = await import('../ingest/datasets/sipri.js');
    const { dayBounds } = await import('../domain/date-range.js');
    const deals = [];
    for await (const chunk of parseSipri(createReadStream(join(sharedDir, 'data/sipri/trade-register.csv')))) {
      for (const r of chunk) {
        if (r.kind !== 'event' || r.value.sources[0] !== 'SUN' || r.value.targets[0] !== 'PRK') continue;
        const [start, end] = dayBounds(r.value.date!);
        deals.push(ev('SUN', 'PRK', 'AID', start, { end, origin: 'sipri' }));
      }
    }
    expect(deals).toHaveLength(119);
    const byMonth = dyadSeries(deals, { a: 'SUN', b: 'PRK' }, { by: 'month' });
    expect(byMonth).toMatchObject({ points: [], unplaced: 119 });
    // By year the single-year deals fit: placed and unplaced add up to the deals.
    const byDecade = dyadSeries(deals, { a: 'SUN', b: 'PRK' }, { by: 'year' });
    expect(byDecade.points.reduce((a, p) => a + p.events, 0) + byDecade.unplaced).toBe(119);
  }, 120_000);
});
