// `entente serve`: the HTTP API and the workbench over one database, on loopback unless
// told otherwise. Like Jupyter, it prints a URL with a fresh admin token for this session
// and revokes that token when it stops; the token also expires by itself (session-token.ts).
import type { Command } from 'commander';
import { loadSettings, settingHelp, type Settings } from '../config/settings.js';
import { EntenteError } from '../domain/errors.js';
import { displayDb, openStore } from '../store/open-store.js';
import { isFatalDbError } from '../store/sqlite/db-errors.js';
import type { Store } from '../store/store.js';
import { createApp } from '../api/index.js';
import { createSessionToken, revokeStaleSessions, sessionHours } from './session-token.js';

export interface ServeOptions {
  settings: Settings;
  open: boolean;
  /** Also poll the followed sources (`entente follow`) in this process. */
  follow?: boolean;
  /** Runs on the opened store before the server listens (the starter dataset). */
  prepare?: (store: Store) => Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Opens the store, listens, prints the workbench URL; resolves when the server has stopped. */
export async function runServer({ settings, open, prepare, follow }: ServeOptions): Promise<void> {
  const port = Number(settings.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new EntenteError('BAD_INPUT', `--port: expected a port number, got ${settings.port}`);
  const hours = sessionHours(settings.sessionHours);
  const store = await openStore(settings);
  let sessionToken: string | null = null;
  // A damaged or vanished database stops the server (exit 1) instead of answering on with errors.
  let fatal: EntenteError | null = null;
  let stopNow = () => {};
  const onDatabaseError = (e: EntenteError) => {
    console.error(`entente: ${e.message} [${e.code}]`);
    if (fatal || !isFatalDbError(e)) return;
    fatal = e;
    console.error('entente: stopping the server: the database cannot be trusted (run `entente check`)');
    stopNow();
  };
  try {
    if (prepare) await prepare(store);
    const stale = await revokeStaleSessions(store).catch((e: Error) => {
      console.error(`entente: warning: could not revoke the session tokens of servers that died (${e.message}); they expire by themselves`);
      return [];
    });
    if (stale.length) console.error(`entente: revoked ${stale.length} session token${stale.length === 1 ? '' : 's'} left by a server that stopped without revoking ${stale.length === 1 ? 'it' : 'them'} (${stale.join(', ')})`);
    const requestLog = settings.logRequests === 'false' ? undefined : (line: string) => void process.stderr.write(`${line}\n`);
    const app = await createApp({ store, settings, db: settings.db, open, logger: false, requestLog, onDatabaseError, allowedHosts: LOOPBACK.has(settings.host) ? LOOPBACK_NAMES : undefined });
    try {
      await app.listen({ port, host: settings.host });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new EntenteError('CONFLICT', `port ${port} on ${settings.host} is in use; choose another with --port`);
      if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new EntenteError('BAD_INPUT', `--host: cannot listen on ${settings.host}`);
      throw e;
    }
    const address = app.server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    const { token, info } = await createSessionToken(store, hours);
    sessionToken = info.id;
    const base = `http://${urlHost(settings.host === '0.0.0.0' || settings.host === '::' ? '127.0.0.1' : settings.host)}:${actualPort}`;
    if (!LOOPBACK.has(settings.host)) console.error(`entente: warning: listening on ${settings.host}, reachable from other machines; every request still needs a token${open ? ' to write (reads are open)' : ''}`);
    console.log(`Entente is serving ${displayDb(settings.db)} at ${base}/ (API docs at ${base}/api/docs)${open ? '; reading needs no token' : ''}.`);
    console.log(`Open the workbench with this link; it holds an admin token for this session (revoked when the server stops, and valid for ${hours} hours at most):`);
    console.log(`${base}/?token=${token}`);
    const following = new AbortController();
    const follower = follow
      ? (await import('./follow-command.js')).runFollow(store, settings, { signal: following.signal })
        .catch((e: Error) => console.error(`entente: following stopped: ${e.message}`))
      : Promise.resolve();
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        following.abort();
        void Promise.all([app.close(), follower]).then(() => resolve());
      };
      // After the failing request has been answered.
      stopNow = () => setImmediate(stop);
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
  } finally {
    if (sessionToken) await store.revokeToken(sessionToken).catch(() => undefined);
    await store.close();
  }
  if (fatal) throw fatal;
}

export function registerServe(program: Command): void {
  program.command('serve')
    .description('serve the HTTP API and the web workbench (on 127.0.0.1 unless --host says otherwise)')
    .option('--port <n>', settingHelp('port'))
    .option('--host <address>', settingHelp('host'))
    .option('--db <file>', settingHelp('db'))
    .option('--read-db <urls>', settingHelp('readDb'))
    .option('--open', 'let anyone who can reach the server read without a token (writing always needs one)')
    .option('--follow', 'also poll the followed sources, as `entente follow` does')
    .action(async (opts: { port?: string; host?: string; db?: string; readDb?: string; open?: boolean; follow?: boolean }) => {
      await runServer({ settings: loadSettings({ port: opts.port, host: opts.host, db: opts.db, readDb: opts.readDb }), open: !!opts.open, follow: !!opts.follow });
    });
}
