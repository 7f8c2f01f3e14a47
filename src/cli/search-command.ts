// `entente search "text"`: documents and mention sentences containing all the words ("a phrase" in quotes, a OR b).
import type { Command } from 'commander';
import { loadSettings } from '../config/settings.js';
import { openStore } from '../store/open-store.js';
import { parseFormat, printRows } from './output.js';
import { addPageOptions, noteTruncation, pageOf, type PageOptions } from './events-command.js';

const COLUMNS = ['kind', 'document', 'event', 'title', 'snippet'];

export function registerSearch(program: Command): void {
  const cmd = program.command('search')
    .description('full-text search over documents and mention sentences: every word, "a phrase", a OR b')
    .argument('<text>', 'words that must all appear');
  addPageOptions(cmd, 20);
  cmd.action(async (text: string, opts: PageOptions) => {
    const format = parseFormat(opts.format);
    const store = await openStore(loadSettings({ db: opts.db }), { readonly: true });
    try {
      const page = await store.search(text, pageOf(opts));
      const { rows, ...meta } = page;
      if (format === 'json') printRows(rows as never, COLUMNS, format, meta);
      else printRows(rows.map((h) => ({ kind: h.kind, document: h.documentId, event: h.eventId, title: h.title, snippet: h.snippet.replace(/\s+/g, ' ') })), COLUMNS, format);
      noteTruncation(page);
    } finally {
      await store.close();
    }
  });
}
