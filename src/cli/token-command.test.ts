import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../test/cli.js';
import { openStore } from '../store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'entente-token-'));
const db = join(dir, 't.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('entente token', () => {
  it('creates a token and prints it on its last line; the store accepts it with its role', async () => {
    const r = runCli(['token', 'create', '--role', 'editor', '--label', 'ci', '--db', db]);
    expect(r.code).toBe(0);
    const token = r.stdout.trim().split('\n').at(-1)!;
    expect(token).toMatch(/^ent_[A-Za-z0-9_-]{43}$/);
    const store = await openStore({ db });
    try {
      expect(await store.verifyToken(token)).toMatchObject({ role: 'editor', label: 'ci' });
    } finally {
      await store.close();
    }
  });
  it('lists tokens without secrets, and revokes one', () => {
    const list = runCli(['token', 'list', '--format', 'json', '--db', db]);
    expect(list.code).toBe(0);
    const rows = JSON.parse(list.stdout).rows as Array<{ id: string; role: string }>;
    expect(rows).toHaveLength(1);
    expect(list.stdout).not.toContain('ent_');
    const revoke = runCli(['token', 'revoke', rows[0].id, '--db', db]);
    expect(revoke.code).toBe(0);
    expect(JSON.parse(runCli(['token', 'list', '--format', 'json', '--db', db]).stdout).rows).toHaveLength(0);
    expect(JSON.parse(runCli(['token', 'list', '--all', '--format', 'json', '--db', db]).stdout).rows).toHaveLength(1);
  });
  it.each([
    [['token', 'create', '--role', 'god', '--db', db], 'BAD_INPUT'],
    [['token', 'revoke', 'tok_nothere', '--db', db], 'NOT_FOUND'],
    [['token', 'list', '--format', 'xml', '--db', db], 'BAD_INPUT'],
  ])('%j fails with one line and a code', (args, code) => {
    const r = runCli(args);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(new RegExp(`^entente: .*\\[${code}\\]$`));
  });
});
