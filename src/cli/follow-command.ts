// `entente follow`: poll every source on its schedule, import or ingest what is new, run the
// watches. Stops on SIGINT/SIGTERM after the poll in flight; a kill -9 loses nothing either,
// because every file and document is one transaction and is marked taken only after it.
import type { Command } from 'commander';
import { loadSettings, settingHelp, type Settings } from '../config/settings.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { fetcherOptions, follow } from '../sources/index.js';

/** Follows until the process is told to stop (or one round with `once`). */
export async function runFollow(store: Store, settings: Settings, opts: { once?: boolean; signal?: AbortSignal } = {}): Promise<void> {
  const log = (l: string) => process.stderr.write(`${new Date().toISOString().slice(0, 19)}Z ${l}\n`);
  const timeout = Number(settings.webhookTimeoutMs);
  await follow(store, { ...fetcherOptions(settings), once: opts.once, signal: opts.signal, log, webhookTimeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : undefined });
}

export function registerFollow(program: Command): void {
  program.command('follow')
    .description('poll every followed source on its schedule, import what is new and raise alerts (see `entente source`)')
    .option('--once', 'poll the sources that are due once, then stop')
    .option('--db <file>', settingHelp('db'))
    .action(async (opts: { once?: boolean; db?: string }) => {
      const settings = loadSettings({ db: opts.db });
      const store = await openStore(settings);
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      try {
        const n = (await store.listSources()).length;
        if (!n) process.stderr.write('entente: no sources to follow yet; add one with `entente source add`\n');
        await runFollow(store, settings, { once: opts.once, signal: stop.signal });
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await store.close();
      }
    });
}
