import { loadData, type AgreementData } from '../../../src/data/load.js';
import { calendarFromData } from '../../../src/domain/calendar/fromData.js';
import {
  occurrencesBetween, projectRule, type CalendarData, type CalendarRuleRecord,
} from '../../../src/domain/calendar/occurrences.js';
import { eventsBetween, findByTopic, nextDeadlines, nextMeeting, nextOfRule } from '../../../src/domain/calendar/queries.js';
import { zonedDay, zonedInstant, zonedTime } from '../../../src/domain/calendar/zone.js';
import { addDays } from '../../../src/domain/dates.js';
import { remindersForDay } from '../../../src/reminders/due.js';
import type { Subscription } from '../../../src/reminders/schema.js';

let data: AgreementData;
let cal: CalendarData;
beforeAll(async () => {
  data = await loadData('data');
  cal = calendarFromData(data, []);
});

const umea = { forbund: 'umearegionen' };

describe('next meeting from any date (001, 5. Mötesplan för 2023/Årshjul)', () => {
  test.each([
    ['2023-01-01', 'styrelse', '2023-02-17'],
    ['2023-02-17', 'styrelse', '2023-02-17'],
    ['2023-02-18', 'styrelse', '2023-03-10'],
    ['2023-04-08', 'styrelse', '2023-04-27'],
    ['2023-10-07', 'styrelse', '2023-10-20'],
    ['2023-10-07', 'ssg', '2023-10-13'],
    ['2023-11-25', 'ssg', undefined],
    ['2017-03-01', 'styrelse', '2017-04-21'],
    // Across the year end: from December 2022 the next one is in the 2023 plan.
    ['2022-12-08', 'styrelse', '2023-02-17'],
  ])('from %s, %s → %s', (today, group, expected) => {
    const r = nextMeeting(cal, today, { ...umea, group });
    expect(r.next[0]?.date).toBe(expected);
  });

  test('both meetings of a day are returned (förmiddag and eftermiddag 2023-03-10)', () => {
    const r = nextMeeting(cal, '2023-03-01', { ...umea, group: 'styrelse' });
    expect(r.next.map((o) => o.partOfDay)).toEqual(['formiddag', 'eftermiddag']);
  });

  test('beyond the documents: no meeting, the last known one instead', () => {
    const r = nextMeeting(cal, '2026-11-23', { ...umea, group: 'styrelse' });
    expect(r.next).toEqual([]);
    expect(r.lastKnown?.date).toBe('2023-11-30');
  });
});

describe('month views', () => {
  test('May 2023: the dated meetings, the kranskommun dialogue overlapping, and the analysis cycle by month', () => {
    const may = eventsBetween(cal, '2023-05-01', '2023-05-31', umea);
    const dated = may.filter((o) => o.origin === 'event').map((o) => `${o.date} ${o.organs[0]}`);
    expect(dated).toEqual(['2023-04-20 styrelse', '2023-05-26 styrelse', '2023-05-26 ssg']);
    const rules = may.filter((o) => o.origin === 'rule').map((o) => o.id);
    expect(rules).toEqual(expect.arrayContaining(['analysgrupp-forslag-maj', 'prioritering-maj-september', 'vuxentorget-tertial-2']));
    expect(may.find((o) => o.id === 'analysgrupp-forslag-maj')?.precision).toBe('month');
  });
  test('October 2023 for SSG only', () => {
    const oct = eventsBetween(cal, '2023-10-01', '2023-10-31', { ...umea, group: 'ssg', kinds: ['meeting'] });
    expect(oct.map((o) => o.date)).toEqual(['2023-10-06', '2023-10-13']);
  });
});

