// `entente check`: consistency checks of a database, one named check per entry in `checks`.
// Each recomputes something the store keeps derived and reports what differs; the command
// exits 1 when any check finds a problem. Add a check by adding an entry.
import type { Command } from 'commander';
import { loadSettings, settingHelp } from '../config/settings.js';
import { EntenteError } from '../domain/errors.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { parseFormat } from './output.js';

export interface CheckResult {
  ok: boolean;
  /** One line: what was checked and what was found. */
  summary: string;
  /** One line per problem found (capped by the check). */
  problems: string[];
}

export interface Check {
  name: string;
  description: string;
  run(store: Store): Promise<CheckResult>;
}

export const checks: Check[] = [
  {
    name: 'rollups',
    description: 'rollup tables (series, shifts, network) equal a recomputation from the events',
    async run(store) {
      if (!store.checkRollups) return { ok: true, summary: `the ${store.kind} store keeps no rollups`, problems: [] };
      const drift = await store.checkRollups();
      const show = (x: Record<string, number> | null) => (x ? `events ${x.events}, mentions ${x.mentions}, weight ${x.weight}` : 'missing');
      return {
        ok: drift.length === 0,
        summary: drift.length === 0 ? 'rollups match the events' : `${drift.length} rollup row(s) differ from the events`,
        problems: drift.map((d) => `${d.table} ${Object.values(d.key).join(' ')}: stored ${show(d.stored)}; expected ${show(d.expected)}`),
      };
    },
  },
];

export function registerCheck(program: Command): void {
  program.command('check')
    .description('check the database: derived tables against the data they derive from')
    .option('--db <file>', settingHelp('db'))
    .option('--only <names>', `comma-separated checks to run (${checks.map((c) => c.name).join(', ')})`)
    .option('--format <format>', 'table or json', 'table')
    .action(async (opts: { db?: string; only?: string; format: string }) => {
      const format = parseFormat(opts.format, ['table', 'json']);
      const wanted = opts.only?.split(',').map((s) => s.trim()).filter(Boolean);
      const unknown = wanted?.filter((w) => !checks.some((c) => c.name === w)) ?? [];
      if (unknown.length) throw new EntenteError('BAD_INPUT', `--only: unknown check ${unknown.join(', ')} (one of ${checks.map((c) => c.name).join(', ')})`);
      const store = await openStore(loadSettings({ db: opts.db }));
      const results: Array<{ name: string } & CheckResult> = [];
      try {
        for (const c of checks.filter((x) => !wanted || wanted.includes(x.name))) results.push({ name: c.name, ...(await c.run(store)) });
      } finally {
        await store.close();
      }
      if (format === 'json') console.log(JSON.stringify({ ok: results.every((r) => r.ok), checks: results }, null, 2));
      else {
        for (const r of results) {
          console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}: ${r.summary}`);
          for (const p of r.problems) console.log(`     ${p}`);
        }
      }
      if (results.some((r) => !r.ok)) process.exitCode = 1;
    });
}
