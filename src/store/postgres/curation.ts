// PostgreSQL part of the curation store (migrations 400–499): accept, reject, correct, merge
// and split events, merge actors, each in one transaction with one audit entry. Each takes the
// text-merge lock first, so a curator's change and a concurrent ingest never interleave.
import type pg from 'pg';
import { EntenteError } from '../../domain/errors.js';
import { intensity } from '../../domain/plover.js';
import { prefixEnd, prefixStart, granularityOf } from '../../domain/date-range.js';
import type { DateRange, Modality } from '../../domain/mention.js';
import type { EventRecord, EventStatus } from '../../domain/event.js';
import type { PloverType } from '../../domain/plover.js';
import type { AuditAction, AuditEntry, CurationStore, Curator, EventCorrection } from '../curation-store.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../event-store.js';
import type { Migration } from './migrate.js';
import type { Pools } from './pools.js';
import { eventRecord, type PgEventRow } from './rows.js';
import { Params, one, rows, transaction } from './sql.js';
import { TEXT_MERGE_LOCK } from './events.js';
import { ensureEventYears } from './partitions.js';

/** Lower is stronger, as in the event merge: an event is as sure as its surest mention. */
const MODALITY_RANK: Record<Modality, number> = { asserted: 0, speculative: 1, intended: 2, conditional: 3, question: 4, negated: 5 };
const strongest = (ms: Modality[]): Modality => [...ms].sort((a, b) => MODALITY_RANK[a] - MODALITY_RANK[b])[0];

const uniq = (xs: string[]): string[] => [...new Set(xs)];

function eventKey(id: string): string {
  if (!/^\d{1,15}$/.test(id)) throw new EntenteError('NOT_FOUND', `no event ${id}`);
  return id;
}

const dateColumns = (d: DateRange | null) => d
  ? { date_start: d.start, date_end: d.end, granularity: d.granularity, day_first: prefixStart(d.start), day_last: prefixEnd(d.end) }
  : { date_start: null, date_end: null, granularity: null, day_first: null, day_last: null };

type MentionRow = { id: string; type: PloverType; source_code: string; target_code: string | null; date_start: string | null; date_end: string | null; granularity: DateRange['granularity'] | null; modality: Modality };

