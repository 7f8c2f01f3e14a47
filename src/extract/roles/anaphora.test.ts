import { describe, expect, it } from 'vitest';
import { tokenize } from '../sentences/tokenize.js';
import { anaphorTypes } from './anaphora.js';
import type { Trigger } from '../types.js';

const at = (text: string, word: string) => {
  const tokens = tokenize(text);
  const k = tokens.findIndex((x) => x.lower === word);
  return anaphorTypes(tokens, { first: k, last: k } as Trigger);
};

describe('anaphorTypes', () => {
  it('reads a definite event noun after the trigger, past a preposition and adjectives', () => {
    expect([...at('Eritrea dismissed the claim.', 'dismissed')!]).toContain('ACCUSE');
    expect([...at('Egypt warned against this dangerous new operation.', 'warned')!]).toContain('ASSAULT');
  });
  it('needs a determiner and an event noun', () => {
    expect(at('Eritrea dismissed claims.', 'dismissed')).toBeNull();
    expect(at('Egypt condemned the weather.', 'condemned')).toBeNull();
    expect(at("Egypt condemned Israel's operation.", 'condemned')).toBeNull();
  });
});
