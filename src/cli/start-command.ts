// `entente start` (what `npm start` runs): open the database (./entente.db by default),
// load the starter dataset if it is not there yet, and serve the workbench.
import type { Command } from 'commander';
import { loadSettings, settingHelp } from '../config/settings.js';
import { loadStarterDataset } from '../starter/index.js';
import { runServer } from './serve-command.js';

export function registerStart(program: Command): void {
  program.command('start')
    .description('load the starter dataset (once) and serve the workbench: the quickest way in')
    .option('--port <n>', settingHelp('port'))
    .option('--host <address>', settingHelp('host'))
    .option('--db <file>', settingHelp('db'))
    .option('--open', 'let anyone who can reach the server read without a token (writing always needs one)')
    .action(async (opts: { port?: string; host?: string; db?: string; open?: boolean }) => {
      await runServer({
        settings: loadSettings({ port: opts.port, host: opts.host, db: opts.db }),
        open: !!opts.open,
        prepare: async (store) => {
          const r = await loadStarterDataset(store);
          console.log(r.imported ? `Loaded the starter dataset: ${r.imported} reference events.` : `Starter dataset already loaded (${r.unchanged} reference events).`);
        },
      });
    });
}
