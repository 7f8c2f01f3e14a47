import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { alertsToAtom } from './atom.js';
import type { Alert } from '../store/watch-store.js';

const alert = (id: string, createdAt: string, title: string): Alert => ({
  id, watchId: '1', dyad: 'RUS–UKR', kind: 'event', key: `event:${id}`, title, summary: `summary of ${title}`, date: '2022-02-24',
  data: { n: 1 }, createdAt, delivery: 'none', attempts: 0, lastError: null, deliveredAt: null,
});

const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' }).parse(xml);

describe('alertsToAtom', () => {
  it('writes a valid feed: one entry per alert, ids derived from the feed id, latest update', () => {
    const xml = alertsToAtom([alert('2', '2024-05-02T10:00:00.000Z', 'ASSAULT RUS→UKR'), alert('1', '2024-05-01T10:00:00.000Z', 'x')], { id: 'urn:test:feed', selfUrl: 'http://127.0.0.1:8787/api/alerts.atom' });
    const feed = parse(xml).feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('urn:test:feed');
    expect(feed.updated).toBe('2024-05-02T10:00:00.000Z');
    expect(feed.author.name).toBe('Entente');
    expect(feed.entry.map((e: { id: string }) => e.id)).toEqual(['urn:test:feed:alert:2', 'urn:test:feed:alert:1']);
    expect(feed.entry[0].title).toBe('[RUS–UKR] ASSAULT RUS→UKR');
    expect(JSON.parse(feed.entry[0].content['#text'])).toMatchObject({ id: '2', data: { n: 1 } });
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    const xml = alertsToAtom([alert('1', '2024-01-01T00:00:00Z', '<script>alert("x")</script> & \u0007bell')]);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('\u0007');
    expect(parse(xml).feed.entry[0].title).toBe('[RUS–UKR] <script>alert("x")</script> & bell');
  });

  it('is a valid empty feed when there are no alerts', () => {
    const feed = parse(alertsToAtom([], { updated: '2024-01-01T00:00:00Z' })).feed;
    expect(feed.updated).toBe('2024-01-01T00:00:00Z');
    expect(feed.entry).toBeUndefined();
  });
});
