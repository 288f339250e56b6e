import { join } from 'node:path';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { loadData, type AgreementData } from '../../src/data/load.js';
import { entitiesOf, findDate, findMonth, findTertial, findYears, parseQuery } from '../../src/domain/entities.js';
import { applySynonyms } from '../../src/domain/synonyms.js';
import { normalize } from '../../src/domain/text.js';

let data: AgreementData;
beforeAll(async () => {
  data = await loadData(join(process.cwd(), 'data'));
});

const ids = (text: string, kind: Parameters<typeof entitiesOf>[1]) => entitiesOf(parseQuery(data, text), kind).map((r) => (r.party ? `${r.party}/${r.id}` : r.id));

describe('entities from data aliases', () => {
  test.each([
    ['Vad åtar sig FK?', 'forsakringskassan'],
    ['vad gor af', 'arbetsformedlingen'],
    ['Försäkringskassans orgnr', 'forsakringskassan'],
    ['forsakringskassans orgnr', 'forsakringskassan'],
    ['FK:s organisationsnummer', 'forsakringskassan'],
    ['Arbetsförmedlignen', 'arbetsformedlingen'],
    ['KV', 'kriminalvarden'],
    ['regionen', 'region-vasterbotten'],
  ])('%s → party %s', (text, id) => {
    expect(ids(text, 'party')).toContain(id);
  });

  test.each([
    ['psyk', 'region-vasterbotten/psykiatri'],
    ['psykiatrin', 'region-vasterbotten/psykiatri'],
    ['psykiatrn', 'region-vasterbotten/psykiatri'],
    ['primärvården', 'region-vasterbotten/primarvard'],
    ['primarvarden', 'region-vasterbotten/primarvard'],
    ['soc', 'umea-kommun/socialtjanst'],
    ['socialtjänsten', 'umea-kommun/socialtjanst'],
  ])('%s → unit %s', (text, id) => {
    expect(ids(text, 'unit')).toContain(id);
  });

  test.each([
    ['VT', 'vuxentorget'],
    ['vuxentorget', 'vuxentorget'],
    ['Vuxentorgets', 'vuxentorget'],
    ['vuxentorgte', 'vuxentorget'],
    ['UT', 'ungdomstorget'],
    ['samordningsteamen', 'samordningsteamen'],
    ['steget vidare', 'steget-vidare'],
  ])('%s → verksamhet %s', (text, id) => {
    expect(ids(text, 'verksamhet')).toContain(id);
  });

  test('"ut" in lower case is the Swedish word, not Ungdomstorget', () => {
    expect(ids('hur kommer man ut i arbete', 'verksamhet')).not.toContain('ungdomstorget');
  });

  test.each([
    ['SSG', 'ssg'],
    ['AU', 'arbetsutskott'],
    ['styrelsen', 'styrelse'],
    ['styrelsens', 'styrelse'],
    ['analysgruppen', 'analysgrupp'],
  ])('%s → organ %s', (text, id) => {
    expect(ids(text, 'organ')).toContain(id);
  });

  test('years, tertial and month', () => {
    expect(findYears(normalize('budget 2023 och 2024'))).toEqual([2023, 2024]);
    expect(findTertial(normalize('Siffror T2'))).toBe(2);
    expect(findTertial(normalize('andra tertialen'))).toBe(2);
    expect(findMonth(normalize('i maj'))).toBe(5);
    expect(findMonth(normalize('17 februari'))).toBe(2);
  });

  test('dates through the shared parser (dates.ts)', () => {
    expect(findDate('möte 17/2', '2023-02-01')).toMatchObject({ kind: 'day', day: '2023-02-17' });
    expect(findDate('i maj', '2023-02-01')).toMatchObject({ kind: 'month', month: 5 });
  });

  test('synonyms: ÖVK, GK, org nr', () => {
    expect(applySynonyms(normalize('ÖVK och GK'))).toBe('overenskommelse och gemensam kartlaggning');
    expect(applySynonyms(normalize('FK:s org nr'))).toContain('organisationsnummer');
  });

  test('a pasted page is cut, not matched word by word', () => {
    const q = parseQuery(data, `${'vuxentorget '.repeat(5000)}`);
    expect(q.entities.length).toBeGreaterThan(0);
  });
});
