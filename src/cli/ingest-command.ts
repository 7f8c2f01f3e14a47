// `entente ingest PATH…`: extract and store documents (text, Markdown, HTML, JSON lines,
// RSS/Atom, folders). A progress bar on a terminal; a summary at the end; each bad file or
// line is reported on its own line and the rest go in.
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { loadSettings, settingHelp } from '../config/settings.js';
import { openStore } from '../store/open-store.js';
import { checkWatches } from '../alerts/index.js';
import { ingestPaths, type IngestSummary } from '../ingest/documents/index.js';
import { parseFormat } from './output.js';

function summaryLine(s: IngestSummary): string {
  const extra = [s.empty ? `${s.empty} empty` : '', s.skipped ? `${s.skipped} file(s) of other types skipped` : ''].filter(Boolean).join(', ');
  return `read ${s.read}, stored ${s.stored}, unchanged ${s.unchanged}, failed ${s.failed}; ${s.mentions} mention(s) stored${extra ? ` (${extra})` : ''}`;
}

export function registerIngest(program: Command): void {
  program.command('ingest')
    .description('extract events from documents and store them (.txt, .md, .html, .jsonl, RSS/Atom feeds, folders)')
    .argument('<paths...>', 'files or folders (folders are read recursively)')
    .option('--published <date>', 'publication date for documents that carry none (YYYY-MM-DD)')
    .option('--format <format>', 'table or json (the summary)', 'table')
    .option('--strict', 'stop at the first bad document')
    .option('--db <file>', settingHelp('db'))
    .action(async (paths: string[], opts: { published?: string; format: string; strict?: boolean; db?: string }) => {
      const format = parseFormat(opts.format, ['table', 'json']);
      const store = await openStore(loadSettings({ db: opts.db }));
      const bar = process.stderr.isTTY
        ? new cliProgress.SingleBar({ stream: process.stderr, format: 'ingest [{bar}] {value}/{total} files | {stored} stored, {unchanged} unchanged, {failed} failed', hideCursor: true }, cliProgress.Presets.shades_classic)
        : null;
      try {
        const summary = await ingestPaths(store, paths, {
          published: opts.published ?? null,
          strict: !!opts.strict,
          onProgress: ({ files, done, summary: s }) => {
            if (!bar) return;
            const payload = { stored: s.stored, unchanged: s.unchanged, failed: s.failed };
            if (done === 0) bar.start(files, 0, payload);
            else bar.update(done, payload);
          },
        });
        bar?.stop();
        if (format === 'json') {
          console.log(JSON.stringify({ read: summary.read, stored: summary.stored, unchanged: summary.unchanged, failed: summary.failed, empty: summary.empty, skipped: summary.skipped, mentions: summary.mentions, errors: summary.errors }));
        } else {
          for (const e of summary.errors) console.error(`entente: ${e.message} [${e.code}]`);
          console.log(summaryLine(summary));
        }
        // Nothing could be read at all (a missing path, a refused file, every record bad): fail.
        if (summary.failed > 0 && summary.stored + summary.unchanged + summary.empty === 0) process.exitCode = 1;
        await checkWatches(store);
      } finally {
        bar?.stop();
        await store.close();
      }
    });
}
