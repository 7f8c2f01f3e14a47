// Fills the tables derived from newly inserted events: event_actors (the dyad index),
// actor_counts, event_volume, the longest event span, the rollups (rollup-sql.ts) and the search index of events. Every writer of `events` calls it
// after inserting, once per row or once per batch; set-based, so a batch of 1,000 imported
// rows costs five statements, not 1,000 trigger runs. Updates and deletes are kept by triggers.
import type Database from 'better-sqlite3';
import { eventSource, rollupStatements } from './rollup-sql.js';
import { INDEX_NEW_EVENT_TEXT } from './event-search.js';

const ACTOR_ROW = 'code, day_first, event_id, role, day_last, type, modality, status, origin';
const actorRows = (list: 'sources' | 'targets', role: string) => `SELECT j.value, coalesce(e.day_first, ''), e.id, '${role}', e.day_last,
    e.type, e.modality, e.status, e.origin FROM events e, json_each(e.${list}) j WHERE e.id > @after ORDER BY 1, 2, 3`;

/** Returns `index(after)`: derives the rows of every event with id > after (the ids just inserted). */
export function eventIndexer(db: Database.Database): (after: number | bigint) => void {
  const steps = [
    // In key order, so the B-tree is written along, not all over.
    db.prepare(`INSERT INTO event_actors (${ACTOR_ROW}) ${actorRows('sources', 'source')} ON CONFLICT DO NOTHING`),
    db.prepare(`INSERT INTO event_actors (${ACTOR_ROW}) ${actorRows('targets', 'target')}
      ON CONFLICT (code, day_first, event_id) DO UPDATE SET role = 'both' WHERE role = 'source'`),
    db.prepare(`INSERT INTO actor_counts (code, events) SELECT code, count(*) FROM event_actors INDEXED BY event_actors_event
      WHERE event_id > @after GROUP BY code ON CONFLICT (code) DO UPDATE SET events = events + excluded.events`),
    db.prepare(`INSERT INTO event_volume (day_first, day_last, origin, modality, status, events, mentions)
      SELECT day_first, coalesce(day_last, day_first), origin, modality, status, count(*), sum(max(mention_count, 1))
      FROM events WHERE id > @after AND day_first IS NOT NULL GROUP BY 1, 2, 3, 4, 5
      ON CONFLICT DO UPDATE SET events = events + excluded.events, mentions = mentions + excluded.mentions`),
    db.prepare(`UPDATE event_stats SET value = max(value, (SELECT coalesce(max(CAST(round(julianday(day_last) - julianday(day_first)) AS INTEGER)), 0)
      FROM events WHERE id > @after AND day_last > day_first)) WHERE key = 'max_span_days'`),
    ...Object.values(rollupStatements(eventSource('events', 'x.id > @after'), 1)).map((sql) => db.prepare(sql)),
    db.prepare(INDEX_NEW_EVENT_TEXT),
  ];
  return (after) => {
    for (const s of steps) s.run({ after });
  };
}

/** The longest span (day_last − day_first, in days) of any event in the store. */
export function maxSpanDays(db: Database.Database): number {
  return (db.prepare("SELECT value FROM event_stats WHERE key = 'max_span_days'").get() as { value: number } | undefined)?.value ?? 0;
}
