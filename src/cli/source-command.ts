// `entente source add|list|remove|pause|resume`: the sources `entente follow` polls — feeds,
// pages, GDELT's 15-minute updates, folders of ACLED or ICEWS releases — stored in the database.
import type { Command } from 'commander';
import { settingHelp } from '../config/settings.js';
import { EntenteError } from '../domain/errors.js';
import type { Source } from '../store/source-store.js';
import { SOURCE_KINDS } from '../store/source-store.js';
import { formatEvery, sourceInput } from '../sources/index.js';
import { parseFormat, printRows } from './output.js';
import { withStore } from './series-command.js';

const COLUMNS = ['id', 'kind', 'target', 'every', 'status', 'lastFetchAt', 'nextFetchAt', 'itemsAdded', 'lastError'];
const row = (s: Source) => ({ ...s, every: formatEvery(s.everySeconds), status: s.paused ? 'paused' : s.failures ? `failing (${s.failures})` : 'ok' });

interface AddOpts { every?: string; url?: string; mentions?: boolean; translation?: boolean; order?: string; maxCatchUp?: string; label?: string; format: string; db?: string }

export function registerSource(program: Command): void {
  const source = program.command('source').description('sources that `entente follow` polls: feeds, pages, GDELT updates, release folders');
  source.command('add')
    .description('follow a source: feed URL | page URL | gdelt [--url BASE] | acled DIR | icews DIR')
    .argument('<kind>', SOURCE_KINDS.join(' | '))
    .argument('[target]', 'the URL (feed, page) or folder (acled, icews); GDELT takes --url')
    .option('--every <duration>', 'poll interval, e.g. 30s, 10m, 1h (default: feed 10m, page 1h, gdelt 15m, folders 1h)')
    .option('--url <base>', 'GDELT: the base of lastupdate.txt and masterfilelist.txt (default GDELT 2.0)')
    .option('--mentions', 'GDELT: import the mentions files too')
    .option('--translation', 'GDELT: follow the translated stream (lastupdate-translation.txt) too')
    .option('--order <order>', 'GDELT catch-up after downtime: oldest or newest first', 'oldest')
    .option('--max-catch-up <n>', 'GDELT: files per poll when catching up')
    .option('--label <text>', 'a name for the source')
    .option('--format <format>', 'table, json or csv', 'table')
    .option('--db <file>', settingHelp('db'))
    .action(async (kind: string, target: string | undefined, opts: AddOpts) => {
      const format = parseFormat(opts.format);
      if (kind === 'gdelt' && target && !opts.url) opts.url = target;
      const input = sourceInput({
        kind, target: kind === 'gdelt' ? opts.url : target, every: opts.every, label: opts.label,
        mentions: opts.mentions, translation: opts.translation, order: opts.order, maxCatchUp: opts.maxCatchUp,
      });
      const s = await withStore(opts.db, (store) => store.addSource(input));
      printRows([row(s)], COLUMNS, format);
    });
  source.command('list')
    .description('the sources with their last and next fetch, items added and last error')
    .option('--format <format>', 'table, json or csv', 'table')
    .option('--db <file>', settingHelp('db'))
    .action(async (opts: { format: string; db?: string }) => {
      const format = parseFormat(opts.format);
      printRows((await withStore(opts.db, (store) => store.listSources())).map(row), format === 'table' ? COLUMNS : [...COLUMNS, 'label', 'options', 'failures', 'lastErrorAt', 'lastSuccessAt', 'createdAt'], format);
    });
  source.command('remove')
    .description('stop following a source')
    .argument('<id>', 'source id (see source list)')
    .option('--db <file>', settingHelp('db'))
    .action(async (id: string, opts: { db?: string }) => {
      if (!(await withStore(opts.db, (store) => store.removeSource(id)))) throw new EntenteError('NOT_FOUND', `no source ${id}`);
      console.log(`removed source ${id}`);
    });
  for (const [name, paused] of [['pause', true], ['resume', false]] as const) {
    source.command(name)
      .description(paused ? 'stop polling a source, keeping it and what it took in' : 'poll a paused source again (now)')
      .argument('<id>', 'source id (see source list)')
      .option('--db <file>', settingHelp('db'))
      .action(async (id: string, opts: { db?: string }) => {
        const ok = await withStore(opts.db, (store) => store.updateSource(id, paused ? { paused } : { paused, nextFetchAt: null, failures: 0 }));
        if (!ok) throw new EntenteError('NOT_FOUND', `no source ${id}`);
        console.log(`${paused ? 'paused' : 'resumed'} source ${id}`);
      });
  }
}
