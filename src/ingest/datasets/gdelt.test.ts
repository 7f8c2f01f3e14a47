import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../../../test/cli.js';
import { gdeltEvent, gdeltMention, PUBLIC_STATEMENT } from './gdelt.js';
import { guard, type ParsedRow } from './rows.js';

const v2 = readFileSync(join(sharedDir, 'data/gdelt-v2-events/20191024143000.export.CSV'), 'utf8').split('\n').filter(Boolean);
const v1 = readFileSync(join(sharedDir, 'data/gdelt-v1-events/reed9999-gdelt-demo.sample_events.csv'), 'utf8').split('\n').filter(Boolean);
const mentions = readFileSync(join(sharedDir, 'data/gdelt-v2-mentions/20170101073000.mentions.CSV'), 'utf8').split('\n').filter(Boolean);

/** A real 2.0 row with some fields replaced. */
function row(changes: Record<number, string>, base = v2[0]): string[] {
  const f = base.split('\t');
  for (const [k, v] of Object.entries(changes)) f[Number(k)] = v;
  return f;
}
const parse = (f: string[]): ParsedRow => guard(7, () => (f.length === 16 ? gdeltMention(f, 7) : gdeltEvent(f, 7)));
const event = (f: string[]) => {
  const r = parse(f);
  if (r.kind !== 'event') throw new Error(`expected an event, got ${JSON.stringify(r)}`);
  return r.value;
};

