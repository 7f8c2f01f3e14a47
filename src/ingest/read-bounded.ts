// Reading a whole input with a ceiling: files, special files (/dev/zero, FIFOs) and stdin are
// read in chunks and refused with TOO_LARGE as soon as they pass the limit, so an endless
// input costs at most the limit in memory. stat() sizes cannot be trusted (a device says 0).
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { EntenteError } from '../domain/errors.js';

/** The most a single document may have (a file, a stdin text, an upload). */
export const MAX_DOCUMENT_BYTES = 64 * 2 ** 20;

const mb = (n: number) => `${Math.round((n / 2 ** 20) * 10) / 10} MB`;

/** An fs error as an EntenteError that names the input. */
export function inputError(e: unknown, name: string): EntenteError {
  if (e instanceof EntenteError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT': return new EntenteError('NOT_FOUND', `${name}: no such file or folder`);
    case 'EACCES':
    case 'EPERM': return new EntenteError('PERMISSION_DENIED', `${name}: permission denied`);
    case 'EISDIR': return new EntenteError('BAD_INPUT', `${name}: is a folder, not a file`);
    case 'ELOOP': return new EntenteError('BAD_INPUT', `${name}: too many levels of symbolic links (a link loop?)`);
    default: return new EntenteError('BAD_INPUT', `${name}: cannot read (${(e as Error).message})`);
  }
}

/** All bytes of a stream, or TOO_LARGE once it passes maxBytes (the stream is then destroyed). */
export async function readStreamBounded(stream: Readable, name: string, maxBytes = MAX_DOCUMENT_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) throw new EntenteError('TOO_LARGE', `${name}: more than the ${mb(maxBytes)} a document may have`, { limit: maxBytes });
      chunks.push(chunk);
    }
  } catch (e) {
    stream.destroy();
    throw inputError(e, name);
  }
  return Buffer.concat(chunks, total);
}

/** A regular file's bytes in one read, or null for a special file (its size says nothing). */
function readRegularFile(file: string, maxBytes: number): Buffer | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw inputError(e, file);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw inputError(Object.assign(new Error('is a directory'), { code: 'EISDIR' }), file);
    if (!st.isFile()) return null;
    if (st.size > maxBytes) throw new EntenteError('TOO_LARGE', `${file}: more than the ${mb(maxBytes)} a document may have`, { limit: maxBytes });
    const buf = Buffer.allocUnsafe(st.size);
    let got = 0;
    while (got < st.size) {
      const n = readSync(fd, buf, got, st.size - got, got);
      if (n === 0) break;
      got += n;
    }
    return got === st.size ? buf : buf.subarray(0, got);
  } catch (e) {
    throw inputError(e, file);
  } finally {
    closeSync(fd);
  }
}

/** A file's bytes ("-" is stdin): a regular file in one read, anything else in chunks up to maxBytes. */
export async function readFileBounded(file: string, maxBytes = MAX_DOCUMENT_BYTES): Promise<Buffer> {
  if (file === '-') return readStreamBounded(process.stdin, 'stdin', maxBytes);
  return readRegularFile(file, maxBytes) ?? readStreamBounded(createReadStream(file, { highWaterMark: 1 << 16 }), file, maxBytes);
}
