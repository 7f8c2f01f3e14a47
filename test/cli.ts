// Runs the CLI from source in a child process, as a user would, for end-to-end tests.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
// The shared data sits beside the repo; ENTENTE_SHARED_DIR points elsewhere (a checkout in another folder).
export const sharedDir = process.env.ENTENTE_SHARED_DIR ?? join(repoRoot, '..', 'shared');

export interface CliResult { code: number; stdout: string; stderr: string }

export function runCli(args: string[], opts: { input?: string | Buffer; env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number; user?: { uid?: number; gid?: number } } = {}): CliResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), ...args], {
    ...opts.user,
    cwd: opts.cwd ?? repoRoot,
    input: opts.input,
    env: { ...process.env, ...opts.env },
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 120_000,
    maxBuffer: 256 * 2 ** 20,
  });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/**
 * Who a child process runs as so that file permissions bind it: this user, unless that is
 * root (whom chmod does not stop), then `nobody` when it can read the checkout; null when
 * neither is possible (the tests that need it are skipped, saying so).
 */
export function unprivilegedUser(): { uid?: number; gid?: number } | null {
  if (process.getuid?.() !== 0) return {};
  const nobody = { uid: 65534, gid: 65534 };
  const r = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(join(repoRoot, 'src/cli/main.ts'))})`], { ...nobody, cwd: '/' });
  return r.status === 0 ? nobody : null;
}
