// Alerts as an Atom 1.0 feed (RFC 4287), for feed readers: the CLI writes it to a file and
// the HTTP API serves the same text. Pure: the caller supplies the alerts and the feed's identity.
import type { Alert } from '../store/watch-store.js';

export interface FeedMeta {
  title?: string;
  /** A stable IRI naming the feed; entry ids derive from it. */
  id?: string;
  /** The feed's own URL (rel="self"), when served. */
  selfUrl?: string;
  /** Feed timestamp when there are no alerts (default now). */
  updated?: string;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
  // XML 1.0 forbids most control characters even escaped.
  .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export function alertsToAtom(alerts: readonly Alert[], meta: FeedMeta = {}): string {
  const feedId = meta.id ?? 'urn:entente:alerts';
  const updated = alerts.reduce((max, a) => (a.createdAt > max ? a.createdAt : max), '') || meta.updated || new Date().toISOString();
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${esc(meta.title ?? 'Entente alerts')}</title>`,
    `  <id>${esc(feedId)}</id>`,
    `  <updated>${esc(updated)}</updated>`,
    '  <author><name>Entente</name></author>',
    '  <generator>Entente</generator>',
  ];
  if (meta.selfUrl) out.push(`  <link rel="self" type="application/atom+xml" href="${esc(meta.selfUrl)}"/>`);
  for (const a of alerts) {
    out.push(
      '  <entry>',
      `    <id>${esc(`${feedId}:alert:${a.id}`)}</id>`,
      `    <title>${esc(`[${a.dyad}] ${a.title}`)}</title>`,
      `    <updated>${esc(a.createdAt)}</updated>`,
      `    <published>${esc(a.createdAt)}</published>`,
      `    <category term="${esc(a.kind)}"/>`,
      `    <summary>${esc(a.summary)}</summary>`,
      `    <content type="text">${esc(JSON.stringify({ id: a.id, watchId: a.watchId, dyad: a.dyad, kind: a.kind, date: a.date, data: a.data }))}</content>`,
      '  </entry>',
    );
  }
  out.push('</feed>', '');
  return out.join('\n');
}
