import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.js';

const bytes = (...xs: Array<number | string>) => new Uint8Array(xs.flatMap((x) => (typeof x === 'string' ? [...Buffer.from(x, 'utf8')] : [x])));

describe('decodeText', () => {
  const ok: Array<[string, Uint8Array, string]> = [
    ['plain ASCII', bytes('Russia attacked.'), 'Russia attacked.'],
    ['a byte-order mark is dropped', bytes(0xef, 0xbb, 0xbf, 'Kim met Putin.'), 'Kim met Putin.'],
    ['CRLF and CR become LF', bytes('a\r\nb\rc'), 'a\nb\nc'],
    ['non-Latin scripts and curly quotes are text', bytes('Ким Чен Ын — “sacred fight”, 김정은'), 'Ким Чен Ын — “sacred fight”, 김정은'],
    ['tabs and form feeds are text', bytes('a\tb\fc'), 'a\tb\fc'],
  ];
  for (const [name, input, want] of ok) it(name, () => expect(decodeText(input, 'f.txt')).toBe(want));

  const bad: Array<[string, Uint8Array, RegExp]> = [
    ['NUL bytes (binary)', bytes('abc', 0, 'def'), /f\.txt: not text/],
    ['a PNG header', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'IHDR'), /not text/],
    ['invalid UTF-8 after a valid sentence', bytes('Russia attacked. ', 0xff, 0xfe, 'x'), /not UTF-8 text \(invalid byte at offset 17\)/],
    ['Latin-1 text is not guessed at', bytes('caf', 0xe9, ' au lait'), /not UTF-8/],
  ];
  for (const [name, input, msg] of bad) {
    it(`refuses ${name}`, () => {
      expect(() => decodeText(input, 'f.txt')).toThrow(msg);
      try {
        decodeText(input, 'f.txt');
      } catch (e) {
        expect((e as { code: string }).code).toBe('NOT_TEXT');
      }
    });
  }
});
