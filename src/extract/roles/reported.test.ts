import { describe, expect, it } from 'vitest';
import { tokenize } from '../sentences/tokenize.js';
import { findTriggers } from '../triggers/find-triggers.js';
import { posTags } from '../grammar/pos-tags.js';
import { askedFor, included } from './reported.js';

function read(text: string) {
  const tokens = tokenize(text);
  const triggers = findTriggers(tokens, posTags(text, tokens));
  return { tokens, triggers, at: (word: string) => triggers.find((t) => tokens[t.first].lower === word)! };
}

describe('askedFor', () => {
  it('takes what a request asks of its addressee as no event', () => {
    const s = read('Iran demanded the United States withdraw its troops from Iraq.');
    expect(askedFor(s.tokens, s.triggers, s.at('withdraw'), [])).toBe(true);
  });
  it('keeps an act told in a clause of its own', () => {
    const s = read('Iran demanded talks, and the United States withdrew its troops from Iraq.');
    expect(askedFor(s.tokens, s.triggers, s.at('withdrew'), [])).toBe(false);
  });
});

describe('included', () => {
  const roles = { source: { first: 0, last: 0, code: 'PRK', name: 'DPRK', kind: 'state', possessive: false, via: 'registry' }, target: null, rule: 'between', linkModality: null };
  it('gives a listed nominal event the parties of the event it is part of', () => {
    const s = read('Military cooperation between the DPRK and Russia, including missile transfers, grew.');
    const first = s.triggers[0];
    expect(included(s.tokens, s.at('transfers'), { t: first, roles })?.source.code).toBe('PRK');
  });
  it('not after a speech act, whose list names what it is about', () => {
    const s = read('Japan condemned the DPRK, including its missile transfers.');
    expect(included(s.tokens, s.at('transfers'), { t: s.at('condemned'), roles })).toBeNull();
  });
});
