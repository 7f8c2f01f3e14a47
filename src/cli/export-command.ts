// `entente export`: every event matching the filters with its mentions, streamed as JSON
// lines, CSV (one row per event) or PLOVER records (the JSON layout of the PLOVER gold
// standard records: id, date, source/target actor lists, event, mode, text, publication).
import type { Command } from 'commander';
import { once } from 'node:events';
import { loadSettings, settingHelp } from '../config/settings.js';
import { openStore } from '../store/open-store.js';
import type { EventDetail } from '../store/event-store.js';
import { EntenteError } from '../domain/errors.js';
import { csv } from './output.js';
import { addFilterOptions, eventRow, filterOf, EVENT_COLUMNS, type FilterOptions } from './events-command.js';

const EXPORT_FORMATS = ['jsonl', 'csv', 'plover'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One event as a PLOVER record; Entente's own fields sit under `entente`. */
export function ploverRecord(e: EventDetail): Record<string, unknown> {
  const actorsOf = (codes: string[], pick: (m: EventDetail['mentions'][number]) => { code: string; name: string; role?: string } | null) =>
    codes.map((code) => {
      const seen = e.mentions.map(pick).find((a) => a?.code === code);
      return { actorText: seen?.name ?? code, code, ...(seen?.role ? { sector: seen.role } : {}) };
    });
  const first = e.mentions[0];
  return {
    id: `entente-${e.origin}-${e.externalId ?? e.id}`,
    date: e.date?.start ?? null,
    source: actorsOf(e.sources, (m) => m.source),
    target: e.targets.length ? actorsOf(e.targets, (m) => m.target) : '',
    event: e.type,
    mode: e.mode ?? '',
    ...(e.location ? { location: e.location } : {}),
    text: first?.sentence ?? '',
    language: 'en',
    publication: first ? first.document.title ?? first.document.url ?? '' : e.origin,
    coder: 'Entente',
    entente: {
      eventId: e.id, origin: e.origin, date: e.date, dateKind: e.dateKind, modality: e.modality, mentionCount: e.mentionCount,
      disputed: e.disputed, status: e.status, intensity: e.intensity, attrs: e.attrs, summary: e.summary, sourceUrl: e.sourceUrl,
      mentions: e.mentions.map((m) => ({ text: m.sentence, documentId: m.document.id, publication: m.document.title, url: m.document.url, published: m.document.published, modality: m.modality, date: m.date })),
      versions: e.versions,
    },
  };
}

async function write(s: string): Promise<void> {
  if (!process.stdout.write(s)) await once(process.stdout, 'drain');
}

export function registerExport(program: Command): void {
  const cmd = program.command('export').description('stream events with their mentions as jsonl, csv or PLOVER records');
  addFilterOptions(cmd);
  cmd.option('--format <format>', 'jsonl, csv or plover', 'jsonl')
    .option('--db <file>', settingHelp('db'))
    .action(async (opts: FilterOptions & { format: string; db?: string }) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format)) throw new EntenteError('BAD_INPUT', `--format: expected one of ${EXPORT_FORMATS.join(', ')}, got ${opts.format}`);
      const format = opts.format as ExportFormat;
      const store = await openStore(loadSettings({ db: opts.db }), { readonly: true });
      // A closed pipe (| head) ends the export quietly.
      process.stdout.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EPIPE') process.exit(0);
      });
      try {
        const columns = [...EVENT_COLUMNS, 'status', 'first_sentence', 'first_document'];
        if (format === 'csv') await write(`${csv([], columns)}\r\n`);
        for await (const e of store.streamEvents(filterOf(opts))) {
          if (format === 'jsonl') await write(`${JSON.stringify(e)}\n`);
          else if (format === 'plover') await write(`${JSON.stringify(ploverRecord(e))}\n`);
          else {
            const row = { ...eventRow(e), first_sentence: e.mentions[0]?.sentence ?? '', first_document: e.mentions[0]?.document.title ?? e.mentions[0]?.document.url ?? '' };
            await write(`${csv([row], columns).split('\r\n').slice(1).join('\r\n')}\r\n`);
          }
        }
      } finally {
        await store.close();
      }
    });
}
