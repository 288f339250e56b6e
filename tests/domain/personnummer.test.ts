import { describe, expect, test } from '@jest/globals';
import {
  PERSONNUMMER_PLACEHOLDER,
  containsPersonnummer,
  findPersonnummer,
  luhnValid,
  redactPersonnummer,
} from '../../src/domain/personnummer.js';

describe('personnummer detection', () => {
  test.each([
    ['YYMMDD-XXXX', '811218-9876'],
    ['YYMMDD-XXXX, wrong check digit (still a personnummer to remove)', '850101-1234'],
    ['YYMMDD+XXXX (100 years or older)', '121212+1212'],
    ['YYYYMMDD-XXXX', '19811218-9876'],
    ['10 digits, valid check digit', '8112189876'],
    ['12 digits, valid check digit', '198112189876'],
    ['space as separator, valid check digit', '811218 9876'],
    ['samordningsnummer (day + 60), dashed', '701063-2391'],
    ['samordningsnummer, 12 digits', '197010632391'],
  ])('finds %s: %s', (_what, pnr) => {
    expect(findPersonnummer(`Kan ${pnr} aktualiseras?`)).toHaveLength(1);
  });

  test.each([
    ['Försäkringskassan org.nr', '202100-5521'],
    ['Arbetsförmedlingen org.nr', '202100-2114'],
    ['Umeå kommun org.nr', '212000-2723'],
    ['Region Västerbotten org.nr', '232100-0222'],
    ['org.nr without dash', '2021005521'],
    ['an ISO date', '2023-02-17'],
    ['a date range', '20230101-20231231'],
    ['a phone number', '090-785 63 10'],
    ['a mobile number', '0701234567'],
    ['month 13', '851301-1234'],
    ['day 00', '850100-1234'],
    ['day 32 (neither day nor samordningsnummer)', '850132-1234'],
    ['10 digits with a wrong check digit', '8501011234'],
    ['part of a longer number', '18501011234567'],
    ['a sum', '2 190 000'],
  ])('does not match %s: %s', (_what, text) => {
    expect(findPersonnummer(`Värdet är ${text} enligt bilagan.`)).toEqual([]);
  });

  test('finds each of several, with their positions', () => {
    const text = '811218-9876 och 19701063-2391';
    const found = findPersonnummer(text);
    expect(found.map((m) => text.slice(m.index, m.index + m.length))).toEqual(['811218-9876', '19701063-2391']);
    expect(found.map((m) => m.samordningsnummer)).toEqual([false, true]);
  });

  test('redacts every number and keeps the rest of the text', () => {
    const r = redactPersonnummer('Personen 811218-9876, även 8112189876, bor i Umeå (org 212000-2723).');
    expect(r.count).toBe(2);
    expect(r.text).toBe(`Personen ${PERSONNUMMER_PLACEHOLDER}, även ${PERSONNUMMER_PLACEHOLDER}, bor i Umeå (org 212000-2723).`);
    expect(containsPersonnummer(r.text)).toBe(false);
  });

  test('Luhn check digit', () => {
    expect(luhnValid('8112189876')).toBe(true);
    expect(luhnValid('8112189875')).toBe(false);
    expect(luhnValid('2021005521')).toBe(true); // org numbers have check digits too: the month rule excludes them
    expect(luhnValid('123')).toBe(false);
  });
});
