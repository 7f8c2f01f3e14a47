import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EntenteError } from '../domain/index.js';
import { listActors } from './index.js';
import { registry } from './registry.js';
import { parseTsv, dateField } from './tsv.js';

describe('registry data', () => {
  const reg = registry();

  it('holds every kind of actor', () => {
    const kinds = new Map<string, number>();
    for (const a of listActors()) kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
    expect(kinds.get('state')).toBeGreaterThanOrEqual(195);
    expect(kinds.get('historical-state')).toBeGreaterThanOrEqual(5);
    expect(kinds.get('igo')).toBeGreaterThanOrEqual(30);
    expect(kinds.get('collective')).toBe(1);
    expect(kinds.get('person')).toBeGreaterThanOrEqual(300);
    expect(kinds.get('force')).toBeGreaterThanOrEqual(10);
    expect(kinds.get('media')).toBeGreaterThanOrEqual(20);
  });

  it('gives every person at least one office, each ending after it starts', () => {
    for (const p of reg.people.values()) {
      expect(p.offices.length, p.id).toBeGreaterThan(0);
      for (const o of p.offices) if (o.to) expect(o.to >= o.from, `${p.id} ${o.from}–${o.to}`).toBe(true);
    }
  });

  it('never has two holders of one single-holder office at once (beyond a handover day)', () => {
    const SINGLE = /^(President|Prime Minister|Premier|Chancellor|Emperor|King|Queen|Foreign Minister|Defence Minister|Secretary of State|Secretary of Defense|Supreme Leader)$/;
    const byOffice = new Map<string, { id: string; from: string; to: string }[]>();
    for (const p of reg.people.values()) {
      for (const o of p.offices) {
        const title = o.title === 'Queen' || o.title === 'King' ? 'Monarch' : o.title;
        if (!SINGLE.test(o.title)) continue;
        const k = `${o.code} ${title}`;
        byOffice.set(k, [...(byOffice.get(k) ?? []), { id: p.id, from: o.from, to: o.to ?? '9999' }]);
      }
    }
    const clashes: string[] = [];
    for (const [k, list] of byOffice) {
      list.sort((a, b) => a.from.localeCompare(b.from));
      let last = list[0];
      for (const cur of list.slice(1)) {
        // Starting on the day the predecessor left is a handover, not a clash.
        if (cur.from < last.to) clashes.push(`${k}: ${last.id} to ${last.to}, ${cur.id} from ${cur.from}`);
        if (cur.to > last.to) last = cur;
      }
    }
    expect(clashes).toEqual([]);
  });

  it('cites a source in the header of every data file', () => {
    const dir = new URL('./data/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.tsv'));
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const f of files) {
      const header = readFileSync(new URL(f, dir), 'utf8').split('\n').filter((l) => l.startsWith('#')).join('\n');
      expect(header, f).toMatch(/source/i);
    }
  });

  it('resolves every office to a registry code', () => {
    for (const p of reg.people.values()) for (const o of p.offices) expect(reg.entries.has(o.code), `${p.id} ${o.code}`).toBe(true);
  });
});

describe('data file errors', () => {
  const bad: [string, string, RegExp][] = [
    ['missing column', '# c\nid\tname\nX\tY\n', /t\.tsv:2: header lacks column "alias"/],
    ['empty required field', 'id\talias\nX\t\n', /t\.tsv:2: field "alias" is empty/],
    ['too many fields', 'id\talias\nX\tY\tZ\n', /t\.tsv:2: 3 fields, header has 2/],
  ];
  it.each(bad)('%s → BAD_FORMAT naming file, line and field', (_n, text, msg) => {
    try {
      parseTsv(text, 't.tsv', ['id', 'alias']);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EntenteError);
      expect((e as EntenteError).code).toBe('BAD_FORMAT');
      expect((e as Error).message).toMatch(msg);
    }
  });

  it('rejects a date that is not ISO', () => {
    const [row] = parseTsv('id\tfrom\nX\t12/05/1999\n', 't.tsv', ['id']);
    expect(() => dateField(row, 'from', 't.tsv')).toThrow(/t\.tsv:2: field "from" is not an ISO date/);
    const [ok] = parseTsv('id\tfrom\nX\t1999-05\n', 't.tsv', ['id']);
    expect(dateField(ok, 'from', 't.tsv')).toBe('1999-05');
  });
});
