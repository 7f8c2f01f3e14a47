import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { withDbErrors } from './db-errors.js';
import { EntenteError } from '../../domain/errors.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'entente-dberr-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('withDbErrors', () => {
  it('turns a real SQLite failure into DB_ERROR naming the file, in calls, promises and streams', async () => {
    const file = join(dir, 'a.db');
    const w = new Database(file);
    w.exec('CREATE TABLE t (x)');
    w.close();
    const ro = new Database(file, { readonly: true });
    const part = withDbErrors({
      write() { ro.prepare('INSERT INTO t VALUES (1)').run(); },
      async writeLater() { ro.prepare('INSERT INTO t VALUES (1)').run(); },
      async *stream() { yield 1; ro.prepare('INSERT INTO t VALUES (1)').run(); },
      async fine() { return 42; },
      async own() { throw new EntenteError('NOT_FOUND', 'x'); },
    }, file);
    expect(() => part.write()).toThrow(expect.objectContaining({ code: 'DB_ERROR', message: expect.stringMatching(/read-only/) }));
    await expect(part.writeLater()).rejects.toMatchObject({ code: 'DB_ERROR', details: { sqlite: 'SQLITE_READONLY' } });
    await expect((async () => { for await (const _ of part.stream()); })()).rejects.toMatchObject({ code: 'DB_ERROR' });
    expect(await part.fine()).toBe(42);
    await expect(part.own()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    ro.close();
  });
});
