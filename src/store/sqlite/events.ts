// SQLite part of the event store: documents and their mentions (merged into events by
// ../merge.ts, one transaction per document) and every event query. importEvents lives in
// dataset-import.ts. Statements are prepared once per connection.
import type Database from 'better-sqlite3';
import type { EventStore, DocumentInput, IngestResult, Page, PageResult, EventDetail, EventVersion, SearchHit, ActorSummary, DocumentSummary, DocumentDetail, EventFilter } from '../event-store.js';
import { EventMentionSchema, type EventMention, type Modality } from '../../domain/mention.js';
import type { AnalysisEvent, EventRecord, EventStatus } from '../../domain/event.js';
import { intensity } from '../../domain/plover.js';
import { dayBounds } from '../../domain/date-range.js';
import { EntenteError } from '../../domain/errors.js';
import { decideMerge, type MergeCandidate } from '../merge.js';
import { contentHash } from '../content-hash.js';
import { COUNT_BUDGET, COUNT_CAP, filterSql, normalizePage } from './event-query.js';
import { dateOf, eventRecord, mentionDetail, type EventRow, type MentionRow } from './rows.js';
import { eventIndexer } from './event-index.js';
import { queryWords, snippetOf, SNIPPET_SCAN_CHARS } from '../snippet.js';
import { checkKinds, eventHit, fts5Query, pageSlices, searchTerms, type SearchKind } from '../search.js';
import { eventSearch, eventTextSql } from './event-search.js';

/** Days either side of a mention's date to look for candidate events (covers the dispute gap). */
const CANDIDATE_SLACK_DAYS = 2;
const MAX_CANDIDATES = 200;


function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10);
}

// A sentence stating several events is stored once per document; its other mentions keep ''
// and read it from the first (a 4.8 MB one-line text would otherwise store it thousands of times).
const MENTION_SELECT = `SELECT m.*, CASE WHEN m.sentence <> '' THEN m.sentence ELSE (SELECT x.sentence FROM mentions x
    WHERE x.document_id = m.document_id AND x.start_offset = m.start_offset AND x.end_offset = m.end_offset AND x.sentence <> '' LIMIT 1) END AS sentence,
    d.title AS doc_title, d.url AS doc_url, d.source AS doc_source, d.published AS doc_published
  FROM mentions m JOIN documents d ON d.id = m.document_id`;

/** What versions of a disputed event need of each mention: no sentence, so every mention of a huge event stays cheap. */
const VERSION_SELECT = `SELECT m.id, m.event_id, m.document_id, m.source_code, m.source_name, m.source_role, m.target_code, m.target_name, m.target_role,
    m.date_start, m.date_end, m.granularity, m.modality, '' AS sentence,
    d.title AS doc_title, d.url AS doc_url, d.source AS doc_source, d.published AS doc_published
  FROM mentions m JOIN documents d ON d.id = m.document_id`;

/** The first stored sentence of an event's mentions, for its one-line summary. */
const FIRST_SENTENCE = `(SELECT fs.sentence FROM mentions fs WHERE fs.event_id = e.id AND fs.sentence <> '' ORDER BY fs.id LIMIT 1) AS first_sentence`;

/**
 * The analyst's search text as an FTS5 query (../search.ts: every word must match, `"a phrase"`
 * matches those words in order, OR between terms matches either). Words become FTS5 string
 * literals, so no other text is ever read as query syntax. Null when there is no word.
 */
export function searchQuery(text: string): string | null {
  const terms = searchTerms(text);
  return terms.length ? fts5Query(terms) : null;
}

function page<T>(rows: T[], total: number | null, limit: number, offset: number): PageResult<T> {
  const truncated = total === null ? rows.length === limit : offset + rows.length < total;
  return { rows, total, limit, offset, truncated };
}

/** Each distinct account of a disputed event, with the documents that give it. */
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

