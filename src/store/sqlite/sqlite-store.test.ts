import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runStoreContract } from '../store.contract.js';
import { openStore } from '../open-store.js';
import { openSqliteStore, PAGE_SIZE, sqliteMigrations } from './sqlite-store.js';
import { migrate } from './migrate.js';
import { coreMigrations } from './core-schema.js';
import { COUNT_BUDGET } from './event-query.js';
import type { DatasetEventInput } from '../../domain/event.js';
import type { EventMention } from '../../domain/mention.js';

let dir: string;
let n = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'entente-store-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runStoreContract('sqlite', () => openSqliteStore(join(dir, `c${++n}.db`)), {
  async openTooNew() {
    const file = join(dir, `new${++n}.db`);
    await (await openSqliteStore(file)).close();
    const db = new Database(file);
    db.prepare("INSERT INTO schema_migrations (id, applied_at) VALUES ('999-from-the-future', '2030-01-01')").run();
    db.close();
    return openSqliteStore(file);
  },
});

describe('sqlite store', () => {
  it('migrates an older database, keeping its data', async () => {
    // An older Entente: the first two core migrations (whose triggers indexed inserts), with a document and an event in it.
    const file = join(dir, 'old.db');
    const db = new Database(file);
    migrate(db, coreMigrations.filter((m) => m.id < '003'), file);
    db.prepare("INSERT INTO documents (hash, text, length, ingested_at) VALUES ('h', 'Old text.', 9, '2024-01-01')").run();
    db.prepare(`INSERT INTO events (origin, type, sources, targets, date_start, date_end, granularity, day_first, day_last, modality, intensity)
      VALUES ('text', 'ASSAULT', '["RUS"]', '["UKR"]', '2022-02-24', '2022-02-24', 'day', '2022-02-24', '2022-02-24', 'asserted', -10)`).run();
    db.close();
    const store = await openSqliteStore(file);
    expect((await store.counts()).documents).toBe(1);
    expect((await store.listEvents({ actor: 'UKR', with: 'RUS', from: '2022' })).rows).toMatchObject([{ type: 'ASSAULT', sources: ['RUS'] }]);
    expect((await store.listActors()).rows).toEqual([{ code: 'RUS', name: null, events: 1 }, { code: 'UKR', name: null, events: 1 }]);
    // The events' search index is built for the events already there.
    expect((await store.search('UKR', undefined, ['event'])).rows).toMatchObject([{ kind: 'event', type: 'ASSAULT', sources: ['RUS'] }]);
    await store.close();
    const check = new Database(file);
    const ids = (check.prepare('SELECT id FROM schema_migrations ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);
    check.close();
    expect(ids).toEqual(sqliteMigrations.map((m) => m.id).sort());
  });

  it('checks the events\' search index against their text when opened writable', async () => {
    const file = join(dir, `fts${++n}.db`);
    const store = await openSqliteStore(file);
    await store.importEvents([{
      origin: 'curated', externalId: 'x1', type: 'AGREE', mode: null, sources: ['RUS'], targets: ['PRK'], date: { start: '2024-06-19', end: '2024-06-19', granularity: 'day' },
      dateKind: 'event', modality: 'asserted', mentionCount: 1, reportedAt: null, location: null, sourceUrl: null, attrs: { title: 'Treaty signed in Pyongyang' },
    }]);
    const ok = (await store.check!()).find((c) => c.name === 'event_search')!;
    expect(ok.ok).toBe(true);
    // The title changed behind the index's back (its trigger dropped): the index no longer matches.
    const raw = new Database(file);
    raw.exec("DROP TRIGGER events_text_update; UPDATE events SET attrs = json_set(attrs, '$.title', 'Zeppelin raid')");
    raw.close();
    const drift = (await store.check!()).find((c) => c.name === 'event_search')!;
    expect(drift).toMatchObject({ ok: false, problems: [expect.stringMatching(/^events_fts: the index differs from the events' text/)] });
    await store.close();
  });

  it('numbers migrations uniquely and within each part\'s range', () => {
    const ids = sqliteMigrations.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-6]\d\d-[a-z0-9-]+$/);
    expect(coreMigrations.every((m) => m.id < '100')).toBe(true);
  });

  it('does not count a list driven by a very frequent actor, but still says it is truncated and pages', async () => {
    const store = await openSqliteStore(join(dir, 'budget.db'));
    try {
      const n = COUNT_BUDGET + 50;
      const rows: DatasetEventInput[] = Array.from({ length: n }, (_, i) => ({
        origin: 'gdelt', externalId: String(i), type: 'CONSULT', mode: null, sources: ['USA'], targets: [i % 2 ? 'CHN' : 'JPN'],
        date: { start: '2020-01-01', end: '2020-01-01', granularity: 'day' }, dateKind: 'event', modality: 'asserted',
        mentionCount: 1, reportedAt: null, location: null, sourceUrl: null, attrs: {},
      }));
      await store.importEvents(rows);
      expect(await store.listEvents({ actor: 'USA' })).toMatchObject({ total: null, truncated: true });
      expect((await store.listEvents({ actor: 'JPN' })).total).toBe(n / 2);
      const last = await store.listEvents({ actor: 'USA' }, { limit: 100, offset: n - 30 });
      expect(last).toMatchObject({ total: n, truncated: false });
      expect(last.rows).toHaveLength(30);
      expect(await store.listEvents({ actor: 'USA' }, { offset: n + 10 })).toMatchObject({ rows: [], truncated: false });
    } finally {
      await store.close();
    }
  });

  it('stores a lazy stream of mentions in the document\'s transaction, and nothing when the stream fails midway', async () => {
    const store = await openSqliteStore(join(dir, 'stream.db'));
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

  it('searches a large one-line document with a short snippet (FTS5 snippet() took minutes on it)', async () => {
    const store = await openSqliteStore(join(dir, 'huge-line.db'));
    try {
      const text = 'Russia attacked Ukraine '.repeat(60_000);
      await store.addDocument({ text, published: '2022-02-24', title: 'huge' }, []);
      const hits = await store.search('Ukraine');
      expect(hits.total).toBe(1);
      expect(hits.rows[0]!.snippet).toMatch(/^Russia attacked \[Ukraine\] Russia/);
      expect(hits.rows[0]!.snippet.length).toBeLessThan(300);
    } finally {
      await store.close();
    }
  });

  it('works in WAL mode, and leaves the file in rollback mode when the last connection closes', async () => {
    const file = join(dir, 'pragmas.db');
    const store = await openStore({ db: file });
    const other = new Database(file);
    expect(other.pragma('journal_mode', { simple: true })).toBe('wal');
    // Another connection is open: closing keeps WAL, at once (no wait for a lock).
    await store.close();
    expect(other.pragma('journal_mode', { simple: true })).toBe('wal');
    other.close();
    await (await openStore({ db: file })).close();
    // Readable from a read-only folder: no -shm file needed.
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.close();
  });

  it('gives a new database PAGE_SIZE pages, and leaves an existing one its own', async () => {
    const fresh = join(dir, 'pages-new.db');
    await (await openSqliteStore(fresh)).close();
    const older = join(dir, 'pages-old.db');
    const made = new Database(older);
    made.pragma('page_size = 4096');
    migrate(made, coreMigrations, older);
    made.close();
    const store = await openSqliteStore(older);
    await store.close();
    const pageSize = (f: string) => {
      const db = new Database(f, { readonly: true });
      try {
        return db.pragma('page_size', { simple: true });
      } finally {
        db.close();
      }
    };
    expect(pageSize(fresh)).toBe(PAGE_SIZE);
    expect(PAGE_SIZE).not.toBe(4096);
    expect(pageSize(older)).toBe(4096);
  });

  it('opens read-only when only reading, and as usual when the file is missing', async () => {
    const file = join(dir, 'readonly.db');
    const created = await openStore({ db: file }, { readonly: true });
    await created.addDocument({ text: 'x', hash: 'h1', title: null, url: null, source: null, published: null, language: null }, []);
    await created.close();
    const ro = await openStore({ db: file }, { readonly: true });
    try {
      expect((await ro.counts()).documents).toBe(1);
      await expect(ro.addDocument({ text: 'y', hash: 'h2', title: null, url: null, source: null, published: null, language: null }, []))
        .rejects.toMatchObject({ code: 'DB_ERROR', details: { sqlite: 'SQLITE_READONLY' } });
    } finally {
      await ro.close();
    }
  });

  it('picks the backend from the setting', async () => {
    // A PostgreSQL URL goes to the PostgreSQL backend: nothing listens on port 1, so it says so, naming the server.
    await expect(openStore({ db: 'postgres://u:secret@127.0.0.1:1/x' })).rejects.toMatchObject({ code: 'DB_ERROR', message: expect.stringMatching(/^cannot connect to PostgreSQL at 127\.0\.0\.1:1\/x: connection refused/) });
    await expect(openStore({ db: join(dir, 'a.db'), readDb: 'postgres://127.0.0.1:1/x' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(openStore({ db: join(dir, 'no-such-dir', 'x.db') })).rejects.toMatchObject({ code: 'DB_ERROR' });
  });
});
