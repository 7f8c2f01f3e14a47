// SQLite part of the curation store (migrations 400–499): accept, reject, correct,
// merge and split events, merge actors, each in one transaction with one audit entry.
// Limit: merging actors rewrites what is stored; later extractions that still name the
// old code make events under it (the registry, not curation, decides codes).
import type Database from 'better-sqlite3';
import { EntenteError } from '../../domain/errors.js';
import { intensity } from '../../domain/plover.js';
import { prefixEnd, prefixStart, granularityOf } from '../../domain/date-range.js';
import type { DateRange, Modality } from '../../domain/mention.js';
import type { EventRecord, EventStatus, Origin, DateKind } from '../../domain/event.js';
import type { PloverType } from '../../domain/plover.js';
import type { AuditAction, AuditEntry, CurationStore, Curator, EventCorrection } from '../curation-store.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../event-store.js';
import type { Migration } from './migrate.js';
import { eventIndexer } from './event-index.js';
import { eventSummary } from '../../domain/event-summary.js';

interface EventRow {
  id: number; origin: Origin; external_id: string | null; type: PloverType; mode: string | null;
  sources: string; targets: string; date_start: string | null; date_end: string | null; granularity: DateRange['granularity'] | null;
  date_kind: DateKind; modality: Modality; mention_count: number; disputed: number; status: EventStatus; intensity: number;
  first_reported: string | null; last_reported: string | null; loc_name: string | null; loc_country: string | null;
  lat: number | null; lon: number | null; loc_precision: number | null; source_url: string | null; attrs: string;
  first_sentence?: string | null;
}

function toRecord(r: EventRow): EventRecord {
  const attrs = JSON.parse(r.attrs) as Record<string, unknown>;
  const sources = JSON.parse(r.sources) as string[];
  const targets = JSON.parse(r.targets) as string[];
  const hasLocation = r.loc_name !== null || r.loc_country !== null || r.lat !== null;
  return {
    id: String(r.id), origin: r.origin, externalId: r.external_id, type: r.type, mode: r.mode,
    sources, targets,
    date: r.date_start ? { start: r.date_start, end: r.date_end ?? r.date_start, granularity: r.granularity ?? granularityOf(r.date_start, r.date_end ?? r.date_start) } : null,
    dateKind: r.date_kind, modality: r.modality, mentionCount: r.mention_count, disputed: r.disputed === 1, status: r.status,
    intensity: r.intensity, firstReported: r.first_reported, lastReported: r.last_reported,
    location: hasLocation ? { name: r.loc_name, country: r.loc_country, lat: r.lat, lon: r.lon, precision: r.loc_precision } : null,
    attrs, sourceUrl: r.source_url, summary: eventSummary({ type: r.type, sources, targets, attrs }, r.first_sentence ?? null),
  };
}

/** Lower is stronger, as in the event merge: an event is as sure as its surest mention. */
const MODALITY_RANK: Record<Modality, number> = { asserted: 0, speculative: 1, intended: 2, conditional: 3, question: 4, negated: 5 };
const strongest = (ms: Modality[]): Modality => [...ms].sort((a, b) => MODALITY_RANK[a] - MODALITY_RANK[b])[0];

const uniq = (xs: string[]): string[] => [...new Set(xs)];

function eventKey(id: string): number {
  if (!/^\d{1,15}$/.test(id)) throw new EntenteError('NOT_FOUND', `no event ${id}`);
  return Number(id);
}

const dateColumns = (d: DateRange | null) => d
  ? { date_start: d.start, date_end: d.end, granularity: d.granularity, day_first: prefixStart(d.start), day_last: prefixEnd(d.end) }
  : { date_start: null, date_end: null, granularity: null, day_first: null, day_last: null };

