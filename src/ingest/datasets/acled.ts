// ACLED importer: the standard export CSV (31 columns, header row). Event and sub-event
// types map to PLOVER through data/acled-plover.tsv (rationale cited there); named state
// forces ("Military Forces of Russia (2000-)") map to their country with role MIL, other
// actors to the event's country (iso3) with their ACLED name kept in attrs.
import type { Readable } from 'node:stream';
import type { DatasetEventInput } from '../../domain/event.js';
import type { DateRange } from '../../domain/mention.js';
import { isPloverType, type PloverType } from '../../domain/plover.js';
import { EntenteError } from '../../domain/errors.js';
import { readCsv } from './csv-rows.js';
import { readTable } from './tables.js';
import { codeForName } from './actor-codes.js';
import { fail, guard, int, optNum, type ParsedRow } from './rows.js';

const REQUIRED = ['event_date', 'year', 'event_type', 'sub_event_type', 'actor1', 'actor2', 'country', 'iso3', 'latitude', 'longitude', 'fatalities'] as const;

let table: Map<string, { type: PloverType; mode: string | null }> | null = null;
function ploverOf(eventType: string, sub: string): { type: PloverType; mode: string | null } | null {
  if (!table) {
    table = new Map();
    for (const r of readTable('acled-plover.tsv')) {
      if (!isPloverType(r.type)) throw new Error(`acled-plover.tsv: bad PLOVER type ${r.type}`);
      table.set(`${r.event_type}\t${r.sub_event_type}`, { type: r.type, mode: r.mode || null });
    }
  }
  return table.get(`${eventType}\t${sub}`) ?? table.get(`${eventType}\t*`) ?? null;
}

const MONTHS: Record<string, string> = { jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12' };

/** ACLED dates: "9-May-20" (the `year` column gives the century), "09 May 2020", "2020-05-09". */
export function acledDate(v: string, year: string): string {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) return check(`${m[1]}-${m[2]}-${m[3]}`, v);
  m = /^(\d{1,2})[- ]([A-Za-z]{3})[A-Za-z]*[- ](\d{2}|\d{4})$/.exec(v);
  const month = m && MONTHS[m[2].toLowerCase()];
  if (!m || !month) return fail(`event_date: "${v.slice(0, 40)}" is not a date (like 9-May-20)`);
  let y = m[3];
  if (y.length === 2) {
    if (!/^\d{4}$/.test(year) || year.slice(2) !== y) fail(`event_date: "${v}" does not match year "${year}"`);
    y = year;
  }
  return check(`${y}-${month}-${m[1].padStart(2, '0')}`, v);
}

function check(iso: string, raw: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) fail(`event_date: "${raw}" is not a valid date`);
  return iso;
}

