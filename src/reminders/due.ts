import type { Reply } from '../core/reply.js';
import type { CalendarData, CalendarOccurrence } from '../domain/calendar/occurrences.js';
import { occurrencesBetween } from '../domain/calendar/occurrences.js';
import { STOCKHOLM, zonedDay, zonedInstant } from '../domain/calendar/zone.js';
import { addDays, formatSwedishDayLong, type IsoDay } from '../domain/dates.js';
import type { Subscription } from './schema.js';

/** One reminder: a subscription, an event and an offset, due on a Stockholm day at the subscription's time. */
export interface DueReminder {
  /** The sent-log key: stable, unique per (subscription, event, offset). */
  key: string;
  subscription: Subscription;
  occurrence: CalendarOccurrence;
  offset: number;
  dueDay: IsoDay;
  timeOfDay: string;
  /** The instant the reminder is due: `dueDay` at `timeOfDay` in Europe/Stockholm (DST-safe). */
  sendAt: Date;
}

const instants = new Map<string, Date>();

/** `zonedInstant` memoised: the scheduler asks for the same few (day, time) pairs every minute. */
function sendInstant(day: IsoDay, time: string): Date {
  const key = `${day}T${time}`;
  let at = instants.get(key);
  if (!at) {
    at = zonedInstant(day, time, STOCKHOLM);
    if (instants.size > 10_000) instants.clear();
    instants.set(key, at);
  }
  return new Date(at.getTime());
}

export function reminderKey(subscriptionId: string, occurrenceKey: string, offset: number): string {
  return `${subscriptionId}|${occurrenceKey}|${offset}`;
}

/**
 * Which occurrences get reminders: dated meetings, deadlines and periods (their start), and yearly
 * rules that name a day ("senast 31 december året före"). Month-only rules ("maj–september") have no
 * day to count back from, and 'other' events (NNS årsmöte) belong to no group's duties.
 */
export function isRemindable(o: CalendarOccurrence): boolean {
  if (o.precision !== 'day') return false;
  if (o.origin === 'rule') return o.kind === 'deadline';
  return o.kind === 'meeting' || o.kind === 'deadline' || o.kind === 'period';
}

/** Every reminder of the active subscriptions whose due day lies in [fromDay, toDay]. */
export function remindersBetween(cal: CalendarData, subscriptions: readonly Subscription[], fromDay: IsoDay, toDay: IsoDay): DueReminder[] {
  const out: DueReminder[] = [];
  // Many subscriptions share a group (every channel of a styrelse): project its årshjul once per
  // (förbund, group, longest offset), not once per subscription (bench: 10,000 subscriptions).
  const byGroup = new Map<string, CalendarOccurrence[]>();
  const byForbund = new Map<string, CalendarData>();
  const calendarOf = (forbund: string): CalendarData => {
    let own = byForbund.get(forbund);
    if (!own) {
      own = {
        events: cal.events.filter((e) => e.forbund === forbund),
        rules: cal.rules.filter((r) => r.forbund === forbund),
        additions: cal.additions.filter((a) => a.forbund === forbund),
      };
      byForbund.set(forbund, own);
    }
    return own;
  };
  for (const sub of subscriptions) {
    if (sub.status !== 'active') continue;
    const maxOffset = Math.max(...sub.offsets);
    const groupKey = `${sub.forbund}\u0000${sub.group}\u0000${maxOffset}`;
    let occurrences = byGroup.get(groupKey);
    if (!occurrences) {
      const all = occurrencesBetween(calendarOf(sub.forbund), fromDay, addDays(toDay, maxOffset), { forbund: sub.forbund, group: sub.group }).filter(isRemindable);
      // A yearly deadline on the same day as a dated deadline says the same thing: remind once.
      occurrences = all.filter((o) => o.origin !== 'rule'
        || !all.some((d) => d.origin !== 'rule' && d.kind === 'deadline' && d.date === o.date && d.organs.some((g) => o.organs.includes(g))));
      byGroup.set(groupKey, occurrences);
    }
    for (const occurrence of occurrences) {
      for (const offset of new Set(sub.offsets)) {
        const dueDay = addDays(occurrence.date, -offset);
        if (dueDay < fromDay || dueDay > toDay) continue;
        out.push({
          key: reminderKey(sub.id, occurrence.key, offset),
          subscription: sub,
          occurrence,
          offset,
          dueDay,
          timeOfDay: sub.timeOfDay,
          sendAt: sendInstant(dueDay, sub.timeOfDay),
        });
      }
    }
  }
  return out.sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime() || a.key.localeCompare(b.key));
}

/** The reminders due on one Stockholm day (`npm run reminders -- --today`). */
export function remindersForDay(cal: CalendarData, subscriptions: readonly Subscription[], day: IsoDay): DueReminder[] {
  return remindersBetween(cal, subscriptions, day, day);
}

/** The next reminders these subscriptions will send after `now`, for the subscribe confirmation. */
export function upcomingReminders(cal: CalendarData, subscriptions: readonly Subscription[], now: Date, limit: number): DueReminder[] {
  const today = zonedDay(now, STOCKHOLM);
  return remindersBetween(cal, subscriptions, today, addDays(today, 400)).filter((r) => r.sendAt > now).slice(0, limit);
}

/** The reminder message. `late`: it was due while the bot was down and goes out now, once. */
export function reminderReply(
  r: Pick<DueReminder, 'occurrence' | 'offset'>, groupName: string, late: boolean, documentTitle: (doc: string) => string | undefined = () => undefined,
): Reply {
  const o = r.occurrence;
  const when = r.offset === 0 ? 'idag' : r.offset === 1 ? 'imorgon' : `om ${r.offset} dagar`;
  const time = o.startTime ? `, kl. ${o.startTime}` : o.partOfDay ? `, ${o.partOfDay === 'formiddag' ? 'förmiddag' : o.partOfDay}` : '';
  const what = o.kind === 'deadline' ? `Deadline ${when}` : `${groupName}: ${when}`;
  const lines = [`Påminnelse – ${what}: ${o.title}, ${formatSwedishDayLong(o.date)}${time}${o.place ? `, ${o.place}` : ''}.`];
  if (o.text) lines.push(o.text);
  if (late) lines.push('(Sen påminnelse: den skulle ha gått ut tidigare men boten var inte igång då.)');
  return {
    text: lines.join('\n'),
    sources: o.sources.map((s) => {
      const title = documentTitle(s.doc);
      return title ? { doc: s.doc, section: s.section, title } : { doc: s.doc, section: s.section };
    }),
  };
}
