// The tables derived from `events` (event_actors, actor_counts, event_volume, event_stats)
// against a direct recomputation from the events table, after every write path: bulk and
// row-by-row dataset imports, text ingest with merges, and each curation edit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from './sqlite-store.js';
import type { Store } from '../store.js';
import type { DatasetStore } from '../../ingest/datasets/dataset-store.js';
import type { DatasetEventInput } from '../../domain/event.js';
import type { EventMention } from '../../domain/mention.js';

const who = { tokenId: 'tok_test', role: 'editor' };
let dir: string;
let file: string;
let store: Store & DatasetStore;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'entente-index-'));
  file = join(dir, 'i.db');
  store = (await openSqliteStore(file)) as Store & DatasetStore;
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
const ev = (over: Partial<DatasetEventInput> = {}): DatasetEventInput => ({
  origin: 'gdelt', externalId: String(++n), type: 'CONSULT', mode: null, sources: ['RUS'], targets: ['PRK'],
  date: { start: '2023-09-13', end: '2023-09-13', granularity: 'day' }, dateKind: 'event', modality: 'asserted',
  mentionCount: 1, reportedAt: null, location: null, sourceUrl: null, attrs: {}, ...over,
});

function derived() {
  const db = new Database(file, { readonly: true });
  try {
    const all = (sql: string) => db.prepare(sql).all();
    return {
      actorRows: all(`SELECT code, day_first, event_id, role, day_last, type, modality, status, origin FROM event_actors ORDER BY 1, 2, 3`),
      actorRowsDirect: all(`SELECT code, day_first, event_id, CASE WHEN count(*) > 1 THEN 'both' ELSE max(role) END AS role, day_last, type, modality, status, origin
        FROM (SELECT j.value AS code, coalesce(e.day_first, '') AS day_first, e.id AS event_id, 'source' AS role, e.day_last, e.type, e.modality, e.status, e.origin FROM events e, json_each(e.sources) j
          UNION SELECT j.value, coalesce(e.day_first, ''), e.id, 'target', e.day_last, e.type, e.modality, e.status, e.origin FROM events e, json_each(e.targets) j)
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`),
      counts: all('SELECT code, events FROM actor_counts WHERE events > 0 ORDER BY code'),
      countsDirect: all(`SELECT code, count(DISTINCT id) AS events FROM (SELECT j.value AS code, e.id FROM events e, json_each(e.sources) j
        UNION ALL SELECT j.value, e.id FROM events e, json_each(e.targets) j) GROUP BY code ORDER BY code`),
      volume: all('SELECT day_first, day_last, origin, modality, status, events, mentions FROM event_volume WHERE events > 0 ORDER BY 1, 2, 3, 4, 5'),
      volumeDirect: all(`SELECT day_first, coalesce(day_last, day_first) AS day_last, origin, modality, status, count(*) AS events, sum(max(mention_count, 1)) AS mentions
        FROM events WHERE day_first IS NOT NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`),
      span: (db.prepare("SELECT value FROM event_stats WHERE key = 'max_span_days'").get() as { value: number }).value,
      spanDirect: (db.prepare('SELECT coalesce(max(CAST(round(julianday(day_last) - julianday(day_first)) AS INTEGER)), 0) AS v FROM events').get() as { v: number }).v,
    };
  } finally {
    db.close();
  }
}

function expectInStep(): void {
  const d = derived();
  expect(d.actorRows).toEqual(d.actorRowsDirect);
  expect(d.counts).toEqual(d.countsDirect);
  expect(d.volume).toEqual(d.volumeDirect);
  expect(d.span).toBe(d.spanDirect);
}

const sentence = 'Russia attacked Ukraine.';
const mention = (over: Partial<EventMention> = {}): EventMention => ({
  type: 'ASSAULT', source: { code: 'RUS', name: 'Russia' }, target: { code: 'UKR', name: 'Ukraine' },
  date: { start: '2022-02-24', end: '2022-02-24', granularity: 'day' }, modality: 'asserted',
  evidence: { start: 0, end: sentence.length, text: sentence }, confidence: 0.9, ...over,
});

