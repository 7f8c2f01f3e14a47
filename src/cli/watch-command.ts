// `entente watch add|list|remove`: watchlists of dyads. A new watch takes what is already
// stored as seen; after each ingest or import, new high-intensity events and shifts alert.
import type { Command } from 'commander';
import { settingHelp } from '../config/settings.js';
import { EntenteError } from '../domain/errors.js';
import { addWatch } from '../alerts/index.js';
import { actorCodeOf } from '../services/actor-input.js';
import type { Watch } from '../store/watch-store.js';
import { parseFormat, printRows } from './output.js';
import { withStore } from './series-command.js';

const COLUMNS = ['id', 'dyad', 'threshold', 'webhook', 'label', 'createdAt', 'lastCheckedAt'];
const row = (w: Watch) => ({ ...w, dyad: `${w.a}–${w.b ?? '*'}` });

function webhookOf(url: string | undefined): string | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new EntenteError('BAD_INPUT', `--webhook: "${url}" is not a URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new EntenteError('BAD_INPUT', `--webhook: only http and https URLs, got ${u.protocol}`);
  return u.href;
}

function actor(name: string, v: string): string {
  if (!/^[\p{L}\p{N} _.'-]{1,100}$/u.test(v)) throw new EntenteError('BAD_INPUT', `${name}: "${v}" is not an actor code or name`);
  return v.toUpperCase();
}

export function registerWatch(program: Command): void {
  const watch = program.command('watch').description('watchlists: alert on new shifts and high-intensity events of a dyad');
  watch.command('add')
    .description('watch a dyad (or one actor against all)')
    .argument('<a>', 'actor code or name')
    .argument('[b]', 'second actor; * or nothing = A against everyone')
    .option('--threshold <n>', 'alert on events with |intensity| ≥ n (PLOVER scale 0–10)', '7')
    .option('--webhook <url>', 'POST each alert as JSON to this URL')
    .option('--label <text>', 'a name for the watch')
    .option('--format <format>', 'table, json or csv', 'table')
    .option('--db <file>', settingHelp('db'))
    .action(async (a: string, b: string | undefined, opts: { threshold: string; webhook?: string; label?: string; format: string; db?: string }) => {
      const format = parseFormat(opts.format);
      const threshold = Number(opts.threshold);
      if (!Number.isFinite(threshold) || threshold < 0 || threshold > 10) throw new EntenteError('BAD_INPUT', `--threshold: expected a number from 0 to 10, got ${opts.threshold}`);
      actor('A', a);
      if (b && b !== '*') actor('B', b);
      // Codes or names ("North Korea"), resolved through the registry; an unknown actor is refused with suggestions.
      const w = await withStore(opts.db, async (store) => addWatch(store, {
        a: await actorCodeOf(store, a, 'A'), b: b && b !== '*' ? await actorCodeOf(store, b, 'B') : null, threshold, webhook: webhookOf(opts.webhook), label: opts.label ?? null,
      }));
      printRows([row(w)], COLUMNS, format);
    });
  watch.command('list')
    .description('the watches')
    .option('--format <format>', 'table, json or csv', 'table')
    .option('--db <file>', settingHelp('db'))
    .action(async (opts: { format: string; db?: string }) => {
      const format = parseFormat(opts.format);
      printRows((await withStore(opts.db, (store) => store.listWatches())).map(row), COLUMNS, format);
    });
  watch.command('remove')
    .description('stop watching (its alerts go too)')
    .argument('<id>', 'watch id (see watch list)')
    .option('--db <file>', settingHelp('db'))
    .action(async (id: string, opts: { db?: string }) => {
      const removed = await withStore(opts.db, (store) => store.removeWatch(id));
      if (!removed) throw new EntenteError('NOT_FOUND', `no watch ${id}`);
      console.log(`removed watch ${id}`);
    });
}
