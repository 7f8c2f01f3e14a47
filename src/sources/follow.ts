// `entente follow`: one loop that polls every source when it is due, records each outcome
// on the source (last fetch, next fetch, items added, last error), backs off a failing
// source without holding up the others, and runs the watches after anything new came in,
// so an alert fires within one polling interval of the data appearing.
import type { Store } from '../store/store.js';
import type { Source, SourceKind } from '../store/source-store.js';
import type { Alert } from '../store/watch-store.js';
import { checkWatches } from '../alerts/index.js';
import { Fetcher, FetchError, type FetcherOptions } from './http-get.js';
import { pollGdelt } from './gdelt-poller.js';
import { pollFeed, pollPage } from './document-pollers.js';
import { pollFolder } from './folder-poller.js';
import { backoffMs } from './schedule.js';
import type { PollContext, PollResult, Poller } from './types.js';

const POLLERS: Record<SourceKind, Poller> = { feed: pollFeed, page: pollPage, gdelt: pollGdelt, acled: pollFolder, icews: pollFolder };

export interface FollowOptions extends FetcherOptions {
  /** Poll what is due once and return. */
  once?: boolean;
  signal?: AbortSignal;
  log?: (line: string) => void;
  /** Longest sleep between looks at the schedule (new sources are noticed this fast). */
  tickMs?: number;
  /** Passed to the watch check (webhook timeouts, retries). */
  webhookTimeoutMs?: number;
  onRound?: (r: RoundResult) => void;
}

export interface SourceOutcome {
  id: string;
  kind: SourceKind;
  added: number;
  error: string | null;
}

export interface RoundResult {
  outcomes: SourceOutcome[];
  alerts: Alert[];
}

const due = (s: Source, now: number) => !s.paused && (!s.nextFetchAt || Date.parse(s.nextFetchAt) <= now);

async function pollOne(s: Source, ctx: PollContext): Promise<SourceOutcome> {
  const started = new Date();
  let r: PollResult;
  try {
    r = await POLLERS[s.kind](s, ctx);
  } catch (e) {
    const failures = s.failures + 1;
    const retryAfter = e instanceof FetchError ? e.retryAfterMs : null;
    const message = e instanceof Error ? e.message : String(e);
    const at = new Date();
    await ctx.store.updateSource(s.id, {
      lastFetchAt: started.toISOString(), failures, lastError: message, lastErrorAt: at.toISOString(),
      nextFetchAt: new Date(at.getTime() + backoffMs(s.everySeconds, failures, retryAfter)).toISOString(),
    });
    ctx.log(`source ${s.id} (${s.kind}) failed: ${message}; ${failures} failure(s) in a row, backing off`);
    return { id: s.id, kind: s.kind, added: 0, error: message };
  }
  const at = new Date();
  // A capped catch-up comes back at once; a partial failure still counts towards the backoff.
  const failures = r.problem ? s.failures + 1 : 0;
  const wait = r.more ? 0 : r.problem ? backoffMs(s.everySeconds, failures, null) : s.everySeconds * 1000;
  await ctx.store.updateSource(s.id, {
    lastFetchAt: started.toISOString(), lastSuccessAt: at.toISOString(), addItems: r.added, failures,
    nextFetchAt: new Date(at.getTime() + wait).toISOString(),
    ...(r.state ? { state: r.state } : {}),
    ...(r.problem ? { lastError: r.problem, lastErrorAt: at.toISOString() } : {}),
  });
  if (r.added) ctx.log(`source ${s.id} (${s.kind}): ${r.added} added`);
  return { id: s.id, kind: s.kind, added: r.added, error: r.problem ?? null };
}

/** Polls every due source (in parallel; politeness is per host in the fetcher), then the watches. */
export async function pollDue(store: Store, ctx: Omit<PollContext, 'store'>, opts: { webhookTimeoutMs?: number } = {}): Promise<RoundResult> {
  const now = Date.now();
  const sources = (await store.listSources()).filter((s) => due(s, now));
  const outcomes = await Promise.all(sources.map((s) => pollOne(s, { ...ctx, store })));
  const alerts = outcomes.some((o) => o.added > 0) ? await checkWatches(store, { log: ctx.log, webhookTimeoutMs: opts.webhookTimeoutMs }) : [];
  return { outcomes, alerts };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Runs until `signal` aborts (or one round with `once`). */
export async function follow(store: Store, opts: FollowOptions): Promise<void> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const fetcher = new Fetcher(opts);
  const tick = opts.tickMs ?? 1000;
  try {
    while (!opts.signal?.aborted) {
      const round = await pollDue(store, { fetcher, log }, { webhookTimeoutMs: opts.webhookTimeoutMs });
      opts.onRound?.(round);
      if (opts.once) return;
      const next = (await store.listSources()).filter((s) => !s.paused).map((s) => (s.nextFetchAt ? Date.parse(s.nextFetchAt) : 0));
      const wait = next.length ? Math.min(...next) - Date.now() : tick;
      await sleep(Math.max(50, Math.min(tick, wait)), opts.signal);
    }
  } finally {
    fetcher.close();
  }
}
