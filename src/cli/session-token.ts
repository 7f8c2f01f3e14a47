// The admin token `entente serve` prints: it lasts `sessionHours` at most and names the server
// process it belongs to (`host:pid`), so a server that died without revoking it (kill -9, a
// power cut) leaves nothing usable behind: the next start on the same host revokes the tokens
// of processes that no longer run, and tokens from other hosts run out with their lifetime.
import { hostname } from 'node:os';
import { EntenteError } from '../domain/errors.js';
import type { Store } from '../store/store.js';
import type { NewToken } from '../store/auth-store.js';

export function sessionOwner(pid = process.pid): string {
  return `${hostname()}:${pid}`;
}

/** Whether a process with this id runs on this machine (EPERM: it runs as someone else). */
function running(pid: number): boolean {
  if (pid === process.pid) return false; // a reused id (a container's pid 1): the old server is gone
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Revokes the session tokens of servers on this host that stopped without doing so; returns their ids. */
export async function revokeStaleSessions(store: Store): Promise<string[]> {
  const here = `${hostname()}:`;
  const live = await store.listTokens({ limit: 10_000 });
  const stale = live.rows.filter((t) => t.session?.startsWith(here) && !running(Number(t.session.slice(here.length))));
  for (const t of stale) await store.revokeToken(t.id);
  return stale.map((t) => t.id);
}

export function sessionHours(value: string): number {
  const h = Number(value);
  if (!Number.isFinite(h) || h <= 0) throw new EntenteError('BAD_INPUT', `setting sessionHours: expected a positive number of hours, got ${value}`);
  return h;
}

export async function createSessionToken(store: Store, hours: number, now = new Date()): Promise<NewToken> {
  const expiresAt = new Date(now.getTime() + hours * 3_600_000).toISOString();
  return store.createToken('admin', `serve session ${now.toISOString().slice(0, 19)}`, { expiresAt, session: sessionOwner() });
}
