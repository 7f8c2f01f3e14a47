import { describe, expect, it } from 'vitest';
import { queryString } from './api.js';

describe('queryString', () => {
  const cases: Array<[string, Parameters<typeof queryString>[0], string]> = [
    ['nothing', undefined, ''],
    ['scalars', { actor: 'RUS', limit: 200, offset: 0 }, '?actor=RUS&limit=200&offset=0'],
    ['lists become comma lists', { modality: ['asserted', 'speculative'] }, '?modality=asserted%2Cspeculative'],
    ['must not send empty values or empty lists', { actor: '', with: undefined, from: null, type: [] }, ''],
    ['encodes what needs it', { q: 'Kim & Putin' }, '?q=Kim+%26+Putin'],
  ];
  for (const [name, q, want] of cases) it(name, () => expect(queryString(q)).toBe(want));
});
