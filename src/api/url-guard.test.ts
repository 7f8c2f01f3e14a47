import { describe, expect, it } from 'vitest';
import { checkFetchUrl, isPrivateAddress, type Resolver } from './url-guard.js';

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', true], ['127.255.0.9', true], ['10.1.2.3', true], ['172.16.0.1', true], ['172.31.255.255', true],
    ['192.168.1.1', true], ['169.254.169.254', true], ['100.64.0.1', true], ['0.0.0.0', true], ['224.0.0.1', true],
    ['::1', true], ['::', true], ['fe80::1', true], ['fd00::1', true], ['::ffff:127.0.0.1', true], ['::ffff:7f00:1', true], ['::ffff:10.0.0.1', true],
    ['not an address', true],
    // 6to4 (2002::/16) around a private IPv4 address passed the guard
    ['2002:7f00:1::', true], ['2002:7f00::1', true], ['2002:a00:1::', true], ['2002::', true], ['2002:c0a8:101::1', true],
    // must not block public addresses
    ['8.8.8.8', false], ['::ffff:8.8.8.8', false], ['172.32.0.1', false], ['93.184.215.14', false], ['2a00:1450:4001:80b::200e', false], ['2606:4700::6810:84e5', false], ['2002:808:808::', false],
  ])('%s → %s', (ip, blocked) => {
    expect(isPrivateAddress(ip)).toBe(blocked);
  });
});

const resolver = (table: Record<string, string[]>): Resolver => async (host) => {
  if (!(host in table)) throw new Error('ENOTFOUND');
  return table[host];
};

describe('checkFetchUrl', () => {
  const resolve = resolver({ 'news.example': ['93.184.215.14'], 'sneaky.example': ['93.184.215.14', '10.0.0.5'], 'v6.example': ['::1'] });
  it.each([
    ['http://127.0.0.1/', 'FORBIDDEN'],
    ['http://localhost:8787/api/tokens', 'FORBIDDEN'],
    ['http://[::1]/', 'FORBIDDEN'],
    ['http://[::ffff:127.0.0.1]/', 'FORBIDDEN'],
    ['http://169.254.169.254/latest/meta-data/', 'FORBIDDEN'],
    ['http://sneaky.example/', 'FORBIDDEN'],
    ['http://v6.example/', 'FORBIDDEN'],
    ['http://2130706433/', 'FORBIDDEN'],
    ['file:///etc/passwd', 'BAD_INPUT'],
    ['ftp://news.example/x', 'BAD_INPUT'],
    ['http://user:pw@news.example/', 'BAD_INPUT'],
    ['not a url', 'BAD_INPUT'],
    ['http://nowhere.example/', 'BAD_INPUT'],
  ])('refuses %s with %s', async (url, code) => {
    const r = resolver({ localhost: ['127.0.0.1'], 'news.example': ['93.184.215.14'], 'sneaky.example': ['93.184.215.14', '10.0.0.5'], 'v6.example': ['::1'] });
    await expect(checkFetchUrl(url, { allowPrivate: false, resolve: r })).rejects.toMatchObject({ code });
  });
  it('accepts a host whose every address is public', async () => {
    expect((await checkFetchUrl('https://news.example/a?b=1', { allowPrivate: false, resolve })).hostname).toBe('news.example');
  });
  it('lets an admin allow private addresses', async () => {
    expect((await checkFetchUrl('http://127.0.0.1:9/', { allowPrivate: true, resolve })).port).toBe('9');
  });
});
