// The SQL functions that indexes are built on were replaced by faster ones (migrations 004 and
// 501) without reindexing: that is only sound if the new ones give what the old ones gave, for
// every input an index has met. Each old function is made again beside the new one and both are
// run over awkward inputs on a real server. The events' text index moved from 'simple' to
// entente_words (502): every query the search builds matches where it matched before.
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openPostgresStore } from './pg-store.js';
import { coreMigrations, longSpanTerm } from './core-schema.js';
import { eventSearchMigrations } from './event-search.js';
import { TEST_PG_URL, dropTestSchemas, freshPgUrl } from './test-db.js';
import { searchTerms, tsqueryText } from '../search.js';

/** The CREATE FUNCTION statement of a migration, renamed. */
function oldFunction(migration: string, name: string, as: string): string {
  const sql = [...coreMigrations, ...eventSearchMigrations].find((m) => m.id === migration)!.sql;
  const create = new RegExp(`CREATE FUNCTION ${name}\\([\\s\\S]*?(\\$f\\$;|\\);)\\n`).exec(sql);
  if (!create) throw new Error(`no ${name} in ${migration}`);
  return create[0].replace(`FUNCTION ${name}(`, `FUNCTION ${as}(`);
}

async function withDb<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const url = await freshPgUrl();
  await (await openPostgresStore(url)).close();
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

