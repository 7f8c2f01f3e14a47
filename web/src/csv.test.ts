import { describe, expect, it } from 'vitest';
import { csvCell, eventsCsv } from './csv.js';
import type { EventRecord } from './api.js';

describe('csvCell', () => {
  const cases: Array<[unknown, string]> = [
    ['RUS', 'RUS'],
    [17, '17'],
    [-3.5, '-3.5'],
    [null, ''],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    // must not hand a spreadsheet a formula
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['+1+2', "'+1+2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['-cmd', "'-cmd"],
  ];
  for (const [v, want] of cases) it(JSON.stringify(v), () => expect(csvCell(v)).toBe(want));
});

describe('eventsCsv', () => {
  it('writes a header and one row per event', () => {
    const e: EventRecord = {
      id: '7', origin: 'curated', externalId: null, type: 'AGREE', mode: 'treaty', sources: ['RUS'], targets: ['PRK', 'CHN'],
      date: { start: '2024-06-19', end: '2024-06-19', granularity: 'day' }, dateKind: 'event', modality: 'asserted', mentionCount: 1,
      disputed: false, status: 'extracted', intensity: 8, firstReported: null, lastReported: null, location: null, attrs: {},
      sourceUrl: 'https://example.org/a,b', summary: '=cmd: Moscow and Pyongyang sign a treaty',
    };
    const lines = eventsCsv([e, { ...e, id: '8', date: null }]).split('\r\n');
    expect(lines[0]).toBe('id,date_start,date_end,granularity,type,mode,sources,targets,modality,origin,status,mentions,disputed,intensity,summary,source_url');
    expect(lines[1]).toBe('7,2024-06-19,2024-06-19,day,AGREE,treaty,RUS,PRK;CHN,asserted,curated,extracted,1,false,8,\'=cmd: Moscow and Pyongyang sign a treaty,"https://example.org/a,b"');
    expect(lines[2]).toBe('8,,,,AGREE,treaty,RUS,PRK;CHN,asserted,curated,extracted,1,false,8,\'=cmd: Moscow and Pyongyang sign a treaty,"https://example.org/a,b"');
    expect(lines).toHaveLength(4);
  });
});
