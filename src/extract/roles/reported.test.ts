import { describe, expect, it } from 'vitest';
import { tokenize } from '../sentences/tokenize.js';
import { findTriggers } from '../triggers/find-triggers.js';
import { posTags } from '../grammar/pos-tags.js';
import { ActorContext } from '../actors/find-actors.js';
import { askedFor, included, modalBy } from './reported.js';

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

describe('modalBy', () => {
  const withVoice = (code: string | null) => {
    const ctx = new ActorContext();
    if (code) ctx.voice = { first: 0, last: 0, code, name: code, kind: 'state', possessive: false, via: 'voice' };
    return ctx;
  };
  const actor = (s: ReturnType<typeof read>, word: string, code: string) => {
    const k = s.tokens.findIndex((x) => x.text === word);
    return { first: k, last: k, code, name: word, kind: 'state', possessive: false, via: 'registry' };
  };
  it("is a request by the text's voice to the subject", () => {
    const s = read('Germany should stop meddling.');
    const r = modalBy(s.at('should'), s.tokens, [actor(s, 'Germany', 'DEU')], s.triggers, withVoice('PRK'), -1);
    expect([r?.source.code, r?.target?.code]).toEqual(['PRK', 'DEU']);
  });
  it('is no event without a voice, for the voice itself, or for a passive', () => {
    let s = read('Germany should stop meddling.');
    expect(modalBy(s.at('should'), s.tokens, [actor(s, 'Germany', 'DEU')], s.triggers, withVoice(null), -1)).toBeNull();
    expect(modalBy(s.at('should'), s.tokens, [actor(s, 'Germany', 'DEU')], s.triggers, withVoice('DEU'), -1)).toBeNull();
    s = read('Taiwan should not be used as a base.');
    expect(modalBy(s.at('should'), s.tokens, [actor(s, 'Taiwan', 'TWN')], s.triggers, withVoice('USA'), -1)).toBeNull();
  });
});
