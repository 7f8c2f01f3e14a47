// Failed authentication, counted per client address: past `max` failures in a window, every
// request from that address that carries a token is refused with 429 until the window ends,
// so guessing tokens costs a minute per few tries instead of thousands a second. Requests
// without a token are not counted (they guess nothing). Memory is bounded: at most
// `maxClients` addresses are remembered, the oldest forgotten first.

interface Window { start: number; failures: number }

export class AuthFailures {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly max: number,
    private readonly windowMs = 60_000,
    private readonly maxClients = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until this client may try again; 0 when it may now. */
  blockedFor(client: string): number {
    const w = this.windows.get(client);
    if (!w) return 0;
    const left = w.start + this.windowMs - this.now();
    if (left <= 0) {
      this.windows.delete(client);
      return 0;
    }
    return w.failures >= this.max ? left : 0;
  }

  fail(client: string): void {
    const t = this.now();
    let w = this.windows.get(client);
    if (!w || w.start + this.windowMs <= t) {
      this.windows.delete(client);
      w = { start: t, failures: 0 };
      this.windows.set(client, w);
      // Maps keep insertion order: the first key is the oldest window.
      while (this.windows.size > this.maxClients) this.windows.delete(this.windows.keys().next().value!);
    }
    w.failures++;
  }
}
