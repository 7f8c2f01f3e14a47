// What a person sees while a big database is migrated on open (its rollups built from millions
// of events): a progress bar on an interactive terminal, one line before and after otherwise.
// Small migrations say nothing.
import cliProgress from 'cli-progress';
import type { MigrationProgress } from './sqlite/migrate.js';

/** Below this many units (events) a migration is quick and shown to nobody. */
const QUIET_BELOW = 200_000;

export function stderrProgress(stream: NodeJS.WriteStream = process.stderr): MigrationProgress {
  let bar: cliProgress.SingleBar | null = null;
  let started = 0;
  return ({ step, done, total }) => {
    if (total < QUIET_BELOW) return;
    if (done === 0) {
      started = Date.now();
      if (stream.isTTY) {
        bar = new cliProgress.SingleBar({ stream, format: `upgrading the database: ${step} [{bar}] {percentage}% | {value}/{total} events | {eta_formatted} left` }, cliProgress.Presets.shades_classic);
        bar.start(total, 0);
      } else stream.write(`upgrading the database: building ${step} for ${total.toLocaleString('en-US')} events …\n`);
      return;
    }
    bar?.update(done);
    if (done >= total) {
      bar?.stop();
      bar = null;
      stream.write(`upgrading the database: ${step} built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    }
  };
}