function shift(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** ACLED time_precision: 1 the day, 2 within the week around it, 3 within its month. */
function dateRange(day: string, precision: string): DateRange {
  if (precision === '2') return { start: shift(day, -3), end: shift(day, 3), granularity: 'range' };
  if (precision === '3') return { start: day.slice(0, 7), end: day.slice(0, 7), granularity: 'month' };
  return { start: day, end: day, granularity: 'day' };
}

// ACLED interaction codes (inter1/inter2) → spec roles (ACLED codebook, "Actor types").
const INTER_ROLE: Record<string, string> = { '1': 'MIL', '2': 'REB', '3': 'REB', '4': 'REB', '5': 'PPL', '6': 'PPL', '7': 'CVL' };

/** A named ACLED actor → registry code and role, or null when it names no state. */
export function acledStateActor(name: string): { code: string; role: string } | null {
  const m = /^(Military|Police) Forces of (?:the )?(.+?) \(\d{4}-(?:\d{4})?\)/.exec(name) ?? /^(Government) of (?:the )?(.+?) \(\d{4}-(?:\d{4})?\)/.exec(name);
  if (!m) return null;
  const code = codeForName(m[2]);
  return code ? { code, role: m[1] === 'Military' ? 'MIL' : 'GOV' } : null;
}

function actorOf(name: string, inter: string, iso3: string): { code: string | null; attrs: Record<string, string> } | null {
  if (!name) return null;
  const state = acledStateActor(name);
  const role = state?.role ?? INTER_ROLE[inter];
  const attrs: Record<string, string> = { name };
  if (role) attrs.role = role;
  return { code: state?.code ?? (iso3 || null), attrs };
}

export function acledEvent(get: (c: string) => string, line: number): ParsedRow {
  const day = acledDate(get('event_date'), get('year'));
  const fatalities = int(get('fatalities') || '0', 'fatalities');
  const lat = optNum(get('latitude'), 'latitude');
  const lon = optNum(get('longitude'), 'longitude');
  const precision = get('geo_precision');
  const iso3 = get('iso3');
  if (iso3 && !/^[A-Z]{3}$/.test(iso3)) fail(`iso3: "${iso3.slice(0, 40)}" is not a country code`);
  const id = get('event_id_cnty') || get('data_id');
  if (!id) fail('event_id_cnty: empty');
  const eventType = get('event_type');
  const sub = get('sub_event_type');
  const plover = ploverOf(eventType, sub);
  if (!plover) return { line, kind: 'skip', reason: `ACLED "${eventType}: ${sub}" has no PLOVER type` };
  const a1 = actorOf(get('actor1'), get('inter1'), iso3);
  const a2 = actorOf(get('actor2'), get('inter2'), iso3);
  const attrs: Record<string, unknown> = {
    eventType, subEventType: sub, fatalities, notes: get('notes') || null,
    source: get('source') || null, sourceScale: get('source_scale') || null,
    interaction: get('interaction') || null, timePrecision: get('time_precision') || null,
  };
  if (a1) attrs.actor1 = { ...a1.attrs, ...(get('assoc_actor_1') ? { associated: get('assoc_actor_1') } : {}) };
  if (a2) attrs.actor2 = { ...a2.attrs, ...(get('assoc_actor_2') ? { associated: get('assoc_actor_2') } : {}) };
  if (get('data_id')) attrs.dataId = get('data_id');
  const place = [get('location'), get('admin2'), get('admin1'), get('country')].filter(Boolean);
  const ev: DatasetEventInput = {
    origin: 'acled',
    externalId: id,
    type: plover.type,
    mode: plover.mode,
    sources: a1?.code ? [a1.code] : [],
    targets: a2?.code ? [a2.code] : [],
    date: dateRange(day, get('time_precision')),
    dateKind: 'event',
    modality: 'asserted',
    mentionCount: 1,
    reportedAt: null,
    location: { name: [...new Set(place)].join(', ') || null, country: iso3 || null, lat, lon, precision: precision ? int(precision, 'geo_precision') : null },
    sourceUrl: null,
    attrs,
  };
  return { line, kind: 'event', value: ev };
}

export async function* parseAcled(stream: Readable): AsyncGenerator<ParsedRow[]> {
  let index: Map<string, number> | null = null;
  let width = 0;
  for await (const records of readCsv(stream)) {
    const out: ParsedRow[] = [];
    for (const { fields, line } of records) {
      if (!index) {
        const missing = REQUIRED.filter((c) => !fields.includes(c));
        if (missing.length) throw new EntenteError('BAD_FORMAT', `line ${line}: not an ACLED export (no column ${missing.join(', ')})`);
        index = new Map(fields.map((c, k) => [c, k]));
        width = fields.length;
        continue;
      }
      const idx = index;
      out.push(guard(line, () => {
        if (fields.length !== width) fail(`expected ${width} columns, found ${fields.length}`);
        // A row cut off in a field and padded with empty columns (the sample export's last row,
        // "Civilians (" then nothing): ACLED always gives a country and coordinates.
        if (['country', 'latitude', 'longitude'].every((c) => !fields[idx.get(c)!]?.trim())) {
          let last = fields.length - 1;
          while (last >= 0 && !fields[last].trim()) last--;
          const name = [...idx].find(([, k]) => k === last)?.[0] ?? 'the first column';
          fail(`row cut off: nothing after ${name}${last >= 0 ? ` ("${fields[last].slice(0, 40)}")` : ''}; country, latitude and longitude are empty`);
        }
        return acledEvent((c) => { const k = idx.get(c); return k === undefined ? '' : fields[k].trim(); }, line);
      }));
    }
    yield out;
  }
}
