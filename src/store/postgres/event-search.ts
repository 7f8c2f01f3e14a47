// Full-text search over events' own text on PostgreSQL: a GIN index on an expression of the
// events row (no new column, so an existing table is not rewritten; PostgreSQL keeps the
// index in step with every insert, update and delete, whoever writes). The text is the one
// ../search.ts lists, as on SQLite; entente_event_text builds it, declared IMMUTABLE so an
// index may use it (concat_ws and array_to_string are only STABLE because they format any
// type; on json and text[] they depend on no setting).
import type { Migration } from './migrate.js';
import { EVENT_TEXT_ATTRS, EVENT_TEXT_SEPARATOR, URL_PREFIXES } from '../search.js';

function textFunction(): string {
  const attrs = EVENT_TEXT_ATTRS.map((path) => `nullif(attrs${path.slice(0, -1).map((k) => `->'${k}'`).join('')}->>'${path.at(-1)}', '')`);
  const url = URL_PREFIXES.reduce((sql, p) => `replace(${sql}, '${p}', '')`, 'source_url');
  const parts = [...attrs, `nullif(loc_name, '')`, `nullif(array_to_string(sources, ','), '')`, `nullif(array_to_string(targets, ','), '')`, `nullif(${url}, '')`];
  return `CREATE FUNCTION entente_event_text(attrs json, sources text[], targets text[], loc_name text, source_url text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN concat_ws('${EVENT_TEXT_SEPARATOR}', ${parts.join(', ')});`;
}

/** An events row's searchable text (the indexed expression's argument), over the alias `e`. */
export const EVENT_TEXT = 'entente_event_text(e.attrs, e.sources, e.targets, e.loc_name, e.source_url)';
/** The indexed tsvector: a query must spell it exactly so for the planner to use the index. */
export const EVENT_TSV = `to_tsvector('simple', ${EVENT_TEXT})`;

export const eventSearchMigrations: Migration[] = [{
  id: '500-event-search',
  sql: `${textFunction()}
CREATE INDEX events_text ON events USING gin (to_tsvector('simple', entente_event_text(attrs, sources, targets, loc_name, source_url)));`,
}];
