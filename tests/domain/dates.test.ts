import {
  addDays, daysBetween, formatSwedishDay, formatSwedishDayLong, isIsoDay, isoWeekStart, parseSwedishDate, startOfWeek,
} from '../../src/domain/dates.js';

describe('day arithmetic', () => {
  test('addDays across month, year and leap day', () => {
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-03-01', -1)).toBe('2023-02-28');
    // DST weekends change nothing for whole days.
    expect(addDays('2023-03-25', 2)).toBe('2023-03-27');
    expect(addDays('2023-10-28', 2)).toBe('2023-10-30');
  });
  test('daysBetween, weeks, validity', () => {
    expect(daysBetween('2023-10-13', '2023-10-20')).toBe(7);
    expect(startOfWeek('2023-10-15')).toBe('2023-10-09');
    expect(isoWeekStart(2023, 42)).toBe('2023-10-16');
    expect(isIsoDay('2023-02-29')).toBe(false);
    expect(isIsoDay('2024-02-29')).toBe(true);
  });
  test('Swedish formatting', () => {
    expect(formatSwedishDay('2023-02-17')).toBe('17 februari 2023');
    expect(formatSwedishDayLong('2023-10-20')).toBe('fredag 20 oktober 2023 (2023-10-20)');
  });
});

describe('parseSwedishDate', () => {
  const today = '2023-02-01';
  test.each([
    ['möte 17/2', { kind: 'day', day: '2023-02-17' }],
    ['17/2 2024', { kind: 'day', day: '2024-02-17' }],
    ['17 februari', { kind: 'day', day: '2023-02-17' }],
    ['den 6:e oktober', { kind: 'day', day: '2023-10-06' }],
    ['20 okt 2023', { kind: 'day', day: '2023-10-20' }],
    ['2023-10-20', { kind: 'day', day: '2023-10-20' }],
    ['idag', { kind: 'day', day: '2023-02-01' }],
    ['i dag', { kind: 'day', day: '2023-02-01' }],
    ['imorgon', { kind: 'day', day: '2023-02-02' }],
    ['i morgon', { kind: 'day', day: '2023-02-02' }],
    ['igår', { kind: 'day', day: '2023-01-31' }],
    ['möten i maj', { kind: 'month', year: 2023, month: 5, from: '2023-05-01', to: '2023-05-31' }],
    ['Vad händer i oktober?', { kind: 'month', year: 2023, month: 10 }],
    ['i januari', { kind: 'month', year: 2024, month: 1 }],
    ['oktober 2024', { kind: 'month', year: 2024, month: 10 }],
    ['nästa månad', { kind: 'month', year: 2023, month: 3 }],
    ['nästa vecka', { kind: 'range', from: '2023-02-06', to: '2023-02-12' }],
    ['den här veckan', { kind: 'range', from: '2023-01-30', to: '2023-02-05' }],
    ['vecka 42', { kind: 'range', from: '2023-10-16', to: '2023-10-22' }],
    ['under hösten', { kind: 'range', from: '2023-09-01', to: '2023-11-30' }],
    ['i vintern', { kind: 'range', from: '2022-12-01', to: '2023-02-28' }],
    ['våren 2024', { kind: 'range', from: '2024-03-01', to: '2024-05-31' }],
  ])('%s', (text, expected) => {
    expect(parseSwedishDate(text, today)).toMatchObject(expected);
  });

  test('a month already passed means next year; a day more than 30 days back too', () => {
    expect(parseSwedishDate('i maj', '2023-06-10')).toMatchObject({ year: 2024, month: 5 });
    expect(parseSwedishDate('i juni', '2023-06-10')).toMatchObject({ year: 2023, month: 6 });
    expect(parseSwedishDate('17/2', '2023-12-20')).toMatchObject({ day: '2024-02-17' });
    expect(parseSwedishDate('17/2', '2023-03-01')).toMatchObject({ day: '2023-02-17' });
    expect(parseSwedishDate('nästa månad', '2023-12-05')).toMatchObject({ year: 2024, month: 1 });
    expect(parseSwedishDate('nästa vecka', '2023-12-28')).toMatchObject({ from: '2024-01-01', to: '2024-01-07' });
    expect(parseSwedishDate('under sommaren', '2023-10-01')).toMatchObject({ from: '2024-06-01', to: '2024-08-31' });
    expect(parseSwedishDate('i vintern', '2023-10-01')).toMatchObject({ from: '2023-12-01', to: '2024-02-29' });
  });

  test('no date, and words that only look like months', () => {
    expect(parseSwedishDate('När är nästa styrelsemöte?', today)).toBeUndefined();
    expect(parseSwedishDate('hur mår du', today)).toBeUndefined();
    expect(parseSwedishDate('julbord', today)).toBeUndefined();
    expect(parseSwedishDate('31/2', today)).toBeUndefined();
  });
});
