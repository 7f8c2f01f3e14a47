// PostgreSQL part of the event store: documents and their mentions (merged into events by
// ../merge.ts, one transaction per document) and every event query. Text ingest holds one
// transaction-scoped advisory lock while it merges, so concurrent ingesters (several servers,
// CLI runs) decide merges one document at a time and end as a serial run would; extraction,
// the slow part, happens before and runs in parallel. importEvents lives in dataset-import.ts.
import type pg from 'pg';
import type { EventStore, DocumentInput, IngestResult, Page, PageResult, EventDetail, EventVersion, SearchHit, ActorSummary, DocumentSummary, EventFilter } from '../event-store.js';
import { EventMentionSchema, type EventMention, type Modality } from '../../domain/mention.js';
import type { AnalysisEvent, EventRecord } from '../../domain/event.js';
import { intensity } from '../../domain/plover.js';
import { dayBounds } from '../../domain/date-range.js';
import { EntenteError } from '../../domain/errors.js';
import { decideMerge, type MergeCandidate } from '../merge.js';
import { contentHash } from '../content-hash.js';
import { COUNT_BUDGET, COUNT_CAP, filterSql, normalizePage } from './event-query.js';
import { dateOf, eventRecord, mentionDetail, type PgEventRow, type PgMentionRow } from './rows.js';
import { FTS_DOCUMENT_CHARS } from './core-schema.js';
import { one, rows, transaction, type Db } from './sql.js';
import { checkKinds, eventHit, pageSlices, searchTerms, tsqueryText, type SearchKind } from '../search.js';
import { queryWords } from '../snippet.js';
import { EVENT_TEXT, EVENT_TSV } from './event-search.js';
import type { Pools } from './pools.js';
import { eventYearCache } from './partitions.js';

/** Days either side of a mention's date to look for candidate events (covers the dispute gap). */
const CANDIDATE_SLACK_DAYS = 2;
const MAX_CANDIDATES = 400;
/** pg_advisory_xact_lock key held while a document's mentions are merged into events. */
export const TEXT_MERGE_LOCK = 0x6d657267;

/** The first stored sentence of an event's mentions, for its one-line summary. */
const FIRST_SENTENCE = `(SELECT fs.sentence FROM mentions fs WHERE fs.event_id = e.id AND fs.sentence <> '' ORDER BY fs.id LIMIT 1) AS first_sentence`;

function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10);
}

const MENTION_SELECT = `SELECT m.id, m.event_id, m.document_id, m.start_offset, m.end_offset, m.type, m.mode, m.source_code, m.source_name,
    m.source_role, m.target_code, m.target_name, m.target_role, m.date_start, m.date_end, m.granularity, m.modality,
    m.attribution_code, m.attribution_name, m.confidence, m.rule,
    CASE WHEN m.sentence <> '' THEN m.sentence ELSE (SELECT x.sentence FROM mentions x
      WHERE x.document_id = m.document_id AND x.start_offset = m.start_offset AND x.end_offset = m.end_offset AND x.sentence <> '' LIMIT 1) END AS sentence,
    d.title AS doc_title, d.url AS doc_url, d.source AS doc_source, d.published AS doc_published
  FROM mentions m JOIN documents d ON d.id = m.document_id`;

/** What versions of a disputed event need of each mention: no sentence, so every mention of a huge event stays cheap. */
const VERSION_SELECT = `SELECT m.id, m.event_id, m.document_id, m.source_code, m.source_name, m.source_role, m.target_code, m.target_name, m.target_role,
    m.date_start, m.date_end, m.granularity, m.modality, '' AS sentence,
    d.title AS doc_title, d.url AS doc_url, d.source AS doc_source, d.published AS doc_published
  FROM mentions m JOIN documents d ON d.id = m.document_id`;

const HEADLINE = (words: number) => `StartSel=[, StopSel=], MaxWords=${words}, MinWords=${Math.ceil(words / 2)}, ShortWord=0, MaxFragments=1, FragmentDelimiter=…`;

function page<T>(rs: T[], total: number | null, limit: number, offset: number): PageResult<T> {
  const truncated = total === null ? rs.length === limit : offset + rs.length < total;
  return { rows: rs, total, limit, offset, truncated };
}

