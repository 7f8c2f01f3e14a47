// Every CLI command, in the order `entente --help` lists them: one line per command file.
// Only the invoked command's module is loaded (each pulls in its part of the library: store,
// extractor, server …), which keeps a command's memory to what it uses; help, a version
// request or an unknown command load them all, so every name and option is still listed.
import type { Command } from 'commander';

type Register = (program: Command) => void;

export const commandTable: Array<[name: string, load: () => Promise<Register>]> = [
  ['extract', async () => (await import('./extract-command.js')).registerExtract],
  ['demo', async () => (await import('./demo-command.js')).registerDemo],
  ['ingest', async () => (await import('./ingest-command.js')).registerIngest],
  ['events', async () => (await import('./events-command.js')).registerEvents],
  ['show', async () => (await import('./show-command.js')).registerShow],
  ['timeline', async () => (await import('./timeline-command.js')).registerTimeline],
  ['search', async () => (await import('./search-command.js')).registerSearch],
  ['actors', async () => (await import('./actors-command.js')).registerActors],
  ['export', async () => (await import('./export-command.js')).registerExport],
  ['import', async () => (await import('./import-command.js')).registerImport],
  ['serve', async () => (await import('./serve-command.js')).registerServe],
  ['start', async () => (await import('./start-command.js')).registerStart],
  ['token', async () => (await import('./token-command.js')).registerToken],
  ['series', async () => (await import('./series-command.js')).registerSeries],
  ['shifts', async () => (await import('./shifts-command.js')).registerShifts],
  ['network', async () => (await import('./network-command.js')).registerNetwork],
  ['spillover', async () => (await import('./spillover-command.js')).registerSpillover],
  ['watch', async () => (await import('./watch-command.js')).registerWatch],
  ['alerts', async () => (await import('./alerts-command.js')).registerAlerts],
  ['check', async () => (await import('./check-command.js')).registerCheck],
  ['source', async () => (await import('./source-command.js')).registerSource],
  ['follow', async () => (await import('./follow-command.js')).registerFollow],
];

/** The command named on the command line: its first word that is not an option. */
const invoked = process.argv.slice(2).find((a) => !a.startsWith('-'));
const wanted = commandTable.filter(([name]) => name === invoked);

export const commands: Register[] = await Promise.all((wanted.length ? wanted : commandTable).map(([, load]) => load()));
