// Runs the CLI from source in a child process, as a user would, for end-to-end tests.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
// The shared data sits beside the repo; ENTENTE_SHARED_DIR points elsewhere (a checkout in another folder).
export const sharedDir = process.env.ENTENTE_SHARED_DIR ?? join(repoRoot, '..', 'shared');

export interface CliResult { code: number; stdout: string; stderr: string }

export function runCli(args: string[], opts: { input?: string | Buffer; env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {}): CliResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), ...args], {
    cwd: opts.cwd ?? repoRoot,
    input: opts.input,
    env: { ...process.env, ...opts.env },
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 120_000,
    maxBuffer: 256 * 2 ** 20,
  });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}