function versionsOf(mentions: ReturnType<typeof mentionDetail>[]): EventVersion[] {
  const byKey = new Map<string, EventVersion>();
  for (const m of mentions) {
    const key = JSON.stringify([m.date?.start, m.date?.end, m.source.code, m.target?.code ?? null, m.modality]);
    let v = byKey.get(key);
    if (!v) {
      v = { date: m.date, sources: [m.source.code], targets: m.target ? [m.target.code] : [], modality: m.modality, mentionIds: [], documents: [] };
      byKey.set(key, v);
    }
    v.mentionIds.push(m.id);
    if (!v.documents.some((d) => d.id === m.document.id)) v.documents.push(m.document);
  }
  return [...byKey.values()];
}

const candidate = (r: PgEventRow): MergeCandidate => ({
  id: String(r.id), type: r.type, sources: r.sources, targets: r.targets,
  date: dateOf(r.date_start, r.date_end, r.granularity), modality: r.modality, disputed: r.disputed, status: r.status,
});

const bounds = (d: EventMention['date']) => {
  const [first, last] = d ? dayBounds(d) : [null, null];
  return [d?.start ?? null, d?.end ?? null, d?.granularity ?? null, first, last] as const;
};

async function candidatesFor(c: pg.PoolClient, m: EventMention, clusterEventId: string | null): Promise<MergeCandidate[]> {
  const out = new Map<string, PgEventRow>();
  if (m.date) {
    const [first, last] = dayBounds(m.date);
    const codes = [m.source.code, m.target?.code ?? m.source.code];
    // Events starting in the window, and those starting up to ten years before that reach into it.
    const found = await c.query<PgEventRow>({
      name: 'entente-candidates',
      // Driven by event_actors (which holds type and origin too) whatever the planner's statistics say.
      text: `SELECT e.* FROM (SELECT DISTINCT a.event_id FROM event_actors a
          WHERE a.code = ANY ($1) AND a.day_first >= $2 AND a.day_first <= $3 AND (a.day_first >= $4 OR a.day_last >= $4)
            AND a.type = $5 AND a.origin = 'text' LIMIT ${MAX_CANDIDATES}) x JOIN events e ON e.id = x.event_id`,
      values: [codes, shiftDay(first, -3700), shiftDay(last, CANDIDATE_SLACK_DAYS), shiftDay(first, -CANDIDATE_SLACK_DAYS), m.type],
    });
    for (const r of found.rows) out.set(String(r.id), r);
  }
  if (clusterEventId && !out.has(clusterEventId)) {
    const r = await one<PgEventRow>(c, 'SELECT * FROM events WHERE id = $1', [clusterEventId]);
    if (r) out.set(String(r.id), r);
  }
  return [...out.values()].map(candidate);
}

type EnsureYears = ReturnType<typeof eventYearCache>['ensure'];

