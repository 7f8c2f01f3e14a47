// A watched folder of dataset releases (ACLED's weekly export, ICEWS files): every file not
// yet imported, by name, size and modification time, goes through the dataset importer.
// A file modified in the last few seconds may still be being written: it waits a poll.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { importDataset, isDatasetStore } from '../ingest/datasets/index.js';
import { EntenteError } from '../domain/errors.js';
import type { Source } from '../store/source-store.js';
import type { PollContext, PollResult } from './types.js';

const SETTLE_MS = 2000;

export async function pollFolder(source: Source, ctx: PollContext): Promise<PollResult> {
  const kind = source.kind === 'icews' ? 'icews' : 'acled';
  if (!isDatasetStore(ctx.store)) throw new EntenteError('UNSUPPORTED', `the ${ctx.store.kind} store cannot import datasets yet`);
  let names: string[];
  try {
    names = (await readdir(source.target)).filter((n) => !n.startsWith('.')).sort();
  } catch (e) {
    throw new EntenteError('NOT_FOUND', `${source.target}: cannot read the folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let added = 0;
  const problems: string[] = [];
  for (const name of names) {
    const path = join(source.target, name);
    const s = await stat(path).catch(() => null);
    if (!s?.isFile() || Date.now() - s.mtimeMs < SETTLE_MS) continue;
    const key = `${name}:${s.size}:${Math.round(s.mtimeMs)}`;
    if ((await ctx.store.seenSourceItems(source.id, [key])).size) continue;
    const report = await importDataset(ctx.store, kind, [path]);
    added += report.imported;
    if (report.errorCount) problems.push(`${name}: ${report.errorCount} bad row(s), first: line ${report.errors[0].line}: ${report.errors[0].message}`);
    await ctx.store.markSourceItems(source.id, [key]);
  }
  const result: PollResult = { added };
  if (problems.length) result.problem = problems.join('; ');
  return result;
}
