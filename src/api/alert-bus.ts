// Fans new alerts out to the server-sent-event streams. The store is the truth: while
// anyone listens, the bus polls the newest alerts (so alerts made by another process,
// such as a CLI import into the same database, arrive too), and `poke()` after an
// in-process ingest makes them arrive at once rather than at the next tick.
export interface AlertLike { id: string | number }

export type Listener = (alert: AlertLike) => void;

export class AlertBus {
  private readonly listeners = new Set<Listener>();
  private seen: Set<string> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;

  constructor(private readonly latest: () => Promise<AlertLike[]>, private readonly intervalMs = 2000) {}

  /** Calls `fn` with each alert stored after the subscription; returns the unsubscribe. */
  async subscribe(fn: Listener): Promise<() => void> {
    // The first listener fixes what counts as old: everything stored before it came.
    if (this.seen === null) this.seen = new Set((await this.latest()).map((a) => String(a.id)));
    this.listeners.add(fn);
    this.timer ??= setInterval(() => void this.poke(), this.intervalMs);
    this.timer.unref();
    return () => {
      this.listeners.delete(fn);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** Look for new alerts now. */
  poke(): Promise<void> {
    if (this.listeners.size === 0 || this.seen === null) return Promise.resolve();
    this.polling ??= this.poll().finally(() => { this.polling = null; });
    return this.polling;
  }

  private async poll(): Promise<void> {
    let rows: AlertLike[];
    try {
      rows = await this.latest();
    } catch {
      return; // a locked or closing database: try again at the next tick
    }
    const seen = this.seen;
    if (!seen) return;
    // The store lists newest first; deliver oldest first.
    for (const a of [...rows].reverse()) {
      const id = String(a.id);
      if (seen.has(id)) continue;
      seen.add(id);
      for (const fn of this.listeners) fn(a);
    }
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.seen = null;
  }

  close(): void {
    this.listeners.clear();
    this.stop();
  }
}