async function storeMention(c: pg.PoolClient, years: EnsureYears, documentId: string, published: string | null, m: EventMention, clusters: Map<string, string>, indexed: Set<string>): Promise<string> {
  const clusterEventId = m.cluster ? clusters.get(m.cluster) ?? null : null;
  const decision = decideMerge(
    { type: m.type, source: m.source.code, target: m.target?.code ?? null, date: m.date, modality: m.modality, clusterEventId },
    await candidatesFor(c, m, clusterEventId),
  );
  let eventId: string;
  // The event's (new) first day may open a year without a partition yet.
  const newFirst = decision.action === 'new' ? bounds(m.date)[3] : decision.update ? bounds(decision.update.date)[3] : null;
  await years(c, [newFirst]);
  if (decision.action === 'new') {
    const r = await c.query<{ id: string }>({
      name: 'entente-insert-event',
      text: `INSERT INTO events (origin, type, mode, sources, targets, date_start, date_end, granularity, day_first, day_last,
          date_kind, modality, mention_count, disputed, status, intensity, first_reported, last_reported, loc_name)
        VALUES ('text', $1, $2, $3, $4, $5, $6, $7, $8, $9, 'event', $10, 1, false, 'extracted', $11, $12, $12, $13) RETURNING id`,
      values: [m.type, m.mode ?? null, [m.source.code], m.target ? [m.target.code] : [], ...bounds(m.date), m.modality, intensity(m.type, m.mode), published, m.location ?? null],
    });
    eventId = String(r.rows[0].id);
  } else {
    eventId = decision.eventId;
    const row = (await one<{ status: string }>(c, 'SELECT status FROM events WHERE id = $1', [eventId]))!;
    const frozen = row.status === 'corrected' || row.status === 'rejected';
    // A curated event keeps every field, its mention count included: the mention is only attached.
    if (decision.update || !frozen) {
      const u = decision.update;
      await c.query({
        name: 'entente-join-event',
        text: `UPDATE events SET
            date_start = CASE WHEN $2 THEN $3 ELSE date_start END, date_end = CASE WHEN $2 THEN $4 ELSE date_end END,
            granularity = CASE WHEN $2 THEN $5 ELSE granularity END, day_first = CASE WHEN $2 THEN $6 ELSE day_first END,
            day_last = CASE WHEN $2 THEN $7 ELSE day_last END, modality = CASE WHEN $2 THEN $8 ELSE modality END,
            disputed = CASE WHEN $2 THEN $9 ELSE disputed END,
            mention_count = mention_count + $10,
            first_reported = CASE WHEN $10 = 1 AND (first_reported IS NULL OR $11 < first_reported) THEN coalesce($11, first_reported) ELSE first_reported END,
            last_reported = CASE WHEN $10 = 1 AND (last_reported IS NULL OR $11 > last_reported) THEN coalesce($11, last_reported) ELSE last_reported END
          WHERE id = $1`,
        values: [eventId, !!u, ...(u ? bounds(u.date) : [null, null, null, null, null]), u?.modality ?? null, u?.disputed ?? null, frozen ? 0 : 1, published],
      });
    }
  }
  if (m.cluster && !clusters.has(m.cluster)) clusters.set(m.cluster, eventId);
  const span = `${m.evidence.start}:${m.evidence.end}`;
  const first = !indexed.has(span);
  if (first) indexed.add(span);
  await c.query({
    name: 'entente-insert-mention',
    text: `INSERT INTO mentions (document_id, event_id, start_offset, end_offset, sentence, type, mode, source_code, source_name, source_role,
        target_code, target_name, target_role, date_start, date_end, granularity, modality, location, cluster, attribution_code,
        attribution_name, confidence, rule)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)`,
    values: [documentId, eventId, m.evidence.start, m.evidence.end, first ? m.evidence.text : '', m.type, m.mode ?? null,
      m.source.code, m.source.name, m.source.role ?? null, m.target?.code ?? null, m.target?.name ?? null, m.target?.role ?? null,
      m.date?.start ?? null, m.date?.end ?? null, m.date?.granularity ?? null, m.modality, m.location ?? null, m.cluster ?? null,
      m.attribution?.code ?? null, m.attribution?.name ?? null, m.confidence, m.rule ?? null],
  });
  return eventId;
}

