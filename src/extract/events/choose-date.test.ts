// Dates of events through the whole pipeline, one short text per case.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../pipeline.js';

const dated = (text: string, published: string | null = '2017-11-08') =>
  extractDocument(text, { published }).events.map((e) => `${e.type} ${e.date ? `${e.date.start}..${e.date.end}` : 'null'} ${(e.rule ?? '').match(/date:[\w-]+/)?.[0]}`);

describe('chooseDate', () => {
  it.each([
    ['an explicit date wins', 'Germany invaded Poland in 1939.', 'ASSAULT 1939..1939 date:year'],
    ['an undated asserted act: the week before publication', 'Trump praised Japan.', 'SUPPORT 2017-11-01..2017-11-08 date:publication-week'],
    ['a present perfect states no time', 'Trump has praised Japan.', 'SUPPORT null date:none'],
    ['an episode date carries to the next act', 'In 1950 North Korea invaded South Korea. Its troops shelled Seoul.', 'ASSAULT 1950..1950 date:episode'],
    ['a present perfect runs from the episode to publication', 'In 1950 North Korea invaded South Korea. China has praised North Korea.', 'SUPPORT 1950..2017-11-08 date:episode-to-publication'],
    ['a plan on a weekday is the coming one', 'Trump and Xi were scheduled to hold talks on Thursday.', 'CONSULT 2017-11-09..2017-11-09 date:chrono-weekday-ahead'],
    ['a past weekday is the last one', 'Trump and Xi held talks on Tuesday.', 'CONSULT 2017-11-07..2017-11-07 date:chrono'],
  ])('%s', (_name, text, want) => {
    expect(dated(text)).toContain(want);
  });

  it.each([
    ['a plan gets no date in the week before publication (only the days ahead)', 'Trump will visit China.'],
    ['a hedged act gets no publication date', 'China may have supplied arms to Russia.'],
    ['narration placed in the past gets none', 'Russia has previously supplied arms to Iran.'],
    ['without a publication date nothing is assumed', 'Trump praised Japan.', null],
  ])('must not: %s', (_why, text, published: string | null = '2017-11-08') => {
    const got = dated(text, published);
    expect(got.length).toBeGreaterThan(0);
    expect(got.some((d) => d.includes('publication-week'))).toBe(false);
  });
});
