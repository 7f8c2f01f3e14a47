// `entente check`: the store's own named checks (page integrity, foreign keys, search
// indexes, dyad index) and the backend-independent ones listed in `checks` (rollups against
// a recomputation from the events); says what is wrong and exits 1 when any check fails,
// so scripts and cron jobs notice a damaged database. Add a check by adding an entry.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { loadSettings, settingHelp } from '../config/settings.js';
import { EntenteError } from '../domain/errors.js';
import { isPostgresUrl, openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import type { CheckResult } from '../store/check-store.js';
import { parseFormat } from './output.js';

export interface Check {
  name: string;
  description: string;
  run(store: Store): Promise<Omit<CheckResult, 'name'>>;
}

export const checks: Check[] = [
  {
    name: 'rollups',
    description: 'rollup tables (series, shifts, network) equal a recomputation from the events',
    async run(store) {
      if (!store.checkRollups) return { ok: true, message: `the ${store.kind} store keeps no rollups`, problems: [] };
      const drift = await store.checkRollups();
      const show = (x: Record<string, number> | null) => (x ? `events ${x.events}, mentions ${x.mentions}, weight ${x.weight}` : 'missing');
      return {
        ok: drift.length === 0,
        message: drift.length === 0 ? 'rollups match the events' : `${drift.length} rollup row(s) differ from the events`,
        problems: drift.map((d) => `${d.table} ${Object.values(d.key).join(' ')}: stored ${show(d.stored)}; expected ${show(d.expected)}`),
      };
    },
  },
];

export function registerCheck(program: Command): void {
  program.command('check')
    .description('check the database: page integrity, foreign keys, search indexes and derived tables')
    .option('--db <file>', settingHelp('db'))
    .option('--only <names>', `comma-separated checks to run (the store's own, and ${checks.map((c) => c.name).join(', ')})`)
    .option('--format <format>', 'table or json', 'table')
    .action(async (opts: { db?: string; only?: string; format: string }) => {
      const format = parseFormat(opts.format, ['table', 'json']);
      const wanted = opts.only?.split(',').map((s) => s.trim()).filter(Boolean);
      const settings = loadSettings({ db: opts.db });
      // Checking must not create an empty database where none was.
      if (!isPostgresUrl(settings.db) && !existsSync(settings.db)) throw new EntenteError('NOT_FOUND', `${settings.db}: no such database`);
      const store = await openStore(settings, { readonly: true });
      const results: CheckResult[] = [];
      try {
        for (const r of store.check ? await store.check() : []) results.push(r);
        for (const c of checks) results.push({ name: c.name, ...(await c.run(store)) });
      } finally {
        await store.close();
      }
      const unknown = wanted?.filter((w) => !results.some((r) => r.name === w)) ?? [];
      if (unknown.length) throw new EntenteError('BAD_INPUT', `--only: unknown check ${unknown.join(', ')} (one of ${results.map((r) => r.name).join(', ')})`);
      const shown = results.filter((r) => !wanted || wanted.includes(r.name));
      if (format === 'json') console.log(JSON.stringify({ ok: shown.every((r) => r.ok), checks: shown }, null, 2));
      else {
        for (const r of shown) {
          console.log(`${r.ok ? 'ok  ' : 'FAIL'}  ${r.name}: ${r.message}`);
          for (const p of r.problems) console.log(`        ${p}`);
        }
      }
      if (shown.some((r) => !r.ok)) process.exitCode = 1;
    });
}
