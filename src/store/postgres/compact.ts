// Folds the counter delta rows (actor counts, event volume) now and then, so reads sum a few
// rows per key. Writers call note() after each committed write; every COMPACT_EVERY writes one
// of them compacts, unless another process is already at it (a try-lock, never a wait).
import type pg from 'pg';

const COMPACT_EVERY = 50;
const COMPACT_LOCK = 0x636f6d70;

export function compactor(pool: pg.Pool): { note(): Promise<void>; now(): Promise<void> } {
  let writes = 0;
  async function now(): Promise<void> {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      const { rows } = await c.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [COMPACT_LOCK]);
      if (rows[0].ok) await c.query('SELECT entente_compact_counters()');
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }
  return {
    now,
    async note() {
      if (++writes % COMPACT_EVERY === 0) await now();
    },
  };
}
