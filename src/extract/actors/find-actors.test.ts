import { describe, expect, it } from 'vitest';
import { tokenize } from '../sentences/tokenize.js';
import { splitSentences } from '../sentences/split-sentences.js';
import { ActorContext, findActors } from './find-actors.js';

/** Actors of every sentence of a text, as "name=CODE" in order. */
function actors(text: string, date = '2023-09-25'): string[] {
  const ctx = new ActorContext();
  return [...splitSentences(text)].flatMap((s) => findActors(s.text, tokenize(s.text), date, s.index, ctx).map((a) => `${a.name}=${a.code}`));
}

describe('findActors', () => {
  it.each([
    ['a surname links to the full name', 'Kim Jong Un left. Kim arrived in Russia.', 'Kim=PRK'],
    ['he → the last person', 'Putin spoke. He warned Japan.', 'He=RUS'],
    ['its → the last state', 'Japan met China. Its navy sailed.', 'Its=CHN'],
    ['"the North" after North Korea', 'North Korea fired. The North denied it.', 'the North=PRK'],
    ['"the South" after South Korea', 'South Korea protested. Later the South relented.', 'the South=KOR'],
    ['the office holder of a state', 'The President of Russia spoke.', 'The President of Russia=RUS'],
    ['"the two leaders" names the pair', 'Putin called Biden. Putin and Biden spoke. The two leaders agreed.', 'The two leaders=RUS'],
    ['UN organs report as the UN', 'The UN Security Council met.', 'UN Security Council=UN'],
    ['"we" after the speaker names their office', 'It is an honour for me, the President of Ukraine, to speak. Russia attacked our cities.', 'our=UKR'],
    ['"I" is the speaker too', 'It is an honour for me, the President of Ukraine, to speak. I thank Japan.', 'I=UKR'],
    ['"you" is the audience a speech greets', 'Dear Japanese people! It is an honour for me, the President of Ukraine, to address you.', 'you=JPN'],
    ['"we" in a joint statement names its signatories', 'We, the leaders of Japan and the United States, met today.', 'We=JPN'],
    ['first person in an attributed quotation is the quoted speaker', '“Do not try us,” Trump told North Korea.', 'us=USA'],
    ['"the administration" is the government named last', 'President Biden spoke. The administration imposed tariffs.', 'the administration=USA'],
    ['a region stands for its state', 'Russian troops shelled Kherson.', 'Kherson=UKR'],
    ['a city of the gazetteer stands for its state', 'Drones struck Kharkiv overnight.', 'Kharkiv=UKR'],
    ['an armed group keeps its own code', 'Hezbollah fired rockets at northern Israel.', 'Hezbollah=HEZBOLLAH'],
    ['a generic agent with a state adjective', 'Kenyan police arrived in Haiti.', 'Kenyan police=KEN'],
  ])('%s', (_name, text, want) => {
    expect(actors(text)).toContain(want);
  });

  it.each([
    ['a dateline city is not an actor', 'SEOUL (AFP) - Talks began.', 'SEOUL'],
    ['part of a hyphenated word is not an actor', 'The Russian-American summit ended.', 'Russian'],
    ['a pronoun too far from its antecedent stays unresolved', 'Putin spoke. Rain fell. Snow fell. Wind rose. Fog came. He left.', 'He'],
    ['"we" stays unresolved when the speaker never names themself', 'We thank Japan. Russia attacked our cities.', 'our'],
    ['"you" in a news report has no audience', 'Trump spoke. “You are in danger,” he said.', 'You'],
    ['a roman numeral is not the speaker', 'It is an honour for me, the President of Ukraine, to speak. Article I applies.', 'I'],
    ['an unattributed quotation keeps its first person unresolved', 'The sign read “we will win”.', 'we'],
    ['a city after "in" is where, not who', 'Abe mourned the victims of a gunman in Texas.', 'Texas'],
    ['a region after "in the" is where, not who', 'Fighting continued in the Gaza Strip.', 'Gaza Strip'],
  ])('must not: %s', (_why, text, name) => {
    expect(actors(text).some((a) => a.startsWith(`${name}=`))).toBe(false);
  });
});
