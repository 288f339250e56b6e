import { loadData, type AgreementData } from '../../../src/data/load.js';
import { groupNames } from '../../../src/domain/tertial/answers.js';
import { parsePostRequest, postScore } from '../../../src/domain/tertial/postSummary.js';
import { asksAboutReporting, parseTertialQuery, tertialScore, tertialsIn } from '../../../src/domain/tertial/query.js';
import { normalize } from '../../../src/domain/text.js';
import { understand } from '../../../src/understanding/understand.js';

let data: AgreementData;
beforeAll(async () => {
  data = await loadData('data');
});
const parse = (q: string) => parseTertialQuery(q, groupNames(data));
const u = (q: string) => understand(data, q, new Date());

describe('tertial questions: what is asked', () => {
  it('tertials as T2, "tertial 1", "andra tertialet", in order', () => {
    expect(tertialsIn(normalize('jämför T2 och T1'))).toEqual(['T2', 'T1']);
    expect(tertialsIn(normalize('siffror tertial 1'))).toEqual(['T1']);
    expect(tertialsIn(normalize('andra tertialet 2023'))).toEqual(['T2']);
  });

  it.each([
    ['Siffror T2 Vuxentorget 2023', { kind: 'figures', tertials: ['T2'], year: 2023, verksamheter: [expect.objectContaining({ id: 'vuxentorget' })] }],
    ['hur många avslutades till arbete i T1?', { kind: 'endReason', endReason: 'arbete', tertials: ['T1'], verksamheter: [] }],
    ['hur många avslutades till studier i T2 på Ungdomstorget', { kind: 'endReason', endReason: 'studier' }],
    ['hur många avslutades för att arbetsförmåga saknas', { kind: 'endReason', endReason: 'arbetsformagaSaknas' }],
    ['budget och utfall Ungdomstorget', { kind: 'money', verksamheter: [expect.objectContaining({ id: 'ungdomstorget' })] }],
    ['jämför T1 och T2', { kind: 'compare', tertials: ['T1', 'T2'] }],
    ['vad ändrades i T2 för Vuxentorget?', { kind: 'history' }],
    ['Vilka rapporter lämnar Vuxentorget under året?', { kind: 'reporting' }],
    ['Siffror för Samverkansteam Finnveden T2 2022', { kind: 'figures', verksamheter: [expect.objectContaining({ id: 'samverkansteam-finnveden', forbund: 'finnveden' })] }],
  ])('%s', (q, expected) => {
    expect(parse(q)).toMatchObject(expected);
  });

  it('routes: tertial words score high, dates ("när …") are left to the årshjul, posting to the post dialog', () => {
    expect(tertialScore(u('Siffror T2 Vuxentorget 2023'))).toBeGreaterThanOrEqual(0.9);
    expect(tertialScore(u('budget och utfall Ungdomstorget'))).toBeGreaterThanOrEqual(0.9);
    expect(tertialScore(u('Vilka rapporter lämnar Vuxentorget under året?'))).toBe(1);
    expect(tertialScore(u('När ska delrapport T2 upp?'))).toBe(0.5);
    expect(tertialScore(u('Posta T2-sammanfattning för Vuxentorget till styrgruppen'))).toBe(0);
    expect(tertialScore(u('Vem kontaktar jag på psykiatrin?'))).toBe(0);
    expect(asksAboutReporting(u('Ska Vuxentorget lämna socialt bokslut?').query)).toBe(true);
    expect(postScore(u('Posta T2-sammanfattning för Vuxentorget till styrgruppen'))).toBeGreaterThan(0.95);
    expect(postScore(u('Siffror T2 Vuxentorget'))).toBe(0);
  });

  it('a post request: verksamhet, its styrgrupp, tertial and year', () => {
    expect(parsePostRequest('Posta T2-sammanfattning för Vuxentorget till styrgruppen', data, groupNames(data))).toMatchObject({
      verksamhet: { id: 'vuxentorget' }, organ: { id: 'styrgrupp-vuxentorget' }, tertial: 'T2',
    });
    expect(parsePostRequest('Posta T1 2023 för Ungdomstorget till styrelsen', data, groupNames(data))).toMatchObject({
      verksamhet: { id: 'ungdomstorget' }, organ: { id: 'styrelse', forbund: 'umearegionen' }, tertial: 'T1', year: 2023,
    });
  });
});
