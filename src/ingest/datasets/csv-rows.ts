// Streams a quoted CSV (ACLED, SIPRI, COW) as chunks of records with the line each record
// starts on, through csv-parse. Latin-1 files (SIPRI) are decoded with iconv-lite on the way.
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';

export interface CsvRecord {
  fields: string[];
  line: number;
}

export async function* readCsv(stream: Readable, opts: { encoding?: 'utf8' | 'latin1'; chunk?: number } = {}): AsyncGenerator<CsvRecord[]> {
  let source: Readable = stream;
  if (opts.encoding === 'latin1') {
    const decoded = iconv.decodeStream('latin1') as unknown as Readable & NodeJS.WritableStream;
    stream.on('error', (e) => decoded.destroy(e));
    source = stream.pipe(decoded);
  }
  const parser = source.pipe(parse({ info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true }));
  source.on('error', (e) => parser.destroy(e));
  const size = opts.chunk ?? 1000;
  let out: CsvRecord[] = [];
  for await (const r of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    // csv-parse reports the line a record ends on; quoted line breaks move its start back.
    let breaks = 0;
    for (const f of r.record) for (let k = f.indexOf('\n'); k !== -1; k = f.indexOf('\n', k + 1)) breaks++;
    out.push({ fields: r.record, line: r.info.lines - breaks });
    if (out.length >= size) {
      yield out;
      out = [];
    }
  }
  if (out.length) yield out;
}
