// Correlates of War state system membership (states2016.csv: stateabb, ccode, statenme,
// styear, stmonth, stday, endyear, endmonth, endday, version; some copies carry trailing
// empty fields). Each row is one membership period of a state, attached to its registry actor.
import type { Readable } from 'node:stream';
import { EntenteError } from '../../domain/errors.js';
import { readCsv } from './csv-rows.js';
import { codeForName } from './actor-codes.js';
import { fail, guard, int, type ParsedRow } from './rows.js';

const REQUIRED = ['stateabb', 'ccode', 'statenme', 'styear', 'stmonth', 'stday', 'endyear', 'endmonth', 'endday'] as const;

// COW codes whose name alone would resolve wrongly: COW 730 is the Korea of 1887-1905, not
// South Korea (KOR); COW 365 "Russia" covers the Soviet period too and stays RUS.
const BY_CCODE: Record<number, string> = { 730: 'KRE' };

function day(y: string, m: string, d: string, field: string): string {
  const iso = `${String(int(y, `${field}year`)).padStart(4, '0')}-${String(int(m, `${field}month`)).padStart(2, '0')}-${String(int(d, `${field}day`)).padStart(2, '0')}`;
  const t = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== iso) fail(`${field}year/month/day: ${iso} is not a valid date`);
  return iso;
}

export async function* parseCowStates(stream: Readable): AsyncGenerator<ParsedRow[]> {
  let index: Map<string, number> | null = null;
  for await (const records of readCsv(stream)) {
    const out: ParsedRow[] = [];
    for (const { fields, line } of records) {
      if (!index) {
        const names = fields.map((x) => x.trim());
        const missing = REQUIRED.filter((c) => !names.includes(c));
        if (missing.length) throw new EntenteError('BAD_FORMAT', `line ${line}: not a COW states file (no column ${missing.join(', ')})`);
        index = new Map(names.map((c, k) => [c, k]));
        continue;
      }
      const idx = index;
      const get = (c: string) => (fields[idx.get(c)!] ?? '').trim();
      out.push(guard(line, () => {
        if (fields.length < REQUIRED.length) fail(`expected at least ${REQUIRED.length} columns, found ${fields.length}`);
        const abb = get('stateabb');
        if (!/^[A-Z]{2,3}$/.test(abb)) fail(`stateabb: "${abb.slice(0, 40)}" is not a COW state abbreviation`);
        const ccode = int(get('ccode'), 'ccode');
        const name = get('statenme');
        const code = BY_CCODE[ccode] ?? codeForName(name);
        if (!code) return { line, kind: 'skip', reason: 'COW state with no registry actor' };
        return {
          line,
          kind: 'membership',
          value: { code, name, cowCode: ccode, cowAbb: abb, start: day(get('styear'), get('stmonth'), get('stday'), 'st'), end: day(get('endyear'), get('endmonth'), get('endday'), 'end') },
        };
      }));
    }
    yield out;
  }
}