export function curationPart(db: Database.Database): CurationStore {
  const getRow = db.prepare(`SELECT e.*, (SELECT m.sentence FROM mentions m WHERE m.event_id = e.id AND m.sentence <> '' ORDER BY m.id LIMIT 1) AS first_sentence
    FROM events e WHERE e.id = ?`);
  const indexNewEvents = eventIndexer(db);
  const auditInsert = db.prepare('INSERT INTO audit_log (at, token_id, role, action, subject, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)');

  function load(id: string): EventRow {
    const row = getRow.get(eventKey(id)) as EventRow | undefined;
    if (!row) throw new EntenteError('NOT_FOUND', `no event ${id}`);
    return row;
  }
  const reload = (id: number | string): EventRecord => toRecord(getRow.get(Number(id)) as EventRow);

  function audit(who: Curator, action: AuditAction, subject: string, before: unknown, after: unknown): void {
    // The reason sits beside the new state, so one entry reads "before → after, because …".
    const withReason = who.reason && after && typeof after === 'object' ? { ...after, reason: who.reason } : after;
    auditInsert.run(new Date().toISOString(), who.tokenId, who.role, action, subject, JSON.stringify(before ?? null), JSON.stringify(withReason ?? null));
  }

  function update(id: number, cols: Record<string, unknown>): void {
    const names = Object.keys(cols);
    db.prepare(`UPDATE events SET ${names.map((n) => `${n} = @${n}`).join(', ')} WHERE id = @id`).run({ ...cols, id });
  }

  function mentionsOf(eventId: number): Array<{ id: number; type: PloverType; source_code: string; target_code: string | null; date_start: string | null; date_end: string | null; granularity: DateRange['granularity'] | null; modality: Modality }> {
    return db.prepare('SELECT id, type, source_code, target_code, date_start, date_end, granularity, modality FROM mentions WHERE event_id = ? ORDER BY id').all(eventId) as never;
  }

  const tx = <T>(fn: () => T): T => db.transaction(fn).immediate();

  return {
    async setEventStatus(id, status, who) {
      return tx(() => {
        const row = load(id);
        // A corrected event stays corrected when accepted: a person has already vouched for it,
        // and 'corrected' is what keeps re-extraction from changing it.
        const next: EventStatus = status === 'accepted' && row.status === 'corrected' ? 'corrected' : status;
        update(row.id, { status: next });
        audit(who, status === 'accepted' ? 'accept' : 'reject', String(row.id), { status: row.status }, { status: next });
        return reload(row.id);
      });
    },

    async correctEvent(id, patch, who) {
      return tx(() => {
        const row = load(id);
        const before = toRecord(row);
        const cols: Record<string, unknown> = { status: 'corrected' };
        const changed: Partial<EventCorrection> = {};
        const was: Partial<EventCorrection> = {};
        if (patch.type !== undefined && patch.type !== before.type) {
          cols.type = patch.type;
          cols.intensity = intensity(patch.type, before.mode);
          [changed.type, was.type] = [patch.type, before.type];
        }
        if (patch.sources !== undefined) {
          if (patch.sources.length === 0) throw new EntenteError('BAD_INPUT', 'sources: an event needs at least one source actor');
          cols.sources = JSON.stringify(uniq(patch.sources));
          [changed.sources, was.sources] = [uniq(patch.sources), before.sources];
        }
        if (patch.targets !== undefined) {
          cols.targets = JSON.stringify(uniq(patch.targets));
          [changed.targets, was.targets] = [uniq(patch.targets), before.targets];
        }
        if (patch.date !== undefined) {
          if (patch.date && prefixStart(patch.date.start) > prefixEnd(patch.date.end)) throw new EntenteError('BAD_INPUT', `date: start ${patch.date.start} is after end ${patch.date.end}`);
          Object.assign(cols, dateColumns(patch.date));
          [changed.date, was.date] = [patch.date, before.date];
        }
        if (patch.modality !== undefined) {
          cols.modality = patch.modality;
          [changed.modality, was.modality] = [patch.modality, before.modality];
        }
        if (Object.keys(changed).length === 0) throw new EntenteError('BAD_INPUT', 'a correction must change at least one of type, sources, targets, date, modality');
        update(row.id, cols);
        audit(who, 'correct', String(row.id), { ...was, status: before.status }, { ...changed, status: 'corrected' });
        return reload(row.id);
      });
    },

    async mergeEvents(ids, who) {
      const distinct = uniq(ids);
      if (distinct.length < 2) throw new EntenteError('BAD_INPUT', 'ids: merging needs at least two different events');
      return tx(() => {
        const rows = distinct.map(load);
        const records = rows.map(toRecord);
        const [keep, ...rest] = rows;
        const first = records[0];
        const reported = records.flatMap((r) => [r.firstReported, r.lastReported]).filter((x): x is string => !!x).sort();
        const moveMentions = db.prepare('UPDATE mentions SET event_id = ? WHERE event_id = ?');
        const remove = db.prepare('DELETE FROM events WHERE id = ?');
        // A dataset record merged away is remembered, so importing its file again cannot bring it back.
        const remember = db.prepare('INSERT OR REPLACE INTO merged_records (origin, external_id, event_id, merged_at) VALUES (?, ?, ?, ?)');
        const repoint = db.prepare('UPDATE merged_records SET event_id = ? WHERE event_id = ?');
        const at = new Date().toISOString();
        for (const r of rest) {
          moveMentions.run(keep.id, r.id);
          remove.run(r.id);
          repoint.run(keep.id, r.id);
          if (r.external_id !== null) remember.run(r.origin, r.external_id, keep.id, at);
        }
        // The first event's orientation wins: for a meeting reported as RUS–PRK and PRK–RUS,
        // PRK stays the target rather than becoming both.
        const sources = uniq([...first.sources, ...records.flatMap((r) => r.sources).filter((c) => !first.targets.includes(c))]);
        const targets = uniq([...first.targets, ...records.flatMap((r) => r.targets).filter((c) => !sources.includes(c))]);
        update(keep.id, {
          sources: JSON.stringify(sources),
          targets: JSON.stringify(targets),
          modality: strongest(records.map((r) => r.modality)),
          mention_count: records.reduce((n, r) => n + r.mentionCount, 0),
          disputed: records.some((r) => r.disputed) ? 1 : 0,
          first_reported: reported[0] ?? null,
          last_reported: reported.at(-1) ?? null,
          status: 'corrected',
        });
        const after = reload(keep.id);
        audit(who, 'merge-events', String(keep.id), records, after);
        return after;
      });
    },

    async splitEvent(id, mentionIds, who) {
      const wanted = uniq(mentionIds);
      if (wanted.length === 0) throw new EntenteError('BAD_INPUT', 'mentionIds: name at least one mention to split off');
      return tx(() => {
        const row = load(id);
        const before = toRecord(row);
        const all = mentionsOf(row.id);
        const moving = all.filter((m) => wanted.includes(String(m.id)));
        const stray = wanted.filter((w) => !all.some((m) => String(m.id) === w));
        if (stray.length) throw new EntenteError('BAD_INPUT', `mentionIds: ${stray.join(', ')} ${stray.length === 1 ? 'is' : 'are'} not a mention of event ${id}`);
        if (moving.length === all.length) throw new EntenteError('BAD_INPUT', 'mentionIds: leave at least one mention in the original event');
        const staying = all.filter((m) => !wanted.includes(String(m.id)));
        const lead = moving.find((m) => m.date_start) ?? moving[0];
        const date: DateRange | null = lead.date_start ? { start: lead.date_start, end: lead.date_end ?? lead.date_start, granularity: lead.granularity ?? granularityOf(lead.date_start, lead.date_end ?? lead.date_start) } : null;
        const created = db.prepare(`INSERT INTO events (origin, external_id, type, mode, sources, targets, date_start, date_end, granularity, day_first, day_last,
            date_kind, modality, mention_count, disputed, status, intensity, first_reported, last_reported, loc_name, loc_country, lat, lon, loc_precision, source_url, attrs)
          SELECT origin, NULL, @type, mode, @sources, @targets, @date_start, @date_end, @granularity, @day_first, @day_last,
            date_kind, @modality, @mention_count, 0, 'corrected', @intensity, first_reported, last_reported, loc_name, loc_country, lat, lon, loc_precision, source_url, attrs
          FROM events WHERE id = @id`).run({
          id: row.id,
          type: lead.type,
          sources: JSON.stringify(uniq(moving.map((m) => m.source_code))),
          targets: JSON.stringify(uniq(moving.map((m) => m.target_code).filter((c): c is string => !!c))),
          ...dateColumns(date),
          modality: strongest(moving.map((m) => m.modality)),
          mention_count: moving.length,
          intensity: intensity(lead.type, row.mode),
        });
        const newId = Number(created.lastInsertRowid);
        indexNewEvents(newId - 1);
        const move = db.prepare('UPDATE mentions SET event_id = ? WHERE id = ?');
        for (const m of moving) move.run(newId, m.id);
        update(row.id, {
          mention_count: staying.length,
          modality: strongest(staying.map((m) => m.modality)),
          disputed: 0,
          status: 'corrected',
        });
        const result = { original: reload(row.id), created: reload(newId) };
        audit(who, 'split-event', String(row.id), before, { ...result, mentionIds: moving.map((m) => String(m.id)) });
        return result;
      });
    },

    async mergeActors(from, into, who) {
      if (from === into) throw new EntenteError('BAD_INPUT', 'into: an actor cannot be merged into itself');
      return tx(() => {
        const exists = db.prepare('SELECT 1 FROM event_actors WHERE code = ? LIMIT 1').get(from) ?? db.prepare('SELECT 1 FROM actors WHERE code = ?').get(from);
        if (!exists) throw new EntenteError('NOT_FOUND', `no actor ${from}`);
        const rows = db.prepare('SELECT id, sources, targets FROM events WHERE id IN (SELECT event_id FROM event_actors WHERE code = ?)').all(from) as Array<{ id: number; sources: string; targets: string }>;
        const swap = (json: string): string => JSON.stringify(uniq((JSON.parse(json) as string[]).map((c) => (c === from ? into : c))));
        for (const r of rows) update(r.id, { sources: swap(r.sources), targets: swap(r.targets) });
        const mentions = db.prepare('UPDATE mentions SET source_code = ? WHERE source_code = ?').run(into, from).changes
          + db.prepare('UPDATE mentions SET target_code = ? WHERE target_code = ?').run(into, from).changes;
        const old = db.prepare('SELECT code, name FROM actors WHERE code = ?').get(from) as { code: string; name: string | null } | undefined;
        db.prepare('INSERT OR IGNORE INTO actors (code, name) VALUES (?, ?)').run(into, old?.name ?? null);
        db.prepare('DELETE FROM actors WHERE code = ?').run(from);
        const result = { events: rows.length, mentions };
        audit(who, 'merge-actors', from, { code: from, name: old?.name ?? null }, { code: into, ...result });
        return result;
      });
    },

    async listAudit(filter = {}, page = {}) {
      const limit = Math.min(page.limit ?? DEFAULT_LIMIT, MAX_LIMIT);
      const offset = page.offset ?? 0;
      const where: string[] = [];
      const args: Record<string, unknown> = {};
      if (filter.subject) { where.push('subject = @subject'); args.subject = filter.subject; }
      if (filter.action) { where.push('action = @action'); args.action = filter.action; }
      if (filter.tokenId) { where.push('token_id = @tokenId'); args.tokenId = filter.tokenId; }
      // `at` is an ISO timestamp: compare its day part with the prefix's first and last day.
      if (filter.from) { where.push('substr(at, 1, 10) >= @from'); args.from = prefixStart(filter.from); }
      if (filter.to) { where.push('substr(at, 1, 10) <= @to'); args.to = prefixEnd(filter.to); }
      const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${w}`).get(args) as { n: number }).n;
      const rows = db.prepare(`SELECT * FROM audit_log ${w} ORDER BY id DESC LIMIT @limit OFFSET @offset`).all({ ...args, limit, offset }) as Array<{
        id: number; at: string; token_id: string | null; role: string; action: AuditAction; subject: string; before: string | null; after: string | null;
      }>;
      const entries: AuditEntry[] = rows.map((r) => ({
        id: r.id, at: r.at, tokenId: r.token_id, role: r.role, action: r.action, subject: r.subject,
        before: r.before ? JSON.parse(r.before) : null, after: r.after ? JSON.parse(r.after) : null,
      }));
      return { rows: entries, total, limit, offset, truncated: offset + entries.length < total };
    },
  };
}

export const curationMigrations: Migration[] = [{
  id: '400-audit-log',
  sql: `
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  token_id TEXT,
  role TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  before TEXT,
  after TEXT
);
CREATE INDEX audit_log_subject ON audit_log (subject, id);`,
}, {
  // Dataset records (origin, external id) an editor merged into another event: importing them
  // again adds nothing, and later GDELT mentions of them count into the event they joined.
  id: '401-merged-records',
  sql: `
CREATE TABLE merged_records (
  origin TEXT NOT NULL,
  external_id TEXT NOT NULL,
  event_id INTEGER NOT NULL,
  merged_at TEXT NOT NULL,
  PRIMARY KEY (origin, external_id)
) WITHOUT ROWID;
CREATE INDEX merged_records_event ON merged_records (event_id);`,
}];
