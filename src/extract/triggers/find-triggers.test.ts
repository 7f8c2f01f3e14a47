import { describe, expect, it } from 'vitest';
import { tokenize } from '../sentences/tokenize.js';
import { findTriggers } from './find-triggers.js';
import { inflect } from './inflect.js';

const triggers = (s: string) => {
  const toks = tokenize(s);
  return findTriggers(toks).map((t) => `${t.type}:${toks.slice(t.first, t.last + 1).map((x) => x.text).join(' ')}`);
};

describe('inflect', () => {
  it.each([
    ['invade', ['invade', 'invades', 'invaded', 'invading']],
    ['ally', ['ally', 'allies', 'allied', 'allying']],
    ['agree', ['agree', 'agrees', 'agreed', 'agreeing']],
    ['fight', ['fight', 'fights', 'fought', 'fighting']],
    ['freeze', ['freezes', 'froze', 'frozen', 'freezing']],
    ['hit', ['hits', 'hit', 'hitting']],
    ['withhold', ['withholds', 'withheld', 'withholding']],
    ['overthrow', ['overthrew', 'overthrown']],
    ['relay', ['relays', 'relayed']],
  ])('%s', (lemma, forms) => {
    expect(inflect(lemma)).toEqual(expect.arrayContaining(forms));
  });

  it('does not read a regular verb as a prefixed irregular one', () => {
    expect(inflect('relay')).not.toContain('relaid');
  });
});

describe('findTriggers', () => {
  it.each([
    ['Germany invaded Poland.', ['ASSAULT:invaded']],
    ['Troops marched into the capital.', ['ASSAULT:marched into']],
    ['Moscow cut off North Korean aid.', ['SANCTION:cut off North Korean aid']],
    ['The invasion of Iraq began.', ['ASSAULT:invasion']],
    ['It imposed sanctions against Iran.', ['SANCTION:imposed sanctions']],
    ['They pledged support for Kyiv.', ['SUPPORT:pledged support']],
    ['The leaders will hold talks in Geneva.', ['CONSULT:hold talks']],
    ['Both sides signed a treaty.', ['AGREE:signed a treaty']],
    ['The army fired missiles at the base.', ['ASSAULT:fired missiles']],
    ['France condemned the attack.', ['ACCUSE:condemned', 'ASSAULT:attack']],
    ['Washington deployed two carriers.', ['MOBILIZE:deployed']],
    ['the process of rapprochement', ['COOPERATE:rapprochement']],
    ['Pyongyang sent thousands of troops to Kursk.', ['AID:sent thousands of troops']],
    ['The leaders convened in Lima.', ['CONSULT:convened']],
    ['Beijing protested the flyover.', ['ACCUSE:protested', 'MOBILIZE:flyover']],
    ['Israel launched strikes on Beirut.', ['ASSAULT:strikes']],
    ["Iran's seizure of a tanker", ['COERCE:seizure']],
    ['Abe pointed the finger at North Korea.', ['ACCUSE:pointed the finger at']],
    ['China conducted missile tests in July.', ['MOBILIZE:conducted missile tests']],
    ['You put real pressure on Russia.', ['COERCE:put real pressure on']],
    ['Kim called Trump “mentally deranged.”', ['ACCUSE:called Trump “']],
    ['Troops fired from tanks at the plant.', ['ASSAULT:fired from tanks at']],
    ['The US blacklisted the firms.', ['SANCTION:blacklisted']],
    ['They shared intelligence with Seoul.', ['COOPERATE:shared intelligence']],
  ])('%s', (s, want) => {
    expect(triggers(s)).toEqual(want);
  });

  it.each([
    ['a verb after a determiner is a noun', 'Its support was welcome.'],
    ['a capitalised name is not a verb', 'The Strike Group sailed home.'],
    ['words that merely look like events', 'The peninsula’s proximity to Russia matters.'],
    ['dating back is not backing', 'Their ties date back to the 1940s.'],
    ['a hyphenated participle is not a verb', 'They used U.S.-supplied rifles.'],
    ['a noun form after a subject pronoun is a verb', 'Ukraine acts as it exercises its right.'],
  ])('must not: %s', (_why, s) => {
    expect(triggers(s).filter((t) => !t.startsWith('ASSAULT:War'))).toEqual([]);
  });
});
