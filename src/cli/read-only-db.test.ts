// A database that cannot be written, and one with damaged pages (faults: `events` could not
// read a database in a read-only folder, because opening wrote to it; `ingest` reported
// [INTERNAL] per file and exited 0; `events`, `search` and `ingest` exited 0 silently on
// damaged pages). Permissions are tested for real: the commands run as a user the file's
// mode binds (this user, or `nobody` when the tests run as root, whom chmod does not stop).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli, sharedDir, unprivilegedUser } from '../../test/cli.js';

const user = unprivilegedUser();
const seed = join(sharedDir, 'corpus', 'seed-russia-korean-peninsula.txt');
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

let dir: string;
let built: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'entente-ro-'));
  chmodSync(dir, 0o755);
  built = join(dir, 'built.db');
  expect(runCli(['ingest', seed, '--published', '2023-09-25', '--db', built]).code).toBe(0);
});
afterAll(() => {
  for (const sub of ['locked', 'wal']) if (existsSync(join(dir, sub))) chmodSync(join(dir, sub), 0o755);
  rmSync(dir, { recursive: true, force: true });
});

/** A copy of the built database in its own folder, then both made read-only. */
function readOnlyCopy(sub: string, prepare?: (file: string) => void): string {
  const folder = join(dir, sub);
  mkdirSync(folder);
  const file = join(folder, 'ro.db');
  copyFileSync(built, file);
  prepare?.(file);
  chmodSync(file, 0o444);
  chmodSync(folder, 0o555);
  return file;
}

describe.skipIf(!user)('a database in a read-only folder', () => {
  it('is read by the commands that only read, and nothing is written', () => {
    const db = readOnlyCopy('locked');
    const before = sha(db);
    const as = { user: user! };
    const events = runCli(['events', '--format', 'json', '--db', db], as);
    expect(events.stderr).toBe('');
    expect(events.code).toBe(0);
    const out = JSON.parse(events.stdout);
    const rows = (Array.isArray(out) ? out : out.rows) as Array<{ id: string }>;
    expect(rows.length).toBeGreaterThan(2);
    for (const args of [['search', 'Russia'], ['show', rows[0].id], ['timeline', 'RUS'], ['actors'], ['series', 'RUS', 'PRK'], ['check']]) {
      const r = runCli([...args, '--db', db], as);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(0);
    }
    expect(runCli(['check', '--db', db], as).stdout).toMatch(/full_text: skipped: the database is opened read-only/);
    expect(sha(db)).toBe(before);
    expect(existsSync(`${db}-wal`) || existsSync(`${db}-shm`) || existsSync(`${db}-journal`)).toBe(false);
  });

  it('refuses ingest with DB_ERROR and exit 1, not [INTERNAL] per file with exit 0', () => {
    const db = join(dir, 'locked', 'ro.db');
    const text = join(dir, 'new.txt');
    writeFileSync(text, 'Russia attacked Ukraine on 24 February 2022.');
    chmodSync(text, 0o644);
    const r = runCli(['ingest', text, '--db', db], { user: user! });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/read-only.*\[DB_ERROR\]/);
    expect(r.stderr).not.toMatch(/INTERNAL/);
  });

  it('says what to do with a WAL-mode file whose folder forbids the -shm file SQLite needs', () => {
    // Left in WAL mode by another program (Entente leaves the files it closes readable).
    const db = readOnlyCopy('wal', (file) => {
      const d = new Database(file);
      d.pragma('journal_mode = WAL');
      d.close();
    });
    const r = runCli(['events', '--db', db], { user: user! });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/WAL mode and its folder is read-only.*\[DB_ERROR\]/);
  });
});

describe('a database with damaged pages', () => {
  it('makes events, search and ingest exit 1 with DB_ERROR instead of 0 in silence', () => {
    const db = join(dir, 'damaged.db');
    copyFileSync(built, db);
    const size = statSync(db).size;
    const fd = openSync(db, 'r+');
    // Every page after the first two (the header and the schema stay readable).
    writeSync(fd, Buffer.alloc(size - 8192, 0x5a), 0, size - 8192, 8192);
    closeSync(fd);
    const text = join(dir, 'other.txt');
    writeFileSync(text, 'Japan protested to China on 3 March 2021.');
    for (const args of [['events'], ['search', 'Russia'], ['ingest', text]]) {
      const r = runCli([...args, '--db', db]);
      expect(r.code, `${args[0]}: ${r.stdout}${r.stderr}`).toBe(1);
      expect(r.stderr, args[0]).toMatch(/damaged.*\[DB_ERROR\]/);
    }
  });
});
