// `entente actors`: actors in the store with their event counts, most active first.
import type { Command } from 'commander';
import { loadSettings } from '../config/settings.js';
import { openStore } from '../store/open-store.js';
import { parseFormat, printRows } from './output.js';
import { addPageOptions, noteTruncation, pageOf, type PageOptions } from './events-command.js';

export function registerActors(program: Command): void {
  const cmd = program.command('actors').description('actors with their event counts');
  addPageOptions(cmd);
  cmd.action(async (opts: PageOptions) => {
    const format = parseFormat(opts.format);
    const store = await openStore(loadSettings({ db: opts.db }), { readonly: true });
    try {
      const page = await store.listActors(pageOf(opts));
      const { rows, ...meta } = page;
      printRows(rows as never, ['code', 'name', 'events'], format, format === 'json' ? meta : undefined);
      noteTruncation(page);
    } finally {
      await store.close();
    }
  });
}
