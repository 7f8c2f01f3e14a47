// Guards URL ingest against server-side request forgery: every address a host resolves
// to must be public, and redirects are followed by hand so each hop is checked again.
// Limits: a host that re-resolves differently between check and connect (DNS rebinding)
// is narrowed, not closed, because the check and fetch's own lookup are separate.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { EntenteError } from '../domain/errors.js';

// Ranges that reach the machine itself or a private network (RFC 6890 special-purpose registry).
// Two lists: a BlockList treats IPv4 as IPv4-mapped IPv6, so one mixed list would let an IPv6
// rule such as ::/96 swallow every IPv4 address.
const BLOCKED_V4 = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) BLOCKED_V4.addSubnet(net, bits, 'ipv4');
const BLOCKED_V6 = new BlockList();
// ::/96 covers ::, ::1 and the deprecated IPv4-compatible form.
for (const [net, bits] of [
  ['::', 96], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['2001:db8::', 32],
] as const) BLOCKED_V6.addSubnet(net, bits, 'ipv6');

/** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:a.b.c.d), else null. */
function mappedV4(address: string): string | null {
  // URL parsing writes it in hex (::ffff:7f00:1), whatever form it came in.
  const host = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const m = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (!m) return null;
  const [hi, lo] = [parseInt(m[1], 16), parseInt(m[2], 16)];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/** The IPv4 address a 6to4 address (2002:AABB:CCDD::/48, RFC 3056) routes to, else null. */
function sixToFourV4(address: string): string | null {
  const host = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  if (!host.startsWith('2002:')) return null;
  const [head, tail] = host.split('::') as [string, string | undefined];
  const left = head.split(':');
  const right = tail === undefined ? [] : tail.split(':').filter(Boolean);
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  const [hi, lo] = [parseInt(groups[1] ?? '0', 16), parseInt(groups[2] ?? '0', 16)];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/** Whether an IP address (v4 or v6, including v4-mapped v6) is loopback, private, link-local or otherwise not public. */
export function isPrivateAddress(address: string): boolean {
  const kind = isIP(address);
  if (kind === 4) return BLOCKED_V4.check(address, 'ipv4');
  if (kind !== 6) return true;
  const v4 = mappedV4(address) ?? sixToFourV4(address);
  if (v4) return BLOCKED_V4.check(v4, 'ipv4');
  return BLOCKED_V6.check(address, 'ipv6');
}

export type Resolver = (host: string) => Promise<string[]>;

const dnsResolver: Resolver = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** Parse a fetchable URL and refuse it unless every address its host resolves to is public. */
export async function checkFetchUrl(raw: string, opts: { allowPrivate: boolean; resolve?: Resolver }): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new EntenteError('BAD_INPUT', `fetchUrl: not a URL: ${raw.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new EntenteError('BAD_INPUT', `fetchUrl: only http and https URLs can be fetched, not ${url.protocol}`);
  if (url.username || url.password) throw new EntenteError('BAD_INPUT', 'fetchUrl: URLs with credentials are refused');
  if (opts.allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await (opts.resolve ?? dnsResolver)(host);
  } catch {
    throw new EntenteError('BAD_INPUT', `fetchUrl: cannot resolve host ${host}`);
  }
  if (addresses.length === 0) throw new EntenteError('BAD_INPUT', `fetchUrl: cannot resolve host ${host}`);
  const bad = addresses.find(isPrivateAddress);
  if (bad) {
    throw new EntenteError('FORBIDDEN', `fetchUrl: ${host} resolves to ${bad}, a loopback, private or link-local address; an admin can allow these with the allowPrivateFetch setting`);
  }
  return url;
}

export interface FetchedPage { url: string; contentType: string; body: string }

/** Fetch a page with every redirect hop checked, a time limit and a size limit. */
export async function guardedFetch(raw: string, opts: { allowPrivate: boolean; maxBytes: number; timeoutMs?: number; resolve?: Resolver; maxRedirects?: number }): Promise<FetchedPage> {
  let url = await checkFetchUrl(raw, opts);
  const signal = AbortSignal.timeout(opts.timeoutMs ?? 15_000);
  for (let hop = 0; ; hop++) {
    let res: Response;
    try {
      res = await fetch(url, { redirect: 'manual', signal, headers: { 'user-agent': 'Entente/0.1 (document ingest)', accept: 'text/html,text/plain,application/xhtml+xml;q=0.9,*/*;q=0.5' } });
    } catch (e) {
      throw new EntenteError('BAD_INPUT', `fetchUrl: cannot fetch ${url.href}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
      if (hop >= (opts.maxRedirects ?? 5)) throw new EntenteError('BAD_INPUT', `fetchUrl: too many redirects from ${raw}`);
      url = await checkFetchUrl(new URL(res.headers.get('location')!, url).href, opts);
      continue;
    }
    if (!res.ok) throw new EntenteError('BAD_INPUT', `fetchUrl: ${url.href} answered ${res.status}`);
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > opts.maxBytes) throw new EntenteError('TOO_LARGE', `fetchUrl: ${url.href} is ${declared} bytes, more than the ${opts.maxBytes}-byte limit`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (res.body) {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength;
        if (size > opts.maxBytes) throw new EntenteError('TOO_LARGE', `fetchUrl: ${url.href} is larger than the ${opts.maxBytes}-byte limit`);
        chunks.push(chunk);
      }
    }
    return { url: url.href, contentType: res.headers.get('content-type') ?? '', body: Buffer.concat(chunks).toString('utf8') };
  }
}
