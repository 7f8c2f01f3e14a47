// Roles through the whole pipeline (real actor registry), one sentence per case.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../pipeline.js';

const events = (text: string, published = '2024-05-01') =>
  extractDocument(text, { published }).events.map((e) => `${e.type} ${e.source.code}>${e.target?.code ?? '-'}`);

describe('assignRoles', () => {
  it.each([
    ['active voice', 'Germany invaded Poland in 1939.', 'ASSAULT DEU>POL'],
    ['passive with an agent', 'Poland was invaded by Germany in 1939.', 'ASSAULT DEU>POL'],
    ['reduced passive "X, backed by Y"', 'South Korea, backed by the United States, held firm.', 'SUPPORT USA>KOR'],
    ['coordinated subject meets', 'China and Russia held talks in Beijing.', 'CONSULT CHN>RUS'],
    ['possessive nominal event', 'Russia’s invasion of Ukraine shocked Europe.', 'ASSAULT RUS>UKR'],
    ['prepositional recipient', 'Japan imposed sanctions on North Korea.', 'SANCTION JPN>PRK'],
    ['phrase with the target inside', 'Moscow cut off North Korean aid in 1990.', 'SANCTION SUN>PRK'],
    ['control verb: the object acts', 'Beijing invited Vladimir Putin to visit China.', 'REQUEST CHN>RUS'],
    ['relative clause subject', 'Israel, which attacked Iran, was condemned.', 'ASSAULT ISR>IRN'],
    ['apposition target', 'Russia sought support from its old ally, North Korea.', 'REQUEST RUS>PRK'],
    ['pronoun source', 'North Korea tested a rocket. It also fired missiles at Japan.', 'ASSAULT PRK>JPN'],
    ['surname after the full name', 'Kim Jong Un arrived. Kim praised Russia.', 'SUPPORT PRK>RUS'],
    ['an intent noun owns its infinitive', 'Japan condemned the DPRK’s decision to deploy troops to Russia.', 'MOBILIZE PRK>RUS'],
    ['a gerund takes its between-pair', 'Deepening military cooperation between the DPRK and Russia is egregious.', 'COOPERATE PRK>RUS'],
    ['a list subject: the next conjunct is the partner', 'Japan, South Korea, and the United States convened in Lima.', 'CONSULT JPN>KOR'],
    ['the subject of a clause after "after"', 'The move came a day after Beijing protested a flyover by a US spy plane.', 'ACCUSE CHN>USA'],
    ['a statement about the subject of its that-clause', 'Abe warned that North Korea has miniaturised warheads.', 'ACCUSE JPN>PRK'],
    ['a reduced passive with an agent', 'He met relatives of Japanese citizens abducted by North Korean agents.', 'COERCE PRK>-'],
    ['a vow to attack is a threat', 'Trump vowed to “totally destroy” North Korea.', 'THREATEN USA>PRK'],
    ['soldiers fight with no named enemy in a place', 'American soldiers are fighting a bitter campaign in Korea.', 'ASSAULT USA>-'],
    ['the sanctioned party is the subject of "subject to"', 'North Korea is subject to multiple UN Security Council sanctions.', 'SANCTION UN>PRK'],
    ['"and it" continues the clause subject', 'The US rejected China’s claims, and it has pressed Vietnam to act.', 'REQUEST USA>VNM'],
    ['a request to unnamed parties', 'Trump called on countries around the world to isolate Pyongyang.', 'REQUEST USA>-'],
  ])('%s', (_name, text, want) => {
    expect(events(text)).toContain(want);
  });

  it.each([
    ['a nominal reference is not a mention', 'The war in Ukraine exhausted supplies.'],
    ['a statement of proximity is not an event', 'The peninsula’s proximity to Russia made it valuable.'],
    ['an attack on no one named is not an event', 'The attack ended quickly.'],
    ['a passive with no agent names no source', 'Kyiv was bombed overnight.'],
    ['a purpose clause is part of the main event', 'Troops crossed the river to attack Ukraine.'],
    ['an attitude adjective is not an actor', 'The party purged pro-Soviet factions.'],
    ['a hyphenated participle is not a verb', 'Kiev can use U.S.-supplied weapons.'],
    ['a link to another story is not this text', 'Related Story US blacklists Chinese firms amid dispute'],
  ])('must not: %s', (_why, text) => {
    expect(events(text)).toEqual([]);
  });

  it('a nominal event in a fronted phrase belongs to the main subject (either order of a symmetric pair)', () => {
    const got = events('In talks in Washington last month, U.S. Vice President Mike Pence and Japanese Finance Minister Taro Aso failed to agree.');
    expect(got.some((e) => e === 'CONSULT USA>JPN' || e === 'CONSULT JPN>USA')).toBe(true);
  });

  it('must not: discussing a deployment is not deploying', () => {
    expect(events('Moscow and Pyongyang clearly discussed the deployment.')).toEqual(['CONSULT RUS>PRK']);
  });
});
