import { describe, expect, test } from '@jest/globals';
import {
  PERSONNUMMER_PLACEHOLDER,
  containsPersonnummer,
  findPersonnummer,
  luhnValid,
  redactPersonnummer,
} from '../../src/domain/personnummer.js';
import { PNR_FORMS } from '../helpers/personnummerForms.js';

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
    ['an amount in tkr', '2 860 tkr'],
    ['an amount with a space', '1 250 000 kr'],
    ['a year range', '2023-2025'],
    ['a year range with an en dash', '2023\u20132025'],
    ['an org number with month digit 2+', '222000-1248'],
    ['an org number with an en dash', '202100\u20135521'],
    ['an org number with spaces', '202100 5521'],
    ['a company org number', '556677-8899'],
    ['a list of ISO dates', '2023-02-17 2023-03-17 2023-04-21'],
    ['an ISO date and a year', '2023-02-17 2024'],
    ['an ISO date and a time', '2023-02-17 1015'],
    ['a time range', '09.00-12.00'],
    ['a phone number with spaces', '090-16 10 00'],
    ['a full-width year', '\uFF12\uFF10\uFF12\uFF13'],
    ['30 February', '850230-1234'],
    ['31 April (samordningsnummer day 91 in April)', '850491-1234'],
  ])('does not match %s: %s', (_what, text) => {
    expect(findPersonnummer(`Värdet är ${text} enligt bilagan.`)).toEqual([]);
  });

  test.each(PNR_FORMS.map((f) => [f.name, f.typed]))('finds the written form "%s" inside a sentence: %s', (_what, typed) => {
    const text = `Min klient har ${typed}, kan hon aktualiseras?`;
    const found = findPersonnummer(text);
    expect(found).toHaveLength(1);
    const r = redactPersonnummer(text);
    expect(r.text).toBe(`Min klient har ${typed.startsWith('p') ? typed.replace(/[\d\uFF10-\uFF19].*$/u, '') : ''}${PERSONNUMMER_PLACEHOLDER}, kan hon aktualiseras?`);
  });

  test('the written forms are at least 27, all different', () => {
    expect(PNR_FORMS.length).toBeGreaterThanOrEqual(27);
    expect(new Set(PNR_FORMS.map((f) => f.typed)).size).toBe(PNR_FORMS.length);
  });

  test('text around a match keeps its own dashes and digits', () => {
    const r = redactPersonnummer('Vuxentorget 2023\u20132025 \u2013 8112189876 \u2013 budget 2 860 tkr');
    expect(r.text).toBe(`Vuxentorget 2023\u20132025 \u2013 ${PERSONNUMMER_PLACEHOLDER} \u2013 budget 2 860 tkr`);
  });

  test('two numbers separated only by a space are both found', () => {
    const text = '811218-9876 850101-1234';
    expect(findPersonnummer(text).map((m) => text.slice(m.index, m.index + m.length))).toEqual(['811218-9876', '850101-1234']);
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
