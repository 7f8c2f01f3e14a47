// SQLite side of the dataset importers: EventStore.importEvents (one transaction per batch, or
// per many batches inside inBulk; idempotent by (origin, external_id)), GDELT mentions in their
// own table, and COW state membership on registry actors. Statements are prepared once; rows go
// in synchronously.
import type Database from 'better-sqlite3';
import type { EventStore } from '../event-store.js';
import type { Migration } from './migrate.js';
import type { DatasetEventInput } from '../../domain/event.js';
import { intensity } from '../../domain/plover.js';
import { dayBounds } from '../../domain/date-range.js';
import { EntenteError } from '../../domain/errors.js';
import { eventIndexer } from './event-index.js';
import type { DatasetStore, GdeltMentionInput, StateMembershipInput, WriteResult } from '../../ingest/datasets/dataset-store.js';

const schema = `
-- GDELT 2.0 mentions: one article (or broadcast) mentioning one event. Keyed by what tells two
-- mentions apart (the same sentence can hold an event twice, with the actors at other
-- offsets), so importing a file twice adds nothing.
CREATE TABLE gdelt_mentions (
  global_event_id INTEGER NOT NULL,
  mention_time TEXT NOT NULL,
  identifier TEXT NOT NULL,
  sentence_id INTEGER NOT NULL,
  event_time TEXT NOT NULL,
  mention_type INTEGER NOT NULL,
  source_name TEXT NOT NULL,
  actor1_offset INTEGER NOT NULL,
  actor2_offset INTEGER NOT NULL,
  action_offset INTEGER NOT NULL,
  in_raw_text INTEGER NOT NULL,
  confidence INTEGER NOT NULL,
  doc_length INTEGER NOT NULL,
  doc_tone REAL NOT NULL,
  translation_info TEXT,
  PRIMARY KEY (global_event_id, mention_time, identifier, sentence_id, actor1_offset, actor2_offset, action_offset)
) WITHOUT ROWID;

-- Membership of a state system (Correlates of War) by a registry actor, one row per period.
CREATE TABLE actor_memberships (
  code TEXT NOT NULL,
  system TEXT NOT NULL,
  start TEXT NOT NULL,
  end TEXT NOT NULL,
  system_code TEXT NOT NULL,
  system_abb TEXT,
  name TEXT NOT NULL,
  PRIMARY KEY (code, system, start)
) WITHOUT ROWID;
ALTER TABLE actors ADD COLUMN cow_code INTEGER;
ALTER TABLE actors ADD COLUMN cow_abb TEXT;
`;

export const datasetImportMigrations: Migration[] = [{ id: '100-dataset-import', sql: schema }];

