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
    ['Soviet', '1950', 'SUN'],
    ['Soviet', '2023', 'RUS'],
    ['Soviet troops', '1979', 'SUN', 'MIL'],
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
    ['Zelensky', '2023', 'UKR', 'GOV'],
    ['Xi Jinping', '2023', 'CHN', 'GOV'],
    ['Xi', '2023', 'CHN', 'GOV'],
    ['Shinzo Abe', '2015', 'JPN', 'GOV'],
    ['Abe', '2015', 'JPN', 'GOV'],
    ['Moon Jae-in', '2019', 'KOR', 'GOV'],
    ['Kim Jong Il', '2000', 'PRK', 'GOV'],
    ['Kim', '1950', 'PRK', 'GOV'],
    ['Stalin', '1950', 'SUN', 'GOV'],
    ['Gorbachev', '1987', 'SUN', 'GOV'],
    ['Yeltsin', '1995', 'RUS', 'GOV'],
    ['Adenauer', '1955', 'DEU', 'GOV'],
    ['Honecker', '1980', 'DDR', 'GOV'],
    ['East Germany', '1980', 'DDR'],
    ['West Germany', '1980', 'DEU'],
    ['Bonn', '1980', 'DEU'],
    ['Yugoslavia', '1980', 'YUG'],
    ['Belgrade', '1980', 'YUG'],
    ['Belgrade', '2010', 'SRB'],
    ['Belgrade', '2004', 'SCG'],
    ['Serbia', '1999', 'YUG'],
    ['Serbian forces', '1999', 'YUG', 'MIL'],
    ['Serbia', '2010', 'SRB'],
    ['Saigon', '1968', 'RVN'],
    ['Russia', '1950', 'SUN'],
    ['Russian troops', '1945', 'SUN', 'MIL'],
    ['Russia', '1900', 'RUS'],
    ['Republic of China', '1945', 'CHN'],
    ['Republic of China', '1960', 'TWN'],
    ['European Economic Community', '1970', 'EU'],
    ['Ban Ki-moon', '2010', 'UN', 'GOV'],
    ['Ban Ki-moon', '2005', 'KOR', 'GOV'],
    ['Lavrov', '2023', 'RUS', 'GOV'],
    ['Choe Son Hui', '2023', 'PRK', 'GOV'],
    ['Blinken', '2023', 'USA', 'GOV'],
    ['Valery Gerasimov', '2025', 'RUS', 'MIL'],
    ['USS Ronald Reagan', '2020', 'USA', 'MIL'],
    ['South Korean intelligence', '2024', 'KOR', 'GOV'],
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
    ['Korea', '1953', 'KOR'],
    ['Soviet Russia', '1953', 'SUN'],
    ['the Chinese Communists', '1953', 'CHN', 'GOV'],
    ['the United States Seventh Fleet', '1953', 'USA', 'MIL'],
    ['KCNA', '2023', 'PRK', 'MED'],
    ['Yonhap', '2023', 'KOR', 'MED'],
    ['Xinhua', '2023', 'CHN', 'MED'],
    // must not ("Georgia" the US state would still be GEO: a documented limit)
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
  it('a surname alone picks whoever held office at the date', () => {
    expect(resolve('Kim', '1950')?.personId).toBe('kim-il-sung');
    expect(resolve('Kim', '2005-06')?.personId).toBe('kim-jong-il');
    expect(resolve('Kim', '2023')?.personId).toBe('kim-jong-un');
    expect(resolve('Clinton', '1995')?.personId).toBe('bill-clinton');
    expect(resolve('Clinton', '2010')?.personId).toBe('hillary-clinton');
    expect(resolve('George Bush', '1990')?.personId).toBe('george-h-w-bush');
    expect(resolve('George Bush', '2005')?.personId).toBe('george-w-bush');
    expect(resolve('Johnson', '1966')?.code).toBe('USA');
    expect(resolve('Johnson', '2020')?.code).toBe('GBR');
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
