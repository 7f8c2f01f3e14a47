// SQLite's own failures as EntenteErrors with a code and a message a user can act on: a
// read-only file, a damaged one, a lock held too long, a full disk. Wrapped around every
// store method so no caller sees an SqliteError (or prints "[INTERNAL]" per file).
import { EntenteError } from '../../domain/errors.js';

export function dbError(e: unknown, file: string): unknown {
  if (e instanceof EntenteError) return e;
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return e;
  const why = code === 'SQLITE_READONLY_DIRECTORY' || code === 'SQLITE_READONLY_CANTINIT'
    ? 'the database is in WAL mode and its folder is read-only: SQLite needs to create its -shm file beside it (open it once with write access, which leaves it readable from a read-only folder, or copy it to a writable one)'
    : code.startsWith('SQLITE_READONLY') ? 'the database is read-only (check the file\'s and its folder\'s permissions)'
    : code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB') ? 'the database is damaged (run `entente check` to see what is wrong)'
      : code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') ? 'the database is locked by another writer; try again when it is done'
        : code.startsWith('SQLITE_FULL') ? 'the disk is full'
          : code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') ? 'the database file cannot be read or written'
            : `database error (${code})`;
  return new EntenteError('DB_ERROR', `${file}: ${why}`, { sqlite: code, why });
}

/**
 * A database error after which a server should stop rather than answer on: damaged pages,
 * a file that is not a database, failed reads or writes, a file gone. A read-only file, a
 * held lock or a full disk still let reads through and are answered request by request.
 */
export function isFatalDbError(e: unknown): boolean {
  const code = (e as { details?: { sqlite?: unknown } })?.details?.sqlite;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB|IOERR|CANTOPEN)/.test(code);
}

/** Every method of a store part, with SQLite errors turned into DB_ERROR (streams included). */
export function withDbErrors<T extends object>(part: T, file: string): T {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(part)) {
    if (typeof value !== 'function') {
      out[name] = value;
      continue;
    }
    const fn = value as (...args: unknown[]) => unknown;
    out[name] = (...args: unknown[]) => {
      let r: unknown;
      try {
        r = fn(...args);
      } catch (e) {
        throw dbError(e, file);
      }
      if (r instanceof Promise) return r.catch((e: unknown) => { throw dbError(e, file); });
      if (r && typeof r === 'object' && Symbol.asyncIterator in r) return guardStream(r as AsyncIterable<unknown>, file);
      return r;
    };
  }
  return out as T;
}

async function* guardStream<V>(source: AsyncIterable<V>, file: string): AsyncGenerator<V> {
  try {
    yield* source;
  } catch (e) {
    throw dbError(e, file);
  }
}
