// A throw-away PostgreSQL cluster for tests that must stop and start a server (faults,
// replicas), through scripts/pg-cluster.sh. pgClusterUsable says whether this machine can run
// one: PostgreSQL binaries installed, and a postgres user when running as root.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, chmodSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './cli.js';

const script = join(repoRoot, 'scripts', 'pg-cluster.sh');

function hasBinaries(): boolean {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'initdb'));
  try {
    return readdirSync('/usr/lib/postgresql').some((v) => existsSync(join('/usr/lib/postgresql', v, 'bin', 'initdb')));
  } catch {
    return false;
  }
}

function rootWithoutPostgresUser(): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('id', ['postgres'], { stdio: 'ignore' });
    return false;
  } catch {
    return true;
  }
}

export const pgClusterUsable = hasBinaries() && !rootWithoutPostgresUser();

export interface PgCluster {
  url: string;
  dir: string;
  crash(): void;
  restart(): void;
  stop(): void;
  /** A streaming standby of this cluster (pg_basebackup -R) on its own port. */
  standby(): PgCluster;
}

export function startPgCluster(primaryDir?: string): PgCluster {
  const parent = mkdtempSync(join(tmpdir(), 'entente-pgc-'));
  chmodSync(parent, 0o755);
  const dir = join(parent, 'cluster');
  const run = (cmd: string, ...more: string[]) => execFileSync('bash', [script, cmd, dir, ...more], { encoding: 'utf8' }).trim();
  const url = primaryDir ? run('standby', primaryDir) : run('start');
  return {
    url, dir,
    standby: () => startPgCluster(dir),
    crash: () => void run('crash'),
    restart: () => void run('restart'),
    stop: () => {
      run('stop');
      rmSync(parent, { recursive: true, force: true });
    },
  };
}
