import { describe, expect, it } from 'vitest';
import { acledDate, acledEvent, acledStateActor } from './acled.js';
import { guard } from './rows.js';

const base: Record<string, string> = {
  data_id: '7079424', iso: '887', event_id_cnty: 'YEM52360', event_date: '9-May-20', year: '2020', time_precision: '1',
  event_type: 'Battles', sub_event_type: 'Armed clash', actor1: 'Military Forces of Yemen (2016-) Supreme Political Council',
  assoc_actor_1: '', inter1: '1', actor2: 'Military Forces of Yemen (2012-)', assoc_actor_2: 'Militia (Pro-Government)', inter2: '1',
  interaction: '11', region: 'Middle East', country: 'Yemen', admin1: 'Sanaa', admin2: 'Nihm', admin3: '', location: 'Al Madid',
  latitude: '15.6445', longitude: '44.4734', geo_precision: '2', source: 'Mareb Press', source_scale: 'National',
  notes: 'On 9 May 2020, clashes erupted.', fatalities: '7', timestamp: '1589229240', iso3: 'YEM',
};
const parse = (changes: Record<string, string> = {}) => guard(3, () => acledEvent((c) => ({ ...base, ...changes })[c] ?? '', 3));

describe('ACLED rows', () => {
  it.each([
    ['9-May-20', '2020', '2020-05-09'], ['27-Apr-20', '2020', '2020-04-27'], ['09 May 2020', '2020', '2020-05-09'], ['2020-05-09', '2020', '2020-05-09'],
  ])('reads the date %s', (v, y, iso) => {
    expect(acledDate(v, y)).toBe(iso);
  });
  it.each([['31-Feb-20'], ['9-Mai-20'], ['9/5/2020']])('rejects the date %s', (v) => {
    expect(() => acledDate(v, '2020')).toThrow(/event_date/);
  });

  it.each([
    ['Military Forces of Russia (2000-)', 'RUS', 'MIL'],
    ['Military Forces of Ukraine (2019-)', 'UKR', 'MIL'],
    ['Police Forces of the Philippines (2016-)', 'PHL', 'GOV'],
    ['Military Forces of Turkey (2016-) Gendarmerie', 'TUR', 'MIL'],
  ])('maps the state force %s', (name, code, role) => {
    expect(acledStateActor(name)).toEqual({ code, role });
  });
  it.each([['NAF: United Armed Forces of Novorossiya'], ['Protesters (Israel)'], ['Military Forces of Artsakh (2007-)']])('must not map %s to a state force', (name) => {
    expect(acledStateActor(name)).toBeNull();
  });

  it('makes an ASSAULT between both actors with fatalities, notes and geo precision', () => {
    const r = parse();
    expect(r).toMatchObject({
      kind: 'event',
      value: {
        origin: 'acled', externalId: 'YEM52360', type: 'ASSAULT', sources: ['YEM'], targets: ['YEM'],
        date: { start: '2020-05-09', end: '2020-05-09', granularity: 'day' },
        location: { country: 'YEM', lat: 15.6445, lon: 44.4734, precision: 2 },
        attrs: { fatalities: 7, notes: 'On 9 May 2020, clashes erupted.', actor1: { role: 'MIL' } },
      },
    });
  });
  it('keeps a non-state actor under the event country, with its name', () => {
    const r = parse({ actor1: 'Protesters (Ukraine)', inter1: '6', actor2: '', iso3: 'UKR', event_type: 'Protests', sub_event_type: 'Peaceful protest' });
    expect(r).toMatchObject({ kind: 'event', value: { type: 'PROTEST', sources: ['UKR'], targets: [], attrs: { actor1: { name: 'Protesters (Ukraine)', role: 'PPL' } } } });
  });
  it.each([
    ['Explosions/Remote violence', 'Air/drone strike', 'ASSAULT', 'aerial'],
    ['Riots', 'Mob violence', 'PROTEST', 'riot'],
    ['Violence against civilians', 'Abduction/forced disappearance', 'ASSAULT', 'abduct'],
    ['Strategic developments', 'Arrests', 'COERCE', 'arrest'],
    ['Strategic developments', 'Agreement', 'AGREE', null],
  ])('types %s / %s as %s', (eventType, sub, type, mode) => {
    expect(parse({ event_type: eventType, sub_event_type: sub })).toMatchObject({ kind: 'event', value: { type, mode } });
  });
  it('skips strategic developments with no PLOVER type', () => {
    expect(parse({ event_type: 'Strategic developments', sub_event_type: 'Other' })).toMatchObject({ kind: 'skip' });
  });
  it('widens week- and month-precise dates', () => {
    expect(parse({ time_precision: '2' })).toMatchObject({ value: { date: { start: '2020-05-06', end: '2020-05-12', granularity: 'range' } } });
    expect(parse({ time_precision: '3' })).toMatchObject({ value: { date: { start: '2020-05', end: '2020-05', granularity: 'month' } } });
  });
  it('reports bad numbers by field', () => {
    expect(parse({ fatalities: 'many' })).toMatchObject({ kind: 'error', message: expect.stringMatching(/fatalities/) });
    expect(parse({ latitude: 'N15' })).toMatchObject({ kind: 'error', message: expect.stringMatching(/latitude/) });
  });
});
