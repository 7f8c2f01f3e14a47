import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../store/index.js';
import { ingestPaths } from './ingest-paths.js';
import { ingestText } from './ingest-text.js';
import { textTitle } from './document-sources.js';
import { sharedDir } from '../../../test/cli.js';
import { testDb } from '../../../test/test-store.js';

const kcna = join(sharedDir, 'data/news-articles/kcna-korea-russia-ukraine.jsonl');
const badInput = join(sharedDir, 'data/bad-input');
let dir: string;
let n = 0;
const fresh = async () => openStore({ db: await testDb(join(dir, `s${++n}.db`)) });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'entente-ingest-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ingestPaths', () => {
  it('stores each distinct KCNA article once; a second run changes nothing; merging leaves fewer events than mentions', async () => {
    const texts = readFileSync(kcna, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text);
    const distinct = new Set(texts).size;
    const store = await fresh();
    try {
      const first = await ingestPaths(store, [kcna]);
      expect(first).toMatchObject({ read: texts.length, stored: distinct, unchanged: texts.length - distinct, failed: 0 });
      const counts = await store.counts();
      expect(counts.documents).toBe(distinct);
      expect(counts.mentions).toBe(first.mentions);
      expect(counts.events).toBeGreaterThan(0);
      expect(counts.events).toBeLessThan(counts.mentions);
      const second = await ingestPaths(store, [kcna]);
      expect(second).toMatchObject({ read: texts.length, stored: 0, unchanged: texts.length, failed: 0, mentions: 0 });
      expect(await store.counts()).toEqual(counts);
      // Actors met in the text carry the registry's names.
      const actors = (await store.listActors({ limit: 1000 })).rows;
      expect(actors.find((a) => a.code === 'RUS')).toMatchObject({ name: expect.stringMatching(/Russia/) });
      expect(actors.find((a) => a.code === 'PRK')).toMatchObject({ name: expect.stringMatching(/Korea/) });
      // Documents keep their metadata from the record.
      const doc = (await store.listDocuments({ limit: 1 })).rows[0];
      expect(doc).toMatchObject({ published: '2024-01-01', source: 'www.kcna.kp', title: 'National Flag Hoisted and Fireworks Displayed on New Year' });
    } finally {
      await store.close();
    }
  });

  it('reports each bad file and line of the bad-input folder and stores the rest', async () => {
    // The folder without its 4.8 MB one-line file, whose extraction alone takes minutes.
    const copy = join(dir, 'bad-input');
    mkdirSync(copy);
    for (const f of readdirSync(badInput)) if (f !== 'one-huge-line.txt') copyFileSync(join(badInput, f), join(copy, f));
    const store = await fresh();
    try {
      const s = await ingestPaths(store, [copy, join(dir, 'no-such-file.txt')]);
      const byFile = (name: string) => s.errors.filter((e) => e.file.endsWith(name)).map((e) => [e.code, e.line ?? null]);
      expect(byFile('billion-laughs.rss')).toEqual([['BAD_INPUT', null]]);
      expect(byFile('random.bin')).toEqual([['NOT_TEXT', null]]);
      expect(byFile('fake-image.txt')).toEqual([['NOT_TEXT', null]]);
      expect(byFile('invalid-utf8.txt')).toEqual([['NOT_TEXT', null]]);
      expect(byFile('wrong-format.jsonl')).toEqual([['BAD_FORMAT', 1]]);
      expect(byFile('news-mixed.jsonl')).toEqual([['BAD_INPUT', 2], ['BAD_INPUT', 3], ['BAD_INPUT', 4]]);
      expect(byFile('no-such-file.txt')).toEqual([['NOT_FOUND', null]]);
      for (const e of s.errors) expect(e.message).not.toMatch(/\n|at .*\.ts:\d+/);
      expect(s.errors.find((e) => e.file.endsWith('news-mixed.jsonl') && e.line === 4)!.message).toMatch(/line 4: field published/);
      // Stored: README.md, bom-crlf.txt, script-injection.html and the good news-mixed line; empty files are no error.
      expect(s).toMatchObject({ stored: 4, empty: 2, skipped: 1, failed: 9, unchanged: 0 });
      expect(s.read).toBe(s.stored + s.unchanged + s.empty + s.failed);
    } finally {
      await store.close();
    }
  });

  it('stores a BOM + CRLF file so that every mention offset slices its sentence', async () => {
    const store = await fresh();
    try {
      await ingestPaths(store, [join(badInput, 'bom-crlf.txt')], { published: '2024-03-13' });
      const doc = (await store.getDocument((await store.listDocuments()).rows[0].id))!;
      expect(doc.text.startsWith('\uFEFF')).toBe(false);
      expect(doc.text).not.toContain('\r');
      expect(doc.mentionSpans.length).toBeGreaterThan(0);
      for (const span of doc.mentionSpans) {
        const e = (await store.getEvent(span.eventId))!;
        const m = e.mentions.find((x) => x.id === span.id)!;
        expect(doc.text.slice(span.start, span.end)).toBe(m.sentence);
      }
    } finally {
      await store.close();
    }
  });

  it('uses --published only for documents without a date of their own, and refuses a bad one', async () => {
    const store = await fresh();
    try {
      const f = join(dir, 'dated.jsonl');
      writeFileSync(f, `${JSON.stringify({ text: 'Kim Jong Un visited Moscow.', published: '2024-06-19' })}\n${JSON.stringify({ text: 'Putin visited Pyongyang.' })}\n`);
      await ingestPaths(store, [f], { published: '2024-07-01' });
      expect((await store.listDocuments()).rows.map((d) => d.published)).toEqual(['2024-06-19', '2024-07-01']);
      await expect(ingestPaths(store, [f], { published: 'soon' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    } finally {
      await store.close();
    }
  });

  it('stops at the first error with strict', async () => {
    const store: Store = await fresh();
    try {
      await expect(ingestPaths(store, [join(badInput, 'news-mixed.jsonl')], { strict: true })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    } finally {
      await store.close();
    }
  });
});

describe('textTitle', () => {
  const cases: Array<[string, string]> = [
    ['Russia’s Expanding Role in the Korean Peninsula\n\nBody.', 'Russia’s Expanding Role in the Korean Peninsula'],
    ['published: 2024-01-01\n\n# Summit in Vostochny\n\nText.', 'Summit in Vostochny'],
    // must not take a sentence or front matter for a title
    ['Russia attacked Ukraine on 24 February 2022.', 'note.txt'],
    ['date: 2024-01-01', 'note.txt'],
    ['', 'note.txt'],
  ];
  for (const [text, want] of cases) it(JSON.stringify(text.slice(0, 30)), () => expect(textTitle(text, '/x/note.txt')).toBe(want));
});

describe('ingestText', () => {
  it('extracts, stores and returns the events; the same text again is recognised before extraction', async () => {
    const store = await fresh();
    try {
      const text = 'On June 19, 2024, Vladimir Putin met Kim Jong Un in Pyongyang. The two leaders signed a mutual defence treaty.';
      const r = await ingestText(store, { text, title: 'Summit', published: '2024-06-20' });
      expect(r.stored).toBe(true);
      expect(r.events.length).toBeGreaterThan(0);
      expect(r.events.every((e) => e.origin === 'text' && e.id)).toBe(true);
      let calls = 0;
      const again = await ingestText(store, { text }, { extract: (t, meta) => { calls++; return { document: { ...meta, length: t.length, sentences: 0 }, events: [] }; } });
      expect(calls).toBe(0);
      expect(again).toMatchObject({ stored: false, documentId: r.documentId, eventIds: r.eventIds });
      await expect(ingestText(store, { text: '  \n ' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    } finally {
      await store.close();
    }
  });
});
