// The query commands end to end: events, show, timeline, search, actors, export, on a store
// holding the seed text (ingested in-process; the commands run as a user runs them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, sharedDir } from '../../test/cli.js';
import { openStore, type Store } from '../store/index.js';
import { ingestPaths } from '../ingest/documents/index.js';
import type { EventRecord } from '../domain/event.js';
import { testDb } from '../../test/test-store.js';

let dir: string;
let db: string;
let store: Store;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'entente-query-cli-'));
  db = await testDb(join(dir, 'x.db'));
  store = await openStore({ db });
  await ingestPaths(store, [join(sharedDir, 'corpus/seed-russia-korean-peninsula.txt')], { published: '2023-09-25' });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) => runCli([...args, '--db', db]);
const sentencesOf = async (rows: EventRecord[]) => (await Promise.all(rows.map((r) => store.getEvent(r.id)))).flatMap((e) => e!.mentions.map((m) => m.sentence));

describe('entente events', () => {
  it('lists the Russia–North Korea summit, the request for support and the invitation to renew the alliance; hedged transfers only on request', async () => {
    const r = cli('events', '--actor', 'RUS', '--with', 'PRK', '--format', 'json');
    expect(r.code).toBe(0);
    const page = JSON.parse(r.stdout) as { rows: EventRecord[]; total: number; truncated: boolean };
    expect(page.truncated).toBe(false);
    expect(page.rows.every((e) => e.modality === 'asserted')).toBe(true);
    expect(page.rows.every((e) => [...e.sources, ...e.targets].includes('RUS') && [...e.sources, ...e.targets].includes('PRK'))).toBe(true);
    const said = await sentencesOf(page.rows);
    expect(said.some((s) => /invited North Korea’s Kim Jong Un to meet him in Vostochny/.test(s))).toBe(true);
    expect(said.some((s) => /rally support from its old ally/.test(s))).toBe(true);
    expect(said.some((s) => /inviting North Korea to renew its alliance/.test(s))).toBe(true);

    const hedged = JSON.parse(cli('events', '--actor', 'RUS', '--with', 'PRK', '--modality', 'speculative,conditional', '--format', 'json').stdout) as { rows: EventRecord[] };
    expect(hedged.rows.length).toBeGreaterThan(0);
    expect(hedged.rows.every((e) => e.modality === 'speculative' || e.modality === 'conditional')).toBe(true);
    const asserted = new Set(page.rows.map((e) => e.id));
    expect(hedged.rows.some((e) => asserted.has(e.id))).toBe(false);
  });

  it('caps the table, says so on stderr, and pages with --offset', async () => {
    const total = (await store.listEvents({})).total!;
    expect(total).toBeGreaterThan(3);
    const first = cli('events', '--limit', '2');
    expect(first.stdout.trim().split('\n')).toHaveLength(4); // header, rule, two rows
    expect(first.stderr.trim()).toBe(`showing rows 1–2 of ${total}; next page: --offset 2`);
    const csv = cli('events', '--limit', '2', '--offset', '2', '--format', 'csv');
    const lines = csv.stdout.trim().split('\r\n');
    expect(lines[0]).toBe('id,date,type,mode,sources,targets,modality,mentions,disputed,origin,summary,source_url');
    const ids = (await store.listEvents({}, { limit: 2, offset: 2 })).rows.map((e) => e.id);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(ids);
  });

  it('refuses unknown types and malformed numbers with one line', () => {
    const r = cli('events', '--type', 'BOMB');
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^entente: type: unknown value "BOMB" .*\[BAD_INPUT\]$/);
    expect(cli('events', '--limit', 'ten').stderr.trim()).toMatch(/^entente: --limit: expected a whole number, got ten \[BAD_INPUT\]$/);
  });
});

