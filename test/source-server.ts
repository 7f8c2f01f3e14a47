// A GDELT-like and feed-serving HTTP server on 127.0.0.1 for the follow tests: it publishes
// zipped 15-minute exports with lastupdate.txt and masterfilelist.txt as GDELT does, serves
// an RSS feed with ETag / 304, and can be told to answer 503, truncate a file, misstate an
// MD5 or stall a download.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { makeZip } from './zip.js';

interface Listed { size: number; md5: string; path: string }

export interface SourceServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** The GDELT base URL (…/gdeltv2/). */
  gdelt: string;
  /** Paths requested, in order, with the conditional headers sent. */
  requests: Array<{ path: string; ifNoneMatch?: string; ifModifiedSince?: string; status: number }>;
  /** Adds a 15-minute export (and its mentions) and makes it the newest in lastupdate.txt. */
  publish(stamp: string, exportCsv: Buffer, mentionsCsv?: Buffer, opts?: { md5?: string; truncate?: boolean }): void;
  /** Serves a static body at a path. */
  put(path: string, body: string | Buffer, contentType?: string): void;
  /** The next `n` requests whose path starts with `prefix` answer 503 (with Retry-After seconds when given). */
  fail(prefix: string, n: number, retryAfter?: number): void;
  /** Requests whose path starts with `prefix` get half the body, then the connection hangs until `release()`. */
  stall(prefix: string): void;
  release(): void;
  close(): Promise<void>;
}

export async function startSourceServer(): Promise<SourceServer> {
  const files = new Map<string, { body: Buffer; type: string; etag: string; truncate?: boolean }>();
  const master: Listed[] = [];
  let latest: Listed[] = [];
  const failures: Array<{ prefix: string; left: number; retryAfter?: number }> = [];
  const stalls: string[] = [];
  const stalled: ServerResponse[] = [];
  const requests: SourceServer['requests'] = [];
  const list = (rows: Listed[], origin: string) => rows.map((r) => `${r.size} ${r.md5} ${origin}${r.path}`).join('\n') + '\n';

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    const log = { path, ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'], status: 200 };
    requests.push(log);
    const f = failures.find((x) => path.startsWith(x.prefix) && x.left > 0);
    if (f) {
      f.left--;
      log.status = 503;
      res.writeHead(503, f.retryAfter !== undefined ? { 'retry-after': String(f.retryAfter) } : {}).end('busy');
      return;
    }
    const origin = `http://${req.headers.host}`;
    if (path === '/gdeltv2/lastupdate.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end(list(latest, origin));
    if (path === '/gdeltv2/masterfilelist.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end(list(master, origin));
    const file = files.get(path);
    if (!file) {
      log.status = 404;
      return void res.writeHead(404).end('not found');
    }
    if (req.headers['if-none-match'] === file.etag) {
      log.status = 304;
      return void res.writeHead(304, { etag: file.etag }).end();
    }
    if (stalls.some((p) => path.startsWith(p))) {
      res.writeHead(200, { 'content-type': file.type, 'content-length': file.body.length });
      res.write(file.body.subarray(0, file.body.length >> 1));
      stalled.push(res);
      return;
    }
    if (file.truncate) {
      // Declares nothing and sends two thirds: a download that the list's size must catch.
      res.writeHead(200, { 'content-type': file.type });
      return void res.end(file.body.subarray(0, Math.floor(file.body.length * 2 / 3)));
    }
    res.writeHead(200, { 'content-type': file.type, etag: file.etag, 'content-length': file.body.length }).end(file.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');
  const put = (path: string, body: string | Buffer, type = 'application/octet-stream', truncate = false) => {
    const b = Buffer.isBuffer(body) ? body : Buffer.from(body);
    files.set(path, { body: b, type, etag: `"${md5(b).slice(0, 16)}"`, truncate });
  };
  return {
    origin,
    gdelt: `${origin}/gdeltv2/`,
    requests,
    publish(stamp, exportCsv, mentionsCsv, opts = {}) {
      const now: Listed[] = [];
      for (const [kind, csv] of [['export', exportCsv], ['mentions', mentionsCsv]] as const) {
        if (!csv) continue;
        const name = `${stamp}.${kind}.CSV`;
        const zip = makeZip([{ name, data: csv }]);
        const path = `/gdeltv2/${name}.zip`;
        put(path, zip, 'application/zip', !!opts.truncate);
        now.push({ size: zip.length, md5: opts.md5 ?? md5(zip), path });
      }
      // Published again (a corrected file) replaces its line, as in GDELT's list.
      for (const x of now) master.splice(0, master.length, ...master.filter((m) => m.path !== x.path));
      master.push(...now);
      latest = now;
    },
    put: (path, body, type) => put(path, body, type),
    fail(prefix, n, retryAfter) {
      failures.push({ prefix, left: n, retryAfter });
    },
    stall(prefix) {
      stalls.push(prefix);
    },
    release() {
      stalls.length = 0;
      for (const r of stalled.splice(0)) r.destroy();
    },
    close: () => new Promise((r) => {
      for (const s of stalled) s.destroy();
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
