import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../test/cli.js';
import { openStore } from '../store/index.js';
import { loadStarterDataset } from '../starter/index.js';

const dir = mkdtempSync(join(tmpdir(), 'entente-serve-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the CLI and resolves with its output once it prints the workbench link. */
function launch(args: string[]): Promise<{ child: ChildProcess; out: string; url: URL; err: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), ...args], { cwd: repoRoot, env: { ...process.env, ENTENTE_DB: '' } });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`no link after 60 s:\n${out}\n${err}`)), 60_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /(http:\/\/\S+\?token=\S+)\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, out, url: new URL(m[1]), err: () => err });
      }
    });
    child.stderr!.on('data', (d) => { err += d; });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}:\n${out}\n${err}`));
    });
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('entente start and serve', () => {
  it('start loads the starter dataset, serves on 127.0.0.1, prints a link with a fresh admin token, and revokes it on exit', async () => {
    const db = join(dir, 'start.db');
    const started = await launch(['start', '--db', db, '--port', '0']);
    const { child, out, url } = started;
    expect(out).toMatch(/Loaded the starter dataset: \d+ reference events/);
    expect(url.hostname).toBe('127.0.0.1');
    const token = url.searchParams.get('token')!;
    const me = await fetch(new URL('/api/me', url), { headers: { authorization: `Bearer ${token}` } });
    expect(((await me.json()) as { role: string }).role).toBe('admin');
    const events = (await (await fetch(new URL(`/api/events?origin=curated&token=${token}`, url))).json()) as { total: number };
    expect(events.total).toBeGreaterThanOrEqual(30);
    expect((await fetch(new URL('/api/events', url))).status).toBe(401);
    expect(await stop(child)).toBe(0);
    // Every request is a JSON line on stderr, and the token is in none of them.
    const log = started.err().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { method: string; path: string; status: number });
    expect(log.map((l) => `${l.method} ${l.path} ${l.status}`)).toEqual(expect.arrayContaining(['GET /api/me 200', 'GET /api/events?origin=curated 200', 'GET /api/events 401']));
    expect(started.err()).not.toContain(token);
    const store = await openStore({ db });
    try {
      expect(await store.verifyToken(token)).toBeNull();
    } finally {
      await store.close();
    }
    // A second start finds the dataset in place.
    const again = await launch(['start', '--db', db, '--port', '0']);
    expect(again.out).toMatch(/Starter dataset already loaded/);
    await stop(again.child);
  });
  it('a session token left by a killed server stops working at the next start, and expires by itself', async () => {
    const db = join(dir, 'killed.db');
    const first = await launch(['serve', '--db', db, '--port', '0']);
    const old = first.url.searchParams.get('token')!;
    await new Promise<void>((resolve) => {
      first.child.on('exit', () => resolve());
      first.child.kill('SIGKILL');
    });
    // Nothing revoked it: the crash is what the next start has to clean up.
    const store = await openStore({ db });
    try {
      expect(await store.verifyToken(old)).toMatchObject({ role: 'admin' });
      expect(Date.parse((await store.verifyToken(old))!.expiresAt!) - Date.now()).toBeLessThanOrEqual(12 * 3_600_000);
    } finally {
      await store.close();
    }
    const second = await launch(['serve', '--db', db, '--port', '0']);
    const me = (token: string) => fetch(new URL('/api/me', second.url), { headers: { authorization: `Bearer ${token}` } });
    expect((await me(old)).status).toBe(401);
    expect((await me(second.url.searchParams.get('token')!)).status).toBe(200);
    await stop(second.child);
  });
  it('serve --open lets anyone read, and only tokens write', async () => {
    const { child, url } = await launch(['serve', '--db', join(dir, 'serve.db'), '--port', '0', '--open']);
    expect((await fetch(new URL('/api/events', url))).status).toBe(200);
    const write = await fetch(new URL('/api/ingest', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"x"}' });
    expect(write.status).toBe(401);
    await stop(child);
  });
  it('says clearly when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), 'serve', '--db', join(dir, 'busy.db'), '--port', String(port)], { cwd: repoRoot });
    children.push(child);
    let err = '';
    child.stderr!.on('data', (d) => { err += d; });
    const code = await new Promise((r) => child.on('exit', r));
    blocker.close();
    expect(code).toBe(1);
    expect(err.trim()).toBe(`entente: port ${port} on 127.0.0.1 is in use; choose another with --port [CONFLICT]`);
  });
});

describe('serve on a database damaged under it', () => {
  it('answers 503 DB_ERROR, says why on stderr and stops with exit 1 (it answered 500 and kept listening)', async () => {
    const db = join(dir, 'damaged.db');
    const store = await openStore({ db });
    await loadStarterDataset(store);
    await store.close();
    const { child, url } = await launch(['serve', '--db', db, '--port', '0', '--open']);
    let err = '';
    child.stderr!.on('data', (d) => { err += d; });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Damage the second half of the file under the running server: the pages it has not
    // read yet (events, search index) come back damaged.
    const size = statSync(db).size;
    const from = Math.floor(size / 2 / 4096) * 4096;
    const fd = openSync(db, 'r+');
    writeSync(fd, Buffer.alloc(size - from, 0x5a), 0, size - from, from);
    closeSync(fd);
    const statuses: number[] = [];
    for (const path of ['/api/events?limit=1000&origin=curated', '/api/search?q=Russia', '/api/actors', '/api/overview']) {
      const r = await fetch(new URL(path, url)).catch(() => null);
      if (!r) break;
      statuses.push(r.status);
      if (r.status === 503) {
        expect(((await r.json()) as { error: unknown }).error).toEqual({ code: 'DB_ERROR', message: expect.stringMatching(/^database unavailable: the database is damaged/) });
        break;
      }
    }
    expect(statuses).toContain(503);
    expect(await exited).toBe(1);
    expect(err).toMatch(/damaged.*\[DB_ERROR\]/);
    expect(err).toMatch(/stopping the server/);
  });
});
