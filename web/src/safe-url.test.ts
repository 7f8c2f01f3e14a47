import { describe, expect, it } from 'vitest';
import { safeUrl } from './safe-url.js';

describe('safeUrl', () => {
  const cases: Array<[string, string | undefined]> = [
    ['https://en.wikipedia.org/wiki/Vostochny_Cosmodrome', 'https://en.wikipedia.org/wiki/Vostochny_Cosmodrome'],
    ['http://example.org/a?b=1', 'http://example.org/a?b=1'],
    // must not link
    ['javascript:alert(1)', undefined],
    [' JavaScript:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['vbscript:msgbox(1)', undefined],
    ['/relative/path', undefined],
    ['not a url', undefined],
  ];
  for (const [input, want] of cases) it(JSON.stringify(input), () => expect(safeUrl(input)).toBe(want));
});