describe('yearly rules', () => {
  const bilaga = () => data.calendarRules.find((r) => r.id === 'bilaga-parternas-ataganden') as CalendarRuleRecord;

  test('"senast 31 december året före" (000, 1. Inledning) lands in the year before the year it concerns', () => {
    expect(projectRule(bilaga(), 2024)).toMatchObject({ date: '2023-12-31', concernsYear: 2024 });
    expect(projectRule(bilaga(), 2027)?.date).toBe('2026-12-31');
    // The agreement applies from 2020: no bilaga for 2019.
    expect(projectRule(bilaga(), 2019)).toBeUndefined();
  });

  test('next occurrence across the year end', () => {
    expect(nextOfRule(bilaga(), '2023-12-31')?.date).toBe('2023-12-31');
    expect(nextOfRule(bilaga(), '2024-01-01')).toMatchObject({ date: '2024-12-31', concernsYear: 2025 });
  });

  test('a period whose end month comes before its start runs into the next year', () => {
    const rule: CalendarRuleRecord = { ...bilaga(), id: 'vinter', kind: 'period', month: 11, day: undefined, endMonth: 2, yearOffset: 0, fromYear: undefined };
    expect(projectRule(rule, 2023)).toMatchObject({ date: '2023-11-01', endDate: '2024-02-29', precision: 'month' });
    const jan = occurrencesBetween({ events: [], additions: [], rules: [rule] }, '2024-01-10', '2024-01-10');
    expect(jan.map((o) => o.key)).toEqual(['umearegionen/vinter/2023']);
  });

  test('rules without a month are stated, never put on dates (Finnveden: varannan månad i efterskott)', () => {
    const pay = data.calendarRules.find((r) => r.id === 'utbetalning-varannan-manad') as CalendarRuleRecord;
    expect(projectRule(pay, 2022)).toBeUndefined();
    expect(findByTopic(cal, 'hur ofta betalas ersättningen ut', { forbund: 'finnveden' }).rules.map((r) => r.id)).toContain('utbetalning-varannan-manad');
  });

  test('a compound is not its first part: "kommunikationsplanen" is no "säker digital kommunikation"', () => {
    expect(findByTopic(cal, 'när följs kommunikationsplanen upp').events.map((o) => o.id)).not.toContain('sdk-2024-01-01');
    expect(findByTopic(cal, 'när ska säker digital kommunikation vara på plats').events.map((o) => o.id)).toContain('sdk-2024-01-01');
    // An inflection still is: "planeringsdagen" ~ "planeringsdag".
    expect(findByTopic(cal, 'när är planeringsdagen').score).toBeGreaterThan(0);
  });

  test('next deadlines from November 2023, nearest first, into the next year', () => {
    const list = nextDeadlines(cal, '2023-12-01', umea).map((o) => `${o.date} ${o.id}`);
    expect(list.slice(0, 2)).toEqual(['2023-12-31 bilaga-parternas-ataganden', '2024-01-01 sdk-2024-01-01']);
    expect(list).toContain('2024-11-30 beslut-verksamhetsplan-30-november');
  });
});

describe('Europe/Stockholm, DST-safe', () => {
  test('08:00 local is 07:00 UTC in winter and 06:00 UTC in summer', () => {
    expect(zonedInstant('2023-02-17', '08:00').toISOString()).toBe('2023-02-17T07:00:00.000Z');
    expect(zonedInstant('2023-05-26', '08:00').toISOString()).toBe('2023-05-26T06:00:00.000Z');
  });
  test('on the DST change days themselves', () => {
    // 26 March 2023: clocks go 02:00 → 03:00. 28 October 2023 ... 29 October: 03:00 → 02:00.
    expect(zonedInstant('2023-03-26', '08:00').toISOString()).toBe('2023-03-26T06:00:00.000Z');
    expect(zonedInstant('2023-03-26', '01:30').toISOString()).toBe('2023-03-26T00:30:00.000Z');
    expect(zonedInstant('2023-03-26', '02:30').toISOString()).toBe('2023-03-26T01:30:00.000Z');
    expect(zonedInstant('2023-10-29', '08:00').toISOString()).toBe('2023-10-29T07:00:00.000Z');
    expect(zonedInstant('2023-10-29', '02:30').toISOString()).toBe('2023-10-29T00:30:00.000Z');
  });
  test('the Stockholm day at an instant, across midnight and the year end', () => {
    expect(zonedDay(new Date('2023-12-31T23:30:00Z'))).toBe('2024-01-01');
    expect(zonedDay(new Date('2023-06-30T22:30:00Z'))).toBe('2023-07-01');
    expect(zonedTime(new Date('2023-10-29T01:30:00Z'))).toBe('02:30');
  });
  test('reminders 7 days before a meeting just after the autumn change still go out at 08:00 local', () => {
    const sub: Subscription = {
      id: 's', forbund: 'umearegionen', group: 'styrelse', target: { kind: 'web', conversationId: 'c' }, channelKey: 'web:c',
      offsets: [7, 1], timeOfDay: '08:00', createdAt: '2023-01-01T00:00:00Z', status: 'active',
    };
    const fixture: CalendarData = {
      rules: [], additions: [],
      events: [{ ...data.calendarEvents.find((e) => e.id === 'styrelse-2023-10-20')!, id: 'x', date: '2023-11-02' }],
    };
    const day = addDays('2023-11-02', -7);
    const [r] = remindersForDay(fixture, [sub], day);
    expect(r?.dueDay).toBe('2023-10-26');
    expect(r?.sendAt.toISOString()).toBe('2023-10-26T06:00:00.000Z');
    const [r1] = remindersForDay(fixture, [sub], '2023-11-01');
    expect(r1?.sendAt.toISOString()).toBe('2023-11-01T07:00:00.000Z');
  });
});

describe('reminders due on a day', () => {
  test('2023-10-13: the styrelse meeting of 2023-10-20 at 7 days', () => {
    const sub: Subscription = {
      id: 's', forbund: 'umearegionen', group: 'styrelse', target: { kind: 'web', conversationId: 'c' }, channelKey: 'web:c',
      offsets: [7, 1], timeOfDay: '08:00', createdAt: '2023-01-01T00:00:00Z', status: 'active',
    };
    const due = remindersForDay(cal, [sub], '2023-10-13');
    expect(due.map((r) => [r.occurrence.date, r.offset])).toEqual([['2023-10-20', 7]]);
    expect(remindersForDay(cal, [sub], '2023-10-19').map((r) => [r.occurrence.date, r.offset])).toEqual([['2023-10-20', 1]]);
  });
});
