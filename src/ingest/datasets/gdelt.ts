// GDELT importer: 2.0 events (61 columns), 1.0 events (57-column historical and 58-column
// daily layouts) and 2.0 mentions (16 columns), told apart per row by column count.
// Layouts: GDELT Event Codebook 2.0 and 1.0, and the Mentions table of the 2.0 codebook.
// GDELT's SQLDATE is the date of the report, so events get dateKind 'report', day granularity.
import type { Readable } from 'node:stream';
import type { DatasetEventInput, GeoPoint } from '../../domain/event.js';
import { cameoToPlover } from '../../domain/cameo.js';
import { readLines } from './line-reader.js';
import { cameoActorCode, cameoRole, fipsToIso3 } from './actor-codes.js';
import { fail, int, num, optNum, ymd, RowProblem, type ParsedRow } from './rows.js';
import type { GdeltMentionInput } from './dataset-store.js';

export const PUBLIC_STATEMENT = 'CAMEO 01x public statement has no PLOVER type';

type Layout = 'v2' | 'v1-daily' | 'v1-historical';
const LAYOUTS: Record<number, Layout> = { 61: 'v2', 58: 'v1-daily', 57: 'v1-historical' };
/** Where the ActionGeo block starts; its lat/long offsets (2.0 adds ADM2Code to each geo block). */
const ACTION_GEO: Record<Layout, { at: number; lat: number; lon: number; feature: number; added: number }> = {
  v2: { at: 51, lat: 56, lon: 57, feature: 58, added: 59 },
  'v1-daily': { at: 49, lat: 53, lon: 54, feature: 55, added: 56 },
  'v1-historical': { at: 49, lat: 53, lon: 54, feature: 55, added: 56 },
};

const ID = /^\d+$/;
const CAMEO = /^\d{2,4}$/;

/**
 * A copy of a string that does not share memory with the line it was cut from. Fields are
 * slices of a whole 1 MB chunk of the file; a slice kept in a cache would keep the chunk alive.
 */
function own(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}

// Actor codes repeat a lot: map each distinct CAMEO actor once. The actor code is the
// concatenation of its country, group and type codes, so it alone keys the cache.
const actorCache = new Map<string, { code: string | null; role: string | null }>();
const NO_ACTOR = { code: null, role: null };
function actor(f: string[], at: number): { code: string | null; role: string | null } {
  const key = f[at];
  if (!key) return NO_ACTOR;
  let hit = actorCache.get(key);
  if (!hit) {
    hit = { code: cameoActorCode(f[at + 2], f[at + 3], f[at + 7]), role: cameoRole(f[at + 7], f[at + 8], f[at + 9]) };
    if (actorCache.size > 50_000) actorCache.clear();
    actorCache.set(own(key), hit);
  }
  return hit;
}

const dayCache = new Map<string, string>();
function day(v: string, field: string): string {
  let d = dayCache.get(v);
  if (!d) {
    d = ymd(v, field);
    if (dayCache.size > 100_000) dayCache.clear();
    d = own(d);
    dayCache.set(own(v), d);
  }
  return d;
}

const timeCache = new Map<string, string>();
function timestamp(v: string, field: string): string {
  let t = timeCache.get(v);
  if (t) return t;
  if (v.length === 14 && ID.test(v)) t = `${day(v.slice(0, 8), field)}T${v.slice(8, 10)}:${v.slice(10, 12)}:${v.slice(12, 14)}Z`;
  else if (v.length === 8) t = day(v, field);
  else return fail(`${field}: "${v.slice(0, 40)}" is not a date (YYYYMMDD or YYYYMMDDHHMMSS)`);
  if (timeCache.size > 100_000) timeCache.clear();
  t = own(t);
  timeCache.set(own(v), t);
  return t;
}

function actorAttrs(f: string[], at: number, role: string | null): Record<string, string> | undefined {
  if (!f[at] && !f[at + 1]) return undefined;
  const a: Record<string, string> = { code: f[at], name: f[at + 1] };
  if (role) a.role = role;
  return a;
}

