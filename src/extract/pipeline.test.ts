// The whole pipeline: every mention validates against the spec's schema, evidence slices
// the text, and the seed article scores above the bar with the shared scorer.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { EventMentionSchema } from '../domain/index.js';
import { extractDocument, extractStream } from './index.js';
import { sharedDir } from '../../test/cli.js';

const seedText = readFileSync(join(sharedDir, 'corpus/seed-russia-korean-peninsula.txt'), 'utf8');
const fixtures = join(import.meta.dirname, '../../test/fixtures');

function score(gold: string, events: unknown[], text?: string): Record<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'extract-'));
  const pred = join(dir, 'pred.json');
  writeFileSync(pred, JSON.stringify({ events }));
  const args = [join(sharedDir, 'eval/score.mjs'), gold, pred, '--json', ...(text ? ['--text', text] : [])];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('extractDocument', () => {
  const r = extractDocument(seedText, { published: '2023-09-25', title: 'seed' });

  it('emits records that follow the spec, with evidence that slices the text', () => {
    expect(r.events.length).toBeGreaterThan(10);
    for (const e of r.events) {
      expect(EventMentionSchema.safeParse(e).success).toBe(true);
      expect(seedText.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
      expect(e.rule).toMatch(/^trigger:/);
    }
    expect(r.document).toMatchObject({ published: '2023-09-25', title: 'seed', length: seedText.length });
  });

  it('scores the seed article above the bar (F1 ≥ 0.9, dates and modality ≥ 0.9)', () => {
    const s = score(join(sharedDir, 'corpus/seed-russia-korean-peninsula.gold.json'), r.events);
    expect(s.f1).toBeGreaterThanOrEqual(0.9);
    expect(s.date_accuracy).toBeGreaterThanOrEqual(0.9);
    expect(s.modality_accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('clusters the repeated invasion mentions together', () => {
    const invasion = r.events.filter((e) => e.type === 'ASSAULT' && e.source.code === 'RUS' && e.target?.code === 'UKR');
    expect(invasion.length).toBeGreaterThanOrEqual(2);
    expect(new Set(invasion.map((e) => e.cluster)).size).toBe(1);
  });

  it('gives the same mentions streaming as at once', () => {
    const streamed = [...extractStream(seedText, { published: '2023-09-25' })];
    expect(streamed).toEqual(r.events);
  });

  it('records each stage in trace mode', () => {
    const t = extractDocument('Germany invaded Poland in 1939.', { published: null }, { trace: true });
    expect(new Set(t.trace!.map((x) => x.stage))).toEqual(new Set(['dates', 'actors', 'triggers', 'roles', 'modality', 'events']));
  });

  it('returns nothing for empty or whitespace text', () => {
    expect(extractDocument('', { published: null }).events).toEqual([]);
    expect(extractDocument(' \n\t\n', { published: null }).events).toEqual([]);
  });
});

describe('the shared development gold (../shared/corpus/dev, written to the codebook)', () => {
  // A floor under the measured figure (docs/extraction.md), so that a change that loses
  // mentions across the set fails here; it is not a target to tune to.
  /** Micro F1 and required mentions over a folder of gold files and their texts. */
  function microF1(goldDir: string, textDir: string): { f1: number; gold: number } {
    let tp = 0, fp = 0, matched = 0, gold = 0;
    for (const f of readdirSync(goldDir).filter((x) => x.endsWith('.gold.json'))) {
      const g = JSON.parse(readFileSync(join(goldDir, f), 'utf8')) as { document: string; published: string };
      const text = join(textDir, g.document);
      const s = score(join(goldDir, f), extractDocument(readFileSync(text, 'utf8'), { published: g.published }).events, text);
      tp += s.tp; fp += s.fp; matched += s.matched; gold += s.gold;
    }
    const p = tp / (tp + fp), rcl = matched / gold;
    return { f1: (2 * p * rcl) / (p + rcl), gold };
  }

  it('keeps micro F1 over the twelve news-eval texts at 0.65 or more', () => {
    const r = microF1(join(sharedDir, 'corpus/dev'), join(sharedDir, 'data/news-eval'));
    expect(r.gold).toBe(189);
    expect(r.f1).toBeGreaterThanOrEqual(0.65);
  });

  it('keeps micro F1 over the 30 texts of the genre gold at 0.5 or more', () => {
    const r = microF1(join(fixtures, 'genre-gold/gold'), join(fixtures, 'genre-gold/texts'));
    expect(r.gold).toBe(259);
    expect(r.f1).toBeGreaterThanOrEqual(0.5);
  });
});

describe('dates and modality of speech acts', () => {
  it('a named period after a speech act dates its topic, not the speech', () => {
    const [e] = extractDocument('Lula thanked China for its support during the COVID-19 pandemic.', { published: '2024-06-04' }).events;
    expect(e.type).toBe('SUPPORT');
    expect(e.date!.start >= '2024-05-01').toBe(true);
  });
  it('an undated plan in a report is the days ahead of publication', () => {
    const [e] = extractDocument('Trump will ask China to cut financial links with North Korea.', { published: '2017-11-08' }).events;
    expect(e.modality).toBe('intended');
    expect(e.date).toMatchObject({ start: '2017-11-08', end: '2017-11-15' });
  });
  it('a plan on a date with no year is the coming one', () => {
    const [e] = extractDocument('Foreign Minister Wang Yi will visit Canberra on February 9.', { published: '2025-03-12' }).events;
    expect(e.date).toMatchObject({ start: '2026-02-09' });
  });
  it('a date in a participle phrase dates the thing it describes, not the event', () => {
    const [e] = extractDocument('Saudi Arabia and Iran agreed to implement the security agreement signed in 2001.', { published: '2023-03-10' }).events;
    expect(e.date?.start).not.toBe('2001');
  });
  it("in a state agency's report an older date told before is background, not the date of what follows", () => {
    const text = 'Pyongyang, November 2 (KCNA) -- Kim Jong Un and Putin signed a treaty in June 2024. The foreign ministers of the DPRK and Russia agreed to hold more talks.';
    const agreed = extractDocument(text, { published: '2024-11-02' }).events.at(-1);
    expect(agreed?.date?.start.startsWith('2024-06')).toBe(false);
  });
  it("what a statement's own voice asks is dated the day it is issued", () => {
    const [e] = extractDocument('Statement by the Ministry of Foreign Affairs of Japan\n\nRussia must withdraw its troops from Ukraine.', { published: '2024-05-02' }).events;
    expect(e.date).toMatchObject({ start: '2024-05-02', end: '2024-05-02' });
  });
  it('an event named as a thing is not dated by the publication', () => {
    const [e] = extractDocument('The Ukrainian incursion into Russian territory in Kursk surprised Moscow.', { published: '2024-12-04' }).events;
    expect(e?.date ?? null).toBeNull();
  });
  it('"the same day" takes the last date the story told, past paragraphs and link lines', () => {
    const text = 'On Wednesday, Japan protested to China.\n\nTokyo also summoned the envoy.\n\nRelated Story Japan keeps up its defences\n\nThe same day, Japan signed a pact with India, which has a border dispute with China that turned deadly in June.';
    const signed = extractDocument(text, { published: '2020-09-11' }).events.find((e) => e.type === 'AGREE');
    expect(signed?.date).toMatchObject({ start: '2020-09-09', end: '2020-09-09' });
  });
  it('"is willing to" is an intention', () => {
    const [e] = extractDocument('China is willing to deepen cooperation with Brazil.', { published: '2024-06-04' }).events;
    expect(e.modality).toBe('intended');
  });
});

describe('breadth: the converted verb dictionary and the part-of-speech layer', () => {
  const events = (text: string) => extractDocument(text, { published: '2024-03-01' }).events
    .map((e) => `${e.type} ${e.source.code}->${e.target?.code ?? '-'}`);
  it.each([
    ['a verb only the CAMEO dictionary has', 'Kenya arrested two Somali fishermen.', 'COERCE KEN->SOM'],
    ['the target modifies the object noun', 'Pakistan detained two British aid workers.', 'COERCE PAK->GBR'],
    ['the target owns the object', 'Turkey threatened to block Sweden\'s NATO membership.', 'THREATEN TUR->SWE'],
    ['a speech act about a thing names no target', 'Moscow rejected the accusation.', 'REJECT RUS->-'],
    ['a that-clause is the thing denied', 'Venezuela denied that it had interfered in the election.', 'REJECT VEN->-'],
    ['a missile fired at no one is a launch', 'North Korea fired two ballistic missiles into the sea.', 'MOBILIZE PRK->-'],
    ['coordinated parties agree with each other', 'India and Pakistan agreed to a ceasefire.', 'AGREE IND->PAK'],
    ['a summoned ambassador names the state', "Chile's foreign ministry summoned the Argentine ambassador.", 'ACCUSE CHL->ARG'],
    ['an adjunct participle shares the subject', 'Germany criticised the vote, accusing Hungary of blackmail.', 'ACCUSE DEU->HUN'],
    ['a place in the complement of a request', 'Egypt called for a truce in Gaza.', 'REQUEST EGY->PSE'],
    ['a ministry of a state', 'The Ministry of Foreign Affairs of the Republic of Korea condemned North Korea.', 'ACCUSE KOR->PRK'],
    ['rebels from a named group', 'Rebels from the M23 group shelled the outskirts of Goma.', 'ASSAULT M23->COD'],
    ["a leader's name for their government", 'The Modi government expelled a Canadian diplomat.', 'SANCTION IND->CAN'],
    ['"the administration" is the one named before', "The Trump administration imposed sanctions on Iran. China's cabinet met. The administration rejected China's claims.", 'REJECT USA->CHN'],
    ['receiving a leader is a meeting', 'Xi Jinping received Vladimir Putin in Beijing.', 'CONSULT CHN->RUS'],
    ['an aid package for a state', 'The Pentagon announced a new military aid package for Ukraine.', 'AID USA->UKR'],
    ['a hand-lexicon event inside a converted phrase', 'Pakistan carried out airstrikes inside Iran in January.', 'ASSAULT PAK->IRN'],
    ['the agent of a condemned act, past an abbreviation in brackets', 'Japan condemned violations of United Nations Security Council (UNSC) resolutions by the DPRK.', 'ACCUSE JPN->PRK'],
    ['the subject after a fronted phrase with a list', 'Earlier, speaking to Japanese and U.S. business executives, Trump praised Japan.', 'SUPPORT USA->JPN'],
    ['a fronted year does not make the subject its object', 'In 1950 North Korea invaded South Korea.', 'ASSAULT PRK->KOR'],
    ["entering a state's waters is military presence", 'Chinese warships entered Philippine waters near Scarborough Shoal.', 'MOBILIZE CHN->PHL'],
    ['an adjective the country package lacks', 'Russian jets violated Kazakh airspace.', 'MOBILIZE RUS->KAZ'],
    ['mutual fighting: one side', 'India and China clashed on their border.', 'ASSAULT IND->CHN'],
    ['mutual fighting: the other side', 'Indian and Chinese troops clashed in the Galwan Valley.', 'ASSAULT CHN->IND'],
    ['a nominal attack with an adjective actor', 'The Israeli strike on Beirut killed five people.', 'ASSAULT ISR->LBN'],
    ['a nominal seizure with a possessor', "Iran's seizure of a British tanker angered London.", 'COERCE IRN->GBR'],
    ['the subject of a "for X to" infinitive', 'It is an honour for me, the President of Ukraine, to address the Japanese Parliament.', 'CONSULT UKR->JPN'],
    ['a city attacked stands for its state', 'Hamas fired rockets at Tel Aviv.', 'ASSAULT HAMAS->ISR'],
    ['the place of an attack with no one named', 'Russian forces struck a school in Kharkiv.', 'ASSAULT RUS->UKR'],
    ['an actor running past the object phrase', 'Azerbaijan released four Armenian prisoners of war.', 'CONCEDE AZE->ARM'],
    ['ordering diplomats to leave is expelling them', "Niger's junta ordered the French ambassador to leave.", 'SANCTION NER->FRA'],
    ['a light verb "extend" links aid to its giver', 'Japan will extend economic assistance to Sri Lanka.', 'AID JPN->LKA'],
    ['an arms purchase is cooperation with the seller', 'Poland will buy 250 Abrams tanks from the United States.', 'COOPERATE POL->USA'],
    ['an irregular past the tagger reads as a noun', 'Russia shot down a Ukrainian drone.', 'ASSAULT RUS->UKR'],
    ['a protest answers the party of its cause', 'Japan protested after a Chinese survey ship entered its territorial waters.', 'ACCUSE JPN->CHN'],
    ['a coordinated verb phrase shares the party', 'Nigeria condemned the coup in Niger and threatened military intervention.', 'THREATEN NGA->NER'],
    ['closing a border is a sanction', 'The Dominican Republic closed its border with Haiti.', 'SANCTION DOM->HTI'],
    ['a phone call received from a leader', 'Kuwait\'s emir received a phone call from the Saudi crown prince.', 'CONSULT KWT->SAU'],
    ['a charge reported of someone is an accusation by the one who reports it', 'Defence Minister Taro Kono said China poses a security threat to Japan.', 'ACCUSE JPN->CHN'],
    ['"it is necessary to" in a speech asks the audience', 'Address by President Volodymyr Zelensky to the Parliament of Japan\n\nIt is necessary to impose an embargo on trade with Russia.', 'REQUEST UKR->JPN'],
    ['an -s form after a past verb is its object', 'Israeli Prime Minister Benjamin Netanyahu rejected calls for a Palestinian state.', 'REJECT ISR->PSE'],
    ['"the Secretary-General" is the UN\'s', 'The Secretary-General strongly condemns the attack on peacekeepers in southern Lebanon.', 'ACCUSE UN->LBN'],
    ['a crowd protesting demonstrates', 'Thousands of Armenians protested in Yerevan against the border deal with Azerbaijan.', 'PROTEST ARM->AZE'],
    ['the "of" phrase of a trigger\'s own noun', 'Britain froze the assets of five Russian oligarchs.', 'SANCTION GBR->RUS'],
    ['export controls are a sanction', 'Beijing imposed export controls on gallium and germanium to the United States.', 'SANCTION CHN->USA'],
    ['what a speaker says another should do is a request', "Senegal's President Bassirou Diomaye Faye told French media that France should close its military bases in Senegal.", 'REQUEST SEN->FRA'],
    ['troops leaving a state retreat', 'French forces left Mali in 2022.', 'RETREAT FRA->MLI'],
    ['leaving an organisation', 'Nicaragua quit the Organization of American States.', 'RETREAT NIC->OAS'],
    ['a gerund after "for" is done by the actor before it', 'The US announced sanctions on Chinese companies for supporting Russia\'s military.', 'SUPPORT CHN->RUS'],
    ['a heading naming only a topic names no speaker', 'Statement by the Ministry of External Affairs on the situation in Bangladesh\n\nIndia is deeply concerned about the violence. We call upon the interim government of Bangladesh to ensure the safety of minorities.', 'REQUEST IND->BGD'],
    ['forming a pact is an agreement', 'Mali and Burkina Faso formed a defence pact with Niger.', 'AGREE MLI->NER'],
    ['a generic agent in a place is that state\'s', 'Protesters in Nairobi demonstrated against the finance bill.', 'PROTEST KEN->-'],
    ['a flag state is an actor', 'Iran seized a British-flagged oil tanker in the Strait of Hormuz.', 'COERCE IRN->GBR'],
    ['ordering troops to leave is expelling them', 'Mali ordered French troops to leave the country.', 'SANCTION MLI->FRA'],
    ['a number word after a preposition', 'Beijing responded by announcing sanctions on three US defence firms.', 'SANCTION CHN->USA'],
    ['claiming an attack is doing it', 'The Houthis claimed responsibility for an attack on a British-owned ship in the Gulf of Aden.', 'ASSAULT HOUTHIS->GBR'],
    ['a complaint filed against a state', 'Lebanon filed a complaint with the UN Security Council against Israel.', 'ACCUSE LBN->ISR'],
    ['lifting a veto is a concession', "Turkey lifted its veto on Finland's NATO membership.", 'CONCEDE TUR->FIN'],
    ['"Congo" alone is the Democratic Republic, as news agencies write', "Angola's president hosted talks between Congo and Rwanda in Luanda.", 'CONSULT AGO->COD'],
    ['the owner inside a nominal event phrase', "The beginning of this was the improvement of Pyongyang's relations with Beijing.", 'COOPERATE PRK->CHN'],
    ['a verb phrase after "but" shares the main subject', 'Trump called on Beijing to rein in North Korea, but has expressed admiration for Xi.', 'SUPPORT USA->CHN'],
    ['a promise is made to the party its condition names', 'Trump promised a better future if North Korea stopped developing missiles.', 'AGREE USA->PRK'],
    ['an abbreviation\'s dot does not end a phrase', 'Japanese officials have countered U.S. trade complaints.', 'REJECT JPN->USA'],
    ['a nominal event listed as part of the one before has its parties', 'Deepening military cooperation between the DPRK and Russia, including munitions and ballistic missile transfers, is egregious.', 'AID PRK->RUS'],
    ['what a speech act is about was done to its speaker', 'Beijing protested a flyover by a US spy plane.', 'MOBILIZE USA->CHN'],
    ['troop movements near a border', 'Biden focused on movements of Russian troops near the Ukrainian border.', 'MOBILIZE RUS->UKR'],
    ['a hyphenated participle before a noun is an adjective of the object', 'North Korea will demand to join the Russian-led alliance.', 'REQUEST PRK->RUS'],
    ['an irregular participle after "be" is a passive', 'Ukrainian ports were struck by Russian missiles overnight.', 'ASSAULT RUS->UKR'],
    ['a passive nominal event with its agent after the participle', 'Sanctions were imposed on Belarus by the European Union after the election.', 'SANCTION EU->BLR'],
    ['a matched object noun makes a speech act about a thing', 'Russia vetoed the resolution, while China abstained.', 'REJECT RUS->-'],
    ['crossing into a state', 'Ethiopian troops crossed into Somalia on Monday.', 'MOBILIZE ETH->SOM'],
    ['a protest to a government', 'Taiwan protested to Tokyo over the remarks.', 'ACCUSE TWN->JPN'],
    ['a heading names the speaker and the audience', 'Address by President Volodymyr Zelensky to the Parliament of Canada\n\nRussia attacked our country. I ask you to keep the sanctions.', 'REQUEST UKR->CAN'],
    ['a statement opening in its author\'s voice is the "we"', 'The Republic of Türkiye strongly condemns the attack. We extend our condolences to the people of Afghanistan.', 'SUPPORT TUR->AFG'],
    ['"the junta" is the government named before, past a fronted month', "Niger's military rulers met. In March 2024 the junta ended its military cooperation with the United States.", 'SANCTION NER->USA'],
    ['an adverb after a determiner stays in the object', 'Niger expelled the last French troops.', 'SANCTION NER->FRA'],
    ['a speech act about an event told before is aimed at its doer', 'Ethiopia accused Eritrea of massing troops. Eritrea dismissed the claim as baseless.', 'REJECT ERI->ETH'],
    ['condemning an operation told before', 'Israeli forces seized the Rafah crossing. Egypt condemned the operation.', 'ACCUSE EGY->ISR'],
    ['the agent of a proposal accepted', 'Hamas accepted a ceasefire proposal put forward by Egypt.', 'AGREE HAMAS->EGY'],
    ['what a statement says another should do is a request', 'Statement by the Ministry of Foreign Affairs of Japan\n\nRussia must withdraw its troops from Ukraine.', 'REQUEST JPN->RUS'],
    ["a state agency's report asks in its state's voice", 'Pyongyang, May 2 (KCNA) -- The U.S. and the West should neither ignore nor underestimate these warnings.', 'REQUEST PRK->USA'],
    ['a threat in the voice of a statement continues its last stance', 'Statement by the Ministry of Foreign Affairs of China\n\nChina firmly opposes the sanctions imposed by the United States. China will take resolute measures to protect its companies.', 'THREATEN CHN->USA'],
    ['who will pay a heavy price is threatened by the one who says it', 'Iran warned that Israel would pay a heavy price.', 'THREATEN IRN->ISR'],
    ['"the United States" is no speech verb', 'Statement by the Ministry of Foreign Affairs of China\n\nThe United States will face serious consequences.', 'THREATEN CHN->USA'],
    ['two parties joined by a hyphen meet', 'India-Pakistan talks resumed in Geneva.', 'CONSULT IND->PAK'],
    ['an abbreviation joined by a hyphen', 'A U.S.-Britain summit was held in Washington.', 'CONSULT USA->GBR'],
    ['sympathy received comes from its sender', 'Kim Jong Un received a message of sympathy from Vladimir Putin.', 'SUPPORT RUS->PRK'],
    ['greetings conveyed to a leader', 'Kim Jong Un conveyed his warm greetings to Vladimir Putin.', 'SUPPORT PRK->RUS'],
    ['taking part in a summit', 'Kishida took part in the NATO summit.', 'CONSULT JPN->NATO'],
    ['the "of" phrase of a visit names the visitor', 'The first visit of Kim Il Sung to the Soviet Union in March 1949 was historic.', 'CONSULT PRK->SUN'],
    ["an official named by title alone in a statement is the statement's", 'Statement by the Ministry of External Affairs\n\nIndia is deeply concerned. Foreign Secretary Vikram Misri will visit Dhaka on December 9.', 'CONSULT IND->BGD'],
    ['"the authorities" are the last state named', 'Police in Bangladesh arrested a Hindu monk. India urged the authorities to ensure a fair trial.', 'REQUEST IND->BGD'],
    ['joining an organisation', 'Sweden joined NATO on Thursday.', 'COOPERATE SWE->NATO'],
    ['an offer takes the party of the act offered', 'Moscow has offered to mediate between Baku and Yerevan.', 'AGREE RUS->AZE'],
    ['arriving in a city is visiting its state', 'Xi arrived in Brasilia on Tuesday for a state visit.', 'CONSULT CHN->BRA'],
    ['ramming boats is an attack', 'Chinese vessels rammed Philippine navy boats.', 'ASSAULT CHN->PHL'],
    ['reimposing sanctions', 'Washington could reimpose oil sanctions on Venezuela.', 'SANCTION USA->VEN'],
    ['not recognising a court rejects it', 'Venezuela does not recognise the jurisdiction of the ICJ.', 'REJECT VEN->ICJ'],
    ['not accepting a proposal rejects its author', 'Russia did not accept the proposal by Ukraine.', 'REJECT RUS->UKR'],
    ["denying an account of one's own act answers the one who told it", 'Manila said Chinese vessels rammed Philippine boats. Beijing denied the account.', 'REJECT CHN->PHL'],
    ['a verb phrase after "and" shares the main subject', 'Japan praised the envoy of the Indian government and urged China to act.', 'REQUEST JPN->CHN'],
    ['an infinitive after "continue" is the act itself, not a purpose', 'Turkey will continue to support the efforts of the United Nations.', 'SUPPORT TUR->UN'],
    ['a heading "Address by … to …" is the address', 'Address by President Volodymyr Zelensky to the Parliament of Canada\n\nRussia attacked our country.', 'CONSULT UKR->CAN'],
    ['a speech to a parliament', 'A speech by Zelensky to the Canadian parliament was broadcast.', 'CONSULT UKR->CAN'],
    ['a speaker who says whom they speak for is its "I"', 'I stand before this Assembly on behalf of the people of Kenya. I thank the Government of Jamaica.', 'SUPPORT KEN->JAM'],
    ['a statement heading with no state takes the state of the city it is issued from', 'Statement of the Ministry of Foreign Affairs\n\nAlgiers, 30 July 2024\n\nThe French Government alone will bear the consequences of this decision.', 'THREATEN DZA->FRA'],
    ['who will be held accountable is threatened by the one who says it', 'Iran said the United States would be held accountable.', 'THREATEN IRN->USA'],
    ['forces sent to no one else are a deployment', 'Brazil sent armoured vehicles to its northern frontier last week.', 'MOBILIZE BRA->-'],
    ['"the two countries" after a hyphenated pair are its two', 'Brazil hosted the G20 summit. Marking 50 years of China-Brazil ties, Xi said the two countries established diplomatic relations in 1974.', 'COOPERATE BRA->CHN'],
    ['approving a deal', 'Israel approved a ceasefire deal with Lebanon.', 'AGREE ISR->LBN'],
    ['leaders witnessing a signing agree', 'Xi and Lula witnessed the signing of 40 cooperation documents.', 'AGREE CHN->BRA'],
    ['"between" past a passive', 'Talks were held between India and China in Beijing.', 'CONSULT IND->CHN'],
    ["a speech act's complement past a coordinated noun phrase", 'India is deeply concerned about attacks on Hindus and other minorities in Bangladesh.', 'ACCUSE IND->BGD'],
    ['working with a state is cooperating', 'China is willing to work with Brazil to align their strategies.', 'COOPERATE CHN->BRA'],
    ['releasing prisoners concedes; "personnel" are forces', 'Chinese personnel seized seven Philippine rifles. Serbia released three Kosovo police officers.', 'CONCEDE SRB->XKX'],
    ['harsh language against a state, past an adverb', 'Erdogan used some of his toughest language yet against Israel.', 'ACCUSE TUR->ISR'],
    ['demanding guarantees', 'Kyiv demanded security guarantees from NATO.', 'REQUEST UKR->NATO'],
    ['calling someone an insult accuses them', 'Kyiv called Russia a terrorist state.', 'ACCUSE UKR->RUS'],
    ['describing someone as an insult accuses them', 'Erdogan described Israel as a terrorist state.', 'ACCUSE TUR->ISR'],
    ['a group noun before "of" and a state or organisation', 'The members of the Security Council condemned the coup in Gabon.', 'ACCUSE UN->GAB'],
    ['"the two countries" are the last two named in the sentence', 'Paris agreed to sell Armenia radars, and the two countries signed a defence agreement.', 'AGREE FRA->ARM'],
    ['a name glued to the words around it by markup', 'The respected ComradeKim Jong Unreceived Sergei Shoigu in Pyongyang.', 'CONSULT PRK->RUS'],
    ['a glued name before a speech act', 'Kim Il Sungpraised the Soviet Union.', 'SUPPORT PRK->SUN'],
    ['an apposition after the first of a pair', 'Talks between Mauro Vieira, foreign minister of Brazil, and Sergei Viktorovich Lavrov took place in Rio.', 'CONSULT BRA->RUS'],
    ['a demand that a party act is a request to it', 'The Security Council demanded that the Houthis cease all attacks on shipping.', 'REQUEST UN->HOUTHIS'],
    ['"the two countries" are the two named in the sentence before', 'Russia warned Ukraine. Russia shelled Ukraine. Kenya hosted Somalia for talks. The two countries signed a border pact.', 'AGREE KEN->SOM'],
  ])('%s: %s', (_name, text, want) => {
    expect(events(text)).toContain(want);
  });

  it.each([
    ['a noun modifying a noun is no event', 'Pakistan detained two British aid workers.', /^AID/],
    ['a noun inside a noun phrase is no verb', 'Israeli forces raided the camp.', /^SANCTION/],
    ['intent verbs are modality, not events', 'Japan hopes to expand trade.', /^REQUEST/],
    ['receiving a thing is no meeting', 'Kim received a letter from Putin.', /^CONSULT/],
    ['labour strikes are no attack', 'The strikes led by the Kremlin\'s agents in Italy failed.', /^ASSAULT/],
    ['a place in an armed group\'s home state is no target', 'Al-Shabaab fighters attacked a hotel in Kismayo.', /->SOM/],
    ['a bare converted verb the tagger reads as an adjective', 'North Korean soldiers marched in fine array.', /^COERCE/],
    ['a new clause with its own subject ends the search for a target', 'Address by President Volodymyr Zelensky to the Parliament of Canada\n\nWe need more air defence, and I ask you to keep the pressure of sanctions on Russia.', /^REQUEST UKR->RUS/],
    ['the means of an asked-for act has not happened', 'Trump called on countries around the world to isolate Pyongyang by denying it any form of support.', /^REJECT/],
    ['a relative "that" after a noun has that noun as subject', 'Trump cited China as one of the countries that must downgrade diplomatic ties with Pyongyang.', /^SANCTION USA/],
    ['a visit ending is no retreat', 'Putin left Beijing on Friday.', /^RETREAT/],
    ['noting an arrest is not arresting', 'India has taken note of the arrest of a monk in Bangladesh.', /^COERCE IND/],
    ['a charge told by the author alone is an opinion', 'China poses a threat to Japan.', /^ACCUSE/],
    ['the infinitive a request asks of two parties has not happened', 'Pope Francis urged Israel and Hamas to agree to a ceasefire.', /^AGREE/],
    ['the infinitive a request asks for has not happened', 'Bangladesh asked India to extradite the former prime minister.', /^COOPERATE/],
    ['a verb the request asks for has not happened', 'Iran demanded the United States withdraw its troops from Iraq.', /^RETREAT/],
    ['a nominal event a request asks for has not happened', 'The United States and the European Union called for dialogue.', /^CONSULT/],
    ['an unknown official in a report with no voice is no one', 'Foreign Secretary Vikram Misri will visit Dhaka on December 9.', /^CONSULT/],
    ['an agreement with no party found is not counted', 'Kenya agreed to a plan.', /^AGREE/],
    ['a threat named as a thing, aimed at no one, is not counted', "Russia's threats alarmed the region.", /^THREATEN/],
    ['what parties agree not to do is no event', 'Venezuelan President Nicolas Maduro and Guyana\'s President Irfaan Ali agreed on Thursday not to threaten each other.', /^THREATEN/],
    ['releasing a statement concedes nothing', 'Kim Yo Jong released the following press statement on Ukraine.', /^CONCEDE/],
    ['the one who says a clause is not its subject', 'The United Nations said the closure of the crossing had cut off aid to Gaza.', /^SANCTION UN/],
    ['a letter received is not support by itself', 'Kim received a letter from Putin.', /^SUPPORT/],
    ['a hyphenated word is not a pair of parties', 'The pro-Russia rally in Moldova ended.', /^CONSULT/],
    ["an author's view of what a state should do is no event", 'Japan should rethink its policy on China.', /^REQUEST/],
    ['an attack named after a speech act is not answered by an older event', 'Russia shelled Kharkiv. Germany praised the ceasefire in Sudan.', /^SUPPORT DEU->RUS/],
    ['the agent of weapons used is not their target', 'The militia killed civilians using weapons offered by the U.S.', /->USA/],
    ['a relative clause about a non-actor has no actor subject', 'Abe mourned the victims of a gunman who massacred worshippers at a church in Texas.', /^ASSAULT/],
  ])('must not: %s (%s)', (_name, text, bad) => {
    expect(events(text).filter((e) => bad.test(e))).toEqual([]);
  });
});

describe('plain one-event sentences of many regions (test/fixtures/plain-sentences.tsv)', () => {
  // Written before the extractor ran on them; a floor under the measured figure.
  it('finds most of them with F1 of 0.85 or more', () => {
    const rows = readFileSync(join(import.meta.dirname, '../../test/fixtures/plain-sentences.tsv'), 'utf8')
      .split('\n').filter((l) => l && !l.startsWith('#')).slice(1).map((l) => l.split('\t'));
    let tp = 0, fp = 0;
    for (const [sentence, published, types, sources, targets] of rows) {
      const found = extractDocument(sentence, { published }).events;
      const fits = (e: (typeof found)[number]) => types.split('|').includes(e.type) && sources.split('|').includes(e.source.code) && targets.split('|').includes(e.target?.code ?? '-');
      if (found.some(fits)) tp++;
      // As the shared scorer does, a second reading the gold accepts ("Thailand and Cambodia
      // exchanged fire": each side's mention) is not a false positive.
      fp += found.filter((e) => !fits(e)).length;
    }
    const p = tp / (tp + fp), r = tp / rows.length;
    expect(rows.length).toBe(256);
    expect((2 * p * r) / (p + r)).toBeGreaterThanOrEqual(0.85);
  });
});
