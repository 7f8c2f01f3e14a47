// End to end through the real CLI: ingest summaries, idempotency, and a kill -9 in the
// middle of a folder followed by a rerun, compared with an uninterrupted run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { repoRoot, runCli, sharedDir } from '../../test/cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'entente-ingest-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function countDocuments(file: string): number {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not created or not migrated yet
  }
}

/** Everything a run leaves behind, in an order that does not depend on row ids. */
function fingerprint(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const all = (sql: string) => db.prepare(sql).all().map((r) => JSON.stringify(r));
    return {
      documents: all('SELECT hash, title, published FROM documents ORDER BY hash'),
      mentions: all(`SELECT d.hash, m.start_offset, m.end_offset, m.type, m.source_code, m.target_code, m.modality
        FROM mentions m JOIN documents d ON d.id = m.document_id ORDER BY 1, 2, 3, 4, 5, 6`),
      events: all(`SELECT e.type, e.sources, e.targets, e.date_start, e.date_end, e.modality, e.mention_count, e.disputed,
        (SELECT group_concat(d.hash || ':' || m.start_offset, ',') FROM (SELECT * FROM mentions ORDER BY document_id, start_offset) m
          JOIN documents d ON d.id = m.document_id WHERE m.event_id = e.id) AS mentions
        FROM events e ORDER BY 9, 1`),
      integrity: db.pragma('integrity_check', { simple: true }),
    };
  } finally {
    db.close();
  }
}

describe('entente ingest', () => {
  it('survives kill -9 mid-folder: a rerun ends exactly where an uninterrupted run does', async () => {
    // A folder of Markdown files made from the KCNA records, each with its date as front matter.
    const docs = join(dir, 'docs');
    mkdirSync(docs);
    const records = readFileSync(join(sharedDir, 'data/news-articles/kcna-korea-russia-ukraine.jsonl'), 'utf8').trim().split('\n')
      .map((l) => JSON.parse(l) as { id: string; title: string; published: string; text: string });
    records.forEach((r, i) => writeFileSync(join(docs, `${String(i).padStart(3, '0')}-${r.id}.md`), `published: ${r.published}\n\n# ${r.title}\n\n${r.text}\n`));
    const distinct = new Set(records.map((r) => r.text)).size;

    const whole = join(dir, 'whole.db');
    const a = runCli(['ingest', docs, '--db', whole, '--format', 'json']);
    expect(a.stderr).toBe('');
    expect(JSON.parse(a.stdout)).toMatchObject({ read: records.length, stored: distinct, failed: 0 });

    const killed = join(dir, 'killed.db');
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), 'ingest', docs, '--db', killed, '--format', 'json'], { cwd: repoRoot, stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    let atKill = 0;
    for (;;) {
      await new Promise((r) => setTimeout(r, 50));
      atKill = countDocuments(killed);
      if (atKill >= 15 || child.exitCode !== null) break;
    }
    child.kill('SIGKILL');
    await exited;
    expect(child.signalCode).toBe('SIGKILL');
    const left = countDocuments(killed);
    // The kill must have landed mid-way, or this test proves nothing.
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(distinct);

    const b = runCli(['ingest', docs, '--db', killed, '--format', 'json']);
    const summary = JSON.parse(b.stdout);
    expect(summary).toMatchObject({ read: records.length, stored: distinct - left, unchanged: records.length - (distinct - left), failed: 0 });
    const fa = fingerprint(whole);
    const fb = fingerprint(killed);
    expect(fb.integrity).toBe('ok');
    expect(fb.documents).toHaveLength(distinct);
    expect(fb).toEqual(fa);
  });

  it('prints a summary line, one line per bad file, and JSON when asked', () => {
    const db = join(dir, 'summary.db');
    const files = [join(sharedDir, 'data/bad-input/news-mixed.jsonl'), join(sharedDir, 'data/bad-input/random.bin'), join(sharedDir, 'data/bad-input/empty.txt')];
    const t = runCli(['ingest', ...files, '--db', db]);
    expect(t.code).toBe(0);
    expect(t.stdout.trim()).toMatch(/^read 6, stored 1, unchanged 0, failed 4; \d+ mention\(s\) stored \(1 empty\)$/);
    const lines = t.stderr.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^entente: .*news-mixed\.jsonl: line 2: broken JSON .*\[BAD_INPUT\]$/);
    expect(lines[3]).toMatch(/^entente: .*random\.bin: not text \(binary content\) \[NOT_TEXT\]$/);
    const j = runCli(['ingest', ...files, '--db', db, '--format', 'json']);
    const out = JSON.parse(j.stdout);
    expect(out).toMatchObject({ read: 6, stored: 0, unchanged: 1, failed: 4 });
    expect(out.errors.map((e: { file: string; line?: number }) => [e.file.split('/').pop(), e.line ?? null]))
      .toEqual([['news-mixed.jsonl', 2], ['news-mixed.jsonl', 3], ['news-mixed.jsonl', 4], ['random.bin', null]]);
  });

  it('refuses a bad --published and a bad --format with one line and exit 1', () => {
    const r = runCli(['ingest', join(sharedDir, 'corpus/seed-russia-korean-peninsula.txt'), '--published', 'tomorrow', '--db', join(dir, 'x.db')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^entente: --published: "tomorrow" is not a date .*\[BAD_INPUT\]$/);
    const f = runCli(['ingest', 'x.txt', '--format', 'xml', '--db', join(dir, 'x.db')]);
    expect(f.stderr.trim()).toMatch(/^entente: --format: .*\[BAD_INPUT\]$/);
  });
});

describe('ingest exit codes', () => {
  it('exits 1 when the only path does not exist, and when every record is bad', () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-exit-'));
    try {
      const missing = runCli(['ingest', join(dir, 'nope.txt'), '--db', join(dir, 'x.db')]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/no such file or folder \[NOT_FOUND\]/);
      const bad = runCli(['ingest', join(sharedDir, 'data/bad-input/wrong-format.jsonl'), '--db', join(dir, 'x.db')]);
      expect(bad.code).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(process.getuid?.() !== 0)('stops with DB_ERROR and exit 1 on a read-only database instead of one INTERNAL per file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-ro-'));
    try {
      const db = join(dir, 'ro.db');
      expect(runCli(['ingest', join(sharedDir, 'data/bad-input/bom-crlf.txt'), '--db', db]).code).toBe(0);
      const text = join(dir, 'a.txt');
      writeFileSync(text, 'Russia attacked Ukraine on 24 February 2022.');
      chmodSync(db, 0o444);
      chmodSync(dir, 0o555);
      const r = runCli(['ingest', text, '--db', db]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/\[DB_ERROR\]/);
      expect(r.stderr).not.toMatch(/INTERNAL/);
    } finally {
      chmodSync(dir, 0o755);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