describe('GDELT event rows', () => {
  it('keeps CAMEO codes as strings and maps them to PLOVER', () => {
    const e = event(row({ 26: '042', 27: '042', 28: '04' }));
    expect(e.type).toBe('CONSULT');
    expect(e.attrs.cameo).toBe('042');
    expect(event(row({ 26: '190' })).type).toBe('ASSAULT');
    expect(event(row({ 26: '1031' })).type).toBe('REQUEST');
  });

  it.each([['010'], ['014'], ['019']])('skips public statement %s, not an error', (code) => {
    expect(parse(row({ 26: code }))).toEqual({ line: 7, kind: 'skip', reason: PUBLIC_STATEMENT });
  });

  it.each([
    // code, country, group, type1 → registry actor
    ['RUS', 'RUS', '', '', 'RUS'],
    ['PRKGOV', 'PRK', '', 'GOV', 'PRK'],
    ['KORMIL', 'KOR', '', 'MIL', 'KOR'],
    ['IGOEUREEC', 'EUR', 'EEC', 'IGO', 'EU'],
    ['UNO', '', 'UNO', '', 'UN'],
    ['NAT', '', 'NAT', '', 'NATO'],
    ['ROM', 'ROM', '', '', 'ROU'],
    ['WST', 'WST', '', '', 'WST'],
  ])('maps CAMEO actor %s to %s…', (code, country, group, type, expected) => {
    const e = event(row({ 5: code, 7: country, 8: group, 12: type }));
    expect(e.sources).toEqual([expected]);
  });

  it.each([
    ['AFR', 'AFR', '', ''], // a region is no actor
    ['BUS', '', '', 'BUS'], // nor is a bare sector
    ['PSEHMS', '', 'HMS', ''], // armed groups are not registry actors (no country given here)
  ])('must not invent an actor for %s', (code, country, group, type) => {
    expect(event(row({ 5: code, 7: country, 8: group, 12: type })).sources).toEqual([]);
  });

  it('records the role of typed actors', () => {
    const e = event(row({ 5: 'RUSMIL', 7: 'RUS', 12: 'MIL', 15: 'UKRGOV', 17: 'UKR', 22: 'GOV' }));
    expect(e.sources).toEqual(['RUS']);
    expect(e.targets).toEqual(['UKR']);
    expect(e.attrs.actor1).toMatchObject({ code: 'RUSMIL', role: 'MIL' });
    expect(e.attrs.actor2).toMatchObject({ code: 'UKRGOV', role: 'GOV' });
  });

  it('dates by report, day granularity, and keeps the figures, geo and URL', () => {
    const e = event(v2[0].split('\t'));
    expect(e).toMatchObject({
      origin: 'gdelt', externalId: '881990832', dateKind: 'report', modality: 'asserted',
      date: { start: '2018-10-24', end: '2018-10-24', granularity: 'day' },
      mentionCount: 3, reportedAt: '2019-10-24T14:30:00Z',
      location: { name: 'Vancouver, British Columbia, Canada', country: 'CAN', lat: 49.25, lon: -123.133, precision: 4 },
      sourceUrl: expect.stringContaining('timescolonist.com'),
    });
    expect(e.attrs).toMatchObject({ goldstein: -7, numMentions: 3, avgTone: 2.02774813233724, layout: 'v2', actionGeoCountry: 'CA' });
  });

  it('reads both GDELT 1.0 layouts by column count', () => {
    const daily = v1.find((l) => l.split('\t').length === 58 && !l.split('\t')[26].startsWith('01'))!;
    const hist = v1.find((l) => l.split('\t').length === 57 && !l.split('\t')[26].startsWith('01'))!;
    const d = event(daily.split('\t'));
    const h = event(hist.split('\t'));
    expect(d.attrs.layout).toBe('v1-daily');
    expect(d.sourceUrl).toMatch(/^http/);
    expect(d.reportedAt).toBe('2016-07-28');
    expect(h.attrs.layout).toBe('v1-historical');
    expect(h.sourceUrl).toBeNull();
    expect(h.reportedAt).toMatch(/^2013-02-0[36]$/);
  });

  it.each([
    [{ 30: 'not-a-number' }, /GoldsteinScale/],
    [{ 0: 'x12' }, /GLOBALEVENTID/],
    [{ 1: '20181332' }, /SQLDATE/],
    [{ 26: '' }, /EventCode/],
    [{ 31: '2.5' }, /NumMentions/],
    [{ 34: 'abc' }, /AvgTone/],
    [{ 56: 'north' }, /ActionGeo_Lat/],
  ])('reports a bad field by name: %j', (changes, message) => {
    const r = parse(row(changes));
    expect(r.kind).toBe('error');
    expect(r.kind === 'error' && r.message).toMatch(message);
  });

  it('keeps the place of GDELT 1.0 rows with ActionGeo_Type 0 that name one (events 1553309, 1553841)', () => {
    const byId = (id: string) => event(v1.find((l) => l.startsWith(`${id}\t`))!.split('\t'));
    expect(byId('1553309').location).toEqual({ name: 'Moscow, Moskva, Russia', country: 'RUS', lat: 55.7522, lon: 37.6156, precision: 0 });
    expect(byId('1553841').location).toMatchObject({ name: 'San Salvador, San Salvador, El Salvador', country: 'SLV', lat: 13.7086, lon: -89.2031 });
    // Type 0 with nothing in it is still no place.
    const empty = v1.map((l) => l.split('\t')).find((f) => f[49] === '0' && !f[50] && !f[26].startsWith('01'))!;
    expect(event(empty).location).toBeNull();
  });

  it('reports a wrong column count', () => {
    const r = parse(v2[0].split('\t').slice(0, 40));
    expect(r).toMatchObject({ kind: 'error', message: expect.stringMatching(/found 40/) });
  });
});

describe('GDELT mention rows', () => {
  it('reads the 16 mention columns', () => {
    const r = parse(mentions[0].split('\t'));
    expect(r).toMatchObject({ kind: 'mention', value: { globalEventId: '613300832', eventTime: '20170101073000', mentionTime: '20170101073000', sourceName: 'chinatopix.com', sentenceId: 7, confidence: 100 } });
  });
  it('reports a bad mention field', () => {
    const f = mentions[0].split('\t');
    f[11] = 'high';
    expect(parse(f)).toMatchObject({ kind: 'error', message: expect.stringMatching(/Confidence/) });
  });
});
