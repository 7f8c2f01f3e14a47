// POST an alert as JSON to a webhook: a timeout per attempt, a few retries with exponential
// backoff, and never a throw — the caller records the outcome and moves on, so a dead or
// hanging endpoint cannot stall or fail an ingest. 4xx answers (but 408/429) are not retried.

export interface WebhookOptions {
  timeoutMs: number;
  /** Attempts in this call (first try included). */
  attempts: number;
  /** Wait before retry k (1-based) is backoffMs × 2^(k−1). */
  backoffMs: number;
}

export const WEBHOOK_DEFAULTS: WebhookOptions = { timeoutMs: 5000, attempts: 3, backoffMs: 250 };

export interface WebhookOutcome {
  ok: boolean;
  attempts: number;
  status: number | null;
  error: string | null;
  /** False when retrying cannot help (a 4xx, a malformed URL). */
  retryable: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function postWebhook(url: string, payload: unknown, options: Partial<WebhookOptions> = {}): Promise<WebhookOutcome> {
  const o = { ...WEBHOOK_DEFAULTS, ...options };
  let target: URL;
  try {
    target = new URL(url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error(`unsupported scheme ${target.protocol}`);
  } catch (e) {
    return { ok: false, attempts: 0, status: null, error: `bad webhook URL: ${(e as Error).message}`, retryable: false };
  }
  const body = JSON.stringify(payload);
  let last: WebhookOutcome = { ok: false, attempts: 0, status: null, error: 'not attempted', retryable: true };
  for (let k = 1; k <= o.attempts; k++) {
    if (k > 1) await sleep(o.backoffMs * 2 ** (k - 2));
    try {
      const res = await fetch(target, {
        method: 'POST', body, redirect: 'error',
        headers: { 'content-type': 'application/json', 'user-agent': 'entente-alerts' },
        signal: AbortSignal.timeout(o.timeoutMs),
      });
      await res.body?.cancel().catch(() => undefined);
      if (res.ok) return { ok: true, attempts: k, status: res.status, error: null, retryable: false };
      const retryable = res.status >= 500 || res.status === 408 || res.status === 429;
      last = { ok: false, attempts: k, status: res.status, error: `HTTP ${res.status}`, retryable };
      if (!retryable) return last;
    } catch (e) {
      const err = e as Error;
      const msg = err.name === 'TimeoutError' ? `timed out after ${o.timeoutMs} ms` : (err.cause as Error | undefined)?.message ?? err.message;
      last = { ok: false, attempts: k, status: null, error: msg, retryable: true };
    }
  }
  return last;
}