export function curationPart({ primary }: Pools): CurationStore {
  async function load(c: pg.PoolClient, id: string): Promise<PgEventRow> {
    const row = await one<PgEventRow>(c, 'SELECT * FROM events WHERE id = $1 FOR UPDATE', [eventKey(id)]);
    if (!row) throw new EntenteError('NOT_FOUND', `no event ${id}`);
    return row;
  }
  const reload = async (c: pg.PoolClient, id: string): Promise<EventRecord> => eventRecord((await one<PgEventRow>(c, 'SELECT * FROM events WHERE id = $1', [id]))!);

  async function audit(c: pg.PoolClient, who: Curator, action: AuditAction, subject: string, before: unknown, after: unknown): Promise<void> {
    // The reason sits beside the new state, so one entry reads "before → after, because …".
    const withReason = who.reason && after && typeof after === 'object' ? { ...after, reason: who.reason } : after;
    await c.query('INSERT INTO audit_log (at, token_id, role, action, subject, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [new Date().toISOString(), who.tokenId, who.role, action, subject, JSON.stringify(before ?? null), JSON.stringify(withReason ?? null)]);
  }

  async function update(c: pg.PoolClient, id: string, cols: Record<string, unknown>): Promise<void> {
    // A new date may fall in a year without a partition yet.
    if (typeof cols.day_first === 'string') await ensureEventYears(c, [cols.day_first]);
    const p = new Params();
    const sets = Object.entries(cols).map(([k, v]) => `${k} = ${p.add(v)}`);
    await c.query(`UPDATE events SET ${sets.join(', ')} WHERE id = ${p.add(id)}`, p.values);
  }

  const tx = <T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> => transaction(primary, async (c) => {
    await c.query('SELECT pg_advisory_xact_lock($1)', [TEXT_MERGE_LOCK]);
    return fn(c);
  }, { retry: true });

  return {
    async setEventStatus(id, status, who) {
      return tx(async (c) => {
        const row = await load(c, id);
        // A corrected event stays corrected when accepted: 'corrected' keeps re-extraction off it.
        const next: EventStatus = status === 'accepted' && row.status === 'corrected' ? 'corrected' : status;
        await update(c, row.id, { status: next });
        await audit(c, who, status === 'accepted' ? 'accept' : 'reject', String(row.id), { status: row.status }, { status: next });
        return reload(c, row.id);
      });
    },

    async correctEvent(id, patch, who) {
      return tx(async (c) => {
        const row = await load(c, id);
        const before = eventRecord(row);
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
          cols.sources = uniq(patch.sources);
          [changed.sources, was.sources] = [uniq(patch.sources), before.sources];
        }
        if (patch.targets !== undefined) {
          cols.targets = uniq(patch.targets);
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
        await update(c, row.id, cols);
        await audit(c, who, 'correct', String(row.id), { ...was, status: before.status }, { ...changed, status: 'corrected' });
        return reload(c, row.id);
      });
    },

    async mergeEvents(ids, who) {
      const distinct = uniq(ids);
      if (distinct.length < 2) throw new EntenteError('BAD_INPUT', 'ids: merging needs at least two different events');
      return tx(async (c) => {
        const rs: PgEventRow[] = [];
        for (const id of distinct) rs.push(await load(c, id));
        const records = rs.map((r) => eventRecord(r));
        const [keep, ...rest] = rs;
        const first = records[0];
        const reported = records.flatMap((r) => [r.firstReported, r.lastReported]).filter((x): x is string => !!x).sort();
        const at = new Date().toISOString();
        for (const r of rest) {
          await c.query('UPDATE mentions SET event_id = $1 WHERE event_id = $2', [keep.id, r.id]);
          await c.query('DELETE FROM events WHERE id = $1', [r.id]);
          // A dataset record merged away is remembered, so importing its file again cannot bring it back.
          await c.query('UPDATE merged_records SET event_id = $1 WHERE event_id = $2', [keep.id, r.id]);
          if (r.external_id !== null) {
            await c.query(`INSERT INTO merged_records (origin, external_id, event_id, merged_at) VALUES ($1, $2, $3, $4)
              ON CONFLICT (origin, external_id) DO UPDATE SET event_id = excluded.event_id, merged_at = excluded.merged_at`, [r.origin, r.external_id, keep.id, at]);
          }
        }
        // The first event's orientation wins: a meeting reported as RUS–PRK and PRK–RUS keeps PRK the target.
        const sources = uniq([...first.sources, ...records.flatMap((r) => r.sources).filter((x) => !first.targets.includes(x))]);
        const targets = uniq([...first.targets, ...records.flatMap((r) => r.targets).filter((x) => !sources.includes(x))]);
        await update(c, keep.id, {
          sources, targets,
          modality: strongest(records.map((r) => r.modality)),
          mention_count: records.reduce((n, r) => n + r.mentionCount, 0),
          disputed: records.some((r) => r.disputed),
          first_reported: reported[0] ?? null,
          last_reported: reported.at(-1) ?? null,
          status: 'corrected',
        });
        const after = await reload(c, keep.id);
        await audit(c, who, 'merge-events', String(keep.id), records, after);
        return after;
      });
    },

    async splitEvent(id, mentionIds, who) {
      const wanted = uniq(mentionIds);
      if (wanted.length === 0) throw new EntenteError('BAD_INPUT', 'mentionIds: name at least one mention to split off');
      return tx(async (c) => {
        const row = await load(c, id);
        const before = eventRecord(row);
        const all = await rows<MentionRow>(c, 'SELECT id, type, source_code, target_code, date_start, date_end, granularity, modality FROM mentions WHERE event_id = $1 ORDER BY id', [row.id]);
        const moving = all.filter((m) => wanted.includes(String(m.id)));
        const stray = wanted.filter((w) => !all.some((m) => String(m.id) === w));
        if (stray.length) throw new EntenteError('BAD_INPUT', `mentionIds: ${stray.join(', ')} ${stray.length === 1 ? 'is' : 'are'} not a mention of event ${id}`);
        if (moving.length === all.length) throw new EntenteError('BAD_INPUT', 'mentionIds: leave at least one mention in the original event');
        const staying = all.filter((m) => !wanted.includes(String(m.id)));
        const lead = moving.find((m) => m.date_start) ?? moving[0];
        const date: DateRange | null = lead.date_start ? { start: lead.date_start, end: lead.date_end ?? lead.date_start, granularity: lead.granularity ?? granularityOf(lead.date_start, lead.date_end ?? lead.date_start) } : null;
        const d = dateColumns(date);
        await ensureEventYears(c, [d.day_first]);
        const created = await one<{ id: string }>(c, `INSERT INTO events (origin, external_id, type, mode, sources, targets, date_start, date_end, granularity, day_first, day_last,
            date_kind, modality, mention_count, disputed, status, intensity, first_reported, last_reported, loc_name, loc_country, lat, lon, loc_precision, source_url, attrs)
          SELECT origin, NULL, $2, mode, $3, $4, $5, $6, $7, $8, $9,
            date_kind, $10, $11, false, 'corrected', $12, first_reported, last_reported, loc_name, loc_country, lat, lon, loc_precision, source_url, attrs
          FROM events WHERE id = $1 RETURNING id`, [
          row.id, lead.type, uniq(moving.map((m) => m.source_code)), uniq(moving.map((m) => m.target_code).filter((x): x is string => !!x)),
          d.date_start, d.date_end, d.granularity, d.day_first, d.day_last,
          strongest(moving.map((m) => m.modality)), moving.length, intensity(lead.type, row.mode),
        ]);
        const newId = String(created!.id);
        await c.query('UPDATE mentions SET event_id = $1 WHERE id = ANY ($2::bigint[])', [newId, moving.map((m) => m.id)]);
        await update(c, row.id, {
          mention_count: staying.length,
          modality: strongest(staying.map((m) => m.modality)),
          disputed: false,
          status: 'corrected',
        });
        const result = { original: await reload(c, row.id), created: await reload(c, newId) };
        await audit(c, who, 'split-event', String(row.id), before, { ...result, mentionIds: moving.map((m) => String(m.id)) });
        return result;
      });
    },

    async mergeActors(from, into, who) {
      if (from === into) throw new EntenteError('BAD_INPUT', 'into: an actor cannot be merged into itself');
      return tx(async (c) => {
        const exists = (await one(c, 'SELECT 1 FROM event_actors WHERE code = $1 LIMIT 1', [from])) ?? (await one(c, 'SELECT 1 FROM actors WHERE code = $1', [from]));
        if (!exists) throw new EntenteError('NOT_FOUND', `no actor ${from}`);
        const rs = await rows<{ id: string; sources: string[]; targets: string[] }>(c,
          'SELECT id, sources, targets FROM events WHERE id IN (SELECT event_id FROM event_actors WHERE code = $1) ORDER BY id', [from]);
        const swap = (xs: string[]): string[] => uniq(xs.map((x) => (x === from ? into : x)));
        for (const r of rs) await update(c, r.id, { sources: swap(r.sources), targets: swap(r.targets) });
        const mentions = ((await c.query('UPDATE mentions SET source_code = $1 WHERE source_code = $2', [into, from])).rowCount ?? 0)
          + ((await c.query('UPDATE mentions SET target_code = $1 WHERE target_code = $2', [into, from])).rowCount ?? 0);
        const old = await one<{ code: string; name: string | null }>(c, 'SELECT code, name FROM actors WHERE code = $1', [from]);
        await c.query('INSERT INTO actors (code, name) VALUES ($1, $2) ON CONFLICT DO NOTHING', [into, old?.name ?? null]);
        await c.query('DELETE FROM actors WHERE code = $1', [from]);
        const result = { events: rs.length, mentions };
        await audit(c, who, 'merge-actors', from, { code: from, name: old?.name ?? null }, { code: into, ...result });
        return result;
      });
    },

    async listAudit(filter = {}, page = {}) {
      const limit = Math.min(page.limit ?? DEFAULT_LIMIT, MAX_LIMIT);
      const offset = page.offset ?? 0;
      const p = new Params();
      const where: string[] = [];
      if (filter.subject) where.push(`subject = ${p.add(filter.subject)}`);
      if (filter.action) where.push(`action = ${p.add(filter.action)}`);
      if (filter.tokenId) where.push(`token_id = ${p.add(filter.tokenId)}`);
      // `at` is an ISO timestamp: compare its day part with the prefix's first and last day.
      if (filter.from) where.push(`substr(at, 1, 10) >= ${p.add(prefixStart(filter.from))}`);
      if (filter.to) where.push(`substr(at, 1, 10) <= ${p.add(prefixEnd(filter.to))}`);
      const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = (await one<{ n: number }>(primary, `SELECT count(*)::int AS n FROM audit_log ${w}`, p.values))!.n;
      const rs = await rows<{ id: string; at: string; token_id: string | null; role: string; action: AuditAction; subject: string; before: unknown; after: unknown }>(
        primary, `SELECT * FROM audit_log ${w} ORDER BY id DESC LIMIT ${limit} OFFSET ${offset}`, p.values);
      const entries: AuditEntry[] = rs.map((r) => ({
        id: Number(r.id), at: r.at, tokenId: r.token_id, role: r.role, action: r.action, subject: r.subject, before: r.before ?? null, after: r.after ?? null,
      }));
      return { rows: entries, total, limit, offset, truncated: offset + entries.length < total };
    },
  };
}

export const curationMigrations: Migration[] = [{
  id: '400-audit-log',
  sql: `
CREATE TABLE audit_log (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  at text NOT NULL,
  token_id text,
  role text NOT NULL,
  action text NOT NULL,
  subject text NOT NULL,
  before json,
  after json
);
CREATE INDEX audit_log_subject ON audit_log (subject, id);`,
}, {
  // Dataset records an editor merged into another event: importing them again adds nothing, and
  // later GDELT mentions of them count into the event they joined (as in SQLite).
  id: '401-merged-records',
  sql: `
CREATE TABLE merged_records (
  origin text NOT NULL,
  external_id text NOT NULL,
  event_id bigint NOT NULL,
  merged_at text NOT NULL,
  PRIMARY KEY (origin, external_id)
);
CREATE INDEX merged_records_event ON merged_records (event_id);`,
}];
