// Endless, looping and oversized inputs: each gives a clear error within the limits, never
// unbounded memory or a hang (the fault campaign's /dev/zero, symlink loop and one-line cases).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../store/index.js';
import { ingestPaths } from './ingest-paths.js';
import { listInputFiles } from './document-sources.js';
import { readLines } from '../datasets/line-reader.js';
import { readStreamBounded } from '../read-bounded.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'entente-hostile-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An endless stream of one repeated chunk (what /dev/zero or `yes` gives). */
function endless(chunk: string): Readable {
  const buf = Buffer.from(chunk.repeat(Math.ceil(65536 / chunk.length)));
  return new Readable({ read() { this.push(buf); } });
}

describe('hostile inputs', () => {
  it('refuses an endless stream at the limit', async () => {
    await expect(readStreamBounded(endless('Russia attacked Ukraine\n'), 'stdin', 4 * 2 ** 20)).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });

  it('refuses a line without end at the line limit', async () => {
    const read = async () => { for await (const _ of readLines(endless('x'), { maxLineChars: 2 ** 20 })); };
    await expect(read()).rejects.toMatchObject({ code: 'TOO_LARGE', details: { line: 1 } });
  });

  it('reads lines split across chunks, and a long but allowed line, whole', async () => {
    const line = 'y'.repeat(300_000);
    const stream = Readable.from([Buffer.from('a\r\nb'), Buffer.from(`c\n${line.slice(0, 100)}`), Buffer.from(`${line.slice(100)}\nlast`)]);
    const lines: string[] = [];
    for await (const c of readLines(stream)) lines.push(...c.lines);
    expect(lines).toEqual(['a', 'bc', line, 'last']);
  });

  it.runIf(existsSync('/dev/zero'))('gives /dev/zero a clear error instead of reading it for ever', async () => {
    const store = await openStore({ db: join(dir, 'zero.db') });
    try {
      const s = await ingestPaths(store, ['/dev/zero']);
      expect(s).toMatchObject({ stored: 0, failed: 1 });
      expect(s.errors[0]!.code).toBe('TOO_LARGE');
    } finally {
      await store.close();
    }
  });

  it('reports a folder that links back above itself once, and reads the rest', async () => {
    const top = join(dir, 'loop');
    mkdirSync(join(top, 'a'), { recursive: true });
    writeFileSync(join(top, 'a', 'one.txt'), 'Russia attacked Ukraine on 24 February 2022.');
    symlinkSync(top, join(top, 'a', 'up'));
    const { files, errors } = await listInputFiles([top]);
    expect(files.map((f) => f.path)).toEqual([join(top, 'a', 'one.txt')]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ error: { code: 'BAD_INPUT' } });
  });

  it.runIf(process.getuid?.() !== 0)('names a file it may not read as PERMISSION_DENIED', async () => {
    const f = join(dir, 'secret.txt');
    writeFileSync(f, 'text');
    chmodSync(f, 0o000);
    const store = await openStore({ db: join(dir, 'perm.db') });
    try {
      const s = await ingestPaths(store, [f]);
      expect(s.errors[0]!.code).toBe('PERMISSION_DENIED');
    } finally {
      await store.close();
    }
  });
});
