// `entente events`: events matching actor, dyad, type, date, modality and origin filters,
// with their mention counts; asserted only unless asked. Also the filter options and
// row shape that `timeline` and `export` share.
import type { Command } from 'commander';
import { loadSettings, settingHelp } from '../config/settings.js';
import { openStore } from '../store/open-store.js';
import type { EventFilter, PageResult } from '../store/event-store.js';
import type { EventRecord } from '../domain/event.js';
import type { PloverType } from '../domain/plover.js';
import type { Modality } from '../domain/mention.js';
import type { Origin } from '../domain/event.js';
import { EntenteError } from '../domain/errors.js';
import { parseFormat, printRows, type Row } from './output.js';

export interface FilterOptions {
  actor?: string;
  with?: string;
  type?: string[];
  from?: string;
  to?: string;
  modality?: string[];
  origin?: string[];
  includeRejected?: boolean;
}

export interface PageOptions {
  limit: string;
  offset: string;
  format: string;
  db?: string;
}

/** "a,b c" and repeated flags alike become one list. */
const list = (xs: string[] | undefined, upper = false): string[] | undefined => {
  const out = (xs ?? []).flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean).map((x) => (upper ? x.toUpperCase() : x.toLowerCase()));
  return out.length ? out : undefined;
};

export function addFilterOptions(cmd: Command, withActors = true): Command {
  if (withActors) {
    cmd.option('--actor <code>', 'events involving this actor (any role)')
      .option('--with <code>', 'and this second actor (a dyad, either direction)');
  }
  return cmd
    .option('--type <types...>', 'PLOVER types (comma lists accepted)')
    .option('--from <date>', 'events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'events on or before this date')
    .option('--modality <modalities...>', 'asserted (default), speculative, conditional, negated, intended, question; comma lists accepted')
    .option('--origin <origins...>', 'text, curated, gdelt, icews, acled, sipri')
    .option('--include-rejected', 'include events a curator rejected');
}

export function addPageOptions(cmd: Command, defaultLimit = 100): Command {
  return cmd
    .option('--limit <n>', 'rows per page (max 10000)', String(defaultLimit))
    .option('--offset <n>', 'rows to skip (paging)', '0')
    .option('--format <format>', 'table, json or csv', 'table')
    .option('--db <file>', settingHelp('db'));
}

export function filterOf(o: FilterOptions): EventFilter {
  return {
    actor: o.actor?.toUpperCase(),
    with: o.with?.toUpperCase(),
    type: list(o.type, true) as PloverType[] | undefined,
    from: o.from,
    to: o.to,
    modality: list(o.modality) as Modality[] | undefined,
    origin: list(o.origin) as Origin[] | undefined,
    includeRejected: !!o.includeRejected,
  };
}

export function pageOf(o: PageOptions): { limit: number; offset: number } {
  const n = (name: string, v: string) => {
    if (!/^\d+$/.test(v)) throw new EntenteError('BAD_INPUT', `--${name}: expected a whole number, got ${v}`);
    return Number(v);
  };
  return { limit: n('limit', o.limit), offset: n('offset', o.offset) };
}

export function dateText(d: EventRecord['date']): string {
  if (!d) return '';
  return d.start === d.end ? d.start : `${d.start}..${d.end}`;
}

export const EVENT_COLUMNS = ['id', 'date', 'type', 'mode', 'sources', 'targets', 'modality', 'mentions', 'disputed', 'origin', 'summary', 'source_url'];

export function eventRow(e: EventRecord): Row {
  return {
    id: e.id, date: dateText(e.date), type: e.type, mode: e.mode, sources: e.sources.join(','), targets: e.targets.join(','),
    modality: e.modality, mentions: e.mentionCount, disputed: e.disputed ? 'disputed' : '', status: e.status, origin: e.origin,
    summary: e.summary, source_url: e.sourceUrl ?? '',
  };
}

/** Tells a terminal reader (on stderr, so piped output stays clean) that more rows exist. */
export function noteTruncation(page: PageResult<unknown>): void {
  if (!page.truncated) return;
  const to = page.offset + page.rows.length;
  const of = page.total === null ? 'more' : String(page.total);
  console.error(`showing rows ${page.offset + 1}–${to} of ${of}; next page: --offset ${to}`);
}

export function printEventPage(page: PageResult<EventRecord>, formatName: string): void {
  const format = parseFormat(formatName);
  const { rows, ...meta } = page;
  if (format === 'json') printRows(rows as unknown as Row[], EVENT_COLUMNS, format, meta);
  else printRows(rows.map(eventRow), EVENT_COLUMNS, format);
  noteTruncation(page);
}

export function registerEvents(program: Command): void {
  const cmd = program.command('events').description('list events with their mention counts (asserted only unless --modality says otherwise)');
  addFilterOptions(cmd);
  addPageOptions(cmd);
  cmd.action(async (opts: FilterOptions & PageOptions) => {
    parseFormat(opts.format);
    const store = await openStore(loadSettings({ db: opts.db }), { readonly: true });
    try {
      printEventPage(await store.listEvents(filterOf(opts), pageOf(opts)), opts.format);
    } finally {
      await store.close();
    }
  });
}
