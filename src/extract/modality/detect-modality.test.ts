import { describe, expect, it } from 'vitest';
import { tokenize } from '../sentences/tokenize.js';
import { findTriggers } from '../triggers/find-triggers.js';
import { detectModality } from './detect-modality.js';
import { findAttribution } from './find-attribution.js';

const modality = (s: string) => {
  const toks = tokenize(s);
  const t = findTriggers(toks).at(-1)!;
  return detectModality(toks, t).modality;
};

describe('detectModality', () => {
  it.each([
    ['Russia invaded Ukraine.', 'asserted'],
    ['Russia may invade Ukraine.', 'speculative'],
    ['Russia reportedly attacked the convoy.', 'speculative'],
    ['If Russia attacks Ukraine, sanctions follow.', 'conditional'],
    ['Unless Moscow withdraws, NATO will attack Russia.', 'conditional'],
    ['Russia did not attack Ukraine.', 'negated'],
    ["Russia didn't attack Ukraine.", 'negated'],
    ['Moscow denied attacking the convoy.', 'negated'],
    ['China refused to condemn Russia.', 'negated'],
    ['Japan scrapped a plan to deploy missiles.', 'negated'],
    ['Russia will attack Ukraine.', 'intended'],
    ['Japan plans to deploy troops.', 'intended'],
    ['It is unclear whether Russia will attack.', 'question'],
    ['Will Russia attack Ukraine?', 'question'],
  ])('%s → %s', (s, want) => {
    expect(modality(s)).toBe(want);
  });

  it.each([
    ['"not only … but also" is not negation', 'Russia not only attacked Ukraine but also Georgia.'],
    ['a hedge in another clause does not reach', 'Experts may disagree; Russia attacked Ukraine.'],
  ])('must not: %s', (_why, s) => {
    expect(modality(s)).toBe('asserted');
  });
});

describe('findAttribution', () => {
  it.each([
    ['Pyongyang fired missiles, the JCS said.', 'the JCS'],
    ['According to Western officials, troops crossed the border.', 'Western officials'],
    ['KCNA said the troops fought bravely.', 'KCNA'],
  ])('%s', (s, name) => {
    expect(findAttribution(tokenize(s), [], s)?.attribution.name).toBe(name);
  });

  it('must not attribute a sentence without a speaker', () => {
    expect(findAttribution(tokenize('Russia invaded Ukraine in 2022.'), [], 'Russia invaded Ukraine in 2022.')).toBeNull();
  });
});
