// End to end over a real SQLite store: every sample file of ../shared/data for these
// kinds, idempotency, the broken GDELT file with and without strict, zip = plain file,
// GDELT mentions, COW memberships, and dataset events in the store's queries.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeZip } from '../../../test/zip.js';
import Database from 'better-sqlite3';
import { sharedDir } from '../../../test/cli.js';
import { openSqliteStore } from '../../store/sqlite/index.js';
import type { Store } from '../../store/store.js';
import type { CheckStore } from '../../store/check-store.js';
import { APPEAL_SKIPPED, importDataset, isDatasetStore, type DatasetKind, type DatasetStore } from './index.js';
import { EntenteError } from '../../domain/errors.js';
import { SAME_EVENT } from './gdelt.js';

const data = (p: string) => join(sharedDir, 'data', p);
const work = mkdtempSync(join(tmpdir(), 'entente-import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let n = 0;
let store: Store & DatasetStore;
let dbFile: string;
async function freshStore(): Promise<Store & DatasetStore> {
  dbFile = join(work, `t${n++}.db`);
  const s = await openSqliteStore(dbFile);
  if (!isDatasetStore(s)) throw new Error('the SQLite store lacks the dataset part');
  return s;
}
beforeEach(async () => {
  store = await freshStore();
  return () => store.close();
});

const lines = (p: string) => readFileSync(p, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t'));
/** Rows of GDELT event files whose CAMEO code is a 01x public statement (skipped by design). */
const statements = (p: string) => lines(p).filter((f) => f.length !== 16 && f[26].startsWith('01')).length;

function sql<T>(q: string, ...args: unknown[]): T[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare(q).all(...args) as T[];
  } finally {
    db.close();
  }
}

describe('every sample imports cleanly, and twice adds nothing', () => {
  const gdelt = [
    ['gdelt-v2-events/20191024143000.export.CSV', 2111],
    ['gdelt-v2-events/20170101073000.export.CSV', 720],
    ['gdelt-v1-events/reed9999-gdelt-demo.sample_events.csv', 710],
    ['gdelt-samples-aamend/events.csv', 100],
    ['gdelt-samples-aamend/eventsT.csv', 100],
    ['gdelt-samples-aamend/events1.csv', 100],
  ] as const;
  it.each(gdelt)('gdelt %s (%i rows)', async (file, rows) => {
    const skipped = statements(data(file));
    expect(skipped).toBeGreaterThan(0);
    const first = await importDataset(store, 'gdelt', [data(file)]);
    expect(first).toMatchObject({ read: rows, imported: rows - skipped, unchanged: 0, skipped, errorCount: 0 });
    const second = await importDataset(store, 'gdelt', [data(file)]);
    expect(second).toMatchObject({ read: rows, imported: 0, unchanged: rows - skipped, skipped, errorCount: 0 });
    expect(sql<{ n: number }>("SELECT count(*) AS n FROM events WHERE origin = 'gdelt'")[0].n).toBe(rows - skipped);
  });

  it.each([
    ['gdelt-v2-mentions/20170101073000.mentions.CSV', 1983],
    ['gdelt-samples-aamend/mentions.csv', 100],
    ['gdelt-samples-aamend/mentionsT.csv', 100],
  ] as const)('gdelt mentions %s (%i rows)', async (file, rows) => {
    expect(await importDataset(store, 'gdelt', [data(file)])).toMatchObject({ read: rows, imported: rows, skipped: 0, errorCount: 0 });
    expect(await importDataset(store, 'gdelt', [data(file)])).toMatchObject({ read: rows, imported: 0, unchanged: rows, errorCount: 0 });
    expect(sql<{ n: number }>('SELECT count(*) AS n FROM gdelt_mentions')[0].n).toBe(rows);
  });

  // Row counts from ../shared/data/PROVENANCE.md; skips counted from the files' own codes.
  const other: Array<[DatasetKind, string, number, number, number?]> = [
    // ICEWS: 610 rows carry a CAMEO 01x code.
    ['icews', 'icews/events.2018.sample.tab', 3705, 610],
    // ACLED: 113 "Change to group/activity" and 44 "Other" strategic developments have no PLOVER type;
    // the last row is cut off after "Civilians (" and padded with empty columns: one error.
    ['acled', 'acled/acled.RPanlilio.2020-05.csv', 5071, 157, 1],
    // SIPRI: 27,953 data lines = 27,951 deals, two of them split over two lines by a line break in Comments.
    ['sipri', 'sipri/trade-register.csv', 27951, 0],
    // COW: 243 states rows (the file's last line has no line end, so `wc -l` says 243 lines with the header).
    ['cow-states', 'cow/states2016.csv', 243, 0],
  ];
  it.each(other)('%s %s', async (kind, file, rows, skipped, errorCount = 0) => {
    if (kind === 'icews') expect(lines(data(file)).filter((f) => f[6].startsWith('01')).length).toBe(skipped);
    const first = await importDataset(store, kind, [data(file)]);
    expect(first).toMatchObject({ read: rows, imported: rows - skipped - errorCount, unchanged: 0, skipped, errorCount });
    const second = await importDataset(store, kind, [data(file)]);
    expect(second).toMatchObject({ read: rows, imported: 0, unchanged: rows - skipped - errorCount, skipped, errorCount });
    if (kind === 'acled') expect(first.errors).toEqual([{ file: 'acled.RPanlilio.2020-05.csv', line: 5072, message: expect.stringMatching(/^row cut off: nothing after actor2 \("Civilians \("\)/) }]);
  }, 120_000);
});

describe('the broken GDELT file', () => {
  const broken = data('bad-input/gdelt-v2-broken.export.CSV');
  it('reports lines 11, 12, 13 and 21 and imports the good rows', async () => {
    const r = await importDataset(store, 'gdelt', [broken]);
    // 16 good rows: 14 imported, 2 public statements (lines 17, 18) skipped; line 14 repeats line 1.
    expect(r).toMatchObject({ read: 21, imported: 14, unchanged: 1, skipped: 2, errorCount: 4 });
    expect(r.errors.map((e) => e.line)).toEqual([11, 12, 13, 21]);
    expect(r.errors[0].message).toMatch(/GoldsteinScale/);
    expect(r.errors[3].message).toMatch(/cut off/);
    expect(await importDataset(store, 'gdelt', [broken])).toMatchObject({ read: 21, imported: 0, unchanged: 15, errorCount: 4 });
  });
  it('with strict stops at line 11, keeping the rows before it', async () => {
    const e = await importDataset(store, 'gdelt', [broken], { strict: true }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(EntenteError);
    expect((e as EntenteError).code).toBe('BAD_INPUT');
    expect((e as EntenteError).details).toMatchObject({ line: 11 });
    expect(sql<{ n: number }>('SELECT count(*) AS n FROM events')[0].n).toBe(10);
  });
  it('one bad file does not stop the next', async () => {
    const notGdelt = data('gdelt-samples-aamend/gkg1.csv');
    const r = await importDataset(store, 'gdelt', [notGdelt, data('gdelt-samples-aamend/events.csv')]);
    expect(r.files).toHaveLength(2);
    expect(r.errorCount).toBeGreaterThan(0);
    expect(r.errors.every((x) => x.file === 'gkg1.csv')).toBe(true);
    expect(r.imported).toBe(100 - statements(data('gdelt-samples-aamend/events.csv')));
  });
});


describe('zip archives', () => {
  it('report a broken archive as one error and go on with the next file', async () => {
    const bad = join(work, 'broken.zip');
    writeFileSync(bad, readFileSync(data('bad-input/random.bin')));
    const r = await importDataset(store, 'gdelt', [bad, data('gdelt-samples-aamend/events.csv')]);
    expect(r.errorCount).toBe(1);
    expect(r.errors[0]).toMatchObject({ file: 'broken.zip', line: 0, message: expect.stringMatching(/not a readable zip/) });
    expect(r.imported).toBe(100 - statements(data('gdelt-samples-aamend/events.csv')));
  });

  it('import the same as the plain files', async () => {
    const events = data('gdelt-v2-events/20170101073000.export.CSV');
    const mentions = data('gdelt-v2-mentions/20170101073000.mentions.CSV');
    const zip = join(work, 'sample.zip');
    writeFileSync(zip, makeZip([{ name: 'a.export.CSV', data: readFileSync(events) }, { name: 'b.mentions.CSV', data: readFileSync(mentions) }]));
    const fromZip = await importDataset(store, 'gdelt', [zip]);
    const zipRows = sql('SELECT origin, external_id, type, mode, sources, targets, date_start, mention_count, attrs FROM events ORDER BY external_id');
    const zipMentions = sql('SELECT * FROM gdelt_mentions ORDER BY 1, 2, 3, 4, 5, 6, 7');
    await store.close();
    store = await freshStore();
    const plain = await importDataset(store, 'gdelt', [events, mentions]);
    expect(fromZip.files).toEqual([`${zip}:a.export.CSV`, `${zip}:b.mentions.CSV`]);
    expect({ ...fromZip, files: [] }).toEqual({ ...plain, files: [] });
    expect(sql('SELECT origin, external_id, type, mode, sources, targets, date_start, mention_count, attrs FROM events ORDER BY external_id')).toEqual(zipRows);
    expect(sql('SELECT * FROM gdelt_mentions ORDER BY 1, 2, 3, 4, 5, 6, 7')).toEqual(zipMentions);
    expect(zipRows.length).toBe(720 - statements(events));
  });
});

describe('GDELT mentions and the event mention count', () => {
  const eventsFile = data('gdelt-v2-events/20170101073000.export.CSV');
  const mentionsFile = data('gdelt-v2-mentions/20170101073000.mentions.CSV');
  const rows = lines(eventsFile).filter((f) => !f[26].startsWith('01'));
  const target = rows[0];
  const later = join(work, 'later.mentions.CSV');
  // Two later mentions of one event (after its first 15-minute window) and one in it.
  writeFileSync(later, [
    [target[0], '20170101073000', '20170101081500', '1', 'example.org', 'http://example.org/a', '3', '-1', '-1', '10', '1', '50', '900', '-2.5', '', ''],
    [target[0], '20170101073000', '20170101090000', '1', 'example.org', 'http://example.org/b', '1', '-1', '-1', '10', '1', '50', '900', '-2.5', '', ''],
    [target[0], '20170101073000', '20170101073000', '1', 'example.org', 'http://example.org/c', '1', '-1', '-1', '10', '1', '50', '900', '-2.5', '', ''],
  ].map((f) => f.join('\t')).join('\n') + '\n');
  const count = () => sql<{ mention_count: number; last_reported: string }>("SELECT mention_count, last_reported FROM events WHERE origin = 'gdelt' AND external_id = ?", target[0])[0];

  it('gives every event the same mention count and last report whichever file is imported first', async () => {
    const q = "SELECT external_id, mention_count, first_reported, last_reported FROM events WHERE origin = 'gdelt' ORDER BY external_id";
    await importDataset(store, 'gdelt', [eventsFile, mentionsFile, later]);
    const eventsFirst = sql(q);
    await store.close();
    store = await freshStore();
    await importDataset(store, 'gdelt', [later, mentionsFile, eventsFile]);
    const mentionsFirst = sql(q);
    expect(mentionsFirst).toEqual(eventsFirst);
    // The sample's own mentions fall in each event's first window; `later` reports one event again.
    expect(eventsFirst.some((r) => (r as { last_reported: string; first_reported: string }).last_reported > (r as { first_reported: string }).first_reported)).toBe(true);
  });

  it('counts later mentions once, in either order of import', async () => {
    await importDataset(store, 'gdelt', [eventsFile, later]);
    expect(count()).toEqual({ mention_count: Number(target[31]) + 2, last_reported: '2017-01-01T09:00:00Z' });
    await importDataset(store, 'gdelt', [later, eventsFile]);
    expect(count().mention_count).toBe(Number(target[31]) + 2);
    await store.close();
    store = await freshStore();
    await importDataset(store, 'gdelt', [later, eventsFile]);
    expect(count().mention_count).toBe(Number(target[31]) + 2);
  });
});

describe('dataset events in the store queries', () => {
  it('RUS with PRK finds ICEWS events; PRK with USA finds GDELT ones; origins filter', async () => {
    await importDataset(store, 'gdelt', [data('gdelt-v2-events')]);
    await importDataset(store, 'icews', [data('icews/events.2018.sample.tab')]);
    const rusPrk = await store.listEvents({ actor: 'RUS', with: 'PRK' }, { limit: 1000 });
    expect(rusPrk.rows.length).toBeGreaterThan(0);
    expect(new Set(rusPrk.rows.map((e) => e.origin))).toEqual(new Set(['icews']));
    for (const e of rusPrk.rows) expect([...e.sources, ...e.targets]).toEqual(expect.arrayContaining(['RUS', 'PRK']));
    const prkUsa = await store.listEvents({ actor: 'PRK', with: 'USA' }, { limit: 1000 });
    expect(prkUsa.rows.some((e) => e.origin === 'gdelt' && e.dateKind === 'report')).toBe(true);
    const onlyGdelt = await store.listEvents({ actor: 'PRK', origin: ['gdelt'] }, { limit: 1000 });
    expect(onlyGdelt.rows.every((e) => e.origin === 'gdelt')).toBe(true);
  });

  it('SIPRI deals are AID/arms events from supplier to recipient', async () => {
    await importDataset(store, 'sipri', [data('sipri/trade-register.csv')]);
    const r = await store.listEvents({ actor: 'SUN', with: 'PRK', type: ['AID'] }, { limit: 1000 });
    expect(r.rows.length).toBeGreaterThan(10);
    expect(r.rows.every((e) => e.origin === 'sipri' && e.mode === 'arms' && e.sources.includes('SUN') && e.targets.includes('PRK'))).toBe(true);
  }, 120_000);

  it('COW states enrich registry actors with codes and membership periods', async () => {
    await importDataset(store, 'cow-states', [data('cow/states2016.csv')]);
    const m = sql<{ code: string; system_code: string; start: string; end: string }>(
      "SELECT code, system_code, start, end FROM actor_memberships WHERE code IN ('RUS', 'PRK', 'KOR', 'UKR', 'KRE') ORDER BY code");
    expect(m).toEqual([
      { code: 'KOR', system_code: '732', start: '1949-06-29', end: '2016-12-31' },
      { code: 'KRE', system_code: '730', start: '1887-01-01', end: '1905-11-17' },
      { code: 'PRK', system_code: '731', start: '1948-09-09', end: '2016-12-31' },
      { code: 'RUS', system_code: '365', start: '1816-01-01', end: '2016-12-31' },
      { code: 'UKR', system_code: '369', start: '1991-12-26', end: '2016-12-31' },
    ]);
    expect(sql("SELECT cow_code, cow_abb FROM actors WHERE code = 'KOR'")).toEqual([{ cow_code: 732, cow_abb: 'ROK' }]);
  });

  it('COW states with several spells keep every spell, and the actor the current code and name, in any row order', async () => {
    const rows = readFileSync(data('cow/states2016.csv'), 'utf8').split('\n');
    const reversed = join(work, 'states-reversed.csv');
    writeFileSync(reversed, [rows[0], ...rows.slice(1).filter(Boolean).reverse()].join('\n'));
    for (const file of [data('cow/states2016.csv'), reversed]) {
      await store.close();
      store = await freshStore();
      await importDataset(store, 'cow-states', [file]);
      expect(sql("SELECT system_code, start FROM actor_memberships WHERE code = 'DEU' ORDER BY start")).toEqual([
        { system_code: '255', start: '1816-01-01' }, { system_code: '260', start: '1955-05-05' }, { system_code: '255', start: '1990-10-03' },
      ]);
      expect(sql("SELECT cow_code, cow_abb FROM actors WHERE code = 'DEU'")).toEqual([{ cow_code: 255, cow_abb: 'GMY' }]);
      expect(sql("SELECT name, cow_code, cow_abb FROM actors WHERE code = 'YEM'")).toEqual([{ name: 'Yemen', cow_code: 679, cow_abb: 'YEM' }]);
    }
  });
});

describe('CAMEO 02x appeals', () => {
  const gdelt = data('gdelt-v2-events/20191024143000.export.CSV');
  const icews = data('icews/events.2018.sample.tab');
  const appeals = { gdelt: lines(gdelt).filter((f) => f[26].startsWith('02')).length, icews: lines(icews).filter((f) => f[6].startsWith('02')).length };
  const stored = () => sql<{ n: number }>("SELECT count(*) AS n FROM events WHERE json_extract(attrs, '$.cameo') LIKE '02%'")[0].n;

  it('are REQUEST events by default', async () => {
    expect(appeals.gdelt).toBeGreaterThan(0);
    expect(appeals.icews).toBeGreaterThan(0);
    await importDataset(store, 'gdelt', [gdelt]);
    await importDataset(store, 'icews', [icews]);
    expect(stored()).toBe(appeals.gdelt + appeals.icews);
    expect(sql("SELECT DISTINCT type FROM events WHERE json_extract(attrs, '$.cameo') LIKE '02%'")).toEqual([{ type: 'REQUEST' }]);
  });

  it('are skipped, with their reason, when the switch says so', async () => {
    const g = await importDataset(store, 'gdelt', [gdelt], { cameoAppeals: 'skip' });
    const i = await importDataset(store, 'icews', [icews], { cameoAppeals: 'skip' });
    expect(g.skippedReasons[APPEAL_SKIPPED]).toBe(appeals.gdelt);
    expect(i.skippedReasons[APPEAL_SKIPPED]).toBe(appeals.icews);
    expect(stored()).toBe(0);
  });
});

describe('one GDELT event under two GLOBALEVENTIDs', () => {
  it('is stored once, with both ids, and the rerun changes nothing', async () => {
    const file = data('gdelt-v2-events/20170101073000.export.CSV');
    const rows = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    const k = rows.findIndex((l) => !l.split('\t')[26].startsWith('01'));
    const id = rows[k].split('\t')[0];
    const twin = rows[k].replace(/^\d+/, '999000111');
    const withTwin = join(work, 'twin.export.CSV');
    writeFileSync(withTwin, [...rows.slice(0, k + 1), twin, ...rows.slice(k + 1)].join('\n') + '\n');
    const plain = await importDataset(store, 'gdelt', [file]);
    await store.close();
    store = await freshStore();
    const r = await importDataset(store, 'gdelt', [withTwin]);
    expect(r).toMatchObject({ read: plain.read + 1, imported: plain.imported, skipped: plain.skipped + 1, errorCount: 0 });
    expect(r.skippedReasons[SAME_EVENT]).toBe(1);
    const stored = sql<{ external_id: string; attrs: string }>("SELECT external_id, attrs FROM events WHERE external_id IN (?, '999000111')", id);
    expect(stored.map((e) => [e.external_id, JSON.parse(e.attrs).globalEventIds])).toEqual([[id, [id, '999000111']]]);
    expect(await importDataset(store, 'gdelt', [withTwin])).toMatchObject({ imported: 0, unchanged: plain.imported, skipped: plain.skipped + 1 });
  });
});

describe('an import in bulk (exclusive: several batches per transaction)', () => {
  const files = [
    data('gdelt-v2-mentions/20170101073000.mentions.CSV'),
    data('gdelt-v2-events/20191024143000.export.CSV'),
    data('gdelt-v2-events/20170101073000.export.CSV'),
    data('icews/events.2018.sample.tab'),
  ];
  // Everything an import writes or derives, in a comparable order.
  const state = () => ({
    events: sql('SELECT * FROM events ORDER BY origin, external_id'),
    actors: sql('SELECT a.code, a.role, e.external_id FROM event_actors a JOIN events e ON e.id = a.event_id ORDER BY 1, 3'),
    counts: sql('SELECT * FROM actor_counts ORDER BY code'),
    volume: sql('SELECT * FROM event_volume ORDER BY 1, 2, 3, 4, 5'),
    dyads: sql('SELECT * FROM rollup_dyads WHERE events <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8'),
    actorRollups: sql('SELECT * FROM rollup_actors WHERE events <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7'),
    ties: sql('SELECT * FROM rollup_ties WHERE events <> 0 ORDER BY 1, 2, 3, 4, 5, 6'),
    search: sql("SELECT e.external_id FROM events_fts f JOIN events e ON e.id = f.rowid WHERE events_fts MATCH 'moscow' ORDER BY 1"),
  });

  it('stores and derives exactly what batch-by-batch transactions do, mentions first or last', async () => {
    for (const order of [files, [...files].reverse()]) {
      await importDataset(store, 'gdelt', order.filter((f) => f.includes('gdelt')));
      await importDataset(store, 'icews', [files[3]]);
      const batchByBatch = state();
      await store.close();
      store = await freshStore();
      // 1,000-row batches, 2,500 rows per transaction: a transaction spans batches and files.
      await importDataset(store, 'gdelt', order.filter((f) => f.includes('gdelt')), { exclusive: true, batchSize: 2500 });
      await importDataset(store, 'icews', [files[3]], { exclusive: true, batchSize: 2500 });
      expect(state()).toEqual(batchByBatch);
      expect(batchByBatch.search.length).toBeGreaterThan(0);
      expect((await (store as Store & CheckStore).check()).filter((c) => !c.ok)).toEqual([]);
      await store.close();
      store = await freshStore();
    }
  }, 120_000);

  it('keeps what precedes a failed batch, committed with its derived rows', async () => {
    const events = data('gdelt-v2-events/20191024143000.export.CSV');
    let batches = 0;
    const failing: DatasetStore = {
      ...store,
      inBulk: store.inBulk,
      importGdeltMentions: store.importGdeltMentions,
      upsertStateMemberships: store.upsertStateMemberships,
      importEvents: async (batch) => {
        if (++batches === 2) throw new EntenteError('DB_ERROR', 'the disk is full');
        return store.importEvents(batch);
      },
    };
    const e = await importDataset(failing, 'gdelt', [events], { exclusive: true, batchSize: 5000 }).catch((x: unknown) => x);
    expect((e as EntenteError).code).toBe('DB_ERROR');
    // The first 1,000-row batch was in the open transaction: committed, with its dyad rows and search text.
    expect(sql<{ n: number }>('SELECT count(*) AS n FROM events')[0].n).toBe(1000);
    expect(sql<{ n: number }>('SELECT count(*) AS n FROM events_fts_docsize')[0].n).toBe(1000);
    expect((await (store as Store & CheckStore).check()).filter((c) => !c.ok)).toEqual([]);
  });
});
