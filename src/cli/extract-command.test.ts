// The extract command end to end, with the shared bad-input files.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, sharedDir } from '../../test/cli.js';
import { EventMentionSchema } from '../domain/index.js';

const bad = (f: string) => join(sharedDir, 'data/bad-input', f);
const seed = join(sharedDir, 'corpus/seed-russia-korean-peninsula.txt');

describe('entente extract', () => {
  it('prints one JSON document for one file', () => {
    const r = runCli(['extract', seed, '--published', '2023-09-25', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.document).toMatchObject({ published: '2023-09-25', publishedFrom: 'given' });
    expect(out.events.length).toBeGreaterThan(10);
    for (const e of out.events) expect(EventMentionSchema.safeParse(e).success).toBe(true);
  });

  it('keeps going past files that are not text, and exits non-zero at the end', () => {
    const r = runCli(['extract', bad('random.bin'), bad('fake-image.txt'), bad('invalid-utf8.txt'), seed, '--published', '2023-09-25', '--format', 'jsonl']);
    expect(r.code).toBe(1);
    const errors = r.stderr.split('\n').filter((l) => l.includes('[NOT_TEXT]'));
    expect(errors).toHaveLength(3);
    for (const [line, name] of errors.map((l, i) => [l, ['random.bin', 'fake-image.txt', 'invalid-utf8.txt'][i]])) {
      expect(line).toContain(name);
      expect(line).not.toMatch(/\n|at .*\.ts:\d+/);
    }
    const docs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(docs).toHaveLength(1);
    expect(docs[0].events.length).toBeGreaterThan(10);
  });

  it.each(['empty.txt', 'whitespace-only.txt'])('gives zero events and exit 0 for %s', (f) => {
    const r = runCli(['extract', bad(f), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).events).toEqual([]);
  });

  it('keeps offsets that slice a BOM and CRLF text as decoded', () => {
    const r = runCli(['extract', bad('bom-crlf.txt'), '--published', '2024-03-20', '--format', 'json']);
    expect(r.code).toBe(0);
    const text = readFileSync(bad('bom-crlf.txt'), 'utf8').replace(/^\uFEFF/, '');
    const out = JSON.parse(r.stdout);
    expect(out.events.length).toBeGreaterThan(0);
    for (const e of out.events) expect(text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
  });

  it('completes a 4.8 MB line with no full stop', () => {
    const r = runCli(['extract', bad('one-huge-line.txt'), '--published', '2024-01-01', '--format', 'jsonl'], { timeoutMs: 240_000 });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.document.length).toBe(4_800_001);
    expect(out.events.length).toBeGreaterThan(1000);
  }, 300_000);

  it('finds the publication date in the text and says so', () => {
    const r = runCli(['extract', '-', '--format', 'json'], { input: 'title: x\ndate: 2021-06-01\n\nRussia attacked Ukraine last week.' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).document).toMatchObject({ published: '2021-06-01', publishedFrom: 'metadata' });
    expect(r.stderr).toContain('2021-06-01');
  });

  it('prints the stages with --trace', () => {
    const r = runCli(['extract', '-', '--published', '2020-01-01', '--trace'], { input: 'Germany invaded Poland in 1939.' });
    expect(r.stderr).toMatch(/\[triggers\].*invaded/);
    expect(r.stdout).toContain('ASSAULT');
  });

  it.each([
    [['extract', seed, '--published', '25/09/2023'], 'BAD_INPUT'],
    [['extract', seed, '--format', 'xml'], 'BAD_INPUT'],
    [['extract', '/no/such/file.txt'], 'NOT_FOUND'],
  ])('refuses %j with %s', (args, code) => {
    const r = runCli(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`[${code}]`);
  });
});

describe('entente demo', () => {
  it('prints a table of events from its own text', () => {
    const r = runCli(['demo']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/AID\s+JPN\s+KOR/);
    expect(r.stdout).toMatch(/ACCUSE\s+CHN\s+PRK.*negated/);
  });
});
