// `entente token create|list|revoke`: API tokens for the HTTP server. The secret is
// printed once, on the last line of `create`, so scripts can take it with `tail -1`.
import type { Command } from 'commander';
import { loadSettings, settingHelp } from '../config/settings.js';
import { EntenteError } from '../domain/errors.js';
import { openStore } from '../store/open-store.js';
import { ROLES, isRole } from '../store/auth-store.js';
import { parseFormat, printRows } from './output.js';

export function registerToken(program: Command): void {
  const token = program.command('token').description('manage API tokens (viewer, editor, admin)');

  token.command('create')
    .description('create a token; prints it on the last line (it is stored hashed and cannot be shown again)')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--label <text>', 'a note on who or what the token is for')
    .option('--hours <n>', 'lifetime in hours (default: until revoked)')
    .option('--db <file>', settingHelp('db'))
    .action(async (opts: { role: string; label?: string; hours?: string; db?: string }) => {
      if (!isRole(opts.role)) throw new EntenteError('BAD_INPUT', `--role: expected one of ${ROLES.join(', ')}, got ${opts.role}`);
      const hours = opts.hours === undefined ? null : Number(opts.hours);
      if (hours !== null && !(Number.isFinite(hours) && hours > 0)) throw new EntenteError('BAD_INPUT', `--hours: expected a positive number, got ${opts.hours}`);
      const expiresAt = hours === null ? null : new Date(Date.now() + hours * 3_600_000).toISOString();
      const store = await openStore(loadSettings({ db: opts.db }));
      try {
        const { token: secret, info } = await store.createToken(opts.role, opts.label ?? null, { expiresAt });
        console.log(`created ${info.role} token ${info.id}${info.label ? ` (${info.label})` : ''}${expiresAt ? `, valid until ${expiresAt}` : ''}; keep it secret, it is not shown again:`);
        console.log(secret);
      } finally {
        await store.close();
      }
    });

  token.command('list')
    .description('list tokens (never their secrets)')
    .option('--all', 'include revoked tokens')
    .option('--format <format>', 'table, json or csv', 'table')
    .option('--db <file>', settingHelp('db'))
    .action(async (opts: { all?: boolean; format: string; db?: string }) => {
      const format = parseFormat(opts.format);
      const store = await openStore(loadSettings({ db: opts.db }));
      try {
        const page = await store.listTokens({ limit: 10_000, includeRevoked: !!opts.all });
        const { rows, ...meta } = page;
        printRows(rows as unknown as Array<Record<string, unknown>>, ['id', 'role', 'label', 'createdAt', 'lastUsedAt', 'expiresAt', 'revokedAt'], format, meta);
      } finally {
        await store.close();
      }
    });

  token.command('revoke')
    .description('revoke a token by its id')
    .argument('<id>', 'the token id (tok_…), as `token list` shows it')
    .option('--db <file>', settingHelp('db'))
    .action(async (id: string, opts: { db?: string }) => {
      const store = await openStore(loadSettings({ db: opts.db }));
      try {
        if (!(await store.revokeToken(id))) throw new EntenteError('NOT_FOUND', `no live token ${id}`);
        console.log(`revoked ${id}`);
      } finally {
        await store.close();
      }
    });
}
