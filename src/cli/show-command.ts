// `entente show EVENT_ID`: one event, every mention with its sentence and document, and
// for a disputed event each version with the sources that give it.
import type { Command } from 'commander';
import { loadSettings, settingHelp } from '../config/settings.js';
import { openStore } from '../store/open-store.js';
import { EntenteError } from '../domain/errors.js';
import type { EventDetail } from '../store/event-store.js';
import { parseFormat, printRows } from './output.js';
import { dateText } from './events-command.js';

const MENTION_COLUMNS = ['mention', 'document', 'published', 'title', 'date', 'source', 'target', 'modality', 'confidence', 'sentence'];

function mentionRows(e: EventDetail) {
  return e.mentions.map((m) => ({
    mention: m.id, document: m.document.id, published: m.document.published, title: m.document.title ?? m.document.url,
    date: dateText(m.date), source: m.source.code, target: m.target?.code ?? '', modality: m.modality, confidence: m.confidence,
    sentence: m.sentence,
  }));
}

function printText(e: EventDetail): void {
  const actors = `${e.sources.join(', ') || '?'} → ${e.targets.join(', ') || '—'}`;
  console.log(`event ${e.id}: ${e.type}${e.mode ? ` (${e.mode})` : ''}  ${actors}`);
  console.log(`  ${e.summary}`);
  if (e.sourceUrl) console.log(`source ${e.sourceUrl}`);
  console.log(`date ${dateText(e.date) || 'unknown'} (${e.dateKind})  ${e.modality}  ${e.mentionCount} mention(s)  status ${e.status}  origin ${e.origin}${e.externalId ? ` ${e.externalId}` : ''}`);
  if (e.disputed) {
    console.log('\nDISPUTED: the sources disagree. Versions:');
    for (const v of e.versions) {
      const docs = v.documents.map((d) => d.title ?? d.url ?? `document ${d.id}`).join('; ');
      console.log(`  - ${dateText(v.date) || 'undated'}  ${v.sources.join(',')} → ${v.targets.join(',') || '—'}  ${v.modality}  (${v.mentionIds.length}): ${docs}`);
    }
  }
  if (e.location) console.log(`location ${[e.location.name, e.location.country].filter(Boolean).join(', ')}`);
  if (Object.keys(e.attrs).length) console.log(`attributes ${JSON.stringify(e.attrs)}`);
  for (const m of e.mentions) {
    const doc = m.document.title ?? m.document.url ?? `document ${m.document.id}`;
    console.log(`\n[${m.id}] ${doc}${m.document.published ? ` (${m.document.published})` : ''}, chars ${m.start}–${m.end}`);
    console.log(`  ${m.source.name} → ${m.target?.name ?? '—'}  ${dateText(m.date) || 'undated'}  ${m.modality}  confidence ${m.confidence}${m.attribution ? `  according to ${m.attribution.name}` : ''}`);
    console.log(`  "${m.sentence}"`);
  }
}

export function registerShow(program: Command): void {
  program.command('show')
    .description('one event with every mention, its sentence and document')
    .argument('<id>', 'event id, as `entente events` lists it')
    .option('--format <format>', 'table, json or csv (csv: one row per mention)', 'table')
    .option('--db <file>', settingHelp('db'))
    .action(async (id: string, opts: { format: string; db?: string }) => {
      const format = parseFormat(opts.format);
      const store = await openStore(loadSettings({ db: opts.db }), { readonly: true });
      try {
        const e = await store.getEvent(id);
        if (!e) throw new EntenteError('NOT_FOUND', `no event ${id}`);
        if (format === 'json') console.log(JSON.stringify(e, null, 2));
        else if (format === 'csv') printRows(mentionRows(e), MENTION_COLUMNS, 'csv');
        else printText(e);
      } finally {
        await store.close();
      }
    });
}