describe('derived event tables', () => {
  it('stay equal to a direct recomputation after bulk imports, re-imports and long events', async () => {
    const batch = Array.from({ length: 120 }, (_, i) => ev({
      sources: [['RUS', 'CHN', 'USA'][i % 3]], targets: i % 7 === 0 ? [] : [['PRK', 'RUS', 'KOR', 'UKR'][i % 4]],
      date: { start: `2023-0${1 + (i % 9)}-1${i % 10}`, end: `2023-0${1 + (i % 9)}-1${i % 10}`, granularity: 'day' }, mentionCount: i % 4,
    }));
    // Sources and targets naming one actor twice, and a decade-long event.
    batch.push(ev({ sources: ['RUS', 'RUS'], targets: ['RUS', 'UKR'] }), ev({ date: { start: '1980', end: '1989', granularity: 'decade' }, origin: 'icews' }));
    expect((await store.importEvents(batch)).imported).toBe(122);
    expect((await store.importEvents(batch)).imported).toBe(0);
    const d = derived();
    expect(d.span).toBe(3652); // 1980-01-01 … 1989-12-31
    expect(d.counts.length).toBeGreaterThan(3);
    expectInStep();
  });

  it('stay in step when GDELT mentions arrive before their events (row-by-row path)', async () => {
    await store.importGdeltMentions([{
      globalEventId: '9001', eventTime: '20230913000000', mentionTime: '20230914000000', mentionType: 1, sourceName: 'x', identifier: 'http://x/1',
      sentenceId: 1, actor1Offset: 0, actor2Offset: 1, actionOffset: 2, inRawText: true, confidence: 100, docLength: 10, docTone: 0, translationInfo: null,
    }]);
    await store.importEvents([ev({ externalId: '9001', mentionCount: 3 }), ev({ externalId: '9002' })]);
    const rows = (await store.listEvents({ actor: 'RUS', with: 'PRK' })).rows;
    expect(rows.find((e) => e.externalId === '9001')!.mentionCount).toBe(4);
    expectInStep();
  });

  it('stay in step through text ingest and every curation edit', async () => {
    const r1 = await store.addDocument({ text: sentence, published: '2022-02-25' }, [mention()]);
    await store.addDocument({ text: `${sentence} `, published: '2022-02-26' }, [mention(), mention({ target: { code: 'POL', name: 'Poland' }, date: { start: '2022', end: '2022', granularity: 'year' } })]);
    expectInStep();
    await store.importEvents([ev({ origin: 'curated' }), ev({ origin: 'curated', sources: ['PRK'], targets: ['RUS', 'CHN'] })]);
    const ids = (await store.listEvents({ actor: 'PRK' })).rows.map((e) => e.id);
    await store.mergeEvents(ids, who);
    expectInStep();
    await store.correctEvent(r1.eventIds[0], { date: { start: '2021-12', end: '2022-03', granularity: 'range' }, targets: ['UKR', 'BLR'] }, who);
    expectInStep();
    const detail = (await store.getEvent(r1.eventIds[0]))!;
    await store.splitEvent(detail.id, [detail.mentions[1].id], who);
    expectInStep();
    await store.setEventStatus(detail.id, 'rejected', who);
    await store.mergeActors('BLR', 'RUS', who);
    expectInStep();
    expect((await store.listActors()).rows.find((a) => a.code === 'BLR')).toBeUndefined();
  });

  it('must not let a window miss an event that started long before it', async () => {
    await store.importEvents([ev({ date: { start: '1980', end: '1989', granularity: 'decade' } }), ev({ date: { start: '1989-06-01', end: '1989-06-01', granularity: 'day' } })]);
    const rows = (await store.listEvents({ actor: 'RUS', with: 'PRK', from: '1989-05', to: '1989-07' })).rows;
    expect(rows.map((e) => e.date?.granularity)).toEqual(['decade', 'day']);
    expect((await store.analysisEvents({ from: '1989-05', to: '1989-07' })).length).toBe(2);
    expect((await store.listEvents({ actor: 'RUS', from: '1990' })).rows).toHaveLength(0);
  });
});
