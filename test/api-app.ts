// An in-process API over a real SQLite file in a temp dir, with one token per role, for
// the API tests (app.inject, or listen on loopback where a stream must stay open).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createApp, type AppOptions } from '../src/api/index.js';
import { openStore } from '../src/store/index.js';
import type { Store } from '../src/store/store.js';
import { loadSettings, type Settings } from '../src/config/settings.js';
import { loadStarterDataset } from '../src/starter/index.js';
import { testDb } from './test-store.js';

export interface TestApi {
  app: FastifyInstance;
  store: Store;
  settings: Settings;
  dir: string;
  tokens: { viewer: string; editor: string; admin: string };
  /** app.inject with a role's token as a Bearer header (or none). */
  as(role: 'viewer' | 'editor' | 'admin' | null, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function testApi(opts: { starter?: boolean; settings?: Partial<Settings>; app?: Partial<AppOptions> } = {}): Promise<TestApi> {
  const dir = mkdtempSync(join(tmpdir(), 'entente-api-'));
  const settings = loadSettings({ db: await testDb(join(dir, 'api.db')), ...opts.settings }, {});
  const store = await openStore(settings);
  if (opts.starter) await loadStarterDataset(store);
  const tokens = {
    viewer: (await store.createToken('viewer')).token,
    editor: (await store.createToken('editor')).token,
    admin: (await store.createToken('admin')).token,
  };
  const app = await createApp({ store, settings, db: settings.db, webDir: join(dir, 'no-web'), writesPerMinute: 10_000, readsPerMinute: 100_000, ingestsPerMinute: 10_000, authFailuresPerMinute: 10_000, ...opts.app });
  return {
    app, store, settings, dir, tokens,
    as(role, o) {
      const headers = { ...(o.headers ?? {}), ...(role ? { authorization: `Bearer ${tokens[role]}` } : {}) };
      return app.inject({ ...o, headers });
    },
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A multipart/form-data body with one file and some text fields. */
export function multipart(file: { name: string; type: string; body: Buffer }, fields: Record<string, string> = {}): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----entente${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: ${file.type}\r\n\r\n`), file.body, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
