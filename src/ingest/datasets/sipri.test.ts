import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../../../test/cli.js';
import iconv from 'iconv-lite';
import { parseSipri, sipriParty } from './sipri.js';
import type { ParsedRow } from './rows.js';

const preamble = Array.from({ length: 11 }, (_, i) => (i === 8 ? '' : `note ${i + 1} on the register's 'conventions'`)).join('\n');
const header = 'Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons';

async function rows(lines: string[]): Promise<ParsedRow[]> {
  const bytes = iconv.encode([preamble, header, ...lines].join('\n') + '\n', 'latin1');
  const out: ParsedRow[] = [];
  for await (const chunk of parseSipri(Readable.from([bytes]))) out.push(...chunk);
  return out;
}

describe('SIPRI trade register', () => {
  it.each([['Soviet Union', 'SUN'], ['Russia', 'RUS'], ['North Korea', 'PRK'], ['United Nations**', 'UN'], ['NATO**', 'NATO']])('maps the party %s to %s', (name, code) => {
    expect(sipriParty(name)).toBe(code);
  });
  it.each([['Hezbollah (Lebanon)*'], ['unknown supplier(s)'], ['Libya HoR*']])('must not map the non-state party %s', (name) => {
    expect(sipriParty(name)).toBeNull();
  });

  it('makes an AID/arms event from supplier to recipient over the order and delivery years', async () => {
    const [r] = await rows(['Afghanistan,Soviet Union,1977,?,26,,AI-25,turbofan,26,?,1977; 1978,New,For 26 L-39 trainer aircraft; Titan version,0.6,15.6,15.6']);
    expect(r).toMatchObject({
      line: 13, kind: 'event',
      value: {
        origin: 'sipri', type: 'AID', mode: 'arms', sources: ['SUN'], targets: ['AFG'],
        date: { start: '1977', end: '1978', granularity: 'range' },
        attrs: { weapon: 'AI-25', description: 'turbofan', numberOrdered: 26, numberDelivered: 26, orderYearUncertain: true, tivOrder: 15.6, deliveryYears: [1977, 1978] },
      },
    });
  });

  it('covers order and deliveries in every deal of the register, the five with deliveries before the order year included', async () => {
    let early = 0;
    let events = 0;
    for await (const chunk of parseSipri(createReadStream(join(sharedDir, 'data/sipri/trade-register.csv')))) {
      for (const r of chunk) {
        if (r.kind !== 'event') continue;
        events++;
        const years = [Number(r.value.attrs.orderYear), ...(r.value.attrs.deliveryYears as number[])];
        expect([Number(r.value.date!.start), Number(r.value.date!.end)]).toEqual([Math.min(...years), Math.max(...years)]);
        if (Math.min(...years) < Number(r.value.attrs.orderYear)) early++;
      }
    }
    expect(events).toBe(27951);
    expect(early).toBe(5);
  }, 120_000);

  it('decodes Latin-1 and keeps identical deals distinct', async () => {
    const line = 'Côte d\'Ivoire,France,1961,,2,,MH-1521 Broussard,light transport aircraft,2,,1961,New,Aid,0.1,0.2,0.2';
    const out = await rows([line, line]);
    expect(out.map((r) => r.kind)).toEqual(['event', 'event']);
    const [a, b] = out.map((r) => (r.kind === 'event' ? r.value : null));
    expect(a?.targets).toEqual(['CIV']);
    expect(a?.attrs.recipient).toBe('Côte d\'Ivoire');
    expect(a?.externalId).not.toBe(b?.externalId);
  });

  it('joins a deal split over two lines by a raw line break in Comments', async () => {
    const out = await rows([
      'Thailand,Ukraine,2008,,14,,BTR-3,APC,13,?,2010; 2012,New,Part of a deal; delivery delayed',
      ',0.25,3.5,3.25',
      'Zimbabwe,China,2004,?,10,?,Type-85,APC,10,?,2004,New,,0.3,3,3',
    ]);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ line: 13, kind: 'event', value: { attrs: { comments: 'Part of a deal; delivery delayed', tivPerUnit: 0.25, tivDelivered: 3.25 } } });
    expect(out[1]).toMatchObject({ line: 15, kind: 'event' });
  });

  it('reports a bad year by line and field', async () => {
    const out = await rows(['Zimbabwe,China,20x4,?,10,?,Type-85,APC,10,?,2004,New,,0.3,3,3']);
    expect(out[0]).toMatchObject({ line: 13, kind: 'error', message: expect.stringMatching(/Year of order/) });
  });
});