/** One GDELT event row (already split) → an event, a skip or an error. */
export function gdeltEvent(f: string[], line: number): ParsedRow {
  const layout = LAYOUTS[f.length];
  if (!layout) fail(`expected 61 (GDELT 2.0), 58 or 57 (GDELT 1.0) or 16 (mentions) columns, found ${f.length}`);
  const id = f[0];
  if (!ID.test(id)) fail(`GLOBALEVENTID: "${id.slice(0, 40)}" is not a number`);
  const date = day(f[1], 'SQLDATE');
  const code = f[26];
  if (!CAMEO.test(code)) fail(`EventCode: "${code.slice(0, 40)}" is not a CAMEO code`);
  const goldstein = num(f[30], 'GoldsteinScale');
  const numMentions = int(f[31], 'NumMentions');
  const numSources = int(f[32], 'NumSources');
  const numArticles = int(f[33], 'NumArticles');
  const avgTone = num(f[34], 'AvgTone');
  const quad = int(f[29], 'QuadClass');
  const g = ACTION_GEO[layout];
  const lat = optNum(f[g.lat], 'ActionGeo_Lat');
  const lon = optNum(f[g.lon], 'ActionGeo_Long');
  const reportedAt = timestamp(f[g.added], 'DATEADDED');
  const plover = cameoToPlover(code);
  if (!plover) {
    if (code.startsWith('01')) return { line, kind: 'skip', reason: PUBLIC_STATEMENT };
    return { line, kind: 'skip', reason: 'CAMEO code has no PLOVER type' };
  }
  const a1 = actor(f, 5);
  const a2 = actor(f, 15);
  const geoType = f[g.at];
  // GDELT 1.0 leaves ActionGeo_Type 0 on some rows that still carry a place and coordinates
  // (event 1553309, Moscow): the place is kept, with precision 0 (type unknown).
  const placed = geoType && (geoType !== '0' || !!f[g.at + 1] || lat !== null);
  const location: GeoPoint | null = placed
    ? { name: f[g.at + 1] || null, country: fipsToIso3(f[g.at + 2]), lat, lon, precision: Number(geoType) }
    : null;
  const attrs: Record<string, unknown> = {
    cameo: code, quad, goldstein, numMentions, numSources, numArticles, avgTone,
    isRoot: f[25] === '1', layout,
  };
  if (plover.context) attrs.context = plover.context;
  const x1 = actorAttrs(f, 5, a1.role);
  const x2 = actorAttrs(f, 15, a2.role);
  if (x1) attrs.actor1 = x1;
  if (x2) attrs.actor2 = x2;
  if (location) {
    attrs.actionGeoCountry = f[g.at + 2];
    if (f[g.feature]) attrs.actionGeoFeature = f[g.feature];
  }
  const ev: DatasetEventInput = {
    origin: 'gdelt',
    externalId: id,
    type: plover.type,
    mode: plover.mode,
    sources: a1.code ? [a1.code] : [],
    targets: a2.code ? [a2.code] : [],
    date: { start: date, end: date, granularity: 'day' },
    dateKind: 'report',
    modality: 'asserted',
    mentionCount: numMentions,
    reportedAt,
    location,
    sourceUrl: layout === 'v1-historical' ? null : f[60 - (layout === 'v2' ? 0 : 3)] || null,
    attrs,
  };
  return { line, kind: 'event', value: ev };
}

/** One GDELT 2.0 mentions row → a mention or an error. */
export function gdeltMention(f: string[], line: number): ParsedRow {
  const id = f[0];
  if (!ID.test(id)) fail(`GLOBALEVENTID: "${id.slice(0, 40)}" is not a number`);
  const eventTime = f[1];
  const mentionTime = f[2];
  timestamp(eventTime, 'EventTimeDate');
  timestamp(mentionTime, 'MentionTimeDate');
  if (!f[5]) fail('MentionIdentifier: empty');
  const m: GdeltMentionInput = {
    globalEventId: id,
    eventTime,
    mentionTime,
    mentionType: int(f[3], 'MentionType'),
    sourceName: f[4],
    identifier: f[5],
    sentenceId: int(f[6], 'SentenceID'),
    actor1Offset: int(f[7], 'Actor1CharOffset'),
    actor2Offset: int(f[8], 'Actor2CharOffset'),
    actionOffset: int(f[9], 'ActionCharOffset'),
    inRawText: f[10] === '1',
    confidence: int(f[11], 'Confidence'),
    docLength: int(f[12], 'MentionDocLen'),
    docTone: num(f[13], 'MentionDocTone'),
    translationInfo: f[14] || null,
  };
  return { line, kind: 'mention', value: m };
}

export const SAME_EVENT = 'the same event as an earlier row under another GLOBALEVENTID (linked in its attrs.globalEventIds)';

export async function* parseGdelt(stream: Readable): AsyncGenerator<ParsedRow[]> {
  for await (const chunk of readLines(stream)) {
    const out: ParsedRow[] = [];
    // GDELT sometimes codes one event twice, identical but for GLOBALEVENTID, in adjacent rows:
    // the first row stands for both and lists both ids. Looked for within a chunk (~1 MB of
    // rows), which keeps memory flat; a twin in another chunk or file stays a second event.
    const twins = new Map<string, DatasetEventInput>();
    const last = chunk.lines.length - 1;
    for (let i = 0; i <= last; i++) {
      const text = chunk.lines[i];
      if (!text) continue;
      const line = chunk.first + i;
      const f = text.split('\t');
      try {
        if (f.length === 16) {
          out.push(gdeltMention(f, line));
          continue;
        }
        const content = text.slice(f[0].length + 1);
        const first = twins.get(content);
        if (first && ID.test(f[0]) && f[0] !== first.externalId) {
          const ids = (first.attrs.globalEventIds ??= [first.externalId]) as string[];
          ids.push(f[0]);
          out.push({ line, kind: 'skip', reason: SAME_EVENT });
          continue;
        }
        const row = gdeltEvent(f, line);
        if (row.kind === 'event') twins.set(content, row.value);
        out.push(row);
      } catch (e) {
        if (!(e instanceof RowProblem)) throw e;
        const cut = chunk.unterminated && i === last ? 'last line cut off (no line end): ' : '';
        out.push({ line, kind: 'error', message: cut + e.message });
      }
    }
    yield out;
  }
}
