// `entente timeline A [B]`: an actor's, or a dyad's, events in date order, dataset and
// historical events included.
import type { Command } from 'commander';
import { loadSettings } from '../config/settings.js';
import { openStore } from '../store/open-store.js';
import { parseFormat } from './output.js';
import { addFilterOptions, addPageOptions, filterOf, pageOf, printEventPage, type FilterOptions, type PageOptions } from './events-command.js';

export function registerTimeline(program: Command): void {
  const cmd = program.command('timeline')
    .description("an actor's or a dyad's events in date order")
    .argument('<actor>', 'actor code (RUS, PRK …)')
    .argument('[other]', 'a second actor: the dyad');
  addFilterOptions(cmd, false);
  addPageOptions(cmd);
  cmd.action(async (actor: string, other: string | undefined, opts: FilterOptions & PageOptions) => {
    parseFormat(opts.format);
    const store = await openStore(loadSettings({ db: opts.db }), { readonly: true });
    try {
      printEventPage(await store.timeline(actor.toUpperCase(), other ? other.toUpperCase() : null, filterOf(opts), pageOf(opts)), opts.format);
    } finally {
      await store.close();
    }
  });
}
