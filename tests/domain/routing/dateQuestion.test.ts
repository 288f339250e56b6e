import { asksForDate, asksValidity } from '../../../src/domain/routing/dateQuestion.js';
import { tertialScore } from '../../../src/domain/tertial/query.js';
import { normalize } from '../../../src/domain/text.js';
import { loadData, type AgreementData } from '../../../src/data/load.js';
import { understand } from '../../../src/understanding/understand.js';

let data: AgreementData;
beforeAll(async () => {
  data = await loadData('data');
});

describe('date-asking words as routing evidence', () => {
  it('finds date questions anywhere, "när" only as the question word', () => {
    expect(asksForDate(normalize('SSG delrapport T2 - vilket datum 2023?'))).toBe(true);
    expect(asksForDate(normalize('Vilken period är dialogen i kranskommunerna?'))).toBe(true);
    expect(asksForDate(normalize('När är nästa styrelsemöte?'))).toBe(true);
    expect(asksForDate(normalize('Vem är sammankallande när en deltagare ska kartläggas?'))).toBe(false);
  });

  it('tells validity questions from meeting dates', () => {
    expect(asksValidity(normalize('Mellan vilka datum gäller överenskommelsen för 2023?'))).toBe(true);
    expect(asksValidity(normalize('Från när gäller avtalet?'))).toBe(true);
    expect(asksValidity(normalize('Vilka datum gäller för styrelsemötena?'))).toBe(false);
    expect(asksValidity(normalize('Vilket datum är SSG-mötet?'))).toBe(false);
    expect(asksValidity(normalize('Från vilket datum gäller den nya förbundsordningen?'))).toBe(false);
  });

  it('a tertial question asking for a date is only plausibly a tertial figures question', () => {
    expect(tertialScore(understand(data, 'SSG delrapport T2 - vilket datum 2023?', new Date()))).toBe(0.5);
    expect(tertialScore(understand(data, 'Siffror T2 Vuxentorget 2023', new Date()))).toBe(0.95);
  });
});
