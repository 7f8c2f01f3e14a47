// Polite, guarded HTTP GET for followed sources. Safety: only http(s), no credentials in
// URLs, every redirect hop checked again, and the address actually connected to checked by
// the socket's own DNS look-up (so a host cannot resolve to a public address for a check and
// a private one for the connection). Politeness: one request at a time per host, a minimum
// interval between them, Retry-After honoured for the whole host. Limits: size and time.
import http from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { EntenteError, type ErrorCode } from '../domain/errors.js';
import { isPrivateAddress } from '../api/url-guard.js';

export interface GetOptions {
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
}

export interface GetResult {
  url: string;
  status: number;
  notModified: boolean;
  body: Buffer;
  contentType: string;
  etag: string | null;
  lastModified: string | null;
}

/** A fetch that failed; `retryAfterMs` when the server said when to come back. */
export class FetchError extends EntenteError {
  readonly retryAfterMs: number | null;
  readonly status: number | null;
  constructor(code: ErrorCode, message: string, extra: { status?: number | null; retryAfterMs?: number | null } = {}) {
    super(code, message);
    this.status = extra.status ?? null;
    this.retryAfterMs = extra.retryAfterMs ?? null;
  }
}

export interface FetcherOptions {
  /** true: any address; false: public addresses only; a list: public ones plus these origins ("127.0.0.1:8080"). */
  allowPrivate: boolean | string[];
  maxBytes: number;
  timeoutMs: number;
  /** Minimum time between the end of one request to a host and the start of the next. */
  hostIntervalMs: number;
  maxRedirects?: number;
  userAgent?: string;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(v: string | undefined | null, now = Date.now()): number | null {
  if (!v) return null;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

function privateAllowed(allow: FetcherOptions['allowPrivate'], url: URL): boolean {
  if (typeof allow === 'boolean') return allow;
  return allow.includes(url.host);
}

/** A look-up for the socket itself: refuses private addresses unless allowed. */
export function guardedLookup(allow: boolean): LookupFunction {
  return ((hostname: string, options: { family?: number; all?: boolean }, callback: (...a: unknown[]) => void) => {
    dnsLookup(hostname, { family: options.family ?? 0, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err);
      const bad = allow ? undefined : addresses.find((a) => isPrivateAddress(a.address));
      if (bad) return callback(new EntenteError('FORBIDDEN', `${hostname} resolves to ${bad.address}, a loopback, private or link-local address; an admin can allow these with the allowPrivateFetch setting`));
      if (!addresses.length) return callback(Object.assign(new Error(`cannot resolve ${hostname}`), { code: 'ENOTFOUND' }));
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  }) as unknown as LookupFunction;
}

/** Parses and checks one hop's URL; an IP literal is checked here, a host name at connect time. */
export function checkHop(raw: string, allow: FetcherOptions['allowPrivate']): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError('BAD_INPUT', `not a URL: ${raw.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError('BAD_INPUT', `only http and https URLs can be fetched, not ${url.protocol} (${raw.slice(0, 200)})`);
  if (url.username || url.password) throw new FetchError('BAD_INPUT', 'URLs with credentials are refused');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !privateAllowed(allow, url) && isPrivateAddress(host)) {
    throw new FetchError('FORBIDDEN', `${host} is a loopback, private or link-local address; an admin can allow these with the allowPrivateFetch setting`);
  }
  return url;
}

/** Longest pause a request waits for its host; beyond it, it fails with the time to come back. */
export const MAX_POLITE_WAIT_MS = 30_000;

export class Fetcher {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly lastEnd = new Map<string, number>();
  private readonly blockedUntil = new Map<string, number>();
  private readonly agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  constructor(readonly opts: FetcherOptions) {}

  /** GET with redirects; each hop waits its turn at its host. */
  async get(raw: string, o: GetOptions = {}): Promise<GetResult> {
    let url = checkHop(raw, this.opts.allowPrivate);
    for (let hop = 0; ; hop++) {
      const res = await this.politely(url, () => this.once(url, o));
      if (res.location) {
        if (hop >= (this.opts.maxRedirects ?? 5)) throw new FetchError('FETCH_FAILED', `too many redirects from ${raw}`);
        url = checkHop(new URL(res.location, url).href, this.opts.allowPrivate);
        continue;
      }
      return res.result!;
    }
  }

  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  /** Runs `task` when the host's previous request is done and its interval (or Retry-After) has passed. */
  private politely<T>(url: URL, task: () => Promise<T>): Promise<T> {
    const host = url.host;
    const prev = this.queues.get(host) ?? Promise.resolve();
    const run = prev.catch(() => undefined).then(async () => {
      const blocked = (this.blockedUntil.get(host) ?? 0) - Date.now();
      // A host that asked for a long pause is not waited for here (that would hold up every
      // other source): the request fails at once and its source backs off as long.
      if (blocked > MAX_POLITE_WAIT_MS) throw new FetchError('RATE_LIMITED', `${host} asked for a pause until ${new Date(Date.now() + blocked).toISOString()}`, { retryAfterMs: blocked });
      const wait = Math.max((this.lastEnd.get(host) ?? 0) + this.opts.hostIntervalMs - Date.now(), blocked);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      try {
        return await task();
      } catch (e) {
        if (e instanceof FetchError && e.retryAfterMs) this.blockedUntil.set(host, Date.now() + e.retryAfterMs);
        throw e;
      } finally {
        this.lastEnd.set(host, Date.now());
      }
    });
    this.queues.set(host, run);
    return run;
  }

  private once(url: URL, o: GetOptions): Promise<{ location?: string; result?: GetResult }> {
    const { maxBytes, timeoutMs } = this.opts;
    const headers: Record<string, string> = { 'user-agent': this.opts.userAgent ?? 'Entente/0.1 (source follower)', accept: o.accept ?? '*/*' };
    if (o.etag) headers['if-none-match'] = o.etag;
    if (o.lastModified) headers['if-modified-since'] = o.lastModified;
    const secure = url.protocol === 'https:';
    return new Promise((resolve, reject) => {
      let settled = false;
      const done = (f: () => void) => { if (!settled) { settled = true; clearTimeout(timer); f(); } };
      const fail = (code: ErrorCode, message: string, extra?: { status?: number; retryAfterMs?: number | null }) =>
        done(() => { req.destroy(); reject(new FetchError(code, message, extra)); });
      const req = (secure ? https : http).request(url, {
        method: 'GET', headers, agent: secure ? this.agents.https : this.agents.http,
        lookup: guardedLookup(privateAllowed(this.opts.allowPrivate, url)),
      }, (res) => {
        const status = res.statusCode ?? 0;
        const h = (n: string) => { const v = res.headers[n]; return Array.isArray(v) ? v[0] : v ?? null; };
        if (status >= 300 && status < 400 && status !== 304 && h('location')) {
          res.resume();
          return done(() => resolve({ location: h('location')! }));
        }
        if (status === 429 || status === 503) {
          res.resume();
          return fail(status === 429 ? 'RATE_LIMITED' : 'FETCH_FAILED', `${url.href} answered ${status}`, { status, retryAfterMs: parseRetryAfter(h('retry-after')) });
        }
        if (status !== 304 && (status < 200 || status >= 300)) {
          res.resume();
          return fail('FETCH_FAILED', `${url.href} answered ${status}`, { status });
        }
        const declared = h('content-length') === null ? null : Number(h('content-length'));
        if (declared !== null && declared > maxBytes) return fail('TOO_LARGE', `${url.href} is ${declared} bytes, more than the ${maxBytes}-byte limit`);
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > maxBytes) return fail('TOO_LARGE', `${url.href} is larger than the ${maxBytes}-byte limit`);
          chunks.push(c);
        });
        res.on('error', (e) => fail('FETCH_FAILED', `${url.href}: ${e.message}`));
        res.on('aborted', () => fail('FETCH_FAILED', `${url.href}: the connection closed after ${size} bytes`));
        res.on('end', () => {
          if (declared !== null && size < declared) return fail('FETCH_FAILED', `${url.href}: truncated, ${size} of ${declared} bytes`);
          done(() => resolve({
            result: {
              url: url.href, status, notModified: status === 304, body: Buffer.concat(chunks),
              contentType: h('content-type') ?? '', etag: h('etag'), lastModified: h('last-modified'),
            },
          }));
        });
      });
      const timer = setTimeout(() => fail('FETCH_FAILED', `${url.href}: no complete answer within ${timeoutMs} ms`), timeoutMs);
      req.on('error', (e) => fail(e instanceof EntenteError ? e.code : 'FETCH_FAILED', `cannot fetch ${url.href}: ${e.message}`));
      req.end();
    });
  }
}
