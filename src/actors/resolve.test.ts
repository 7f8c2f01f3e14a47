import { describe, expect, it } from 'vitest';
import { getActor, matchActors, personOffice, resolve } from './index.js';

describe('resolve(name, date)', () => {
  const cases: [string, string | null, string | null, string?][] = [
    // text, date, code, role
    ['Moscow', '1950', 'SUN'],
    ['Moscow', '2023', 'RUS'],
    ['Moscow', '1991-12-26', 'RUS'],
    ['Moscow', '1991-12-25', 'SUN'],
    ['the Kremlin', '1985', 'SUN', 'GOV'],
    ['the Kremlin', '2023', 'RUS', 'GOV'],
    ['Soviet', '2023', 'SUN'],
    ['the Soviet Union', '2023', 'SUN'],
    ['the Soviet Union', '1950', 'SUN'],
    ['Kim Jong-un', '2023', 'PRK', 'GOV'],
    ['Kim Jong Un', '2023', 'PRK', 'GOV'],
    ['Kim Il Sung', '1950', 'PRK', 'GOV'],
    ['Kim Il-sung', '1950', 'PRK', 'GOV'],
    ['Yoon Suk Yul', '2023', 'KOR', 'GOV'],
    ['Yoon Suk-yeol', '2023', 'KOR', 'GOV'],
    ['Putin', '2023', 'RUS', 'GOV'],
    ['Putin', null, 'RUS', 'GOV'],
    ['Zelenskyy', '2023', 'UKR', 'GOV'],
    ['Zelenskiy', '2023', 'UKR', 'GOV'],
    ["Chinese People's Volunteer Army", '1951', 'CHN', 'MIL'],
    ["Chinese People’s Volunteer Army", '1951', 'CHN', 'MIL'],
    ['Red Army', '1944', 'SUN', 'MIL'],
    ['South Korean officials', '2023', 'KOR', 'GOV'],
    ['Russian soldiers', '2022', 'RUS', 'MIL'],
    ['the North Korean army', '2023', 'PRK', 'MIL'],
    ['Chinese troops', '1950', 'CHN', 'MIL'],
    ['North Korean', '2023', 'PRK', undefined],
    ['Pyongyang', '2023', 'PRK'],
    ['Seoul', '2023', 'KOR'],
    ['Kyiv', '2023', 'UKR'],
    ['Kiev', '2023', 'UKR'],
    ['the White House', '2023', 'USA', 'GOV'],
    ['the Pentagon', '2023', 'USA', 'MIL'],
    ['Brussels', '2023', 'EU'],
    ['the West', '2023', 'WST'],
    ['Western officials', '2023', 'WST', 'GOV'],
    ['Western allies', '2023', 'WST'],
    ['DPRK', '2023', 'PRK'],
    ['ROK', '2023', 'KOR'],
    ['the U.S.', '2023', 'USA'],
    ['US', '2023', 'USA'],
    ['America', '2023', 'USA'],
    ['Britain', '2023', 'GBR'],
    ['the UK', '2023', 'GBR'],
    ['North Korea', '2023', 'PRK'],
    ['Ukrainians', '2023', 'UKR'],
    ['Israelis', '2023', 'ISR'],
    ['Dominicans', '2023', 'DOM'],
    ['South Korea', '2023', 'KOR'],
    ['KCNA', '2023', 'PRK', 'MED'],
    ['Yonhap', '2023', 'KOR', 'MED'],
    ['Xinhua', '2023', 'CHN', 'MED'],
    // must not
    ['china', '2023', null],
    ['us', '2023', null],
    ['the Koreas', '2023', null],
    ['turkey', '2023', null],
    ['the west of the country', '2023', null],
    ['Western Europe', '2023', null],
    ['the South China Sea', '2023', null],
  ];
  it.each(cases)('%s (%s) → %s %s', (text, date, code, role) => {
    const r = resolve(text, date);
    if (code === null) {
      expect(r).toBeNull();
      return;
    }
    expect(r?.code).toBe(code);
    if (role !== undefined || text === 'North Korean') expect(r?.role).toBe(role);
  });
});

describe('people', () => {
  it('spelling variants are one person', () => {
    const ids = ['Kim Jong-un', 'Kim Jong Un', 'Kim Jong-Un'].map((t) => matchActors(t)[0]?.candidates[0]);
    expect(new Set(ids)).toEqual(new Set(['kim-jong-un']));
  });
  it('out of office keeps the country, marked', () => {
    const r = resolve('Moon Jae-in', '2024');
    expect(r).toMatchObject({ code: 'KOR', inOffice: false });
    expect(resolve('Moon Jae-in', '2019')).toMatchObject({ code: 'KOR', inOffice: true });
  });
  it('personOffice gives the office held at a date', () => {
    expect(personOffice('vladimir-putin', '2010')).toEqual({ code: 'RUS', title: 'Prime Minister' });
    expect(personOffice('vladimir-putin', '1995')).toBeNull();
  });
  it('getActor knows codes', () => {
    expect(getActor('SUN')).toMatchObject({ kind: 'historical-state', from: '1922-12-30' });
    expect(getActor('PRK')).toMatchObject({ kind: 'state', name: 'North Korea' });
    expect(getActor('XXX')).toBeNull();
  });
});
