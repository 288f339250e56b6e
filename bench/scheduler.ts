import { performance } from 'node:perf_hooks';
import { silentLogger } from '../src/core/log.js';
import type { AgreementData } from '../src/data/load.js';
import { createDeliveryRegistry } from '../src/delivery/types.js';
import type { CalendarData, CalendarEventRecord } from '../src/domain/calendar/occurrences.js';
import { STOCKHOLM, zonedInstant } from '../src/domain/calendar/zone.js';
import { remindersForDay } from '../src/reminders/due.js';
import type { Subscription } from '../src/reminders/schema.js';
import { ReminderScheduler } from '../src/reminders/scheduler.js';
import type { StateData } from '../src/state/schema.js';
import type { StateStore } from '../src/state/store.js';

/** Every (förbund, group) a subscription can name: the organs and verksamheter of the data. */
function groupsOf(data: AgreementData): { forbund: string; group: string }[] {
  return [...data.organs.map((o) => ({ forbund: o.forbund, group: o.id })), ...data.verksamheter.map((v) => ({ forbund: v.forbund, group: v.id }))];
}

/**
 * A year of generated events on top of the curated ones: for every group, a meeting on a
 * different weekday-ish day each month and a deadline each tertial, all through `year`.
 */
export function generatedYear(data: AgreementData, year: number): CalendarEventRecord[] {
  const events: CalendarEventRecord[] = [];
  groupsOf(data).forEach(({ forbund, group }, g) => {
    for (let month = 1; month <= 12; month += 1) {
      const day = 1 + ((g * 7 + month * 3) % 28);
      const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      events.push({
        id: `bench-${group}-${year}-${month}`,
        forbund,
        kind: month % 4 === 0 ? 'deadline' : 'meeting',
        organ: group,
        alsoOrgans: [],
        date,
        partOfDay: 'formiddag',
        title: month % 4 === 0 ? 'Rapport in' : 'Möte',
        topics: [],
        source: { doc: '001_3b8f569c69f127f3.txt', section: 'genererad (bench)' },
      } satisfies CalendarEventRecord);
    }
  });
  return events;
}

/** `count` active subscriptions spread round robin over the data's groups (default offsets 7 and 1, 08:00). */
export function generatedSubscriptions(data: AgreementData, count: number, createdAt: string): Subscription[] {
  const groups = groupsOf(data);
  return Array.from({ length: count }, (_, i) => {
    const { forbund, group } = groups[i % groups.length] as { forbund: string; group: string };
    return {
      id: `bench-sub-${i}`,
      forbund,
      group,
      target: { kind: 'web', conversationId: `bench-${i}` },
      channelKey: `web:bench-${i}`,
      offsets: [7, 1],
      timeOfDay: '08:00',
      createdAt,
      status: 'active',
    } satisfies Subscription;
  });
}

export interface SchedulerFigures {
  subscriptions: number;
  events: number;
  /** remindersForDay for one day (pure), median of the runs. */
  dayMs: number;
  /** The scheduler's first look at a day (pendingDue: a year back, sent-log filtered), median of the runs. */
  tickMs: number;
  due: number;
}

/**
 * Scheduler scale: one day's due reminders for `count` subscriptions over the curated calendar plus
 * a generated year of events. The store is a read-only stand-in: pendingDue only reads it.
 */
export function runSchedulerBench(data: AgreementData, count: number, options: { day?: string; runs?: number; tickRuns?: number } = {}): SchedulerFigures {
  const day = options.day ?? '2027-05-15';
  const year = Number(day.slice(0, 4));
  const calendar: CalendarData = { events: [...data.calendarEvents, ...generatedYear(data, year)], rules: data.calendarRules, additions: [] };
  const subscriptions = generatedSubscriptions(data, count, `${year - 1}-06-01T00:00:00Z`);
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  const runs = options.runs ?? 3;

  const dayTimes: number[] = [];
  let due = 0;
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    due = remindersForDay(calendar, subscriptions, day).length;
    dayTimes.push(performance.now() - start);
  }

  const state = { subscriptions, sentReminders: [], calendarAdditions: [] } as unknown as StateData;
  const store = { file: '(bench)', read: () => state, update: () => Promise.reject(new Error('read-only')), flush: async () => undefined } as StateStore;
  const tickTimes: number[] = [];
  for (let i = 0; i < (options.tickRuns ?? runs); i += 1) {
    // A new scheduler each time: its per-day cache would make the second look free.
    const scheduler = new ReminderScheduler({
      store,
      calendar: () => calendar,
      registry: createDeliveryRegistry(),
      reporter: { report: async () => undefined },
      clock: () => zonedInstant(day, '23:59', STOCKHOLM),
      log: silentLogger,
      groupName: (_f, g) => g,
    });
    const start = performance.now();
    scheduler.pendingDue();
    tickTimes.push(performance.now() - start);
  }
  return { subscriptions: count, events: calendar.events.length, dayMs: median(dayTimes), tickMs: median(tickTimes), due };
}
