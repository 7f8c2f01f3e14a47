// SQLite part of the watch store (migrations 200–299): watchlists, their alerts and seen
// keys, and event_volume, a per-day-range tally of events kept in step with `events` (inserts
// by the writer through indexNewEvents, updates and deletes by triggers) so that normalising
// a series does not scan a million rows.
import type Database from 'better-sqlite3';
import { EntenteError } from '../../domain/errors.js';
import { MODALITIES } from '../../domain/mention.js';
import { ORIGINS } from '../../domain/event.js';
import { prefixEnd, prefixStart } from '../../domain/date-range.js';
import type { Alert, AlertFilter, AlertInput, VolumeFilter, Watch, WatchStore } from '../watch-store.js';
import type { Migration } from './migrate.js';
import { normalizePage } from './event-query.js';

const schema = `
CREATE TABLE watches (
  id INTEGER PRIMARY KEY,
  a TEXT NOT NULL,
  b TEXT,
  threshold REAL NOT NULL,
  webhook TEXT,
  label TEXT,
  created_at TEXT NOT NULL,
  last_checked_at TEXT
);

CREATE TABLE watch_seen (
  watch_id INTEGER NOT NULL REFERENCES watches (id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  PRIMARY KEY (watch_id, key)
) WITHOUT ROWID;

CREATE TABLE alerts (
  id INTEGER PRIMARY KEY,
  watch_id INTEGER NOT NULL REFERENCES watches (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  date TEXT,
  data TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  delivery TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  delivered_at TEXT,
  UNIQUE (watch_id, key)
);
CREATE INDEX alerts_created ON alerts (created_at);

CREATE TABLE event_volume (
  day_first TEXT NOT NULL,
  day_last TEXT NOT NULL,
  origin TEXT NOT NULL,
  modality TEXT NOT NULL,
  status TEXT NOT NULL,
  events INTEGER NOT NULL,
  mentions INTEGER NOT NULL,
  PRIMARY KEY (day_first, day_last, origin, modality, status)
) WITHOUT ROWID;

INSERT INTO event_volume
  SELECT day_first, COALESCE(day_last, day_first), origin, modality, status, count(*), sum(max(mention_count, 1))
  FROM events WHERE day_first IS NOT NULL GROUP BY 1, 2, 3, 4, 5;

CREATE TRIGGER event_volume_insert AFTER INSERT ON events WHEN NEW.day_first IS NOT NULL BEGIN
  INSERT INTO event_volume VALUES (NEW.day_first, COALESCE(NEW.day_last, NEW.day_first), NEW.origin, NEW.modality, NEW.status, 1, max(NEW.mention_count, 1))
  ON CONFLICT DO UPDATE SET events = events + 1, mentions = mentions + excluded.mentions;
END;

CREATE TRIGGER event_volume_delete AFTER DELETE ON events WHEN OLD.day_first IS NOT NULL BEGIN
  UPDATE event_volume SET events = events - 1, mentions = mentions - max(OLD.mention_count, 1)
  WHERE day_first = OLD.day_first AND day_last = COALESCE(OLD.day_last, OLD.day_first) AND origin = OLD.origin AND modality = OLD.modality AND status = OLD.status;
END;

CREATE TRIGGER event_volume_update AFTER UPDATE OF day_first, day_last, origin, modality, status, mention_count ON events BEGIN
  UPDATE event_volume SET events = events - 1, mentions = mentions - max(OLD.mention_count, 1)
  WHERE OLD.day_first IS NOT NULL AND day_first = OLD.day_first AND day_last = COALESCE(OLD.day_last, OLD.day_first) AND origin = OLD.origin AND modality = OLD.modality AND status = OLD.status;
  INSERT INTO event_volume SELECT NEW.day_first, COALESCE(NEW.day_last, NEW.day_first), NEW.origin, NEW.modality, NEW.status, 1, max(NEW.mention_count, 1)
  WHERE NEW.day_first IS NOT NULL
  ON CONFLICT DO UPDATE SET events = events + 1, mentions = mentions + excluded.mentions;
END;
`;

