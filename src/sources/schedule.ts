// Intervals and backoff. "10m", "30s", "1h", "1d" or plain seconds; a failing source waits
// its interval doubled per failure in a row (capped at six hours), or longer if the server
// said so with Retry-After.
import { EntenteError } from '../domain/errors.js';

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };
export const MAX_BACKOFF_SECONDS = 6 * 3600;

export function parseEvery(v: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([smhd]?)$/.exec(v.trim());
  const seconds = m ? Number(m[1]) * UNITS[m[2] || 's'] : NaN;
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 30 * 86400) throw new EntenteError('BAD_INPUT', `--every: expected a duration such as 30s, 10m or 1h (1 s to 30 days), got "${v}"`);
  return Math.round(seconds);
}

export function formatEvery(seconds: number): string {
  for (const [u, n] of [['d', 86400], ['h', 3600], ['m', 60]] as const) if (seconds % n === 0) return `${seconds / n}${u}`;
  return `${seconds}s`;
}

/** Milliseconds to wait after the `failures`-th failure in a row (1: twice the interval). */
export function backoffMs(everySeconds: number, failures: number, retryAfterMs: number | null): number {
  const doubled = Math.min(everySeconds * 2 ** Math.min(failures, 20), MAX_BACKOFF_SECONDS) * 1000;
  return Math.max(doubled, retryAfterMs ?? 0);
}
