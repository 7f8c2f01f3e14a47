// `entente alerts`: the alerts watches raised, newest first, as a table, JSON, CSV or an
// Atom feed file; --check runs the watches first (ingest and import do that themselves).
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { settingHelp } from '../config/settings.js';
import { EntenteError } from '../domain/errors.js';
import { alertsToAtom, checkWatches } from '../alerts/index.js';
import { parseFormat, printRows } from './output.js';
import { withStore } from './series-command.js';

interface Opts { format: string; watch?: string; limit: string; offset: string; atom?: string; check?: boolean; since?: string; db?: string }

export function registerAlerts(program: Command): void {
  program.command('alerts')
    .description('alerts raised by watches (newest first); --atom writes them as an Atom feed')
    .option('--watch <id>', "only this watch's alerts")
    .option('--since <timestamp>', 'only alerts created at or after this ISO date or time')
    .option('--check', 'check the watches now (new shifts and events since the last check)')
    .option('--atom <file>', 'also write the alerts as an Atom feed to this file')
    .option('--limit <n>', 'rows (max 10000)', '100')
    .option('--offset <n>', 'rows to skip', '0')
    .option('--format <format>', 'table, json or csv', 'table')
    .option('--db <file>', settingHelp('db'))
    .action(async (opts: Opts) => {
      const format = parseFormat(opts.format);
      for (const [name, v] of [['limit', opts.limit], ['offset', opts.offset]] as const) {
        if (!/^\d+$/.test(v)) throw new EntenteError('BAD_INPUT', `--${name}: expected a whole number, got ${v}`);
      }
      if (opts.since && Number.isNaN(Date.parse(opts.since))) throw new EntenteError('BAD_INPUT', `--since: "${opts.since}" is not an ISO date or time`);
      const page = await withStore(opts.db, async (store) => {
        if (opts.check) await checkWatches(store);
        return store.listAlerts({ watchId: opts.watch, since: opts.since }, { limit: Number(opts.limit), offset: Number(opts.offset) });
      });
      if (opts.atom) {
        try {
          writeFileSync(opts.atom, alertsToAtom(page.rows, { title: 'Entente alerts' }));
        } catch (e) {
          throw new EntenteError('BAD_INPUT', `--atom ${opts.atom}: cannot write: ${(e as Error).message}`);
        }
      }
      const rows = page.rows.map((a) => ({ ...a, data: format === 'table' ? undefined : a.data }));
      printRows(rows, ['id', 'createdAt', 'dyad', 'kind', 'date', 'title', 'delivery', 'attempts', ...(format === 'table' ? [] : ['summary', 'key', 'watchId', 'lastError', 'data'])], format,
        { total: page.total, limit: page.limit, offset: page.offset, truncated: page.truncated });
      if (format === 'table' && page.truncated) console.log(`(${page.rows.length} of ${page.total}; use --offset to page)`);
    });
}