/** GDELT's YYYYMMDDHHMMSS as an ISO timestamp. */
function isoTime(t: string): string {
  return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(8, 10)}:${t.slice(10, 12)}:${t.slice(12, 14)}Z`;
}

function dbError(what: string, e: unknown): EntenteError {
  if (e instanceof EntenteError) return e;
  return new EntenteError('DB_ERROR', `${what}: ${(e as Error).message}`);
}

export function datasetImportPart(db: Database.Database): Pick<EventStore, 'importEvents'> & Required<Pick<DatasetStore, 'inBulk'>> & DatasetStore {
  let prepared: ReturnType<typeof prepare> | null = null;
  const stmts = () => (prepared ??= prepare(db));
  // An import in bulk (inBulk): one transaction spans batches until `rows` rows are written; the
  // events inserted since `pendingAfter` (an id) get their derived rows just before the commit,
  // or earlier when a statement would update them (the update triggers expect them tallied).
  let bulk: { rows: number; written: number; pendingAfter: number | null } | null = null;
  const indexPending = () => {
    if (bulk?.pendingAfter != null) stmts().index(bulk.pendingAfter);
    if (bulk) bulk.pendingAfter = null;
  };
  const commitBulk = () => {
    if (!db.inTransaction) return;
    try {
      indexPending();
      db.exec('COMMIT');
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      if (bulk) bulk.pendingAfter = null;
      throw dbError('importing events', e);
    }
  };

  const importEventsTx = (all: DatasetEventInput[]): WriteResult => {
    const s = stmts();
    // Records an editor merged into another event stay merged (rejected ones stay as rows, so the
    // conflict on (origin, external_id) already keeps them as they are).
    const batch = (s.anyMerged.get() as { n: number }).n === 1
      ? all.filter((e) => e.externalId === null || !s.isMerged.get(e.origin, e.externalId))
      : all;
    const before = (s.lastId.get() as { id: number }).id;
    let imported = 0;
    let i = 0;
    // Mentions imported before their event must be counted into it as it lands, which needs
    // each new row's id: then go row by row. Otherwise many rows per statement, which saves
    // a third of the time (ON CONFLICT DO NOTHING still decides per row).
    const early: Array<{ gid: number; id: number | bigint }> = [];
    if ((s.anyMention.get() as { n: number }).n !== 1) {
      const params: unknown[] = [];
      for (; i + ROWS_PER_INSERT <= batch.length; i += ROWS_PER_INSERT) {
        params.length = 0;
        for (let j = i; j < i + ROWS_PER_INSERT; j++) pushEvent(params, batch[j]);
        imported += s.insertEvents.run(params).changes;
      }
    }
    for (; i < batch.length; i++) {
      const e = batch[i];
      const r = s.insertEvent.run(pushEvent([], e));
      if (r.changes) {
        imported++;
        if (e.origin === 'gdelt') early.push({ gid: Number(e.externalId), id: r.lastInsertRowid });
      }
    }
    // The batch's derived rows in one pass each (in bulk, the transaction's, before its commit);
    // then the mention counts, whose update triggers expect the events already tallied.
    if (imported && bulk) bulk.pendingAfter ??= before;
    else if (imported) s.index(before);
    if (early.length) indexPending();
    for (const m of early) s.countEarlierMentions.run(m);
    return { imported, unchanged: all.length - imported };
  };

  const importMentionsTx = (batch: GdeltMentionInput[]): WriteResult => {
    const s = stmts();
    indexPending();
    let imported = 0;
    const merged = (s.anyMerged.get() as { n: number }).n === 1;
    for (const m of batch) {
      const r = s.insertMention.run(
        m.globalEventId, m.mentionTime, m.identifier, m.sentenceId, m.eventTime, m.mentionType, m.sourceName,
        m.actor1Offset, m.actor2Offset, m.actionOffset, m.inRawText ? 1 : 0, m.confidence, m.docLength, m.docTone,
        m.translationInfo,
      );
      if (r.changes) {
        imported++;
        // GDELT's NumMentions already counts the mentions of the event's first 15-minute window;
        // a later mention is news: one more report of the event.
        if (m.mentionTime > m.eventTime) {
          const bump = { gid: m.globalEventId, at: isoTime(m.mentionTime) };
          // An event merged away: the mention reports the event it joined.
          if (!s.bumpMentions.run(bump).changes && merged) s.bumpMerged.run(bump);
        }
      }
    }
    return { imported, unchanged: batch.length - imported };
  };

  const membershipsTx = (batch: StateMembershipInput[]): WriteResult => {
    const s = stmts();
    let imported = 0;
    for (const m of batch) {
      s.ensureActor.run(m.code, m.name);
      if (s.insertMembership.run(m.code, 'cow', m.start, m.end, String(m.cowCode), m.cowAbb, m.name).changes) imported++;
      // A state with several spells (Germany 255, 260 then 255 again) takes the latest spell's
      // code and abbreviation whatever the order of the rows, and its name when COW named it.
      s.setCow.run({ cow: m.cowCode, abb: m.cowAbb, code: m.code, name: m.name, end: m.end });
    }
    return { imported, unchanged: batch.length - imported };
  };

  const run = <T>(what: string, tx: (b: T[]) => WriteResult) => {
    const t = db.transaction(tx);
    return async (batch: T[]): Promise<WriteResult> => {
      try {
        if (!bulk) return t.immediate(batch);
        if (!db.inTransaction) db.exec('BEGIN IMMEDIATE');
        // Within the open transaction better-sqlite3 makes the batch a savepoint: a failed batch
        // is undone alone, and what precedes it is committed when the import ends.
        const pending = bulk.pendingAfter;
        let r: WriteResult;
        try {
          r = t(batch);
        } catch (e) {
          bulk.pendingAfter = pending;
          throw e;
        }
        bulk.written += batch.length;
        if (bulk.written >= bulk.rows) {
          bulk.written = 0;
          commitBulk();
        }
        return r;
      } catch (e) {
        throw dbError(what, e);
      }
    };
  };

  const inBulk = async <T>(rows: number, work: () => Promise<T>): Promise<T> => {
    // Nested, or inside a caller's transaction: batches keep their own transactions.
    if (bulk || db.inTransaction) return work();
    bulk = { rows, written: 0, pendingAfter: null };
    try {
      return await work();
    } finally {
      try {
        commitBulk();
      } finally {
        bulk = null;
      }
    }
  };

  return {
    importEvents: run('importing events', importEventsTx),
    importGdeltMentions: run('importing GDELT mentions', importMentionsTx),
    upsertStateMemberships: run('importing state memberships', membershipsTx),
    inBulk,
  };
}

const ROWS_PER_INSERT = 50;
const EVENT_COLUMNS = `origin, external_id, type, mode, sources, targets, date_start, date_end, granularity, day_first,
  day_last, date_kind, modality, mention_count, intensity, first_reported, last_reported, loc_name, loc_country, lat, lon,
  loc_precision, source_url, attrs`;

function insertEvents(rows: number): string {
  const one = `(${new Array(24).fill('?').join(', ')})`;
  return `INSERT INTO events (${EVENT_COLUMNS}) VALUES ${new Array(rows).fill(one).join(', ')}
    ON CONFLICT (origin, external_id) WHERE external_id IS NOT NULL DO NOTHING`;
}

/** Appends one event's 24 column values, in EVENT_COLUMNS order. */
function pushEvent(out: unknown[], e: DatasetEventInput): unknown[] {
  const d = e.date;
  // Most dataset dates are single days, which bound themselves.
  const [first, last] = !d ? [null, null] : d.start.length === 10 && d.end === d.start ? [d.start, d.start] : dayBounds(d);
  const loc = e.location;
  out.push(
    e.origin, e.externalId, e.type, e.mode, JSON.stringify(e.sources), JSON.stringify(e.targets),
    e.date?.start ?? null, e.date?.end ?? null, e.date?.granularity ?? null, first, last,
    e.dateKind, e.modality, e.mentionCount, intensity(e.type, e.mode), e.reportedAt, e.reportedAt,
    loc?.name ?? null, loc?.country ?? null, loc?.lat ?? null, loc?.lon ?? null, loc?.precision ?? null,
    e.sourceUrl, JSON.stringify(e.attrs),
  );
  return out;
}

function prepare(db: Database.Database) {
  // Bulk loads touch index pages all over the file; SQLite's default 2 MB page cache makes it
  // read them again and again. 16 MB is a tenth of the import's memory and saves that I/O.
  const cacheKib = db.pragma('cache_size', { simple: true }) as number; // negative: KiB
  if (cacheKib < 0 && cacheKib > -16384) db.pragma('cache_size = -16384');
  // Checkpoint the WAL every 64 MB rather than every 4 MB: each checkpoint syncs the file,
  // and on a bulk load those syncs, not the inserts, set the pace (a third less wall time).
  db.pragma('wal_autocheckpoint = 16384');
  return {
    lastId: db.prepare('SELECT coalesce(max(id), 0) AS id FROM events'),
    index: eventIndexer(db),
    insertEvent: db.prepare(insertEvents(1)),
    insertEvents: db.prepare(insertEvents(ROWS_PER_INSERT)),
    anyMention: db.prepare('SELECT EXISTS (SELECT 1 FROM gdelt_mentions) AS n'),
    // The same count and last report as mentions imported after their event give (bumpMentions).
    countEarlierMentions: db.prepare(`UPDATE events SET mention_count = mention_count + later.c,
        last_reported = CASE WHEN later.t IS NULL THEN last_reported ELSE max(coalesce(last_reported, ''),
          substr(later.t, 1, 4) || '-' || substr(later.t, 5, 2) || '-' || substr(later.t, 7, 2) || 'T' ||
          substr(later.t, 9, 2) || ':' || substr(later.t, 11, 2) || ':' || substr(later.t, 13, 2) || 'Z') END
      FROM (SELECT count(*) AS c, max(m.mention_time) AS t FROM gdelt_mentions m
        WHERE m.global_event_id = @gid AND m.mention_time > m.event_time) AS later
      WHERE events.id = @id`),
    insertMention: db.prepare(`INSERT INTO gdelt_mentions (global_event_id, mention_time, identifier, sentence_id, event_time,
        mention_type, source_name, actor1_offset, actor2_offset, action_offset, in_raw_text, confidence, doc_length,
        doc_tone, translation_info)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`),
    bumpMentions: db.prepare(`UPDATE events SET mention_count = mention_count + 1,
        last_reported = max(coalesce(last_reported, ''), @at)
      WHERE origin = 'gdelt' AND external_id = @gid`),
    anyMerged: db.prepare('SELECT EXISTS (SELECT 1 FROM merged_records) AS n'),
    isMerged: db.prepare('SELECT 1 FROM merged_records WHERE origin = ? AND external_id = ?'),
    bumpMerged: db.prepare(`UPDATE events SET mention_count = mention_count + 1,
        last_reported = max(coalesce(last_reported, ''), @at)
      WHERE id = (SELECT event_id FROM merged_records WHERE origin = 'gdelt' AND external_id = @gid)`),
    ensureActor: db.prepare('INSERT INTO actors (code, name) VALUES (?, ?) ON CONFLICT (code) DO NOTHING'),
    setCow: db.prepare(`UPDATE actors SET cow_code = @cow, cow_abb = @abb,
        name = CASE WHEN name IN (SELECT name FROM actor_memberships WHERE code = @code AND system = 'cow') THEN @name ELSE name END
      WHERE code = @code AND (cow_code IS NOT @cow OR cow_abb IS NOT @abb OR name IS NOT @name)
        AND @end >= (SELECT max(end) FROM actor_memberships WHERE code = @code AND system = 'cow')`),
    insertMembership: db.prepare(`INSERT INTO actor_memberships (code, system, start, end, system_code, system_abb, name)
      VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`),
  };
}
