// A large synthetic event store for benchmarks: `generatedStore(n)` returns the path of a
// SQLite file holding n events (default 1,000,000), built once and cached in bench/.work/.
// Actor pairs, CAMEO codes (mapped to PLOVER), mention counts and days of the year are drawn
// from the real GDELT 1.0/2.0 and ICEWS rows in ../shared/data; years are spread uniformly over
// 1979–2024 because the real samples cover only a few days. Rows go in through the schema's own
// migrations and the store's indexer (event-index.ts), in large transactions. Run directly: `node --import tsx bench/generate-events.ts [N]`.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteDatabase } from '../src/store/sqlite/sqlite-store.js';
import { eventIndexer } from '../src/store/sqlite/event-index.js';
import { cameoToPlover } from '../src/domain/cameo.js';
import { intensity, type PloverType } from '../src/domain/plover.js';
import { seededRng } from '../src/analysis/random.js';

const here = dirname(fileURLToPath(import.meta.url));
export const workDir = join(here, '.work');
const shared = join(here, '..', '..', 'shared', 'data');
/** Bump when the generated content changes, so stale caches are rebuilt. */
const GENERATOR_VERSION = 2;

export interface RealSample {
  dyads: Array<[string, string | null]>;
  codes: string[];
  mentions: number[];
  /** "MM-DD" of real event dates. */
  days: string[];
}

/** Seeded PRNG: the same seed gives the same store. */
export const rng = seededRng;

/** Actor pairs, CAMEO codes, mention counts and days from the real GDELT and ICEWS rows. */
export function realSample(): RealSample {
  const s: RealSample = { dyads: [], codes: [], mentions: [], days: [] };
  const gdeltFiles = [
    ...readdirSync(join(shared, 'gdelt-v2-events')).map((f) => join(shared, 'gdelt-v2-events', f)),
    ...readdirSync(join(shared, 'gdelt-v1-events')).map((f) => join(shared, 'gdelt-v1-events', f)),
    join(shared, 'gdelt-samples-aamend', 'events.csv'),
  ];
  for (const f of gdeltFiles) {
    for (const line of readFileSync(f, 'utf8').split('\n')) {
      const c = line.split('\t');
      if (c.length < 57) continue;
      // Both GDELT versions share the first 35 columns: SQLDATE 1, actor countries 7 and 17, EventCode 26, NumMentions 31.
      const a1 = c[7] || null;
      const a2 = c[17] || null;
      if (a1) s.dyads.push([a1, a2 && a2 !== a1 ? a2 : null]);
      if (/^\d{2,4}$/.test(c[26])) s.codes.push(c[26]);
      if (/^\d+$/.test(c[31])) s.mentions.push(Number(c[31]));
      if (/^\d{8}$/.test(c[1])) s.days.push(`${c[1].slice(4, 6)}-${c[1].slice(6, 8)}`);
    }
  }
  const iso3 = new Map<string, string>();
  for (const line of readFileSync(join(shared, 'icews', 'text_to_CAMEO.countrynames.txt'), 'utf8').split('\n')) {
    const [name, code] = line.split('\t');
    if (name && code && /^[A-Z]{3}$/.test(code)) iso3.set(name, code);
  }
  const icews = readFileSync(join(shared, 'icews', 'events.2018.sample.tab'), 'utf8').split('\n');
  const head = icews[0].split('\t');
  const col = (n: string) => head.indexOf(n);
  for (const line of icews.slice(1)) {
    const c = line.split('\t');
    const a1 = iso3.get(c[col('Source Country')]);
    const a2 = iso3.get(c[col('Target Country')]) ?? null;
    if (a1) s.dyads.push([a1, a2 && a2 !== a1 ? a2 : null]);
    if (/^\d{2,4}$/.test(c[col('CAMEO Code')] ?? '')) s.codes.push(c[col('CAMEO Code')]);
  }
  return s;
}

const MODALITY_MIX: Array<[string, number]> = [['asserted', 0.9], ['speculative', 0.06], ['intended', 0.02], ['negated', 0.01], ['conditional', 0.01]];