export const watchMigrations: Migration[] = [
  { id: '200-watch', sql: schema },
  // Inserts are tallied per batch by indexNewEvents (event-index.ts), not per row.
  { id: '201-volume-by-writer', sql: 'DROP TRIGGER event_volume_insert;' },
];

interface WatchRow { id: number; a: string; b: string | null; threshold: number; webhook: string | null; label: string | null; created_at: string; last_checked_at: string | null }
interface AlertRow {
  id: number; watch_id: number; kind: Alert['kind']; key: string; title: string; summary: string; date: string | null; data: string;
  created_at: string; delivery: Alert['delivery']; attempts: number; last_error: string | null; delivered_at: string | null; a: string; b: string | null;
}

const watchOf = (r: WatchRow): Watch => ({
  id: String(r.id), a: r.a, b: r.b, threshold: r.threshold, webhook: r.webhook, label: r.label, createdAt: r.created_at, lastCheckedAt: r.last_checked_at,
});

const alertOf = (r: AlertRow): Alert => ({
  id: String(r.id), watchId: String(r.watch_id), dyad: `${r.a}–${r.b ?? '*'}`, kind: r.kind, key: r.key, title: r.title, summary: r.summary, date: r.date,
  data: JSON.parse(r.data), createdAt: r.created_at, delivery: r.delivery, attempts: r.attempts, lastError: r.last_error, deliveredAt: r.delivered_at,
});

function idOf(id: string): number {
  const n = Number(id);
  if (!Number.isInteger(n) || n < 1) throw new EntenteError('BAD_INPUT', `watch id must be a positive integer, got "${id}"`);
  return n;
}

function checkList(field: string, values: readonly string[] | undefined, allowed: readonly string[]): string[] | undefined {
  if (!values?.length) return undefined;
  for (const v of values) if (!allowed.includes(v)) throw new EntenteError('BAD_INPUT', `${field}: unknown value "${v}" (one of ${allowed.join(', ')})`);
  return [...values];
}

