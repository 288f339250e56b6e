import { createHash } from 'node:crypto';
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { CalendarData, CalendarOccurrence } from '../domain/calendar/occurrences.js';
import { occurrencesBetween } from '../domain/calendar/occurrences.js';
import { STOCKHOLM } from '../domain/calendar/zone.js';
import { addDays } from '../domain/dates.js';

/**
 * The årshjul as an iCalendar feed (RFC 5545) per förbund and group, for Outlook/Google to
 * subscribe to. UIDs are a hash of förbund and the occurrence key, so a re-published feed updates
 * events instead of duplicating them. Timed meetings carry TZID=Europe/Stockholm with its
 * VTIMEZONE; meetings the plan gives only as "förmiddag"/"eftermiddag" are all-day events with the
 * part of day in the title — the documents give no clock times for them, and none is invented.
 */

/** VTIMEZONE for Europe/Stockholm (EU rules since 1996: last Sunday of March/October). */
export function stockholmVtimezone(tz: string): string | null {
  if (tz !== STOCKHOLM) return null;
  return [
    'BEGIN:VTIMEZONE',
    'TZID:Europe/Stockholm',
    'X-LIC-LOCATION:Europe/Stockholm',
    'BEGIN:DAYLIGHT',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'TZNAME:CEST',
    'DTSTART:19700329T020000',
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'TZNAME:CET',
    'DTSTART:19701025T030000',
    'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    'END:STANDARD',
    'END:VTIMEZONE',
  ].join('\r\n');
}

/** The stable UID of an occurrence in the feed. */
export function occurrenceUid(o: Pick<CalendarOccurrence, 'forbund' | 'key'>): string {
  return `${createHash('sha256').update(`${o.forbund}/${o.key}`).digest('hex').slice(0, 32)}@samverkansboten`;
}

export interface FeedOptions {
  forbund: string;
  forbundName: string;
  group?: string;
  groupName?: string;
  /** Rules are projected for the years around this day (the year before to the year after). */
  today: string;
  /** DTSTAMP of every event; pass the data's or the clock's time. */
  stamp: Date;
  /** Titles of the seed documents, for the source line in each description. */
  documentTitle: (doc: string) => string | undefined;
}

const PART: Record<string, string> = { formiddag: 'förmiddag', eftermiddag: 'eftermiddag', heldag: 'heldag' };

/** Which occurrences a feed shows: dated meetings, periods and deadlines, and yearly deadlines with a day. */
function inFeed(o: CalendarOccurrence): boolean {
  if (o.origin === 'rule') return o.kind === 'deadline' && o.precision === 'day';
  return o.precision === 'day';
}

export function buildIcs(cal: CalendarData, options: FeedOptions): string {
  const year = Number(options.today.slice(0, 4));
  const feed = ical({
    name: `Årshjul ${options.groupName ?? options.forbundName}`,
    prodId: { company: 'Samverkansboten', product: 'Årshjul', language: 'SV' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: STOCKHOLM, generator: stockholmVtimezone },
  });
  const datedFrom = '2000-01-01';
  const occurrences = occurrencesBetween(cal, datedFrom, `${year + 1}-12-31`, { forbund: options.forbund, group: options.group })
    .filter(inFeed)
    // Yearly rules only for the years around today: a feed must stay finite.
    .filter((o) => o.origin !== 'rule' || o.date >= `${year - 1}-01-01`);
  for (const o of occurrences) {
    const part = o.partOfDay && !o.startTime ? ` (${PART[o.partOfDay]})` : '';
    const source = o.sources.map((s) => `${options.documentTitle(s.doc) ?? s.doc}, ${s.section}`).join('; ');
    const description = [o.text ?? o.about, o.note, `Källa: ${source}`].filter((x): x is string => x !== undefined).join('\n\n');
    const common = {
      id: occurrenceUid(o),
      summary: `${o.kind === 'deadline' ? 'Senast: ' : ''}${o.title}${part}`,
      description,
      location: o.place,
      stamp: options.stamp,
    };
    if (o.startTime) {
      feed.createEvent({
        ...common,
        start: wallClock(o.date, o.startTime),
        end: wallClock(o.endDate ?? o.date, o.endTime ?? o.startTime),
        timezone: STOCKHOLM,
      });
    } else {
      // All-day: DTEND is exclusive, the day after the last day.
      feed.createEvent({ ...common, allDay: true, start: dateOnly(o.date), end: dateOnly(addDays(o.endDate ?? o.date, 1)) });
    }
  }
  // ical-generator writes DTSTAMP in the calendar's zone without a TZID; RFC 5545 (3.8.7.2) wants UTC.
  return feed.toString().replace(/^DTSTAMP:\d{8}T\d{6}Z?\r$/gm, `DTSTAMP:${utcStamp(options.stamp)}\r`);
}

function utcStamp(at: Date): string {
  return `${at.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/**
 * ical-generator prints a native Date's *local* fields after TZID=…, so the wall-clock time in
 * Stockholm is handed over as local fields, whatever the process's own zone is. (Meeting times
 * never fall in a DST gap, where a local Date could not hold them.)
 */
function wallClock(day: string, time: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(y, m - 1, d, hh, mm, 0);
}

/** A Date whose local calendar day is `day` (ical-generator formats all-day dates from local fields). */
function dateOnly(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12, 0, 0);
}
