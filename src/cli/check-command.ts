// `entente check`: runs the store's named checks (page integrity, foreign keys, search
// indexes, derived tables) and says what is wrong; exit 1 when any check fails, so scripts
// and cron jobs notice a damaged database.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { loadSettings, settingHelp } from '../config/settings.js';
import { EntenteError } from '../domain/errors.js';
import { openStore } from '../store/open-store.js';
import { parseFormat } from './output.js';

export function registerCheck(program: Command): void {
  program.command('check')
    .description('check the database: page integrity, foreign keys, search indexes and derived tables')
    .option('--format <format>', 'table or json', 'table')
    .option('--db <file>', settingHelp('db'))
    .action(async (opts: { format: string; db?: string }) => {
      const format = parseFormat(opts.format, ['table', 'json']);
      const settings = loadSettings({ db: opts.db });
      // Checking must not create an empty database where none was.
      if (!/^postgres(ql)?:\/\//i.test(settings.db) && !existsSync(settings.db)) throw new EntenteError('NOT_FOUND', `${settings.db}: no such database`);
      const store = await openStore(settings);
      try {
        const results = await store.check();
        if (format === 'json') console.log(JSON.stringify({ ok: results.every((r) => r.ok), checks: results }, null, 2));
        else {
          for (const r of results) {
            console.log(`${r.ok ? 'ok  ' : 'FAIL'}  ${r.name}: ${r.message}`);
            for (const p of r.problems) console.log(`        ${p}`);
          }
        }
        if (results.some((r) => !r.ok)) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });
}