export interface SyntheticEvent {
  externalId: string;
  type: PloverType;
  mode: string | null;
  source: string;
  target: string | null;
  day: string;
  modality: string;
  mentions: number;
  cameo: string;
}

/** The n generated events, the same ones for every n-prefix (one seeded stream). */
export function* syntheticEvents(n: number, sample = realSample()): Generator<SyntheticEvent> {
  const types: Array<{ type: PloverType; mode: string | null; code: string }> = [];
  for (const code of sample.codes) {
    const m = cameoToPlover(code);
    if (m) types.push({ type: m.type, mode: m.mode, code });
  }
  const rand = rng(20240619);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const actors = sample.dyads.map((d) => d[0]);
  for (let i = 0; i < n; i++) {
    // Mostly real pairs; a fifth recombines real actors to give the long tail of rarer dyads.
    const [a, real] = pick(sample.dyads);
    let b = rand() < 0.2 ? pick(actors) : real;
    if (b === a) b = null;
    const t = pick(types);
    let day = `${1979 + Math.floor(rand() * 46)}-${pick(sample.days)}`;
    if (Number.isNaN(Date.parse(day))) day = `${day.slice(0, 8)}28`; // Feb 29 in a common year
    let u = rand();
    const modality = MODALITY_MIX.find(([, p]) => (u -= p) < 0)?.[0] ?? 'asserted';
    yield { externalId: `syn-${i}`, type: t.type, mode: t.mode, source: a, target: b, day, modality, mentions: pick(sample.mentions), cameo: t.code };
  }
}

export async function generatedStore(n = 1_000_000, opts: { log?: (s: string) => void } = {}): Promise<string> {
  mkdirSync(workDir, { recursive: true });
  const file = join(workDir, `events-${n}-v${GENERATOR_VERSION}.db`);
  if (existsSync(file)) return file;
  const log = opts.log ?? ((s: string) => console.error(s));
  const tmp = `${file}.building`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  const sample = realSample();
  log(`generating ${n.toLocaleString('en-US')} events from ${sample.dyads.length} real actor pairs and ${sample.codes.length} real CAMEO codes …`);
  const db = openSqliteDatabase(tmp);
  db.pragma('synchronous = OFF');
  const insert = db.prepare(`INSERT INTO events (origin, external_id, type, mode, sources, targets, date_start, date_end, granularity,
      day_first, day_last, date_kind, modality, mention_count, intensity, first_reported, last_reported, attrs)
    VALUES ('gdelt', ?, ?, ?, ?, ?, ?, ?, 'day', ?, ?, 'event', ?, ?, ?, ?, ?, ?)`);
  const index = eventIndexer(db);
  const t0 = performance.now();
  const BATCH = 50_000;
  const events = syntheticEvents(n, sample);
  for (let done = 0; done < n; done += BATCH) {
    db.transaction(() => {
      const before = (db.prepare('SELECT coalesce(max(id), 0) AS id FROM events').get() as { id: number }).id;
      for (let i = done; i < Math.min(n, done + BATCH); i++) {
        const e = events.next().value as SyntheticEvent;
        const day = e.day;
        insert.run(e.externalId, e.type, e.mode, JSON.stringify([e.source]), JSON.stringify(e.target ? [e.target] : []), day, day, day, day, e.modality,
          e.mentions, intensity(e.type, e.mode), day, day, JSON.stringify({ cameo: e.cameo, synthetic: true }));
      }
      index(before);
    })();
    if ((done / BATCH) % 4 === 3) log(`  ${(done + BATCH).toLocaleString('en-US')} events, ${Math.round((performance.now() - t0) / 1000)} s`);
  }
  db.exec('ANALYZE');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(tmp, file);
  for (const f of [`${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  log(`generated ${file} in ${Math.round((performance.now() - t0) / 1000)} s`);
  return file;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const n = Number(process.argv[2] ?? 1_000_000);
  console.log(await generatedStore(n));
}