async function addDocumentTx(c: pg.PoolClient, years: EnsureYears, doc: DocumentInput, mentions: Iterable<EventMention>): Promise<IngestResult> {
  await c.query('SELECT pg_advisory_xact_lock($1)', [TEXT_MERGE_LOCK]);
  const hash = doc.hash ?? contentHash(doc.text);
  const existing = await one<{ id: string }>(c, 'SELECT id FROM documents WHERE hash = $1', [hash]);
  if (existing) {
    const r = (await one<{ n: number; ids: string[] | null }>(c,
      'SELECT count(*)::int AS n, array_agg(DISTINCT event_id::text) AS ids FROM mentions WHERE document_id = $1', [existing.id]))!;
    return { documentId: String(existing.id), stored: false, mentions: r.n, eventIds: r.ids ?? [] };
  }
  const published = doc.published ?? null;
  const inserted = await one<{ id: string }>(c, `INSERT INTO documents (hash, title, url, source, published, language, text, length, ingested_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
  [hash, doc.title ?? null, doc.url ?? null, doc.source ?? null, published, doc.language ?? null, doc.text, doc.text.length, new Date().toISOString()]);
  const documentId = String(inserted!.id);
  const clusters = new Map<string, string>();
  const indexed = new Set<string>();
  const seen = new Set<string>();
  const actors = new Set<string>();
  const eventIds: string[] = [];
  let i = 0;
  for (const raw of mentions) {
    const parsed = EventMentionSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new EntenteError('BAD_INPUT', `mention ${i}: ${issue.path.join('.') || 'value'}: ${issue.message}`);
    }
    const id = await storeMention(c, years, documentId, published, parsed.data, clusters, indexed);
    actors.add(parsed.data.source.code);
    if (parsed.data.target) actors.add(parsed.data.target.code);
    if (!seen.has(id)) {
      seen.add(id);
      eventIds.push(id);
    }
    i++;
  }
  if (actors.size) await c.query('INSERT INTO actors (code) SELECT unnest($1::text[]) ORDER BY 1 ON CONFLICT DO NOTHING', [[...actors]]);
  return { documentId, stored: true, mentions: i, eventIds };
}

export function eventsPart({ primary, read }: Pools): Omit<EventStore, 'importEvents'> {
  const years = eventYearCache();
  async function listPage(db: Db, f: EventFilter, p: { limit: number; offset: number }): Promise<PageResult<EventRecord>> {
    const s = await filterSql(db, f);
    // A window split in two (event-query.ts) is read part after part, each in its index's order.
    const parts = s.parts ? (f.order === 'desc' ? [s.parts[1], s.parts[0]] : s.parts) : [s];
    const rs: PgEventRow[] = [];
    let skip = p.offset;
    for (const part of parts) {
      const want = p.limit + 1 - rs.length;
      if (want <= 0) break;
      const values = [...part.params.values, want, skip];
      const n = part.params.values.length;
      const got = await rows<PgEventRow>(db, `SELECT e.*, ${FIRST_SENTENCE} ${part.from} ORDER BY ${part.orderBy} LIMIT $${n + 1} OFFSET $${n + 2}`, values);
      rs.push(...got);
      // An empty read means the offset passed this part: skip its rows (at most `skip` counted).
      if (got.length > 0) skip = 0;
      else if (skip > 0) skip -= (await one<{ n: number }>(db, `SELECT count(*)::int AS n FROM (SELECT 1 ${part.countFrom} LIMIT $${n + 1}) x`, [...part.params.values, skip]))!.n;
    }
    const more = rs.length > p.limit;
    if (more) rs.pop();
    let total: number | null;
    if (!more && (rs.length > 0 || p.offset === 0)) total = p.offset + rs.length;
    else if (s.driveRows !== null && s.driveRows > COUNT_BUDGET) total = null;
    else {
      const values = s.params.values;
      const n = (await one<{ n: number }>(db, `SELECT count(*)::int AS n FROM (SELECT 1 ${s.countFrom} LIMIT ${COUNT_CAP}) x`, values))!.n;
      total = n >= COUNT_CAP ? null : n;
    }
    return { rows: rs.map((r) => eventRecord(r)), total, limit: p.limit, offset: p.offset, truncated: more };
  }

  async function detail(db: Db, r: PgEventRow, pg?: Page): Promise<EventDetail> {
    const total = (await one<{ n: number }>(db, 'SELECT count(*)::int AS n FROM mentions WHERE event_id = $1', [r.id]))!.n;
    const p = pg ? normalizePage(pg) : { limit: total, offset: 0 };
    // One page of the mentions: the page's ids first, so only those rows read their sentence.
    const pageOf = (limit: number | null, offset: number) => rows<PgMentionRow>(db, `${MENTION_SELECT} WHERE m.id IN (SELECT p.id FROM mentions p JOIN documents pd ON pd.id = p.document_id
        WHERE p.event_id = $1 ORDER BY pd.published NULLS FIRST, p.document_id, p.start_offset, p.id LIMIT $2 OFFSET $3)
      ORDER BY d.published NULLS FIRST, m.document_id, m.start_offset, m.id`, [r.id, limit, offset]);
    const mentions = (await pageOf(pg ? p.limit : null, p.offset)).map(mentionDetail);
    const first = p.offset === 0 ? mentions[0] : (await pageOf(1, 0)).map(mentionDetail)[0];
    const rec = eventRecord(r, first?.sentence ?? null);
    // Versions count every mention (without its sentence), whatever the page.
    const versions = rec.disputed
      ? versionsOf((await rows<PgMentionRow>(db, `${VERSION_SELECT} WHERE m.event_id = $1 ORDER BY d.published NULLS FIRST, m.document_id, m.start_offset, m.id`, [r.id])).map(mentionDetail))
      : [];
    return { ...rec, mentions, mentionPage: { total, limit: p.limit, offset: p.offset, truncated: p.offset + mentions.length < total }, versions };
  }

  /**
   * The analyst's search text as a tsquery, as SQLite reads it (../search.ts): every word must
   * match, `"a phrase"` its words in order (<->), OR either term. Words are quoted lexemes, so
   * no other text is ever read as query syntax.
   */
  function tsQuery(text: string): string {
    const terms = searchTerms(text);
    if (terms.length === 0) throw new EntenteError('BAD_INPUT', 'search: give at least one word');
    return tsqueryText(terms);
  }

  const TSQ = "to_tsquery('simple', $1)";
  const count: Record<SearchKind, (q: string) => Promise<number>> = {
    document: async (q) => (await one<{ n: number }>(read, `SELECT count(*)::int AS n FROM documents WHERE tsv @@ ${TSQ}`, [q]))!.n,
    mention: async (q) => (await one<{ n: number }>(read, `SELECT count(*)::int AS n FROM mentions WHERE tsv @@ ${TSQ}`, [q]))!.n,
    event: async (q) => (await one<{ n: number }>(read, `SELECT count(*)::int AS n FROM events e WHERE ${EVENT_TSV} @@ ${TSQ}`, [q]))!.n,
  };
  const hits: Record<SearchKind, (q: string, words: string[], limit: number, offset: number) => Promise<SearchHit[]>> = {
    document: async (q, _words, limit, offset) => (await rows<{ id: string; title: string | null; snip: string }>(read, `SELECT d.id, d.title,
        ts_headline('simple', left(d.text, ${FTS_DOCUMENT_CHARS}), ${TSQ}, '${HEADLINE(16)}') AS snip
      FROM documents d WHERE d.tsv @@ ${TSQ}
      ORDER BY ts_rank(d.tsv, ${TSQ}) DESC, d.id LIMIT $2 OFFSET $3`, [q, limit, offset]))
      .map((d) => ({ kind: 'document', documentId: String(d.id), mentionId: null, eventId: null, title: d.title, snippet: d.snip })),
    mention: async (q, _words, limit, offset) => (await rows<{ id: string; document_id: string; event_id: string; title: string | null; snip: string }>(read, `SELECT m.id, m.document_id, m.event_id, d.title,
        ts_headline('simple', m.sentence, ${TSQ}, '${HEADLINE(24)}') AS snip
      FROM mentions m JOIN documents d ON d.id = m.document_id WHERE m.tsv @@ ${TSQ}
      ORDER BY ts_rank(m.tsv, ${TSQ}) DESC, m.id LIMIT $2 OFFSET $3`, [q, limit, offset]))
      .map((m) => ({ kind: 'mention', documentId: String(m.document_id), mentionId: String(m.id), eventId: String(m.event_id), title: m.title, snippet: m.snip })),
    // The most recently stored first, as on SQLite; the snippet is cut in TypeScript (one line per event).
    event: async (q, words, limit, offset) => (await rows<PgEventRow & { search_text: string }>(read, `SELECT e.*, ${FIRST_SENTENCE}, ${EVENT_TEXT} AS search_text
      FROM events e WHERE ${EVENT_TSV} @@ ${TSQ} ORDER BY e.id DESC LIMIT $2 OFFSET $3`, [q, limit, offset]))
      .map((r) => eventHit(eventRecord(r), r.search_text, words)),
  };

  return {
    async addDocument(doc, mentions) {
      if (typeof doc.text !== 'string' || doc.text.length === 0) throw new EntenteError('BAD_INPUT', 'document text is empty');
      // A list can be stored again after a deadlock; a lazy stream is consumed once.
      try {
        return await transaction(primary, (c) => addDocumentTx(c, years.ensure, doc, mentions), { retry: Array.isArray(mentions) });
      } catch (e) {
        years.forget();
        throw e;
      }
    },

    async findDocument(hash) {
      const r = await one<{ id: string }>(primary, 'SELECT id FROM documents WHERE hash = $1', [hash]);
      return r ? String(r.id) : null;
    },

    async registerActors(actors) {
      if (!actors.length) return;
      const byCode = new Map(actors.map((a) => [a.code, a.name]));
      const codes = [...byCode.keys()].sort();
      await primary.query(`INSERT INTO actors (code, name) SELECT * FROM unnest($1::text[], $2::text[])
        ON CONFLICT (code) DO UPDATE SET name = excluded.name WHERE actors.name IS DISTINCT FROM excluded.name`, [codes, codes.map((c) => byCode.get(c))]);
    },

    async listEvents(filter, pg) {
      return listPage(read, filter, normalizePage(pg));
    },

    async getEvent(id, mentions) {
      if (!/^\d{1,18}$/.test(id)) return null;
      // By id from the primary: an event just stored is there at once, whatever a replica's lag.
      const r = await one<PgEventRow>(primary, 'SELECT * FROM events WHERE id = $1', [id]);
      return r ? detail(primary, r, mentions) : null;
    },

    async timeline(actor, other, filter = {}, pg) {
      return listPage(read, { ...filter, actor, with: other ?? undefined }, normalizePage(pg));
    },

    async search(text, pg, kinds) {
      const p = normalizePage(pg);
      const q = tsQuery(text);
      const words = queryWords(text);
      const counts: Array<[SearchKind, number]> = [];
      for (const k of checkKinds(kinds)) counts.push([k, await count[k](q)]);
      const out: SearchHit[] = [];
      for (const s of pageSlices(counts, p)) out.push(...(await hits[s.kind](q, words, s.limit, s.offset)));
      return page(out, counts.reduce((n, [, c]) => n + c, 0), p.limit, p.offset);
    },

    async listActors(pg) {
      const p = normalizePage(pg);
      const all = await rows<{ code: string; name: string | null; n: number }>(read, `WITH c AS (
          SELECT code, sum(n)::int AS n FROM actor_count_deltas GROUP BY code HAVING sum(n) > 0)
        SELECT x.code, a.name, x.n FROM (SELECT code, n FROM c UNION ALL SELECT code, 0 FROM actors WHERE code NOT IN (SELECT code FROM c)) x
        LEFT JOIN actors a ON a.code = x.code ORDER BY x.n DESC, x.code`);
      const slice = all.slice(p.offset, p.offset + p.limit);
      return page<ActorSummary>(slice.map((r) => ({ code: r.code, name: r.name, events: r.n })), all.length, p.limit, p.offset);
    },

    async getDocument(id) {
      if (!/^\d{1,18}$/.test(id)) return null;
      const d = await one<{ id: string; hash: string; title: string | null; url: string | null; source: string | null; published: string | null; language: string | null; text: string; length: number; ingested_at: string; n: number }>(
        primary, `SELECT d.id, d.hash, d.title, d.url, d.source, d.published, d.language, d.text, d.length, d.ingested_at,
          (SELECT count(*)::int FROM mentions WHERE document_id = d.id) AS n FROM documents d WHERE id = $1`, [id]);
      if (!d) return null;
      const spans = await rows<{ id: string; start_offset: number; end_offset: number; event_id: string; type: EventRecord['type']; modality: EventRecord['modality']; status: EventRecord['status'] }>(
        // The event's type, modality and status, not the mention's: the reader shows what curation made of it.
        primary, `SELECT m.id, m.start_offset, m.end_offset, m.event_id, e.type, e.modality, e.status FROM mentions m JOIN events e ON e.id = m.event_id
          WHERE m.document_id = $1 ORDER BY m.start_offset, m.id`, [d.id]);
      return {
        id: String(d.id), hash: d.hash, title: d.title, url: d.url, source: d.source, published: d.published, language: d.language,
        length: d.length, mentions: d.n, ingestedAt: d.ingested_at, text: d.text,
        mentionSpans: spans.map((s) => ({ id: String(s.id), start: s.start_offset, end: s.end_offset, eventId: String(s.event_id), type: s.type, modality: s.modality, status: s.status })),
      };
    },

    async listDocuments(pg) {
      const p = normalizePage(pg);
      const rs = await rows<Record<string, unknown>>(read, `SELECT d.id, d.hash, d.title, d.url, d.source, d.published, d.language, d.length, d.ingested_at,
          (SELECT count(*)::int FROM mentions WHERE document_id = d.id) AS n
        FROM documents d ORDER BY d.id LIMIT $1 OFFSET $2`, [p.limit, p.offset]);
      const total = (await one<{ n: number }>(read, 'SELECT count(*)::int AS n FROM documents'))!.n;
      return page<DocumentSummary>(rs.map((d) => ({
        id: String(d.id), hash: d.hash as string, title: d.title as string | null, url: d.url as string | null, source: d.source as string | null,
        published: d.published as string | null, language: d.language as string | null, length: d.length as number, mentions: d.n as number,
        ingestedAt: d.ingested_at as string,
      })), total, p.limit, p.offset);
    },

    async *streamEvents(filter) {
      const s = await filterSql(read, filter);
      const after = s.params.add('0');
      const at = s.params.values.length - 1;
      // Keyset pages on the event id: no cursor stays open while the consumer writes.
      const sql = `SELECT e.* ${s.from} AND e.id > ${after}::bigint ORDER BY e.id LIMIT 500`;
      for (;;) {
        const rs = await rows<PgEventRow>(read, sql, s.params.values);
        if (rs.length === 0) return;
        for (const r of rs) yield await detail(read, r);
        s.params.values[at] = rs[rs.length - 1].id;
      }
    },

    async analysisEvents(filter) {
      const s = await filterSql(read, filter);
      const cols = 'e.id::text, e.type, e.sources, e.targets, e.day_first, e.day_last, e.modality, e.mention_count, e.intensity, e.origin';
      const sql = `SELECT ${cols} ${s.analysisFrom} AND e.day_first IS NOT NULL ORDER BY ${s.byActor ? 'e.day_first, e.id' : s.orderBy}`;
      const res = await read.query({ text: sql, values: s.params.values, rowMode: 'array' });
      return (res.rows as unknown[][]).map((r): AnalysisEvent => ({
        id: r[0] as string, type: r[1] as AnalysisEvent['type'], sources: r[2] as string[], targets: r[3] as string[],
        start: r[4] as string, end: r[5] as string, modality: r[6] as AnalysisEvent['modality'], mentions: r[7] as number,
        intensity: r[8] as number, origin: r[9] as AnalysisEvent['origin'],
      }));
    },

    async actorEventCounts(c) {
      const params: unknown[] = [];
      const cond = [`day_first <> ''`, `status <> 'rejected'`];
      if (c.actors?.length) cond.push(`code = ANY($${params.push(c.actors)})`);
      if (c.origin?.length) cond.push(`origin = ANY($${params.push(c.origin)})`);
      if (c.modality?.length) cond.push(`modality = ANY($${params.push(c.modality)})`);
      if (c.from) cond.push(`day_first >= $${params.push(c.from)}`);
      if (c.to) cond.push(`day_first <= $${params.push(c.to)}`);
      const rs = await rows<{ code: string; modality: Modality; n: number }>(read, `SELECT code, modality, count(*)::int AS n FROM event_actors WHERE ${cond.join(' AND ')} GROUP BY code, modality`, params);
      return rs.map((r) => ({ code: r.code, modality: r.modality, events: r.n }));
    },

    async counts() {
      return (await one<{ documents: number; mentions: number; events: number; actors: number }>(read, `SELECT
        (SELECT count(*)::int FROM documents) AS documents, (SELECT count(*)::int FROM mentions) AS mentions,
        (SELECT count(*)::int FROM events) AS events,
        (SELECT count(*)::int FROM (SELECT code FROM actor_count_deltas GROUP BY code HAVING sum(n) > 0 UNION SELECT code FROM actors) x) AS actors`))!;
    },
  };
}
