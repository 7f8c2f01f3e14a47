import { describe, expect, it } from 'vitest';
import { matchActors, roleOfNoun, roleNouns } from './index.js';

type Want = { text: string; kind?: string; has?: string; role?: string; partial?: boolean; possessive?: boolean };

// Each text → exactly the matches listed, in order (text, and where given kind, a
// candidate, role, partial/possessive flags).
const cases: [string, Want[]][] = [
  ["Russia's armed forces shelled Kharkiv while South Korea's foreign ministry protested.", [
    { text: "Russia's armed forces", kind: 'role-phrase', has: 'RUS', role: 'MIL' },
    { text: 'Kharkiv', kind: 'place', has: 'UKR' },
    { text: "South Korea's foreign ministry", kind: 'role-phrase', has: 'KOR', role: 'GOV' },
  ]],
  ['The members of the Security Council and the army of Sudan met the vice-president of Iran and the President of Ukraine.', [
    { text: 'members of the Security Council', kind: 'role-phrase', has: 'UNSC' },
    { text: 'army of Sudan', kind: 'role-phrase', has: 'SDN', role: 'MIL' },
    { text: 'Iran', kind: 'state', has: 'IRN' },
    { text: 'Ukraine', kind: 'state', has: 'UKR' },
  ]],
  ['Senior U.S. officials met their Chinese counterparts in Beijing.', [
    { text: 'U.S. officials', role: 'GOV', has: 'USA' },
    { text: 'Chinese counterparts', role: 'GOV', has: 'CHN' },
    { text: 'Beijing', kind: 'capital', has: 'CHN' },
  ]],
  ['the Russian military officials said; Russian government troops moved.', [
    { text: 'Russian military officials', role: 'MIL' },
    { text: 'Russian government troops', role: 'MIL' },
  ]],
  ['The North Korean army and South Korean officials.', [
    { text: 'North Korean army', role: 'MIL', has: 'PRK' },
    { text: 'South Korean officials', role: 'GOV', has: 'KOR' },
  ]],
  ['North Koreans and South Korean and North Korean.', [
    { text: 'North Koreans', has: 'PRK' },
    { text: 'South Korean', kind: 'adjective', has: 'KOR' },
    { text: 'North Korean', kind: 'adjective', has: 'PRK' },
  ]],
  ["Kim Jong-un's envoy met Putin and Kim Jong Un.", [
    { text: 'Kim Jong-un', kind: 'person', has: 'kim-jong-un', possessive: true },
    { text: 'Putin', kind: 'person', has: 'vladimir-putin', partial: true },
    { text: 'Kim Jong Un', kind: 'person', has: 'kim-jong-un' },
  ]],
  ['Kim met Moon at Panmunjom. The Moon rose over Seoul.', [
    { text: 'Kim', partial: true, has: 'kim-jong-un' },
    { text: 'Moon', partial: true, has: 'moon-jae-in' },
    { text: 'Seoul', has: 'KOR' },
  ]],
  ['NATO and Nato allies, the UN Security Council and the General Assembly.', [
    { text: 'NATO', kind: 'igo', has: 'NATO' },
    { text: 'Nato', kind: 'igo', has: 'NATO' },
    { text: 'UN Security Council', has: 'UNSC' },
    { text: 'General Assembly', has: 'UNGA' },
  ]],
  ['The Washington Post reported that Washington would respond.', [
    { text: 'The Washington Post', kind: 'media' },
    { text: 'Washington', kind: 'capital', has: 'USA' },
  ]],
  ['The West Bank and the West; Western Europe and Western officials.', [
    { text: 'West Bank', has: 'PSE' },
    { text: 'the West', kind: 'collective', has: 'WST' },
    { text: 'Western officials', role: 'GOV', has: 'WST' },
  ]],
  ['The U.S. Forces Korea, the ROK Army and the Korean People’s Army.', [
    { text: 'U.S. Forces Korea', kind: 'force', has: 'usfk' },
    { text: 'ROK Army', role: 'MIL', has: 'KOR' },
    { text: 'Korean People’s Army', kind: 'force', has: 'kpa' },
  ]],
  ['KCNA reported it. Yonhap said so. Reuters reported.', [
    { text: 'KCNA', kind: 'media' }, { text: 'Yonhap', kind: 'media' }, { text: 'Reuters', kind: 'media' },
  ]],
  ['The Soviet Union and the Kremlin; Soviet troops in 1945.', [
    { text: 'Soviet Union', has: 'SUN' }, { text: 'the Kremlin', role: 'GOV' }, { text: 'Soviet troops', role: 'MIL', has: 'SUN' },
  ]],
  ['President Putin met Sergei Viktorovich Lavrov. Trump Administration officials agreed.', [
    { text: 'Putin', partial: true, has: 'vladimir-putin' },
    { text: 'Lavrov', partial: true, has: 'sergey-lavrov' },
    { text: 'Trump', partial: true, has: 'donald-trump' },
  ]],
  ['Two US aircraft carriers, the USS Carl Vinson and HMS Queen Elizabeth, and Gen Syrskyi.', [
    { text: 'US aircraft carriers', role: 'MIL', has: 'USA' },
    { text: 'USS Carl Vinson', role: 'MIL', has: 'USA' },
    { text: 'HMS Queen Elizabeth', role: 'MIL', has: 'GBR' },
    { text: 'Syrskyi', partial: true, has: 'oleksandr-syrskyi' },
  ]],
  // must not: a surname inside another person's name, "the Moon", group nouns after U.S.
  ['Kim Song Nam and Hyon Chun Ok met Hunter Biden under the Moon.', []],
  ['Kim Yo Jong said so.', [{ text: 'Kim Yo Jong', kind: 'person', has: 'kim-yo-jong' }]],
  ['Crowds filled Kim Il Sung Square and Kim Il SungSquare.', []],
  ['The National Security Council met; the Russian Security Council too. Diet and the Diet.', [
    { text: 'Russian Security Council', role: 'GOV', has: 'RUS' },
    { text: 'the Diet', kind: 'force', has: 'diet' },
  ]],
  ["Moscow's forces and Washington officials met Pentagon officials.", [
    { text: "Moscow's forces", kind: 'role-phrase', role: 'MIL', has: 'RUS' },
    { text: 'Washington officials', kind: 'role-phrase', role: 'GOV', has: 'USA' },
    { text: 'Pentagon', kind: 'capital', role: 'MIL', has: 'USA' },
  ]],
  ['Governors of 12 U.S. states met.', [{ text: 'U.S.', kind: 'state' }]],
  ['The National Democratic Congress of Ghana', [{ text: 'Ghana', has: 'GHA' }]],
  // must not
  ['The Koreas held talks; let us go. china and CHINA-made goods in china shops.', [{ text: 'CHINA' }]],
  ['Pyongyang Times said Pyongyang will retaliate.', [{ text: 'Pyongyang', kind: 'capital' }]],
  ['Chad Smith visited Chad. Georgia Tech beat the turkey.', [{ text: 'Chad', has: 'TCD' }]],
  ['Latin American leaders sailed the South China Sea to the west of the island.', []],
  ['Western Europe and western flank; the West Coast.', []],
];

