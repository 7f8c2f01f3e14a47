// `entente search "text"`: documents, mention sentences and events' own text (titles, notes,
// actor names, places, codes, source links) containing all the words ("a phrase" in quotes, a OR b).
import type { Command } from 'commander';
import { loadSettings } from '../config/settings.js';
import { openStore } from '../store/open-store.js';
import { parseFormat, printRows } from './output.js';
import { addPageOptions, noteTruncation, pageOf, type PageOptions } from './events-command.js';
import { SEARCH_KINDS, type SearchKind } from '../store/search.js';

const COLUMNS = ['kind', 'document', 'event', 'title', 'snippet', 'source'];

export function registerSearch(program: Command): void {
  const cmd = program.command('search')
    .description('full-text search over documents, mention sentences and events (titles, notes, actor names, places, codes, links): every word, "a phrase", a OR b')
    .argument('<text>', 'words that must all appear')
    .option('--kind <kinds>', `only these kinds of hit, comma-separated: ${SEARCH_KINDS.join(', ')}`);
  addPageOptions(cmd, 20);
  cmd.action(async (text: string, opts: PageOptions & { kind?: string }) => {
    const format = parseFormat(opts.format);
    const store = await openStore(loadSettings({ db: opts.db }), { readonly: true });
    try {
      const kinds = opts.kind?.split(',').map((k) => k.trim()).filter(Boolean) as SearchKind[] | undefined;
      const page = await store.search(text, pageOf(opts), kinds);
      const { rows, ...meta } = page;
      if (format === 'json') printRows(rows as never, COLUMNS, format, meta);
      else printRows(rows.map((h) => ({ kind: h.kind, document: h.documentId, event: h.eventId, title: h.title, snippet: h.snippet.replace(/\s+/g, ' '), source: h.kind === 'event' ? h.sourceUrl : null })), COLUMNS, format);
      noteTruncation(page);
    } finally {
      await store.close();
    }
  });
}
