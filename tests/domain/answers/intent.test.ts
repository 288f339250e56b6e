import { beforeAll, describe, expect, test } from '@jest/globals';
import { loadData, type AgreementData } from '../../../src/data/load.js';
import { malgruppTopics } from '../../../src/domain/answers/malgrupp.js';
import { scoreIntents, type AgreementIntent } from '../../../src/domain/answers/intent.js';
import { understand } from '../../../src/understanding/understand.js';

let data: AgreementData;
beforeAll(async () => {
  data = await loadData('data');
});
const score = (text: string, intent: AgreementIntent) => scoreIntents(understand(data, text, new Date()))[intent];

describe('the agreement intents decide from combinations (src/domain/answers/cues.ts)', () => {
  test('a commitment word alone is plausible; with a party and a verksamhet it is clear', () => {
    expect(score('Vilka åtaganden finns?', 'ataganden')).toBe(0.68);
    expect(score('Vilka åtaganden har Vännäs kommun?', 'ataganden')).toBe(0.86);
    expect(score('Vilka åtaganden har Vännäs kommun i Vuxentorget?', 'ataganden')).toBe(0.92);
    // … unless it is a contact question.
    expect(score('Vilka åtaganden har Vännäs kommun i Vuxentorget och vem är kontaktperson?', 'ataganden')).toBeLessThanOrEqual(0.6);
  });

  test('"vem" alone is nobody\'s contact question; with "frågor om" it is', () => {
    expect(score('Vem är det?', 'kontakter')).toBe(0);
    expect(score('Vem tar frågor om Vuxentorget?', 'kontakter')).toBe(0.7);
  });

  test('a party with the förbund is a membership question when asked yes or no', () => {
    expect(score('Är Vännäs kommun med i förbundet?', 'organisation')).toBe(0.82);
    expect(score('Vännäs kommun och förbundet', 'organisation')).toBe(0);
  });

  test('"sammankallande" is an initiative\'s unless a verksamhet is named', () => {
    expect(score('Vem är sammankallande?', 'initiativ')).toBe(0.78);
    expect(score('Vem är sammankallande för Vuxentorget?', 'initiativ')).toBe(0);
  });

  test('a målgrupp topic is plausible, its own word clear; the topics are read in order', () => {
    expect(score('Hur följs Vuxentorget upp?', 'malgrupp')).toBeLessThan(0.8);
    expect(score('Vad är Vuxentorgets målgrupp?', 'malgrupp')).toBe(0.99);
    expect(malgruppTopics(understand(data, 'Vilka kan delta och hur länge gäller avtalet?', new Date()).query)).toEqual(['giltighet', 'malgrupp']);
  });

  test('another feature\'s cue holds the intents down, but never an org number', () => {
    expect(score('Vad är målgruppen för Vuxentorget?', 'malgrupp')).toBe(0.99);
    expect(score('Vad är målgruppen och budgeten för Vuxentorget?', 'malgrupp')).toBe(0.45);
    expect(score('Vad är förbundets organisationsnummer och budget?', 'organisation')).toBe(0.99);
  });
});