export function eventsPart(db: Database.Database): Omit<EventStore, 'importEvents'> {
  const q = {
    docByHash: db.prepare('SELECT id FROM documents WHERE hash = ?'),
    docMentions: db.prepare('SELECT count(*) AS n, group_concat(DISTINCT event_id) AS ids FROM mentions WHERE document_id = ?'),
    insertDoc: db.prepare(`INSERT INTO documents (hash, title, url, source, published, language, text, length, ingested_at)
      VALUES (@hash, @title, @url, @source, @published, @language, @text, @length, @ingested_at)`),
    insertDocFts: db.prepare('INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)'),
    candidates: db.prepare(`SELECT DISTINCT e.* FROM event_actors a JOIN events e ON e.id = a.event_id
      WHERE a.code IN (@source, @target) AND a.day_first >= @lo AND a.day_first <= @hi AND e.type = @type AND e.origin = 'text'
      LIMIT ${MAX_CANDIDATES}`),
    // Events whose range starts before the window but reaches into it (months, years, a decade at most).
    candidatesLong: db.prepare(`SELECT DISTINCT e.* FROM event_actors a JOIN events e ON e.id = a.event_id
      WHERE a.code IN (@source, @target) AND a.day_first < @lo AND a.day_first >= @far AND e.day_last >= @lo AND e.type = @type AND e.origin = 'text'
      LIMIT ${MAX_CANDIDATES}`),
    eventById: db.prepare('SELECT * FROM events WHERE id = ?'),
    insertEvent: db.prepare(`INSERT INTO events (origin, type, mode, sources, targets, date_start, date_end, granularity, day_first, day_last,
        date_kind, modality, mention_count, disputed, status, intensity, first_reported, last_reported, loc_name)
      VALUES ('text', @type, @mode, @sources, @targets, @date_start, @date_end, @granularity, @day_first, @day_last,
        'event', @modality, 1, 0, 'extracted', @intensity, @published, @published, @location)`),
    updateEvent: db.prepare(`UPDATE events SET date_start = @date_start, date_end = @date_end, granularity = @granularity,
        day_first = @day_first, day_last = @day_last, modality = @modality, disputed = @disputed WHERE id = @id`),
    countMention: db.prepare(`UPDATE events SET mention_count = mention_count + 1,
        first_reported = CASE WHEN first_reported IS NULL OR @published < first_reported THEN coalesce(@published, first_reported) ELSE first_reported END,
        last_reported = CASE WHEN last_reported IS NULL OR @published > last_reported THEN coalesce(@published, last_reported) ELSE last_reported END
      WHERE id = @id`),
    insertMention: db.prepare(`INSERT INTO mentions (document_id, event_id, start_offset, end_offset, sentence, type, mode,
        source_code, source_name, source_role, target_code, target_name, target_role, date_start, date_end, granularity,
        modality, location, cluster, attribution_code, attribution_name, confidence, rule)
      VALUES (@document_id, @event_id, @start, @end, @sentence, @type, @mode, @source_code, @source_name, @source_role,
        @target_code, @target_name, @target_role, @date_start, @date_end, @granularity, @modality, @location, @cluster,
        @attribution_code, @attribution_name, @confidence, @rule)`),
    insertMentionFts: db.prepare('INSERT INTO mentions_fts (rowid, sentence) VALUES (?, ?)'),
    actorSeen: db.prepare('INSERT OR IGNORE INTO actors (code, name) VALUES (?, ?)'),
    actorRegister: db.prepare('INSERT INTO actors (code, name) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name'),
    // One page of an event's mentions: the page's ids first, so only those rows read their sentence.
    mentionsOfEvent: db.prepare(`${MENTION_SELECT} WHERE m.id IN (SELECT p.id FROM mentions p JOIN documents pd ON pd.id = p.document_id
        WHERE p.event_id = ? ORDER BY pd.published, p.document_id, p.start_offset, p.id LIMIT ? OFFSET ?)
      ORDER BY d.published, m.document_id, m.start_offset, m.id`),
    mentionCountOfEvent: db.prepare('SELECT count(*) AS n FROM mentions WHERE event_id = ?'),
    versionMentions: db.prepare(`${VERSION_SELECT} WHERE m.event_id = ? ORDER BY d.published, m.document_id, m.start_offset, m.id`),
  };

  const indexNewEvents = eventIndexer(db);

  const candidate = (r: EventRow): MergeCandidate => ({
    id: String(r.id), type: r.type, sources: JSON.parse(r.sources), targets: JSON.parse(r.targets),
    date: dateOf(r.date_start, r.date_end, r.granularity), modality: r.modality, disputed: r.disputed === 1, status: r.status,
  });

  function candidatesFor(m: EventMention, clusterEventId: string | null): MergeCandidate[] {
    const out = new Map<number, EventRow>();
    if (m.date) {
      const [first, last] = dayBounds(m.date);
      const p = { source: m.source.code, target: m.target?.code ?? m.source.code, type: m.type, lo: shiftDay(first, -CANDIDATE_SLACK_DAYS), hi: shiftDay(last, CANDIDATE_SLACK_DAYS), far: shiftDay(first, -3700) };
      for (const r of q.candidates.all(p) as EventRow[]) out.set(r.id, r);
      for (const r of q.candidatesLong.all(p) as EventRow[]) out.set(r.id, r);
    }
    if (clusterEventId) {
      const r = q.eventById.get(Number(clusterEventId)) as EventRow | undefined;
      if (r) out.set(r.id, r);
    }
    return [...out.values()].map(candidate);
  }

  function storeMention(documentId: number, published: string | null, m: EventMention, clusters: Map<string, string>, indexed: Set<string>): string {
    const clusterEventId = m.cluster ? clusters.get(m.cluster) ?? null : null;
    const decision = decideMerge(
      { type: m.type, source: m.source.code, target: m.target?.code ?? null, date: m.date, modality: m.modality, clusterEventId },
      candidatesFor(m, clusterEventId),
    );
    const bounds = (d: EventMention['date']) => {
      const [first, last] = d ? dayBounds(d) : [null, null];
      return { date_start: d?.start ?? null, date_end: d?.end ?? null, granularity: d?.granularity ?? null, day_first: first, day_last: last };
    };
    let eventId: string;
    if (decision.action === 'new') {
      const info = q.insertEvent.run({
        type: m.type, mode: m.mode ?? null, sources: JSON.stringify([m.source.code]), targets: JSON.stringify(m.target ? [m.target.code] : []),
        ...bounds(m.date), modality: m.modality, intensity: intensity(m.type, m.mode), published, location: m.location ?? null,
      });
      indexNewEvents(Number(info.lastInsertRowid) - 1);
      eventId = String(info.lastInsertRowid);
    } else {
      eventId = decision.eventId;
      const row = q.eventById.get(Number(eventId)) as EventRow;
      const frozen = row.status === 'corrected' || row.status === 'rejected';
      if (decision.update) {
        q.updateEvent.run({ id: Number(eventId), ...bounds(decision.update.date), modality: decision.update.modality, disputed: decision.update.disputed ? 1 : 0 });
      }
      // A curated event keeps every field, its mention count included: the mention is only attached.
      if (!frozen) q.countMention.run({ id: Number(eventId), published });
    }
    if (m.cluster && !clusters.has(m.cluster)) clusters.set(m.cluster, eventId);
    const span = `${m.evidence.start}:${m.evidence.end}`;
    const first = !indexed.has(span);
    const info = q.insertMention.run({
      document_id: documentId, event_id: Number(eventId), start: m.evidence.start, end: m.evidence.end, sentence: first ? m.evidence.text : '',
      type: m.type, mode: m.mode ?? null,
      source_code: m.source.code, source_name: m.source.name, source_role: m.source.role ?? null,
      target_code: m.target?.code ?? null, target_name: m.target?.name ?? null, target_role: m.target?.role ?? null,
      date_start: m.date?.start ?? null, date_end: m.date?.end ?? null, granularity: m.date?.granularity ?? null,
      modality: m.modality, location: m.location ?? null, cluster: m.cluster ?? null,
      attribution_code: m.attribution?.code ?? null, attribution_name: m.attribution?.name ?? null,
      confidence: m.confidence, rule: m.rule ?? null,
    });
    // Stored and indexed once per document (see MENTION_SELECT).
    if (first) {
      indexed.add(span);
      q.insertMentionFts.run(info.lastInsertRowid, m.evidence.text);
    }
    q.actorSeen.run(m.source.code, null);
    if (m.target) q.actorSeen.run(m.target.code, null);
    return eventId;
  }

  const addDocument = db.transaction((doc: DocumentInput, mentions: Iterable<EventMention>): IngestResult => {
    const hash = doc.hash ?? contentHash(doc.text);
    const existing = q.docByHash.get(hash) as { id: number } | undefined;
    if (existing) {
      const r = q.docMentions.get(existing.id) as { n: number; ids: string | null };
      return { documentId: String(existing.id), stored: false, mentions: r.n, eventIds: r.ids ? r.ids.split(',') : [] };
    }
    const published = doc.published ?? null;
    const info = q.insertDoc.run({
      hash, title: doc.title ?? null, url: doc.url ?? null, source: doc.source ?? null, published,
      language: doc.language ?? null, text: doc.text, length: doc.text.length, ingested_at: new Date().toISOString(),
    });
    const documentId = Number(info.lastInsertRowid);
    q.insertDocFts.run(documentId, doc.title ?? '', doc.text);
    const clusters = new Map<string, string>();
    const indexed = new Set<string>();
    const seen = new Set<string>();
    const eventIds: string[] = [];
    let i = 0;
    for (const raw of mentions) {
      const parsed = EventMentionSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new EntenteError('BAD_INPUT', `mention ${i}: ${issue.path.join('.') || 'value'}: ${issue.message}`);
      }
      const id = storeMention(documentId, published, parsed.data, clusters, indexed);
      if (!seen.has(id)) {
        seen.add(id);
        eventIds.push(id);
      }
      i++;
    }
    return { documentId: String(documentId), stored: true, mentions: i, eventIds };
  });

  function listPage(f: EventFilter, p: { limit: number; offset: number }): PageResult<EventRecord> {
    const s = filterSql(db, f);
    // One row more than the page says whether more exist, even when the total is not counted.
    // A window split in two (event-query.ts) is read part after part, each in its index's order.
    const parts = s.parts ? (f.order === 'desc' ? [s.parts[1], s.parts[0]] : s.parts) : [s];
    const rows: EventRow[] = [];
    let skip = p.offset;
    for (const part of parts) {
      const want = p.limit + 1 - rows.length;
      if (want <= 0) break;
      const got = db.prepare(`SELECT e.*, ${FIRST_SENTENCE} ${part.from} ORDER BY ${part.orderBy} LIMIT @limit OFFSET @offset`).all({ ...part.params, limit: want, offset: skip }) as EventRow[];
      rows.push(...got);
      // An empty read means the offset passed this part: skip its rows (at most `skip` counted).
      if (got.length > 0) skip = 0;
      else if (skip > 0) skip -= (db.prepare(`SELECT count(*) AS n FROM (SELECT 1 ${part.countFrom} LIMIT @cap)`).get({ ...part.params, cap: skip }) as { n: number }).n;
    }
    const more = rows.length > p.limit;
    if (more) rows.pop();
    let total: number | null;
    if (!more && (rows.length > 0 || p.offset === 0)) total = p.offset + rows.length;
    else if (s.driveRows !== null && s.driveRows > COUNT_BUDGET) total = null;
    else {
      const n = (db.prepare(`SELECT count(*) AS n FROM (SELECT 1 ${s.countFrom} LIMIT ${COUNT_CAP})`).get(s.params) as { n: number }).n;
      total = n >= COUNT_CAP ? null : n;
    }
    return { rows: rows.map((r) => eventRecord(r)), total, limit: p.limit, offset: p.offset, truncated: more };
  }

  function detail(r: EventRow, pg?: Page): EventDetail {
    const total = (q.mentionCountOfEvent.get(r.id) as { n: number }).n;
    const p = pg ? normalizePage(pg) : { limit: total, offset: 0 };
    const mentions = (q.mentionsOfEvent.all(r.id, pg ? p.limit : -1, p.offset) as MentionRow[]).map(mentionDetail);
    const first = p.offset === 0 ? mentions[0] : (q.mentionsOfEvent.all(r.id, 1, 0) as MentionRow[])[0];
    const rec = eventRecord(r, first?.sentence ?? null);
    // Versions count every mention (without its sentence), whatever the page.
    const versions = rec.disputed ? versionsOf((q.versionMentions.all(r.id) as MentionRow[]).map(mentionDetail)) : [];
    return { ...rec, mentions, mentionPage: { total, limit: p.limit, offset: p.offset, truncated: p.offset + mentions.length < total }, versions };
  }

  function ftsQuery(text: string): string {
    const q = searchQuery(text);
    if (!q) throw new EntenteError('BAD_INPUT', 'search: give at least one word');
    return q;
  }

  const events = eventSearch(db);
  const count: Record<SearchKind, (match: string) => number> = {
    document: (match) => (db.prepare('SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH ?').get(match) as { n: number }).n,
    mention: (match) => (db.prepare('SELECT count(*) AS n FROM mentions_fts WHERE mentions_fts MATCH ?').get(match) as { n: number }).n,
    event: events.count,
  };
  // Snippets come from a bounded prefix of the text (../snippet.ts), not FTS5's snippet(),
  // whose cost grows with the square of a document's length.
  const hits: Record<SearchKind, (match: string, words: string[], limit: number, offset: number) => SearchHit[]> = {
    document: (match, words, limit, offset) => (db.prepare(`SELECT f.rowid AS id, d.title, substr(d.text, 1, ${SNIPPET_SCAN_CHARS}) AS head
        FROM documents_fts f JOIN documents d ON d.id = f.rowid WHERE documents_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?`)
      .all(match, limit, offset) as Array<{ id: number; title: string | null; head: string }>)
      .map((d) => ({ kind: 'document', documentId: String(d.id), mentionId: null, eventId: null, title: d.title, snippet: snippetOf(d.head, words) })),
    mention: (match, words, limit, offset) => (db.prepare(`SELECT f.rowid AS id, m.document_id, m.event_id, d.title, substr(m.sentence, 1, ${SNIPPET_SCAN_CHARS}) AS head
        FROM mentions_fts f JOIN mentions m ON m.id = f.rowid JOIN documents d ON d.id = m.document_id
        WHERE mentions_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?`)
      .all(match, limit, offset) as Array<{ id: number; document_id: number; event_id: number; title: string | null; head: string }>)
      .map((m) => ({ kind: 'mention', documentId: String(m.document_id), mentionId: String(m.id), eventId: String(m.event_id), title: m.title, snippet: snippetOf(m.head, words, { context: 120 }) })),
    event: (match, words, limit, offset) => {
      const ids = events.ids(match, limit, offset);
      if (!ids.length) return [];
      const rs = db.prepare(`SELECT e.*, ${FIRST_SENTENCE}, ${eventTextSql('e')} AS search_text FROM events e WHERE e.id IN (${ids.map(() => '?').join(', ')})`)
        .all(...ids) as Array<EventRow & { search_text: string }>;
      const byId = new Map(rs.map((r) => [r.id, r]));
      return ids.flatMap((id) => {
        const r = byId.get(id);
        return r ? [eventHit(eventRecord(r), r.search_text, words)] : [];
      });
    },
  };

  return {
    async addDocument(doc, mentions) {
      if (typeof doc.text !== 'string' || doc.text.length === 0) throw new EntenteError('BAD_INPUT', 'document text is empty');
      return addDocument.immediate(doc, mentions);
    },

    async findDocument(hash) {
      const r = q.docByHash.get(hash) as { id: number } | undefined;
      return r ? String(r.id) : null;
    },

    async registerActors(actors) {
      db.transaction(() => {
        for (const a of actors) q.actorRegister.run(a.code, a.name);
      })();
    },

    async listEvents(filter, pg) {
      return listPage(filter, normalizePage(pg));
    },

    async getEvent(id, mentions) {
      const r = /^\d+$/.test(id) ? (q.eventById.get(Number(id)) as EventRow | undefined) : undefined;
      return r ? detail(r, mentions) : null;
    },

    async timeline(actor, other, filter = {}, pg) {
      return listPage({ ...filter, actor, with: other ?? undefined }, normalizePage(pg));
    },

    async search(text, pg, kinds) {
      const p = normalizePage(pg);
      const match = ftsQuery(text);
      const words = queryWords(text);
      const counts = checkKinds(kinds).map((k): [SearchKind, number] => [k, count[k](match)]);
      const rows: SearchHit[] = [];
      for (const s of pageSlices(counts, p)) rows.push(...hits[s.kind](match, words, s.limit, s.offset));
      return page(rows, counts.reduce((n, [, c]) => n + c, 0), p.limit, p.offset);
    },

    async listActors(pg) {
      const p = normalizePage(pg);
      // actor_counts (kept by the writers) and the registry's actors without events: a store
      // has thousands of actors, not millions.
      const all = db.prepare(`SELECT x.code, a.name, x.n FROM (
          SELECT code, events AS n FROM actor_counts WHERE events > 0
          UNION ALL SELECT code, 0 FROM actors WHERE code NOT IN (SELECT code FROM actor_counts WHERE events > 0)) x
        LEFT JOIN actors a ON a.code = x.code ORDER BY x.n DESC, x.code`).all() as Array<{ code: string; name: string | null; n: number }>;
      const rows = all.slice(p.offset, p.offset + p.limit);
      return page<ActorSummary>(rows.map((r) => ({ code: r.code, name: r.name, events: r.n })), all.length, p.limit, p.offset);
    },

    async getDocument(id) {
      if (!/^\d+$/.test(id)) return null;
      const d = db.prepare(`SELECT d.*, (SELECT count(*) FROM mentions WHERE document_id = d.id) AS n FROM documents d WHERE id = ?`).get(Number(id)) as
        | { id: number; hash: string; title: string | null; url: string | null; source: string | null; published: string | null; language: string | null; text: string; length: number; ingested_at: string; n: number }
        | undefined;
      if (!d) return null;
      // The event's type, modality and status, not the mention's: the reader shows what curation made of it.
      const spans = db.prepare(`SELECT m.id, m.start_offset, m.end_offset, m.event_id, e.type, e.modality, e.status FROM mentions m JOIN events e ON e.id = m.event_id
        WHERE m.document_id = ? ORDER BY m.start_offset`).all(d.id) as
        Array<{ id: number; start_offset: number; end_offset: number; event_id: number; type: DocumentDetail['mentionSpans'][number]['type']; modality: DocumentDetail['mentionSpans'][number]['modality']; status: EventStatus }>;
      return {
        id: String(d.id), hash: d.hash, title: d.title, url: d.url, source: d.source, published: d.published, language: d.language,
        length: d.length, mentions: d.n, ingestedAt: d.ingested_at, text: d.text,
        mentionSpans: spans.map((s) => ({ id: String(s.id), start: s.start_offset, end: s.end_offset, eventId: String(s.event_id), type: s.type, modality: s.modality, status: s.status })),
      };
    },

    async listDocuments(pg) {
      const p = normalizePage(pg);
      const rows = db.prepare(`SELECT d.id, d.hash, d.title, d.url, d.source, d.published, d.language, d.length, d.ingested_at,
          (SELECT count(*) FROM mentions WHERE document_id = d.id) AS n
        FROM documents d ORDER BY d.id LIMIT ? OFFSET ?`).all(p.limit, p.offset) as Array<Record<string, unknown>>;
      const total = (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
      return page<DocumentSummary>(rows.map((d) => ({
        id: String(d.id), hash: d.hash as string, title: d.title as string | null, url: d.url as string | null, source: d.source as string | null,
        published: d.published as string | null, language: d.language as string | null, length: d.length as number, mentions: d.n as number,
        ingestedAt: d.ingested_at as string,
      })), total, p.limit, p.offset);
    },

    async *streamEvents(filter) {
      const s = filterSql(db, filter);
      // Keyset pages on the event id: no statement stays open while the consumer writes.
      const stmt = db.prepare(`SELECT e.* ${s.from} AND e.id > @after ORDER BY e.id LIMIT 500`);
      let after = 0;
      for (;;) {
        const rows = stmt.all({ ...s.params, after }) as EventRow[];
        if (rows.length === 0) return;
        for (const r of rows) yield detail(r);
        after = rows[rows.length - 1].id;
      }
    },

    async analysisEvents(filter) {
      const s = filterSql(db, filter);
      const cols = 'e.id, e.type, e.sources, e.targets, e.day_first, e.day_last, e.modality, e.mention_count, e.intensity, e.origin';
      // With an actor, the index picks the ids and the events are then read in id order
      // (near each other on disk), not in the date order of the index.
      const sql = s.countFrom.startsWith('FROM event_actors')
        ? `SELECT ${cols} FROM events e WHERE e.id IN (SELECT a.event_id ${s.countFrom}) AND e.day_first IS NOT NULL ORDER BY e.day_first, e.id`
        : `SELECT ${cols} ${s.from} AND e.day_first IS NOT NULL ORDER BY ${s.orderBy}`;
      const rows = db.prepare(sql).raw().all(s.params) as unknown[][];
      // A few thousand distinct actor lists serve 100,000 rows: parse each once. The arrays are
      // shared between events, which the analyses only read.
      const lists = new Map<string, string[]>();
      const list = (json: string): string[] => {
        let v = lists.get(json);
        if (!v) lists.set(json, (v = JSON.parse(json) as string[]));
        return v;
      };
      return rows.map((r): AnalysisEvent => ({
        id: String(r[0]), type: r[1] as AnalysisEvent['type'], sources: list(r[2] as string), targets: list(r[3] as string),
        start: r[4] as string, end: r[5] as string, modality: r[6] as AnalysisEvent['modality'], mentions: r[7] as number,
        intensity: r[8] as number, origin: r[9] as AnalysisEvent['origin'],
      }));
    },

    async actorEventCounts(c) {
      const params: unknown[] = [];
      const cond: string[] = [];
      const list = (col: string, xs: readonly string[] | undefined) => {
        if (!xs?.length) return;
        cond.push(`${col} IN (${xs.map(() => '?').join(', ')})`);
        params.push(...xs);
      };
      list('code', c.actors);
      list('origin', c.origin);
      list('modality', c.modality);
      let rows: unknown[];
      if (!c.from && !c.to) {
        // All time: the rollup counts each dated, unrejected event once per actor, as the count does; thousands of rows, not millions.
        rows = db.prepare(`SELECT code, modality, sum(events) AS n FROM rollup_actors ${cond.length ? `WHERE ${cond.join(' AND ')}` : ''}
          GROUP BY code, modality HAVING sum(events) > 0`).all(...params);
      } else {
        // A window: one range of the (code, day_first) key per actor (a skip-scan when every actor is asked for).
        cond.push(`day_first <> ''`, `status <> 'rejected'`);
        for (const [op, day] of [['>=', c.from], ['<=', c.to]] as const) {
          if (!day) continue;
          cond.push(`day_first ${op} ?`);
          params.push(day);
        }
        rows = db.prepare(`SELECT code, modality, count(*) AS n FROM event_actors WHERE ${cond.join(' AND ')} GROUP BY code, modality`).all(...params);
      }
      return (rows as Array<{ code: string; modality: Modality; n: number }>).map((r) => ({ code: r.code, modality: r.modality, events: r.n }));
    },

    async counts() {
      const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      return {
        documents: n('SELECT count(*) AS n FROM documents'),
        mentions: n('SELECT count(*) AS n FROM mentions'),
        events: n('SELECT count(*) AS n FROM events'),
        actors: n('SELECT count(*) AS n FROM (SELECT code FROM actor_counts WHERE events > 0 UNION SELECT code FROM actors)'),
      };
    },
  };
}

