import { describe, expect, it } from 'vitest';
import { icewsActor, icewsEvent, sectorRole } from './icews.js';
import { guard } from './rows.js';

const base: Record<string, string> = {
  'Event ID': '32889900', 'Event Date': '2018-06-01', 'Source Name': 'Sergey Lavrov', 'Source Sectors': 'Executive,Foreign Ministry,Government',
  'Source Country': 'Russian Federation', 'Event Text': 'Make a visit', 'CAMEO Code': '042', Intensity: '1.9',
  'Target Name': 'Kim Jong-Un', 'Target Sectors': 'Elite,Executive,Government', 'Target Country': 'North Korea',
  'Story ID': '47400400', 'Sentence Number': '1', Publisher: 'Xinhua', City: 'Pyongyang', District: 'NA', Province: 'Pyongyang',
  Country: 'North Korea', Latitude: '39.0339', Longitude: '125.7543',
};
const parse = (changes: Record<string, string> = {}) => guard(2, () => icewsEvent((c) => ({ ...base, ...changes })[c], 2));

describe('ICEWS rows', () => {
  it('maps countries to actors, CAMEO to PLOVER, and keeps intensity and place', () => {
    expect(parse()).toMatchObject({
      kind: 'event',
      value: {
        origin: 'icews', externalId: '32889900', type: 'CONSULT', sources: ['RUS'], targets: ['PRK'], dateKind: 'event',
        date: { start: '2018-06-01', end: '2018-06-01', granularity: 'day' },
        location: { name: 'Pyongyang, Pyongyang, North Korea', country: 'PRK', lat: 39.0339, lon: 125.7543 },
        attrs: { cameo: '042', intensity: 1.9, source: { name: 'Sergey Lavrov', role: 'GOV' } },
      },
    });
  });
  it.each([
    ['European Union', 'NA', 'EU'], ['United Nations', 'NA', 'UN'], ['Citizen (South Korea)', 'South Korea', 'KOR'],
    ['Unspecified Actor', 'NA', null], ['Al Qaeda', 'NA', null],
  ])('actor %s (%s) → %s', (name, country, code) => {
    expect(icewsActor(name, country)).toBe(code);
  });
  it.each([
    ['Government,Marines,Executive,Defense / Security Ministry,Military', 'MIL'],
    ['Parties,Opposition Major Party (Out Of Government),(National) Major Party', 'OPP'],
    ['Government,Police', 'GOV'],
    ['General Population / Civilian / Social,Social', 'CVL'],
    ['NA', null],
  ])('sectors %s → role %s', (sectors, role) => {
    expect(sectorRole(sectors)).toBe(role);
  });
  it('skips public statements and reports bad fields', () => {
    expect(parse({ 'CAMEO Code': '014' })).toMatchObject({ kind: 'skip' });
    expect(parse({ Intensity: 'high' })).toMatchObject({ kind: 'error', message: expect.stringMatching(/Intensity/) });
    expect(parse({ 'Event Date': '2018-02-30' })).toMatchObject({ kind: 'error', message: expect.stringMatching(/Event Date/) });
  });
});
