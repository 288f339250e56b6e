import { beforeAll, describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { loadData } from '../../../src/data/load.js';
import { buildLexicon, extractAge, extractFacts, type Lexicon } from '../../../src/domain/aktualisering/extract.js';
import { understand } from '../../../src/understanding/understand.js';
import { detectIntent } from '../../../src/domain/aktualisering/answer.js';
import { aktualiseringScore } from '../../../src/domain/aktualisering/recognize.js';
import { normalize } from '../../../src/domain/text.js';
import type { AgreementData } from '../../../src/data/load.js';

let data: AgreementData;
let lexicon: Lexicon;
beforeAll(async () => {
  data = await loadData(join(process.cwd(), 'data'));
  lexicon = buildLexicon(data);
});

/** Each case twice: as written and with å/ä/ö folded away, the way people type fast. */
function bothSpellings<T>(rows: readonly (readonly [string, T])[]): [string, T][] {
  const plain = (s: string) => s.replace(/[åä]/g, 'a').replace(/[ÅÄ]/g, 'A').replace(/ö/g, 'o').replace(/Ö/g, 'O');
  return rows.flatMap(([text, want]) => (plain(text) === text ? [[text, want]] : [[text, want], [plain(text), want]]) as [string, T][]);
}

describe('referring party', () => {
  test.each(bothSpellings([
    ['Regionen vill aktualisera en person med sjukpenning', 'region'],
    // The party consulted ("kolla med nån på soc … innan aktualisering") is not the one who refers.
    ['pat på psyk lever på försörjningsstöd, måste jag kolla m nån på soc innan aktualisering till torget', 'region'],
    ['psykiatrin vill aktualisera', 'region'],
    ['Jag jobbar på primärvården', 'region'],
    ['jag är på soc', 'socialtjanst'],
    ['Jag är socialsekreterare och vill aktualisera', 'socialtjanst'],
    ['FK vill aktualisera en sjukskriven', 'forsakringskassan'],
    ['Försäkringskassan aktualiserar', 'forsakringskassan'],
    ['AF vill remittera en kund', 'arbetsformedlingen'],
    ['Jag är arbetsförmedlare', 'arbetsformedlingen'],
    ['KAA har en ungdom som', 'kaa'],
    ['Frivården vill aktualisera en klient', 'kriminalvard'],
    ['Kriminalvården har en klient', 'kriminalvard'],
    ['en deltagare i etableringsprogrammet', 'etableringsprogrammet'],
    ['Regionen vill aktualisera – ska vi förankra med FK?', 'region'],
    ['Vem ska förankra med Försäkringskassan när psykiatrin aktualiserar?', 'region'],
    ['regoinen vill aktualisera', 'region'],
    // A party the person is not at does not refer.
    ['jobbar på hc i umeå, pat 35 år, varken af eller fk inblandade', 'region'],
    // "sjukpenning från FK" says who pays, not who refers.
    ['jobbar pa vc i vindeln, patient 34 ar med sjukpenning fran fk vill till samordningsteamet', 'region'],
  ] as const))('%s → %s', (text, party) => {
    expect(extractFacts(text, lexicon).referringParty).toBe(party);
  });
  test('a negated party is no referrer', () => {
    expect(extractFacts(normalize('22 år, bor i umeå, arbetslös, inte inskriven på af'), lexicon).referringParty).toBeUndefined();
  });
});

describe('where the person lives', () => {
  test('the place named without a negation: "bor inte i Umeå utan i Vännäs" lives in Vännäs', () => {
    expect(extractFacts(normalize('Klient på 45 år som inte bor i Umeå utan i Vännäs, arbetslös'), lexicon).municipality).toMatch(/Vännäs/u);
    expect(extractFacts(normalize('bor i Vindeln'), lexicon).municipality).toMatch(/Vindeln/u);
    // A home no förbund has is still the person's home: outside every residence list – kept as
    // "annan kommun", never as typed (it may be a street or a name).
    expect(extractFacts('En 20-åring som bor i Jönköping', lexicon).municipality).toBe('annan kommun');
    expect(extractFacts('kund 30 ar bor inte i finnveden utan i jonkoping', lexicon).municipality).toBe('annan kommun');
    expect(extractFacts('bor i en annan kommun', lexicon).municipality).toBeUndefined();
    expect(extractFacts('bor i kommunen sedan länge', lexicon).municipality).toBeUndefined();
  });
});

describe('benefits under a negation', () => {
  test.each(bothSpellings([
    ['Regionen vill aktualisera en person som inte har sjukpenning och inte försörjningsstöd', undefined],
    ['hon har varken sjukpenning eller aktivitetsersättning', undefined],
    ['har inte sjukpenning men försörjningsstöd', ['forsorjningsstod']],
    ['personen är inte sjukskriven, hon har försörjningsstöd', ['forsorjningsstod']],
    ['en person utan försörjningsstöd som har aktivitetsersättning', ['aktivitetsersattning']],
    ['har ej aktivitetsersättning', undefined],
  ] as const))('%s → %j', (text, want) => {
    expect(extractFacts(normalize(text), lexicon).benefits).toEqual(want);
  });
});

describe('benefits', () => {
  test.each(bothSpellings([
    ['personen har sjukpenning', ['sjukpenning']],
    ['hon har sjukpeng', ['sjukpenning']],
    ['han är sjukskriven', ['sjukpenning']],
    ['har aktivitetsersättning', ['aktivitetsersattning']],
    ['uppbär försörjningsstöd', ['forsorjningsstod']],
    ['har ekonomiskt bistånd', ['forsorjningsstod']],
    ['etableringsersättning', ['etableringsersattning']],
    ['har hel sjukersättning', ['sjukersattning-hel']],
    ['sjukersättning hel', ['sjukersattning-hel']],
    ['partiell sjukersättning', ['sjukersattning-partiell']],
    ['sjukersättning på deltid', ['sjukersattning-partiell']],
    ['har sjukersättning', ['sjukersattning']],
    ['a-kassa', ['a-kassa-aktivitetsstod']],
    ['får aktivitetsstöd', ['a-kassa-aktivitetsstod']],
    ['inga', ['ingen']],
    ['ingen ersättning alls', ['ingen']],
    ['varken sjukpenning, aktivitetsersättning eller försörjningsstöd, alltså ingen ersättning alls', ['ingen']],
    ['sjukpenning och försörjningsstöd', ['sjukpenning', 'forsorjningsstod']],
    ['sjukpennig', ['sjukpenning']],
    ['forsorjningstod', ['forsorjningsstod']],
    ['aktivitetersattning', ['aktivitetsersattning']],
  ] as const))('%s → %o', (text, benefits) => {
    expect([...(extractFacts(text, lexicon).benefits ?? [])].sort()).toEqual([...benefits].sort());
  });

  test('benefits named only as lacking are unknown unless the text says there is none', () => {
    expect(extractFacts('har inte sjukpenning', lexicon).benefits).toBeUndefined();
  });

  test('a nollklassad sjukskriven has no sjukpenning', () => {
    expect(extractFacts('sjukskriven med försörjningsstöd, nollklassad', lexicon).benefits).toEqual(['forsorjningsstod']);
  });

  test('"försörjningsstödshandläggare" is a party, not a benefit', () => {
    expect(extractFacts('förankra med försörjningsstödshandläggaren', lexicon).benefits).toBeUndefined();
  });
});

describe('age, municipality, verksamhet, consent, exclusions', () => {
  test.each(bothSpellings([
    ['Kan en 23-åring aktualiseras', 23],
    ['hon är 31', 31],
    ['31 år gammal', 31],
    ['en 45 årig man', 45],
    ['hon har sjukpenning och är 31', 31],
  ] as const))('age: %s → %i', (text, age) => {
    expect(extractFacts(text, lexicon).age).toBe(age);
  });

  test('a bare number is an age only when the age was asked for', () => {
    expect(extractFacts('31', lexicon, 'age').age).toBe(31);
    expect(extractFacts('31', lexicon).age).toBeUndefined();
    expect(extractFacts('Överenskommelse 2023', lexicon).age).toBeUndefined();
  });

  test.each(bothSpellings([
    ['bor i Umeå', 'Umeå'],
    ['bosatt i Vännäs kommun', 'Vännäs'],
    ['i Vindelns kommun', 'Vindeln'],
    ['hon bor i Värnamo', 'Värnamo'],
    ['Gnosjö', 'Gnosjö'],
  ] as const))('municipality: %s → %s', (text, name) => {
    expect(extractFacts(text, lexicon).municipality).toBe(name);
  });

  test.each(bothSpellings([
    ['till Vuxentorget', 'vuxentorget'],
    ['till Arbetsmarknadstorgen', 'arbetsmarknadstorgen'],
    ['Samverkansteam Finnveden', 'samverkansteam-finnveden'],
    ['Ungdomstorget', 'ungdomstorget'],
    ['vuxentorgt', 'vuxentorget'],
  ] as const))('verksamhet: %s → %s', (text, id) => {
    expect(extractFacts(text, lexicon).verksamhet).toBe(id);
  });

  test.each(bothSpellings([
    ['hon har gett samtycke', true],
    ['samtycke finns', true],
    ['har lämnat sitt samtycke', true],
    ['inget samtycke', false],
    ['hon har inte lämnat samtycke', false],
    ['samtycke saknas', false],
    ['Behöver individen lämna samtycke?', undefined],
  ] as const))('consent: %s → %s', (text, consent) => {
    expect(extractFacts(text, lexicon).consent).toBe(consent);
  });

  test('yes/no and "vet inte" answer the fact that was asked for', () => {
    expect(extractFacts('ja', lexicon, 'consent').consent).toBe(true);
    expect(extractFacts('Nej', lexicon, 'substanceAbuse').substanceAbuse).toBe(false);
    expect(extractFacts('vet inte', lexicon, 'benefits')).toEqual({ benefits: ['okand'], unknown: ['benefits'] });
    expect(extractFacts('ja', lexicon).consent).toBeUndefined();
  });

  test.each(bothSpellings([
    ['inget aktivt missbruk', false],
    ['har ett aktivt missbruk', true],
  ] as const))('substance abuse: %s → %s', (text, v) => {
    expect(extractFacts(text, lexicon).substanceAbuse).toBe(v);
  });
});

describe('intent and route score', () => {
  const intents: [string, string][] = [
    ['Kan en 23-åring aktualiseras till Vuxentorget?', 'fit'],
    ['Behöver individen lämna samtycke innan parterna utbyter uppgifter?', 'samtycke'],
    ['Vilka avslutsorsaker finns?', 'avslut'],
    ['Vilka deltar i beredningen för Arbetsmarknadstorgen?', 'path'],
    ['Regionen vill aktualisera en person med sjukpenning — vem förankrar?', 'forankring'],
    ['Vem ska förankra innan aktualisering?', 'forankring'],
  ];
  test.each(intents)('%s → %s', (text, intent) => {
    expect(detectIntent(understand(data, text, new Date()), extractFacts(text, lexicon), data).intent).toBe(intent);
  });

  const scores: [string, number][] = [
    ['Regionen vill aktualisera en person med sjukpenning — vem förankrar?', 0.9],
    ['Kan en 23-åring aktualiseras till Vuxentorget?', 0.9],
    ['kan en 30 aring vara med i samverkansteam finnveden', 0.9],
    ['Jag är på soc, vem ska jag remittera till', 0.9],
    ['Vilka deltar i beredningen för Arbetsmarknadstorgen?', 0.9],
  ];
  test.each(scores)('%s scores at least %f', (text, min) => {
    expect(aktualiseringScore(understand(data, text, new Date()), lexicon)).toBeGreaterThanOrEqual(min);
  });

  test('a number with a unit is no age: a commitment question about working hours is not a person-fit question', () => {
    const text = 'Får Arbetsförmedlingen på Vuxentorget planera insatser för en kund vars fastställda arbetsförmåga är 6 timmar i veckan?';
    expect(extractAge(normalize(text))).toBeUndefined();
    expect(aktualiseringScore(understand(data, text, new Date()), lexicon)).toBeLessThan(0.9);
    expect(extractAge(normalize('hon är 6 veckor in i sjukskrivningen'))).toBeUndefined();
    expect(extractAge(normalize('personen är 34 och bor i Umeå'))).toBe(34);
  });

  test.each(['Vad åtar sig Arbetsförmedlingen i Vuxentorget?', 'När är nästa styrelsemöte?', 'Vad är Vuxentorgets budget 2023?', 'Vad är Vuxentorgets målgrupp?'])('%s is not ours', (text) => {
    expect(aktualiseringScore(understand(data, text, new Date()), lexicon)).toBe(0);
  });
});

describe('the asker\'s kommun', () => {
  test('"AME i Jönköpings kommun här" is a home outside every list ("annan kommun"); a listed kommun is itself', () => {
    expect(extractFacts('AME i Jönköpings kommun här – kan vi skicka deltagare till Samverkansteam Finnveden?', lexicon).municipality).toBe('annan kommun');
    expect(extractFacts('Vi på Umeå kommuns AME – kan vi skicka deltagare till Vuxentorget?', lexicon).municipality).toBe('Umeå');
    expect(extractFacts('Min kommun vill skicka en deltagare', lexicon).municipality).toBeUndefined();
  });
});
