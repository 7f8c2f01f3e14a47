// SIPRI trade register importer (Latin-1 CSV; a preamble of notes, then the header line
// "Recipient,Supplier,..."). Each deal becomes an AID event, mode 'arms', from supplier to
// recipient, dated from the order year (or an earlier delivery) through the last delivery year. Deals have no id:
// the key is a hash of the row plus its occurrence number, so identical deals stay distinct.
import type { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import type { DatasetEventInput } from '../../domain/event.js';
import { granularityOf } from '../../domain/date-range.js';
import { EntenteError } from '../../domain/errors.js';
import { readCsv, type CsvRecord } from './csv-rows.js';
import { codeForName } from './actor-codes.js';
import { fail, guard, optNum, type ParsedRow } from './rows.js';

const WIDTH = 16;
// Positions in the register (the flag columns have blank headers).
const C = { recipient: 0, supplier: 1, orderYear: 2, orderFlag: 3, ordered: 4, orderedFlag: 5, designation: 6, description: 7, delivered: 8, deliveredFlag: 9, deliveryYears: 10, status: 11, comments: 12, tivUnit: 13, tivOrder: 14, tivDelivered: 15 };

/** A SIPRI party name → registry code; non-state parties ("Hezbollah (Lebanon)*") and unknowns → null. */
export function sipriParty(name: string): string | null {
  const n = name.trim();
  if (n.endsWith('*') && !n.endsWith('**')) return null;
  if (/^unknown/i.test(n)) return null;
  return codeForName(n.replace(/\*+$/, ''));
}

const YEAR = /^\d{4}$/;

export function sipriDeal(f: string[], line: number, key: string): ParsedRow {
  const orderYear = f[C.orderYear].trim();
  if (!YEAR.test(orderYear)) fail(`Year of order: "${orderYear.slice(0, 40)}" is not a year`);
  const years = f[C.deliveryYears].split(';').map((y) => y.trim()).filter(Boolean);
  for (const y of years) if (!YEAR.test(y)) fail(`Year(s) of delivery: "${y.slice(0, 40)}" is not a year`);
  const ordered = optNum(f[C.ordered].trim(), 'Number ordered');
  const delivered = optNum(f[C.delivered].trim(), 'Number delivered');
  const tivUnit = optNum(f[C.tivUnit].trim(), 'SIPRI TIV per unit');
  const tivOrder = optNum(f[C.tivOrder].trim(), 'SIPRI TIV for total order');
  const tivDelivered = optNum(f[C.tivDelivered].trim(), 'SIPRI TIV of delivered weapons');
  const last = years.reduce((a, b) => (b > a ? b : a), orderYear);
  // A few deals list deliveries before the order year (data quirks): the range covers them too.
  const first = years.reduce((a, b) => (b < a ? b : a), orderYear);
  const supplier = sipriParty(f[C.supplier]);
  const recipient = sipriParty(f[C.recipient]);
  const ev: DatasetEventInput = {
    origin: 'sipri',
    externalId: key,
    type: 'AID',
    mode: 'arms',
    sources: supplier ? [supplier] : [],
    targets: recipient ? [recipient] : [],
    date: { start: first, end: last, granularity: granularityOf(first, last) },
    dateKind: 'event',
    modality: 'asserted',
    mentionCount: 1,
    reportedAt: null,
    location: null,
    sourceUrl: null,
    attrs: {
      supplier: f[C.supplier].trim(), recipient: f[C.recipient].trim(),
      orderYear: Number(orderYear), orderYearUncertain: f[C.orderFlag].trim() === '?',
      deliveryYears: years.map(Number),
      numberOrdered: ordered, numberOrderedUncertain: f[C.orderedFlag].trim() === '?',
      numberDelivered: delivered, numberDeliveredUncertain: f[C.deliveredFlag].trim() === '?',
      weapon: f[C.designation].trim(), description: f[C.description].trim(),
      status: f[C.status].trim() || null, comments: f[C.comments].trim() || null,
      tivPerUnit: tivUnit, tivOrder, tivDelivered,
    },
  };
  return { line, kind: 'event', value: ev };
}

export async function* parseSipri(stream: Readable): AsyncGenerator<ParsedRow[]> {
  let header = false;
  const seen = new Map<string, number>();
  // A raw line break inside Comments splits a deal over two lines (two such deals in the
  // 2024 register); the halves are joined when their fields add up to one row.
  let pending: CsvRecord | null = null;
  const keyOf = (f: string[]) => {
    const h = createHash('sha1').update(f.map((x) => x.trim()).join('\u001f')).digest('hex').slice(0, 20);
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    return n === 1 ? h : `${h}#${n}`;
  };
  const deal = (r: CsvRecord): ParsedRow => guard(r.line, () => {
    if (r.fields.length !== WIDTH) fail(`expected ${WIDTH} columns, found ${r.fields.length}`);
    return sipriDeal(r.fields, r.line, keyOf(r.fields));
  });
  let lineCount = 0;
  for await (const records of readCsv(stream, { encoding: 'latin1' })) {
    const out: ParsedRow[] = [];
    for (const r of records) {
      lineCount = r.line;
      if (!header) {
        if (r.fields[0]?.trim() === 'Recipient' && r.fields[1]?.trim() === 'Supplier') header = true;
        else if (r.line > 50) throw new EntenteError('BAD_FORMAT', 'not a SIPRI trade register (no "Recipient,Supplier,..." header in the first 50 lines)');
        continue;
      }
      if (pending) {
        const p: CsvRecord = pending;
        pending = null;
        if (p.fields.length + r.fields.length - 1 === WIDTH) {
          const joined = [...p.fields.slice(0, -1), `${p.fields.at(-1)}\n${r.fields[0]}`, ...r.fields.slice(1)];
          out.push(deal({ fields: joined, line: p.line }));
          continue;
        }
        out.push(deal(p));
      }
      if (r.fields.length < WIDTH) pending = r;
      else out.push(deal(r));
    }
    yield out;
  }
  if (pending) yield [deal(pending)];
  if (!header) throw new EntenteError('BAD_FORMAT', `not a SIPRI trade register (no "Recipient,Supplier,..." header in ${lineCount} lines)`);
}