describe('matchActors', () => {
  it.each(cases)('%s', (text, want) => {
    const got = matchActors(text);
    expect(got.map((m) => m.text)).toEqual(want.map((w) => w.text));
    got.forEach((m, i) => {
      const w = want[i];
      expect(text.slice(m.start, m.end)).toBe(m.text);
      if (w.kind) expect(m.kind).toBe(w.kind);
      if (w.has) expect(m.candidates).toContain(w.has);
      if (w.role) expect(m.role).toBe(w.role);
      expect(!!m.partial).toBe(!!w.partial);
      expect(!!m.possessive).toBe(!!w.possessive);
    });
  });

  it('gives UTF-16 offsets after astral characters', () => {
    const text = '😀 Russian soldiers';
    const [m] = matchActors(text);
    expect(m.start).toBe(3);
    expect(text.slice(m.start, m.end)).toBe('Russian soldiers');
  });

  it('matches nothing in empty or punctuation-only text', () => {
    expect(matchActors('')).toEqual([]);
    expect(matchActors(' .,;-- ')).toEqual([]);
  });
});

describe('role nouns', () => {
  it('are exported with their roles', () => {
    expect(roleNouns().length).toBeGreaterThan(50);
    expect(roleOfNoun('armed forces')).toBe('MIL');
    expect(roleOfNoun('Army')).toBe('MIL');
    expect(roleOfNoun('officials')).toBe('GOV');
    expect(roleOfNoun('nations')).toBeNull();
    expect(roleOfNoun('senior')).toBeUndefined();
    expect(roleOfNoun('bananas')).toBeUndefined();
  });
});
