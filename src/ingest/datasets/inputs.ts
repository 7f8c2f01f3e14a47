// Expands the command's FILE|DIR|ZIP arguments into inputs read one at a time: plain
// files, every file of a directory (sorted, not recursive), and every file entry of a
// .zip, read entry by entry with yauzl (never unpacked to disk, never held whole).
import { createReadStream, statSync, readdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import yauzl from 'yauzl';
import { EntenteError } from '../../domain/errors.js';

export interface Input {
  /** For reports: the path, or "archive.zip:entry.csv". */
  name: string;
  /** Bytes to read (uncompressed), for progress. */
  size: number;
  /** Opens the byte stream; `onBytes` is told how many bytes have been read so far. */
  open(onBytes?: (n: number) => void): Promise<Readable>;
}

function counted(stream: Readable, onBytes?: (n: number) => void): Readable {
  if (!onBytes) return stream;
  let n = 0;
  const t = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      n += chunk.length;
      onBytes(n);
      cb(null, chunk);
    },
  });
  stream.on('error', (e) => t.destroy(e));
  return stream.pipe(t);
}

function fileInput(path: string, size: number): Input {
  return {
    name: path,
    size,
    async open(onBytes) {
      // 32 KB reads: the decoded text stays below V8's large-object size, so it dies young.
      return counted(createReadStream(path, { highWaterMark: 1 << 15 }), onBytes);
    },
  };
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, zip) => {
      if (err || !zip) reject(new EntenteError('BAD_INPUT', `${path}: not a readable zip archive (${err?.message ?? 'unknown error'})`));
      else resolve(zip);
    });
  });
}

/** The file entries of a zip archive, each opened lazily from the archive. A broken archive
 * becomes one input that fails when opened, so it is reported like any unreadable file. */
async function zipInputs(path: string, size: number): Promise<Input[]> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch (e) {
    return [{ name: path, size, open: () => Promise.reject(e) }];
  }
  const entries: yauzl.Entry[] | EntenteError = await new Promise((resolve) => {
    const out: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      if (!e.fileName.endsWith('/')) out.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(out));
    zip.on('error', (e: Error) => resolve(new EntenteError('BAD_INPUT', `${path}: broken zip archive (${e.message})`)));
    zip.readEntry();
  });
  if (entries instanceof EntenteError) {
    zip.close();
    return [{ name: path, size, open: () => Promise.reject(entries) }];
  }
  let open = entries.length;
  const done = () => { if (--open <= 0) zip.close(); };
  if (!entries.length) zip.close();
  return entries.map((entry) => ({
    name: `${path}:${entry.fileName}`,
    size: entry.uncompressedSize,
    open: (onBytes) => new Promise<Readable>((resolve, reject) => {
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) {
          done();
          reject(new EntenteError('BAD_INPUT', `${path}:${entry.fileName}: cannot read zip entry (${err?.message ?? 'unknown error'})`));
          return;
        }
        stream.on('end', done);
        stream.on('error', done);
        resolve(counted(stream, onBytes));
      });
    }),
  }));
}

const isZip = (p: string) => p.toLowerCase().endsWith('.zip');

/** Every input named by the arguments, in order. Missing paths are an error up front. */
export async function expandInputs(paths: string[]): Promise<Input[]> {
  const out: Input[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new EntenteError('NOT_FOUND', `${p}: no such file or directory`);
    }
    if (st.isDirectory()) {
      const files = readdirSync(p).filter((f) => !f.startsWith('.')).sort();
      for (const f of files) {
        const full = join(p, f);
        const fst = statSync(full);
        if (!fst.isFile()) continue;
        if (isZip(f)) out.push(...(await zipInputs(full, fst.size)));
        else out.push(fileInput(full, fst.size));
      }
    } else if (isZip(p)) {
      out.push(...(await zipInputs(p, st.size)));
    } else {
      out.push(fileInput(p, st.size));
    }
  }
  return out;
}

export const displayName = (i: Input) => (i.name.includes('.zip:') ? i.name : basename(i.name));