export function watchPart(db: Database.Database): WatchStore {
  const st = {
    insertWatch: db.prepare('INSERT INTO watches (a, b, threshold, webhook, label, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
    getWatch: db.prepare('SELECT * FROM watches WHERE id = ?'),
    listWatches: db.prepare('SELECT * FROM watches ORDER BY id'),
    removeWatch: db.prepare('DELETE FROM watches WHERE id = ?'),
    seen: db.prepare('SELECT key FROM watch_seen WHERE watch_id = ?'),
    markSeen: db.prepare('INSERT OR IGNORE INTO watch_seen (watch_id, key) VALUES (?, ?)'),
    insertAlert: db.prepare(`INSERT INTO alerts (watch_id, kind, key, title, summary, date, data, created_at, delivery)
      SELECT @watchId, @kind, @key, @title, @summary, @date, @data, @createdAt, CASE WHEN w.webhook IS NULL THEN 'none' ELSE 'pending' END
      FROM watches w WHERE w.id = @watchId AND NOT EXISTS (SELECT 1 FROM watch_seen s WHERE s.watch_id = @watchId AND s.key = @key)
      ON CONFLICT DO NOTHING`),
    alertById: db.prepare('SELECT al.*, w.a, w.b FROM alerts al JOIN watches w ON w.id = al.watch_id WHERE al.id = ?'),
    delivery: db.prepare('UPDATE alerts SET attempts = @attempts, delivery = @delivery, last_error = @error, delivered_at = @at WHERE id = @id'),
    touch: db.prepare('UPDATE watches SET last_checked_at = ? WHERE id = ?'),
  };

  return {
    async addWatch(w) {
      const a = w.a.trim().toUpperCase();
      const b = w.b?.trim().toUpperCase() || null;
      if (!a) throw new EntenteError('BAD_INPUT', 'watch: actor A is required');
      if (!Number.isFinite(w.threshold) || w.threshold < 0 || w.threshold > 10) throw new EntenteError('BAD_INPUT', `watch: threshold must be between 0 and 10, got ${w.threshold}`);
      const info = st.insertWatch.run(a, b, w.threshold, w.webhook, w.label ?? null, new Date().toISOString());
      return watchOf(st.getWatch.get(info.lastInsertRowid) as WatchRow);
    },
    async listWatches() {
      return (st.listWatches.all() as WatchRow[]).map(watchOf);
    },
    async getWatch(id) {
      const r = st.getWatch.get(idOf(id)) as WatchRow | undefined;
      return r ? watchOf(r) : null;
    },
    async removeWatch(id) {
      return st.removeWatch.run(idOf(id)).changes > 0;
    },
    async seenKeys(watchId) {
      return new Set((st.seen.all(idOf(watchId)) as Array<{ key: string }>).map((r) => r.key));
    },
    async markSeen(watchId, keys) {
      const id = idOf(watchId);
      db.transaction(() => keys.forEach((k) => st.markSeen.run(id, k)))();
    },
    async addAlerts(alerts: AlertInput[]) {
      const now = new Date().toISOString();
      const ids: number[] = [];
      db.transaction(() => {
        for (const al of alerts) {
          const info = st.insertAlert.run({ ...al, watchId: idOf(al.watchId), data: JSON.stringify(al.data), createdAt: now });
          st.markSeen.run(idOf(al.watchId), al.key);
          if (info.changes > 0) ids.push(Number(info.lastInsertRowid));
        }
      })();
      return ids.map((id) => alertOf(st.alertById.get(id) as AlertRow));
    },
    async listAlerts(filter: AlertFilter = {}, page = {}) {
      const { limit, offset } = normalizePage(page);
      const where: string[] = ['1 = 1'];
      const params: Record<string, unknown> = {};
      if (filter.watchId) {
        where.push('al.watch_id = @watchId');
        params.watchId = idOf(filter.watchId);
      }
      if (filter.since) {
        where.push('al.created_at >= @since');
        params.since = filter.since;
      }
      const delivery = checkList('delivery', filter.delivery, ['none', 'pending', 'delivered', 'failed']);
      if (delivery) {
        where.push(`al.delivery IN (${delivery.map((_, i) => `@d${i}`).join(', ')})`);
        delivery.forEach((d, i) => (params[`d${i}`] = d));
      }
      const sql = `FROM alerts al JOIN watches w ON w.id = al.watch_id WHERE ${where.join(' AND ')}`;
      const total = (db.prepare(`SELECT count(*) AS n ${sql}`).get(params) as { n: number }).n;
      const rows = db.prepare(`SELECT al.*, w.a, w.b ${sql} ORDER BY al.created_at DESC, al.id DESC LIMIT ${limit} OFFSET ${offset}`).all(params) as AlertRow[];
      return { rows: rows.map(alertOf), total, limit, offset, truncated: offset + rows.length < total };
    },
    async recordDelivery(alertId, o) {
      const delivery = o.ok ? 'delivered' : o.final ? 'failed' : 'pending';
      st.delivery.run({ id: Number(alertId), attempts: o.attempts, delivery, error: o.ok ? null : (o.error ?? null), at: o.ok ? new Date().toISOString() : null });
    },
    async touchWatch(id, at) {
      st.touch.run(at, idOf(id));
    },
    async eventVolume(f: VolumeFilter) {
      const where = [`status <> 'rejected'`];
      const params: Record<string, unknown> = {};
      const lists: Array<[string, string[] | undefined]> = [
        ['modality', checkList('modality', f.modality ?? ['asserted'], MODALITIES)],
        ['origin', checkList('origin', f.origin, ORIGINS)],
      ];
      for (const [col, values] of lists) {
        if (!values) continue;
        where.push(`${col} IN (${values.map((_, i) => `@${col}${i}`).join(', ')})`);
        values.forEach((v, i) => (params[`${col}${i}`] = v));
      }
      if (f.from) {
        where.push('day_last >= @from');
        params.from = prefixStart(f.from);
      }
      if (f.to) {
        where.push('day_first <= @to');
        params.to = prefixEnd(f.to);
      }
      const rows = db.prepare(`SELECT day_first AS start, day_last AS end, sum(mentions) AS mentions, sum(events) AS events
        FROM event_volume WHERE ${where.join(' AND ')} GROUP BY day_first, day_last HAVING sum(events) > 0`).all(params);
      return rows as Array<{ start: string; end: string; mentions: number; events: number }>;
    },
  };
}
