// The `entente` command: thin wiring of commander over the library. Each command
// lives in its own file and registers itself through the list below.
import { Command } from 'commander';
import { isEntenteError } from '../domain/errors.js';
import { commands } from './commands.js';
import { loadSettings } from '../config/settings.js';

// `entente … | head` closes stdout early: that is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

export async function run(argv: string[]): Promise<void> {
  const program = new Command('entente')
    .description('Geopolitical event intelligence: who did what to whom, when, and how sure the text is.')
    .version('0.1.0')
    .showHelpAfterError();
  for (const register of commands) register(program);
  await program.parseAsync(argv);
}

run(process.argv).catch((e: unknown) => {
  if (isEntenteError(e)) {
    console.error(`entente: ${e.message} [${e.code}]`);
  } else {
    console.error(`entente: internal error: ${e instanceof Error ? e.message : String(e)} [INTERNAL]`);
    if (loadSettings().debug === 'true') console.error(e);
  }
  process.exitCode = process.exitCode || 1;
});
