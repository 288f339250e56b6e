import { describe, expect, test } from '@jest/globals';
import { compositeParts } from '../../src/understanding/parts.js';
import { questionClause } from '../../src/understanding/form.js';
import { answersQuestion } from '../../src/domain/routing/answersQuestion.js';
import { loadData } from '../../src/data/load.js';
import { completeData } from '../../src/domain/answers/common.js';
import { understand } from '../../src/understanding/understand.js';

describe('composite questions typed in chat style', () => {
  test('"o" before a question word starts a new part, as "och" does', () => {
    expect(compositeParts('när har ssg sitt möte om delrapport t2 i höst o när har styrelsen sitt?')).toEqual(['när har ssg sitt möte om delrapport t2 i höst', 'när har styrelsen sitt?']);
    expect(compositeParts('vem o vad')).toEqual(['vem o vad']);
  });

  test('a description before a colon is not the question, with or without a question mark', () => {
    expect(questionClause('Sitter i styrelsen: när tillträder den nya styrelsen i vår')).toBe('när tillträder den nya styrelsen i vår');
    expect(questionClause('Sitter i styrelsen: mötet i vår')).toBeUndefined();
  });
});

describe('a date asked for must lead the answer', () => {
  test('a year in a law\'s number further down, or "vara"/"varje" read as "vår", is no date', async () => {
    const data = completeData(await loadData('data'));
    const u = understand(data, 'När tillträder den nya styrelsen?', new Date('2023-03-20T12:00:00Z'));
    const organisation = { text: 'Samordningsförbundets styrelse: 9 ledamöter.', facts: [{ label: 'Sammansättning', value: '9 ledamöter' }, { label: 'Beskrivning', value: 'Uppgifterna enligt lagen (2003:1210) ska vara …' }], status: 'answered' as const };
    expect(answersQuestion(data, u, organisation)).toBe(false);
    const dated = { text: 'Medlemssamråd:\n• torsdag 27 april 2023 (2023-04-27)', status: 'answered' as const };
    expect(answersQuestion(data, u, dated)).toBe(true);
  });
});

describe('"respektive" inside a composite question', () => {
  test('the parts are split first, then each "A respektive B"; a name of several words is one thing', () => {
    expect(compositeParts('Hur mycket intäkter budgeterar förbundet för 2023 totalt, och hur mycket av det kommer från Försäkringskassan respektive Region Västerbotten?'))
      .toEqual(['Hur mycket intäkter budgeterar förbundet för 2023 totalt', 'hur mycket av det kommer från Försäkringskassan?', 'hur mycket av det kommer från Region Västerbotten?']);
    expect(compositeParts('budget för Umeå kommun respektive Vännäs kommun 2023')).toEqual(['budget för Umeå kommun 2023', 'budget för Vännäs kommun 2023']);
    expect(compositeParts('Vad gör AF RESPEKTIVE FK?')).toEqual(['Vad gör AF?', 'Vad gör FK?']);
  });
});

describe('a deadline asked at the end of a message', () => {
  test('"…, sista dag?" and "… – deadline?" ask when', async () => {
    const { messageForm } = await import('../../src/understanding/form.js');
    const { entityTokens } = await import('../../src/domain/entities.js');
    const { normalize } = await import('../../src/domain/text.js');
    const form = (t: string) => messageForm(t, (c) => entityTokens(normalize(c)));
    expect(form('hej vill söka pengar ur extrautlysningen, sista dag?')).toBe('nar');
    expect(form('bilagan med åtaganden – deadline?')).toBe('nar');
    expect(form('hej vill söka pengar ur extrautlysningen')).toBe('other');
  });
});

describe('a line break ends the description before the question', () => {
  test('"vc här. pat på fst\\nvem ska jag stämma av med …" asks who, not yes/no', async () => {
    const { messageForm } = await import('../../src/understanding/form.js');
    const { entityTokens } = await import('../../src/domain/entities.js');
    const { normalize } = await import('../../src/domain/text.js');
    const form = (t: string) => messageForm(t, (c) => entityTokens(normalize(c)));
    expect(form('vc här. patienten lever på försörjningsstöd, ingen sjp\nvem ska jag stämma av med innan vi skickar till arbetsmarknadstorget')).toBe('vem');
    expect(form('patienten har fst\nmåste jag förankra med soc?')).toBe('yesno');
  });
});

describe('a comma before a question word ends the description, with or without a question mark', () => {
  test('"en journalist ringde om X, vem ska jag förankra med" asks who', async () => {
    const { messageForm } = await import('../../src/understanding/form.js');
    const { entityTokens } = await import('../../src/domain/entities.js');
    const { normalize } = await import('../../src/domain/text.js');
    const form = (t: string) => messageForm(t, (c) => entityTokens(normalize(c)));
    expect(form('en journalist ringde om steget vidare, vem ska jag förankra med innan jag svarar')).toBe('vem');
  });
});
