// Follows GDELT 2.0's 15-minute updates: reads lastupdate.txt (and lastupdate-translation.txt
// when asked), downloads only the files not yet imported, checks each file's size and MD5
// against the list, and imports it in one transaction (so a crash leaves all of a file or
// none of it). After downtime it catches up from masterfilelist.txt, oldest or newest first,
// at most `maxCatchUp` files per poll; the rest follow on the next polls.
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandInputs } from '../ingest/datasets/inputs.js';
import { parseGdelt } from '../ingest/datasets/gdelt.js';
import { importDataset, isDatasetStore } from '../ingest/datasets/index.js';
import { EntenteError } from '../domain/errors.js';
import type { Source } from '../store/source-store.js';
import { FetchError } from './http-get.js';
import { fileName, nextStamp, orderFiles, parseFileList, type GdeltFile } from './gdelt-lists.js';
import type { PollContext, PollResult } from './types.js';

export const GDELT_BASE = 'http://data.gdeltproject.org/gdeltv2/';
export const DEFAULT_MAX_CATCH_UP = 96;

export interface GdeltOptions {
  mentions: boolean;
  translation: boolean;
  order: 'oldest' | 'newest';
  maxCatchUp: number;
}

export function gdeltOptions(o: Record<string, unknown>): GdeltOptions {
  const max = Number(o.maxCatchUp ?? DEFAULT_MAX_CATCH_UP);
  return {
    mentions: o.mentions === true,
    translation: o.translation === true,
    order: o.order === 'newest' ? 'newest' : 'oldest',
    maxCatchUp: Number.isInteger(max) && max > 0 ? max : DEFAULT_MAX_CATCH_UP,
  };
}

interface GdeltState {
  /** The first stamp followed: nothing older is fetched. */
  since?: string;
  /** The newest stamp imported. */
  newest?: string;
  /** A capped catch-up left files for the next poll. */
  backlog?: boolean;
}

const base = (u: string) => (u.endsWith('/') ? u : `${u}/`);

async function list(ctx: PollContext, url: string): Promise<GdeltFile[]> {
  const r = await ctx.fetcher.get(url, { accept: 'text/plain' });
  const files = parseFileList(r.body.toString('utf8'));
  if (!files.length) throw new FetchError('BAD_FORMAT', `${url}: no GDELT file lines ("SIZE MD5 URL") in it`);
  return files;
}

/** Reads every row once before importing: a changed column layout refuses the whole file. */
async function checkLayout(path: string, name: string): Promise<void> {
  let inputs;
  try {
    inputs = await expandInputs([path]);
  } catch (e) {
    throw new FetchError('BAD_FORMAT', `${name}: ${(e as Error).message}`);
  }
  for (const input of inputs) {
    try {
      for await (const rows of parseGdelt(await input.open())) {
        const bad = rows.find((r) => r.kind === 'error' && /columns, found/.test(r.message));
        if (bad && bad.kind === 'error') throw new FetchError('BAD_FORMAT', `${name}: line ${bad.line}: ${bad.message}; the column layout changed? nothing of this file was imported`);
      }
    } catch (e) {
      if (e instanceof FetchError) throw e;
      throw new FetchError('BAD_FORMAT', `${name}: ${(e as Error).message}`);
    }
  }
}

/** Downloads, verifies and imports one file; returns the events and mentions added. */
async function importFile(f: GdeltFile, ctx: PollContext, dir: string): Promise<number> {
  const name = fileName(f);
  const r = await ctx.fetcher.get(f.url, { accept: 'application/zip' });
  if (r.body.length !== f.size) throw new FetchError('FETCH_FAILED', `${name}: ${r.body.length} bytes, the list says ${f.size} (truncated download?)`);
  const md5 = createHash('md5').update(r.body).digest('hex');
  if (md5 !== f.md5) throw new FetchError('FETCH_FAILED', `${name}: MD5 ${md5} does not match the list's ${f.md5}`);
  const path = join(dir, name);
  await writeFile(path, r.body);
  await checkLayout(path, name);
  if (!isDatasetStore(ctx.store)) throw new EntenteError('UNSUPPORTED', `the ${ctx.store.kind} store cannot import datasets yet`);
  // One batch per file: a file of one 15-minute window is small, and all-or-nothing.
  const report = await importDataset(ctx.store, 'gdelt', [path], { batchSize: Number.MAX_SAFE_INTEGER });
  if (report.errorCount) ctx.log(`source gdelt: ${name}: ${report.errorCount} bad row(s), first: line ${report.errors[0].line}: ${report.errors[0].message}`);
  return report.imported;
}

export async function pollGdelt(source: Source, ctx: PollContext): Promise<PollResult> {
  const o = gdeltOptions(source.options);
  const state = { ...source.state } as GdeltState;
  const root = base(source.target);
  const wanted = (f: GdeltFile) => f.kind === 'export' || (f.kind === 'mentions' && o.mentions);

  const latest = (await list(ctx, `${root}lastupdate.txt`)).filter(wanted);
  if (o.translation) latest.push(...(await list(ctx, `${root}lastupdate-translation.txt`)).filter(wanted));
  const newestListed = latest.reduce((m, f) => (f.stamp > m ? f.stamp : m), '');
  if (!newestListed) throw new FetchError('BAD_FORMAT', `${root}lastupdate.txt lists no export file`);
  state.since ??= newestListed;

  let candidates = latest;
  // A gap since the newest file imported (downtime), or a backlog left by the cap: the master list.
  const gap = state.newest !== undefined && nextStamp(state.newest) < newestListed;
  if (gap || state.backlog) {
    const master = (await list(ctx, `${root}masterfilelist.txt`)).filter(wanted);
    if (o.translation) master.push(...(await list(ctx, `${root}masterfilelist-translation.txt`)).filter(wanted));
    const known = new Set(master.map((f) => f.url));
    candidates = [...master, ...latest.filter((f) => !known.has(f.url))];
  }
  candidates = candidates.filter((f) => f.stamp >= state.since!);
  const seen = await ctx.store.seenSourceItems(source.id, candidates.map(fileName));
  const todo = orderFiles(candidates.filter((f) => !seen.has(fileName(f))), o.order);
  const now = todo.slice(0, o.maxCatchUp);
  // Never leave an export's mentions behind the cap: they belong to the same window.
  while (now.length < todo.length && now.length && todo[now.length].stamp === now[now.length - 1].stamp) now.push(todo[now.length]);

  const dir = await mkdtemp(join(tmpdir(), 'entente-gdelt-'));
  let added = 0;
  const problems: string[] = [];
  try {
    for (const f of now) {
      try {
        added += await importFile(f, ctx, dir);
        await ctx.store.markSourceItems(source.id, [fileName(f)]);
        if (!state.newest || f.stamp > state.newest) state.newest = f.stamp;
        await ctx.store.updateSource(source.id, { state: { ...state } });
      } catch (e) {
        if (!(e instanceof EntenteError)) throw e;
        problems.push(e.message);
        ctx.log(`source ${source.id} (gdelt): ${e.message}`);
        // A server that refuses now will refuse the rest: stop and back off.
        if (e instanceof FetchError && (e.status === 429 || e.status === 503)) throw e;
      } finally {
        await rm(join(dir, fileName(f)), { force: true });
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  state.backlog = todo.length > now.length || problems.length > 0;
  const result: PollResult = { added, state: { ...state }, more: todo.length > now.length };
  if (problems.length) result.problem = problems.length === 1 ? problems[0] : `${problems.length} files failed; first: ${problems[0]}`;
  return result;
}
