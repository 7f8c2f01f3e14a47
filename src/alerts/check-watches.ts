// After an ingest or import: for every watch, find high-intensity events and shifts on its
// dyad that it has not seen, store them as alerts, print them, and POST them to the watch's
// webhook. Each watch and each delivery fails on its own: one bad watch or dead endpoint
// never fails the check, so it never fails the ingest that called it.
import type { Store } from '../store/store.js';
import type { Alert, AlertInput, Watch, WatchInput } from '../store/watch-store.js';
import type { AnalysisEvent } from '../domain/event.js';
import { inDyad, periodOf, addPeriods, type Shift } from '../analysis/index.js';
import { shiftsFor } from '../services/analysis.js';
import { postWebhook, WEBHOOK_DEFAULTS, type WebhookOptions } from './webhook.js';
import { loadSettings } from '../config/settings.js';
import { getActor } from '../actors/index.js';
import { eventSummary } from '../domain/event-summary.js';
import { QUAD_NAMES, isCooperative, quadOf } from '../domain/plover.js';

export interface CheckOptions {
  /** Only events dated on or after this day are considered (shifts always use the whole series). */
  since?: string;
  /** Webhook timeout per attempt, ms; default the webhookTimeoutMs setting. */
  webhookTimeoutMs?: number;
  webhook?: Partial<Omit<WebhookOptions, 'timeoutMs'>>;
  /** Where alert lines go; default stderr, so a command's stdout stays clean. */
  log?: (line: string) => void;
  /** Deliveries per alert across checks before it is marked failed. */
  maxAttempts?: number;
}

/** Periods either side within which a shift counts as one already seen. */
const SHIFT_TOLERANCE = 2;
const SHIFT_UNIT = 'month' as const;

interface Candidate extends AlertInput {
  shiftPeriod?: string;
}

const fmt = (x: number): string => (x > 0 ? `+${x}` : String(x)).replace('-', '−');

/** An actor's registry name, else its code (dataset codes such as RUSGOV have no entry). */
const nameOf = (code: string): string => getActor(code)?.name ?? code;
const names = (codes: readonly string[]): string => codes.map(nameOf).join(', ');
const pairName = (w: Watch): string => (w.b ? `${nameOf(w.a)} and ${nameOf(w.b)}` : `${nameOf(w.a)} and anyone`);
const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

function eventCandidate(w: Watch, e: AnalysisEvent): Candidate {
  const tone = isCooperative(e.type) ? 'cooperation' : 'conflict';
  const line = eventSummary({ type: e.type, sources: e.sources.map(nameOf), targets: e.targets.map(nameOf), attrs: {} }, null);
  return {
    watchId: w.id, kind: 'event', key: `event:${e.id}`, date: e.start,
    title: `${pairName(w)}: ${tone}, ${line} on ${e.start}`,
    summary: `${line} on ${e.start} (${QUAD_NAMES[quadOf(e.type)]}, intensity ${fmt(e.intensity)} of ±10, ${plural(e.mentions, 'mention')}, ${e.modality}, from ${e.origin}; event ${e.id}). The watch alerts at intensity ${w.threshold} or more.`,
    data: { event: e, threshold: w.threshold, sources: names(e.sources), targets: names(e.targets) },
  };
}

function shiftCandidate(w: Watch, s: Shift): Candidate {
  const towards = s.direction === 'toward-conflict' ? 'conflict' : 'cooperation';
  return {
    watchId: w.id, kind: 'shift', key: `shift:${s.period}:${s.direction}`, date: s.date, shiftPeriod: s.period,
    title: `${pairName(w)}: toward ${towards} from ${s.period}, ${plural(s.eventCount, 'event')}`,
    summary: `Relations between ${pairName(w)} moved toward ${towards} from ${s.period}: the score went from ${s.before.toFixed(1)} to ${s.after.toFixed(1)} (${fmt(Number(s.magnitude.toFixed(1)))}), from ${plural(s.eventCount, 'event')} around it, confidence ${s.confidence.toFixed(2)}.${s.events.length ? ` Largest: ${s.events.slice(0, 3).map((e) => `${eventSummary({ type: e.type, sources: e.sources.map(nameOf), targets: e.targets.map(nameOf), attrs: {} }, null)} (${e.type}, ${e.start})`).join('; ')}.` : ''}`,
    data: { shift: s },
  };
}

