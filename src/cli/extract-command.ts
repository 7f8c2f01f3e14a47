// `entente extract FILE… | -`: event mentions from text files, as a table, one JSON
// document, or JSON lines. A file that is not text gets a one-line error and a non-zero
// exit at the end; the other files are still read.
import { readFileBounded } from '../ingest/read-bounded.js';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { EntenteError, isEntenteError } from '../domain/errors.js';
import type { EventMention } from '../domain/mention.js';
import { extractDocument, extractStream, findPublished, type TracedExtraction } from '../extract/index.js';
import type { DocumentMeta } from '../domain/mention.js';
import { writeSync } from 'node:fs';
import { decodeText } from '../extract/read-text.js';
import { table } from './output.js';

interface ExtractOptions { published?: string; format: string; trace?: boolean }

const FORMATS = ['table', 'json', 'jsonl'];

/** A file or stdin in bounded chunks: /dev/zero or an endless pipe stops at the document limit. */
function readInput(file: string): Promise<Uint8Array> {
  return readFileBounded(file);
}

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

export function mentionRows(events: EventMention[]): Record<string, unknown>[] {
  return events.map((e) => ({
    type: e.type,
    source: e.source.code,
    target: e.target?.code ?? '-',
    date: e.date ? (e.date.start === e.date.end ? e.date.start : `${e.date.start}..${e.date.end}`) : '-',
    modality: e.modality,
    cluster: e.cluster ?? '',
    evidence: clip(e.evidence.text, 70),
  }));
}

export function printTable(r: TracedExtraction, name: string): void {
  const d = r.document;
  console.log(`${name}: ${r.events.length} event mention(s) in ${d.sentences} sentence(s), published ${d.published ?? 'unknown'}`);
  if (r.events.length) console.log(table(mentionRows(r.events), ['type', 'source', 'target', 'date', 'modality', 'cluster', 'evidence']));
}

/** Texts longer than this stream their mentions out, so memory stays bounded. */
const STREAM_ABOVE = 2_000_000;

/** Synchronous, buffered writes keep a huge output in order and out of memory. */
let pending = '';
function out(text: string, flush = false): void {
  pending += text;
  if (pending.length < 1 << 16 && !flush) return;
  let buf = Buffer.from(pending);
  pending = '';
  while (buf.length) {
    try {
      buf = buf.subarray(writeSync(1, buf));
    } catch (e) {
      // The reader closed the pipe (`entente extract … | head`): its choice, not an error.
      if ((e as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0);
      // A non-blocking pipe that is full: wait a moment for the reader.
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
    }
  }
}

/** A huge document: mentions are written as found; JSON puts "document" last. */
function streamOut(text: string, meta: DocumentMeta, opts: ExtractOptions, name: string): void {
  const onTrace = (t: { stage: string; sentence: number; note: string }) => console.error(`[${t.stage}] ${name} s${t.sentence}: ${t.note}`);
  const gen = extractStream(text, { ...meta, published: meta.published ?? null }, { trace: opts.trace, onTrace });
  const json = opts.format !== 'table';
  if (json) out('{"events":[');
  else out(`${name}:\n${['type', 'source', 'target', 'date', 'modality', 'cluster', 'evidence'].join('\t')}\n`);
  let n = 0;
  for (let step = gen.next(); ; step = gen.next()) {
    if (step.done) {
      if (json) out(`],"document":${JSON.stringify(step.value)}}\n`, true);
      else out(`${n} event mention(s) in ${step.value.sentences} sentence(s)\n`, true);
      return;
    }
    if (json) out(`${n ? ',' : ''}${JSON.stringify(step.value)}`);
    else out(`${Object.values(mentionRows([step.value])[0]).join('\t')}\n`);
    n++;
  }
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('extract sourced, dated, modal event mentions from English text files ("-" reads stdin)')
    .argument('<files...>', 'text files, or - for standard input')
    .option('--published <date>', 'publication date YYYY-MM-DD (default: the file\'s metadata, else the latest date in the text)')
    .option('--format <format>', `output: ${FORMATS.join(', ')}`, 'table')
    .option('--trace', 'show each stage\'s decisions on stderr')
    .action(async (files: string[], opts: ExtractOptions) => {
      if (!FORMATS.includes(opts.format)) throw new EntenteError('BAD_INPUT', `--format: expected one of ${FORMATS.join(', ')}, got ${opts.format}`);
      if (opts.published !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(opts.published) || Number.isNaN(Date.parse(opts.published)))) {
        throw new EntenteError('BAD_INPUT', `--published: expected a date YYYY-MM-DD, got ${opts.published}`);
      }
      let failed = 0;
      const many = files.length > 1;
      for (const file of files) {
        const name = file === '-' ? 'stdin' : file;
        try {
          const text = decodeText(await readInput(file), name);
          let published = opts.published ?? null;
          let publishedFrom: 'given' | 'metadata' | 'text' | 'none' = 'given';
          if (!published) {
            const guess = findPublished(text);
            published = guess.published;
            publishedFrom = guess.from;
            console.error(published
              ? `entente: ${name}: publication date ${published} from the ${guess.from === 'metadata' ? 'file\'s metadata' : 'latest date in the text'}`
              : `entente: ${name}: no publication date found; relative dates stay unresolved (give --published)`);
          }
          const meta = { id: file === '-' ? 'stdin' : basename(file), published, publishedFrom };
          if (text.length > STREAM_ABOVE) {
            streamOut(text, meta, opts, name);
            continue;
          }
          const r = extractDocument(text, meta, { trace: opts.trace });
          if (r.trace) for (const t of r.trace) console.error(`[${t.stage}] ${name} s${t.sentence}: ${t.note}`);
          const { trace: _trace, ...doc } = r;
          if (opts.format === 'json' && !many) console.log(JSON.stringify(doc, null, 2));
          // One line per file through the buffered writer: a console.log per file costs a
          // write each.
          else if (opts.format === 'json' || opts.format === 'jsonl') out(`${JSON.stringify(doc)}\n`);
          else printTable(r, name);
        } catch (e) {
          if (!isEntenteError(e)) { out('', true); throw e; }
          failed++;
          console.error(`entente: ${e.message} [${e.code}]`);
        }
      }
      out('', true);
      if (failed) process.exitCode = 1;
    });
}