describe.skipIf(!TEST_PG_URL)('postgres: replaced index functions', () => {
  afterAll(dropTestSchemas);

  it('entente_event_text (jsonb, 501) gives the text of 500 (json), and fails where it failed', async () => {
    await withDb(async (c) => {
      await c.query(oldFunction('500-event-search', 'entente_event_text', 'old_event_text'));
      const attrs = [
        { title: 'Talks in Geneva', notes: 'a "quoted" word, a \\ backslash, é and \u00e9' },
        { actor1: { code: 'RUSGOV', name: 'RUSSIA', role: 'GOV' }, actor2: { code: 'UKR', name: '' }, cameo: '190', goldstein: -10 },
        { title: 1e-7, notes: 12.50 }, { title: 1e21 }, { actor1: { name: { b: 1, a: 2 } } }, { weapon: ['T-72', 'BMP'] },
        { supplier: true, recipient: null }, { actor1: 'a string', source: { name: 'Source' }, target: { name: 'Target' } },
        { eventText: 'x', description: 'y', title: '' },
      ].map((a) => JSON.stringify(a));
      // Raw json text JSON.stringify never writes: duplicate keys, spacing, a top-level array or string.
      attrs.push('{"title":"a","title":"b"}', '{ "title" : "spaced" , "n" : 1.0 }', '[1,2]', '"text"', '{}', '{"title":"\\u00e9t\\u00e9"}');
      for (const a of attrs) {
        for (const [sources, targets, loc, url] of [[['RUS'], ['UKR'], 'Kyiv, Ukraine', 'https://www.example.org/a-b'], [[], [], null, null]] as const) {
          const args = [a, sources, targets, loc, url];
          const r = await c.query('SELECT old_event_text($1::json, $2, $3, $4, $5) AS old, entente_event_text($1::json, $2, $3, $4, $5) AS new', args);
          expect(r.rows[0].new, a).toBe(r.rows[0].old);
        }
      }
      // \u0000 cannot be text: both refuse it, whichever field holds it.
      for (const a of ['{"title":"x\\u0000"}', '{"other":"x\\u0000","title":"t"}']) {
        await expect(c.query('SELECT old_event_text($1::json, $2, $2, null, null)', [a, []])).rejects.toThrow(/Unicode escape/);
        await expect(c.query('SELECT entente_event_text($1::json, $2, $2, null, null)', [a, []])).rejects.toThrow(/Unicode escape/);
      }
    });
  });

  it("entente_words (502) matches every search query where 'simple' matched", async () => {
    await withDb(async (c) => {
      const texts = [
        'Jean-Claude Juncker · Brussels, Belgium · BEL · timescolonist.com/entertainment/jeremy-dutcher-brings-1.23985964',
        'VICTORIA · www.example.org:8080/a_b/c.html?q=1&x=y#top · mail x@y.org · v1.2.3 · 2.5 tonnes, 1e5 rounds · T-72 and BMP-2',
        "O'Brien said the state-run co-op paid 3,000.50 in Québec · ÉTATS-UNIS · /usr/local/file.txt · 12th",
      ];
      const queries = ['jean', 'claude', '"Jean Claude Juncker"', '"Juncker Brussels"', 'timescolonist', 'com', 'dutcher', 'jeremy OR x',
        'example', 'org', '8080', 'html', 'mail', 'x', 'y', 'v1', '2', '5', '1e5', '"2 5"', 'T', '72', '"BMP 2"', 'brien', '"state run"', 'co',
        '3', '000', '50', 'québec', 'ÉTATS', '"états unis"', 'usr', 'file', 'txt', '12th', '"tonnes 1e5"', 'victoria OR nothing'];
      const r = await c.query(`SELECT t, q, to_tsvector('simple', t) @@ to_tsquery('simple', q) AS before, to_tsvector('entente_words', t) @@ to_tsquery('simple', q) AS after
        FROM unnest($1::text[]) t, unnest($2::text[]) q`, [texts, queries.map((q) => tsqueryText(searchTerms(q)))]);
      expect(r.rows).toHaveLength(texts.length * queries.length);
      for (const x of r.rows) expect(x.after, `${x.q} in ${x.t}`).toBe(x.before);
      // Some of them match, some not: the comparison is not between two empty answers.
      expect(r.rows.filter((x) => x.before).length).toBeGreaterThan(10);
      expect(r.rows.filter((x) => !x.before).length).toBeGreaterThan(20);
    });
  });

  it('entente_span_days (004) says "long" (> 31 days) exactly where 003 did', async () => {
    await withDb(async (c) => {
      await c.query(oldFunction('003-long-span-indexes', 'entente_span_days', 'old_span_days'));
      const days = ['2019-05-01', '2019-05-31', '2019-06-02', '2020-05-01', '0001-01-01', '-0044-03-15', '2019-5-1', 'x', '', null];
      const r = await c.query(`SELECT a, b, old_span_days(a, b) AS old, entente_span_days(a, b) AS new FROM unnest($1::text[]) a, unnest($1::text[]) b`, [days]);
      expect(r.rows).toHaveLength(days.length ** 2);
      for (const { a, b, old, new: now } of r.rows) {
        expect(now > 31, `${a} … ${b}`).toBe(old > 31);
        // Only equal days may differ (0 where 003 gave NULL for text that is no ISO day).
        if (a !== b || a === null) expect(now, `${a} … ${b}`).toBe(old);
      }
      // A day that does not exist is refused by both.
      for (const f of ['old_span_days', 'entente_span_days']) {
        await expect(c.query(`SELECT ${f}('2019-01-01', '2019-02-30')`)).rejects.toThrow(/out of range/);
      }
      // Inlined (no function call left in the plan), and the partial indexes still serve the query term.
      const plan = async (sql: string) => (await c.query(`EXPLAIN (VERBOSE) ${sql}`)).rows.map((x: { 'QUERY PLAN': string }) => x['QUERY PLAN']).join('\n');
      expect(await plan('SELECT entente_span_days(day_first, day_last) FROM events')).toMatch(/make_date/);
      await c.query("SELECT entente_event_years(ARRAY['2018'])");
      await c.query('SET enable_seqscan = off');
      expect(await plan(`SELECT id FROM events e WHERE ${longSpanTerm('e')} AND e.day_first < '2019-01-01'`)).toMatch(/Index Scan (using|on) events_y2018_day_first_idx /);
    });
  });
});