describe('entente show, timeline, search, actors, export', () => {
  it('shows an event with each mention sentence and document, as text and JSON', async () => {
    const e = (await store.listEvents({ actor: 'RUS', with: 'PRK' })).rows[0];
    const detail = (await store.getEvent(e.id))!;
    const t = cli('show', e.id);
    expect(t.stdout).toContain(`event ${e.id}: ${e.type}`);
    expect(t.stdout).toContain(detail.mentions[0].sentence);
    const j = JSON.parse(cli('show', e.id, '--format', 'json').stdout);
    expect(j).toMatchObject({ id: e.id, type: e.type, mentions: detail.mentions.map((m) => ({ id: m.id, sentence: m.sentence })) });
    const missing = cli('show', '987654');
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('entente: no event 987654 [NOT_FOUND]');
  });

  it('gives a dyad timeline in date order', () => {
    const rows = (JSON.parse(cli('timeline', 'prk', 'rus', '--format', 'json').stdout) as { rows: EventRecord[] }).rows;
    expect(rows.length).toBeGreaterThan(0);
    const dated = rows.filter((r) => r.date).map((r) => r.date!.start);
    expect(dated).toEqual([...dated].sort());
  });

  it('searches documents and sentences', () => {
    const page = JSON.parse(cli('search', 'Vostochny', '--kind', 'document,mention', '--format', 'json').stdout) as { rows: Array<{ kind: string; snippet: string }> };
    expect(page.rows.map((h) => h.kind).sort()).toEqual(['document', 'mention']);
    expect(page.rows.every((h) => h.snippet.includes('[Vostochny]'))).toBe(true);
  });

  it('searches events by their actor codes, and refuses an unknown kind', async () => {
    const page = JSON.parse(cli('search', 'PRK', '--kind', 'event', '--limit', '1000', '--format', 'json').stdout) as { rows: Array<{ kind: string; sources: string[]; targets: string[] }>; total: number };
    const listed = await store.listEvents({ actor: 'PRK', includeRejected: true, modality: ['asserted', 'speculative', 'conditional', 'negated', 'intended', 'question'] });
    expect(page.total).toBe(listed.total);
    expect(page.rows.every((h) => h.kind === 'event' && [...h.sources, ...h.targets].includes('PRK'))).toBe(true);
    const table = cli('search', 'PRK', '--kind', 'event', '--limit', '3');
    expect(table.stdout.split('\n')[0]).toMatch(/kind\s+document\s+event\s+title\s+snippet\s+source/);
    const bad = cli('search', 'PRK', '--kind', 'tweet');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/\[BAD_INPUT\]/);
  });

  it('lists actors with event counts', async () => {
    const lines = cli('actors', '--format', 'csv').stdout.trim().split('\r\n');
    expect(lines[0]).toBe('code,name,events');
    const rus = lines.find((l) => l.startsWith('RUS,'))!;
    const n = (await store.listEvents({ actor: 'RUS', modality: ['asserted', 'speculative', 'conditional', 'negated', 'intended', 'question'] })).total!;
    expect(Number(rus.split(',').pop())).toBe(n);
  });

  it('exports events with their mentions as JSON lines, CSV and PLOVER records', async () => {
    const n = (await store.listEvents({ actor: 'PRK' })).total!;
    const jsonl = cli('export', '--actor', 'PRK').stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(jsonl).toHaveLength(n);
    expect(jsonl.every((e) => e.mentions.length === e.mentionCount || e.status === 'corrected')).toBe(true);
    const plover = cli('export', '--actor', 'PRK', '--format', 'plover').stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(plover).toHaveLength(n);
    for (const p of plover) {
      expect(p).toMatchObject({ id: expect.stringMatching(/^entente-text-\d+$/), event: expect.any(String), source: expect.any(Array), text: expect.any(String) });
      expect([...p.source.map((a: { code: string }) => a.code), ...(p.target || []).map((a: { code: string }) => a.code)]).toContain('PRK');
    }
    const csv = cli('export', '--actor', 'PRK', '--format', 'csv').stdout.trim().split('\r\n');
    expect(csv[0]).toBe('id,date,type,mode,sources,targets,modality,mentions,disputed,origin,summary,source_url,status,first_sentence,first_document');
    expect(cli('export', '--format', 'xml').stderr.trim()).toMatch(/^entente: --format: expected one of jsonl, csv, plover, got xml \[BAD_INPUT\]$/);
  });
});
