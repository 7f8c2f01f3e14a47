// ICEWS importer: the Dataverse event table (tab-separated, header row). Source and
// target countries (or, for organisations, their names) map to registry actors, sectors
// to roles, CAMEO codes to PLOVER. ICEWS dates are event dates, day granularity.
import type { Readable } from 'node:stream';
import type { DatasetEventInput } from '../../domain/event.js';
import { cameoToPlover } from '../../domain/cameo.js';
import { EntenteError } from '../../domain/errors.js';
import { readLines } from './line-reader.js';
import { codeForName } from './actor-codes.js';
import { fail, guard, isoDay, num, optNum, type ParsedRow } from './rows.js';
import { PUBLIC_STATEMENT } from './gdelt.js';

const COLUMNS = ['Event ID', 'Event Date', 'Source Name', 'Source Sectors', 'Source Country', 'Event Text', 'CAMEO Code',
  'Intensity', 'Target Name', 'Target Sectors', 'Target Country', 'Story ID', 'Sentence Number', 'Publisher', 'City',
  'District', 'Province', 'Country', 'Latitude', 'Longitude'] as const;
type Col = (typeof COLUMNS)[number];

// ICEWS sector names → spec roles, checked in this order (a sector list often names several:
// "Government,Marines,...,Military" is a military actor; "Opposition ... (Out Of Government)" is not government).
const SECTOR_ROLES: Array<[RegExp, string]> = [
  [/Military|Marines|Army|Navy|Air Force/, 'MIL'],
  [/Rebel|Insurgent/, 'REB'],
  [/International Government Organization/, 'IGO'],
  [/Nongovernmental/, 'NGO'],
  [/Opposition|Dissident|Protestors/, 'OPP'],
  [/Government|Executive|Legislative|Judicial|Police|Cabinet|Ministry/, 'GOV'],
  [/Media|News/, 'MED'],
  [/Business/, 'BUS'],
  [/General Population|Civilian/, 'CVL'],
];

export function sectorRole(sectors: string): string | null {
  if (!sectors || sectors === 'NA') return null;
  for (const [re, role] of SECTOR_ROLES) if (re.test(sectors)) return role;
  return null;
}

const na = (v: string | undefined) => (v === undefined || v === '' || v === 'NA' ? null : v);

/** The registry actor of an ICEWS actor: its country, or (no country) the organisation it names. */
export function icewsActor(name: string, country: string): string | null {
  const c = na(country);
  if (c) return codeForName(c);
  const n = na(name);
  return n ? codeForName(n) : null;
}

export function icewsEvent(get: (c: Col) => string, line: number): ParsedRow {
  const id = get('Event ID');
  if (!/^\d+$/.test(id)) fail(`Event ID: "${id.slice(0, 40)}" is not a number`);
  const date = isoDay(get('Event Date'), 'Event Date');
  const code = get('CAMEO Code');
  if (!/^\d{2,4}$/.test(code)) fail(`CAMEO Code: "${code.slice(0, 40)}" is not a CAMEO code`);
  const intensityValue = num(get('Intensity'), 'Intensity');
  const lat = na(get('Latitude')) === null ? null : optNum(get('Latitude'), 'Latitude');
  const lon = na(get('Longitude')) === null ? null : optNum(get('Longitude'), 'Longitude');
  const plover = cameoToPlover(code);
  if (!plover) return { line, kind: 'skip', reason: code.startsWith('01') ? PUBLIC_STATEMENT : 'CAMEO code has no PLOVER type' };
  const source = icewsActor(get('Source Name'), get('Source Country'));
  const target = icewsActor(get('Target Name'), get('Target Country'));
  const place = [get('City'), get('Province'), get('Country')].map(na).filter(Boolean).join(', ');
  const side = (n: Col, s: Col, c: Col) => ({ name: get(n), sectors: na(get(s)), country: na(get(c)), role: sectorRole(get(s)) });
  const attrs: Record<string, unknown> = {
    cameo: code, eventText: get('Event Text'), intensity: intensityValue,
    source: side('Source Name', 'Source Sectors', 'Source Country'),
    target: side('Target Name', 'Target Sectors', 'Target Country'),
    storyId: na(get('Story ID')), sentence: na(get('Sentence Number')), publisher: na(get('Publisher')),
  };
  if (plover.context) attrs.context = plover.context;
  const ev: DatasetEventInput = {
    origin: 'icews',
    externalId: id,
    type: plover.type,
    mode: plover.mode,
    sources: source ? [source] : [],
    targets: target ? [target] : [],
    date: { start: date, end: date, granularity: 'day' },
    dateKind: 'event',
    modality: 'asserted',
    mentionCount: 1,
    reportedAt: null,
    location: place || lat !== null ? { name: place || null, country: na(get('Country')) ? codeForName(get('Country')) : null, lat, lon } : null,
    sourceUrl: null,
    attrs,
  };
  return { line, kind: 'event', value: ev };
}

export async function* parseIcews(stream: Readable): AsyncGenerator<ParsedRow[]> {
  let index: Map<string, number> | null = null;
  let width = 0;
  for await (const chunk of readLines(stream)) {
    const out: ParsedRow[] = [];
    for (let i = 0; i < chunk.lines.length; i++) {
      const text = chunk.lines[i];
      if (!text) continue;
      const line = chunk.first + i;
      const f = text.split('\t');
      if (!index) {
        const missing = COLUMNS.filter((c) => !f.includes(c));
        if (missing.length) {
          const named = missing.slice(0, 3).map((m) => `"${m}"`).join(', ') + (missing.length > 3 ? ` and ${missing.length - 3} more` : '');
          throw new EntenteError('BAD_FORMAT', `line ${line}: not an ICEWS event table (no column ${named})`);
        }
        index = new Map(f.map((c, k) => [c, k]));
        width = f.length;
        continue;
      }
      const idx = index;
      out.push(guard(line, () => {
        if (f.length !== width) fail(`expected ${width} columns, found ${f.length}${chunk.unterminated && i === chunk.lines.length - 1 ? ' (last line cut off)' : ''}`);
        return icewsEvent((c) => f[idx.get(c)!], line);
      }));
    }
    yield out;
  }
}
