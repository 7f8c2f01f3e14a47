// Full-text search over events' own text on PostgreSQL: a GIN index on an expression of the
// events row (no new column, so an existing table is not rewritten; PostgreSQL keeps the
// index in step with every insert, update and delete, whoever writes). The text is the one
// ../search.ts lists, as on SQLite; entente_event_text builds it, declared IMMUTABLE so an
// index may use it (concat_ws and array_to_string are only STABLE because they format any
// type; on json and text[] they depend on no setting).
import type { Migration } from './migrate.js';
import { EVENT_TEXT_ATTRS, EVENT_TEXT_SEPARATOR, URL_PREFIXES } from '../search.js';

/** The text's parts over `obj`, a json or jsonb value of the attrs (`->` and `->>` mean the same on both). */
function textParts(obj: string): string[] {
  const attrs = EVENT_TEXT_ATTRS.map((path) => `nullif(${obj}${path.slice(0, -1).map((k) => `->'${k}'`).join('')}->>'${path.at(-1)}', '')`);
  const url = URL_PREFIXES.reduce((sql, p) => `replace(${sql}, '${p}', '')`, 'source_url');
  return [...attrs, `nullif(loc_name, '')`, `nullif(array_to_string(sources, ','), '')`, `nullif(array_to_string(targets, ','), '')`, `nullif(${url}, '')`];
}

const SIGNATURE = 'entente_event_text(attrs json, sources text[], targets text[], loc_name text, source_url text) RETURNS text';

function textFunction(): string {
  return `CREATE FUNCTION ${SIGNATURE}
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN concat_ws('${EVENT_TEXT_SEPARATOR}', ${textParts('attrs').join(', ')});`;
}

/**
 * The same text, about four times faster (migration 501): each -> on json parses the whole
 * text again (eleven times a row), so the attrs are read into jsonb once. jsonb would give other
 * text for a number, object or array where a string is expected (numbers normalised, keys
 * reordered) and refuses \u0000 anywhere: then the json expression of 500 runs, so the index
 * built by 500 stays exact (no reindex).
 */
function fastTextFunction(): string {
  const checks = EVENT_TEXT_ATTRS.map((path) => `jsonb_typeof(j${path.map((k) => `->'${k}'`).join('')}) IN ('number', 'object', 'array')`);
  return `CREATE OR REPLACE FUNCTION ${SIGNATURE}
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $f$
DECLARE
  j jsonb;
BEGIN
  IF strpos(attrs::text, '\\u0000') = 0 THEN
    j := attrs::jsonb;
    IF jsonb_typeof(j) = 'object' AND NOT coalesce(${checks.join(' OR ')}, false) THEN
      RETURN concat_ws('${EVENT_TEXT_SEPARATOR}', ${textParts('j').join(', ')});
    END IF;
  END IF;
  RETURN concat_ws('${EVENT_TEXT_SEPARATOR}', ${textParts('attrs').join(', ')});
END
$f$;`;
}

/** An events row's searchable text (the indexed expression's argument), over the alias `e`. */
export const EVENT_TEXT = 'entente_event_text(e.attrs, e.sources, e.targets, e.loc_name, e.source_url)';
/** The indexed tsvector: a query must spell it exactly so for the planner to use the index. */
export const EVENT_TSV = `to_tsvector('entente_words', ${EVENT_TEXT})`;

/**
 * Migration 502: the events' index keeps only the words a search can ask for. A query is words of
 * letters and digits (../search.ts), so the tokens of 'simple' that hold other characters (a link
 * whole, its host and path, e-mail addresses, file names, version numbers, decimals, hyphenated
 * words whole: their parts stay) never match, yet they were most of the index's distinct keys, one
 * or two new ones per GDELT row (its link). entente_words is 'simple' without them: every search
 * finds what it found, and the index costs about a quarter less to build (see docs/postgres.md).
 * The index is built again once, when the migration runs.
 */
const wordsOnly = `
CREATE TEXT SEARCH CONFIGURATION entente_words (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION entente_words DROP MAPPING FOR url, url_path, host, file, email, version, float, asciihword, hword, numhword;
DROP INDEX events_text;
CREATE INDEX events_text ON events USING gin (to_tsvector('entente_words', entente_event_text(attrs, sources, targets, loc_name, source_url)));`;

export const eventSearchMigrations: Migration[] = [{
  id: '500-event-search',
  sql: `${textFunction()}
CREATE INDEX events_text ON events USING gin (to_tsvector('simple', entente_event_text(attrs, sources, targets, loc_name, source_url)));`,
}, { id: '501-event-text-jsonb', sql: fastTextFunction() }, { id: '502-event-search-words', sql: wordsOnly }];
