import { beforeAll, describe, expect, test } from '@jest/globals';
import { loadData, type AgreementData } from '../../../src/data/load.js';
import { postScore } from '../../../src/domain/tertial/postSummary.js';
import { asksAboutReporting, tertialScore } from '../../../src/domain/tertial/query.js';
import { understand } from '../../../src/understanding/understand.js';

let data: AgreementData;
beforeAll(async () => {
  data = await loadData('data');
});
const u = (q: string) => understand(data, q, new Date());

describe('the tertial tables decide from combinations (src/domain/tertial/cues.ts)', () => {
  test('"hur många" alone is nobody\'s figures; with a count of avslut it is', () => {
    expect(tertialScore(u('Hur många finns det?'))).toBe(0);
    expect(tertialScore(u('Hur många avslutades på Vuxentorget?'))).toBe(0.85);
  });

  test('a report word with a verb of submitting is the reporting question; one person\'s plan is not', () => {
    expect(asksAboutReporting(u('Ska Ungdomstorget lämna lägesrapporter?').query)).toBe(true);
    expect(asksAboutReporting(u('Ska Ungdomstorget lämna?').query)).toBe(false);
    expect(asksAboutReporting(u('Hur ofta ska handlingsplanen rapporteras?').query)).toBe(false);
    expect(tertialScore(u('Ska Ungdomstorget lämna lägesrapporter?'))).toBe(1);
  });

  test('a date question holds tertial words down to plausible; a request to post hands them over', () => {
    expect(tertialScore(u('Delrapport T2 för Vuxentorget'))).toBe(0.95);
    expect(tertialScore(u('Vilket datum är delrapport T2 för Vuxentorget?'))).toBe(0.5);
    expect(tertialScore(u('Skicka T2 för Vuxentorget till styrgruppen'))).toBe(0);
    expect(tertialScore(u('När skickas T2 för Vuxentorget?'))).toBe(0.5);
  });

  test('posting needs the verb as a request and what is posted', () => {
    expect(postScore(u('Dela T1 för Ungdomstorget med styrelsen'))).toBe(0.97);
    expect(postScore(u('Dela med styrelsen'))).toBe(0);
    expect(postScore(u('Delas T1 för Ungdomstorget med styrelsen?'))).toBe(0);
  });
});

describe('a duration is no tertial figure', () => {
  test('"hur länge får en deltagare vara inskriven?" is not the tertial figures\' question', () => {
    expect(tertialScore(u('Hur länge får en deltagare vara inskriven på Vuxentorget?'))).toBe(0);
    expect(tertialScore(u('Hur många deltagare är inskrivna på Vuxentorget?'))).toBeGreaterThan(0);
  });
});
