// The store contract and the PostgreSQL-only behaviour against a real server (ENTENTE_TEST_PG;
// scripts/test-pg.sh starts a throw-away one). Skipped without it.
import { afterAll, describe, expect, it } from 'vitest';
import { runStoreContract } from '../store.contract.js';
import { COUNT_BUDGET } from './event-query.js';
import type { DatasetEventInput } from '../../domain/event.js';
import type { EventMention } from '../../domain/mention.js';
import pg from 'pg';
import { openPostgresStore } from './pg-store.js';
import { EVENT_TSV } from './event-search.js';
import { checkServerVersion, describeUrl } from './connect.js';
import { TEST_PG_URL, dropTestSchemas, execIn, freshPgUrl } from './test-db.js';

describe('postgres connection helpers', () => {
  it('names host, port and database without the password', () => {
    expect(describeUrl('postgres://ann:secret@db.example.org:6543/news')).toBe('db.example.org:6543/news');
    expect(describeUrl('postgresql://localhost/news')).toBe('localhost:5432/news');
  });
  it('refuses a server older than PostgreSQL 15', () => {
    expect(() => checkServerVersion(140011, 'h:5432/db')).toThrow(expect.objectContaining({ code: 'UNSUPPORTED', message: expect.stringContaining('version 14') }));
    expect(() => checkServerVersion(150004, 'h:5432/db')).not.toThrow();
    expect(() => checkServerVersion(170000, 'h:5432/db')).not.toThrow();
  });
});

describe.skipIf(!TEST_PG_URL)('postgres store', () => {
  afterAll(dropTestSchemas);

  runStoreContract('postgres', async () => openPostgresStore(await freshPgUrl()), {
    async openTooNew() {
      const url = await freshPgUrl();
      await (await openPostgresStore(url)).close();
      await execIn(url, "INSERT INTO schema_migrations (id, applied_at) VALUES ('999-from-the-future', '2030-01-01')");
      return openPostgresStore(url);
    },
  });
  it('stores a lazy stream of mentions in the document\'s transaction, and nothing when the stream fails midway', async () => {
    const store = await openPostgresStore(await freshPgUrl());
    try {
      const text = 'Russia attacked Ukraine. Russia attacked Ukraine again.';
      const mention = (start: number, end: number): EventMention => ({
        type: 'ASSAULT', source: { code: 'RUS', name: 'Russia' }, target: { code: 'UKR', name: 'Ukraine' }, date: null, modality: 'asserted',
        evidence: { start, end, text: text.slice(start, end) }, confidence: 0.9,
      });
      function* failing(): Generator<EventMention> {
        yield mention(0, 24);
        throw new Error('extractor crashed');
      }
      await expect(store.addDocument({ text, published: '2022-02-24' }, failing())).rejects.toThrow('extractor crashed');
      expect(await store.counts()).toMatchObject({ documents: 0, mentions: 0, events: 0 });
      function* fine(): Generator<EventMention> {
        yield mention(0, 24);
        yield mention(25, text.length);
      }
      expect(await store.addDocument({ text, published: '2022-02-24' }, fine())).toMatchObject({ stored: true, mentions: 2 });
      expect(await store.counts()).toMatchObject({ documents: 1, mentions: 2 });
    } finally {
      await store.close();
    }
  });

  it("searches events through the GIN index on their text: the query spells the indexed expression", async () => {
    const url = await freshPgUrl();
    await (await openPostgresStore(url)).close();
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query('SET enable_seqscan = off');
      const plan = (await c.query(`EXPLAIN SELECT count(*) FROM events e WHERE ${EVENT_TSV} @@ websearch_to_tsquery('simple', '"putin"')`)).rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
      expect(plan).toMatch(/Bitmap Index Scan on events\w*/);
      expect(plan).not.toMatch(/Seq Scan/);
    } finally {
      await c.end();
    }
  });

  it('does not count a list driven by a very frequent actor, but still says it is truncated and pages', async () => {
    const store = await openPostgresStore(await freshPgUrl());
    try {
      const n = COUNT_BUDGET + 50;
      const rows: DatasetEventInput[] = Array.from({ length: n }, (_, i) => ({
        origin: 'gdelt', externalId: String(i), type: 'CONSULT', mode: null, sources: ['USA'], targets: [i % 2 ? 'CHN' : 'JPN'],
        date: { start: '2020-01-01', end: '2020-01-01', granularity: 'day' }, dateKind: 'event', modality: 'asserted',
        mentionCount: 1, reportedAt: null, location: null, sourceUrl: null, attrs: {},
      }));
      for (let i = 0; i < n; i += 5000) await store.importEvents(rows.slice(i, i + 5000));
      expect(await store.listEvents({ actor: 'USA' })).toMatchObject({ total: null, truncated: true });
      expect((await store.listEvents({ actor: 'JPN' })).total).toBe(n / 2);
      const last = await store.listEvents({ actor: 'USA' }, { limit: 100, offset: n - 30 });
      expect(last).toMatchObject({ total: n, truncated: false });
      expect(last.rows).toHaveLength(30);
      // The counter deltas, folded or not, sum to the same.
      expect((await store.listActors()).rows.find((a) => a.code === 'USA')!.events).toBe(n);
    } finally {
      await store.close();
    }
  }, 120_000);
});