/** What a watch would alert on now: high-intensity events and shifts on its dyad. */
async function candidates(store: Store, w: Watch, since?: string): Promise<Candidate[]> {
  const dyad = { a: w.a, b: w.b };
  const events = (await store.analysisEvents({ actor: w.a, with: w.b ?? undefined, from: since }))
    .filter((e) => inDyad(e, dyad) && Math.abs(e.intensity) >= w.threshold);
  const { shifts } = await shiftsFor(store, { a: w.a, b: w.b, by: SHIFT_UNIT });
  return [...events.map((e) => eventCandidate(w, e)), ...shifts.map((s) => shiftCandidate(w, s))];
}

/** A re-estimated shift lands a period or two from where it was first seen: the same shift. */
function seenNearby(c: Candidate, seen: Set<string>): boolean {
  if (!c.shiftPeriod) return false;
  const direction = c.key.split(':')[2];
  const start = periodOf(c.date!, SHIFT_UNIT).start;
  for (let k = -SHIFT_TOLERANCE; k <= SHIFT_TOLERANCE; k++) {
    if (seen.has(`shift:${periodOf(addPeriods(start, k, SHIFT_UNIT), SHIFT_UNIT).label}:${direction}`)) return true;
  }
  return false;
}

/** Add a watch and take what is already in the store as seen, so only new things alert. */
export async function addWatch(store: Store, input: WatchInput): Promise<Watch> {
  const w = await store.addWatch(input);
  try {
    await store.markSeen(w.id, (await candidates(store, w)).map((c) => c.key));
  } catch (e) {
    await store.removeWatch(w.id);
    throw e;
  }
  return w;
}

function settingTimeout(): number {
  const t = Number(loadSettings().webhookTimeoutMs);
  return Number.isFinite(t) && t > 0 ? t : WEBHOOK_DEFAULTS.timeoutMs;
}

function line(a: Alert): string {
  return `alert ${a.id} [${a.dyad}] ${a.kind}: ${a.title}`;
}

async function deliver(store: Store, watch: Watch, alert: Alert, o: CheckOptions, log: (s: string) => void): Promise<void> {
  const max = o.maxAttempts ?? 9;
  const outcome = await postWebhook(watch.webhook!, { source: 'entente', alert, watch: { id: watch.id, a: watch.a, b: watch.b, threshold: watch.threshold } },
    { ...o.webhook, timeoutMs: o.webhookTimeoutMs ?? settingTimeout() });
  const attempts = alert.attempts + outcome.attempts;
  const final = outcome.ok || !outcome.retryable || attempts >= max;
  await store.recordDelivery(alert.id, { ok: outcome.ok, attempts, error: outcome.error, final });
  if (!outcome.ok) log(`alert ${alert.id}: webhook ${watch.webhook} failed (${outcome.error}); ${final ? 'giving up' : 'will retry after the next import'}`);
}

/**
 * Check every watch; store, print and deliver the new alerts. Never throws for one watch or
 * one webhook: their errors are logged. Returns the alerts created by this call.
 */
export async function checkWatches(store: Store, options: CheckOptions = {}): Promise<Alert[]> {
  const log = options.log ?? ((s: string) => process.stderr.write(`${s}\n`));
  const created: Alert[] = [];
  const deliveries: Array<Promise<void>> = [];
  let watches: Watch[];
  try {
    watches = await store.listWatches();
  } catch (e) {
    log(`alerts: cannot read watches: ${(e as Error).message}`);
    return [];
  }
  const byId = new Map(watches.map((w) => [w.id, w]));
  for (const w of watches) {
    try {
      const seen = await store.seenKeys(w.id);
      const fresh = (await candidates(store, w, options.since)).filter((c) => !seen.has(c.key) && !seenNearby(c, seen));
      const stored = await store.addAlerts(fresh.map(({ shiftPeriod: _p, ...c }) => c));
      for (const a of stored) log(line(a));
      created.push(...stored);
      await store.touchWatch(w.id, new Date().toISOString());
    } catch (e) {
      log(`alerts: watch ${w.id} (${w.a}–${w.b ?? '*'}) skipped: ${(e as Error).message}`);
    }
  }
  // New alerts and those whose delivery failed before, in parallel: time is bounded by one
  // alert's attempts × timeout, not by their number.
  try {
    const pending = await store.listAlerts({ delivery: ['pending'] }, { limit: 1000 });
    for (const a of pending.rows) {
      const w = byId.get(a.watchId);
      if (w?.webhook) deliveries.push(deliver(store, w, a, options, log).catch((e: Error) => log(`alert ${a.id}: delivery not recorded: ${e.message}`)));
    }
  } catch (e) {
    log(`alerts: cannot read pending deliveries: ${(e as Error).message}`);
  }
  await Promise.all(deliveries);
  return created;
}
