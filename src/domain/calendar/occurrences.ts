import type { CalendarAddition, CalendarEvent, CalendarRule } from '../../data/schema.js';
import { daysInMonth, dayParts, isoDay, type IsoDay } from '../dates.js';

/**
 * The årshjul as dated occurrences: explicit events (mötesplan 2023, 2017 dates …), the kansli's
 * imported additions, and yearly rules ("senast 31 december året före", "maj–september") projected
 * into any year. Pure: the caller hands in the records and the period.
 */

export type CalendarEventRecord = CalendarEvent & { forbund: string };
export type CalendarRuleRecord = CalendarRule & { forbund: string };

export interface CalendarData {
  events: readonly CalendarEventRecord[];
  rules: readonly CalendarRuleRecord[];
  additions: readonly CalendarAddition[];
}

/** Where an occurrence comes from: a seed document's section, or the kansli's import. */
export interface OccurrenceSource {
  doc: string;
  section: string;
}

export interface CalendarOccurrence {
  /** Stable across runs: `förbund/event-id`, `förbund/rule-id/year` or `förbund/import/id`. */
  key: string;
  forbund: string;
  id: string;
  kind: 'meeting' | 'deadline' | 'period' | 'other';
  /** The organ it belongs to first, then the others it concerns. */
  organs: string[];
  verksamhet?: string;
  date: IsoDay;
  endDate?: IsoDay;
  /** 'month' for a rule that names only months ("maj", "maj–september"): no day is claimed. */
  precision: 'day' | 'month';
  partOfDay?: 'formiddag' | 'eftermiddag' | 'heldag';
  startTime?: string;
  endTime?: string;
  place?: string;
  title: string;
  topics: string[];
  /** The rule's wording, for projected rules. */
  text?: string;
  about?: string;
  sources: OccurrenceSource[];
  note?: string;
  origin: 'event' | 'rule' | 'import';
  /** For projected rules: the year the rule concerns ("året före": the date falls a year earlier). */
  concernsYear?: number;
  ruleId?: string;
}

function organsOf(organ: string | undefined, also: readonly string[]): string[] {
  return [...new Set([...(organ ? [organ] : []), ...also])];
}

export function eventOccurrence(e: CalendarEventRecord): CalendarOccurrence {
  return {
    key: `${e.forbund}/${e.id}`,
    forbund: e.forbund,
    id: e.id,
    kind: e.kind,
    organs: organsOf(e.organ, e.alsoOrgans),
    verksamhet: e.verksamhet,
    date: e.date,
    endDate: e.endDate,
    precision: 'day',
    partOfDay: e.partOfDay,
    startTime: e.startTime,
    endTime: e.endTime,
    place: e.place,
    title: e.title,
    topics: e.topics,
    about: e.about,
    sources: [e.source, ...(e.aboutSource ? [e.aboutSource] : [])],
    note: e.note,
    origin: 'event',
  };
}

export function additionOccurrence(a: CalendarAddition): CalendarOccurrence {
  const where = a.imported.file ? `${a.imported.file}${a.imported.row !== undefined ? `, rad ${a.imported.row}` : ''}` : 'chattkommando';
  return {
    key: `${a.forbund}/import/${a.id}`,
    forbund: a.forbund,
    id: a.id,
    kind: a.kind,
    organs: organsOf(a.organ, a.alsoOrgans),
    verksamhet: a.verksamhet,
    date: a.date,
    endDate: a.endDate,
    precision: 'day',
    partOfDay: a.partOfDay,
    startTime: a.startTime,
    endTime: a.endTime,
    place: a.place,
    title: a.title,
    topics: a.topics,
    about: a.about,
    sources: [{ doc: 'Mötesplan importerad av kansliet', section: `${where}, importerad ${a.imported.at.slice(0, 10)}` }],
    note: a.note,
    origin: 'import',
  };
}

/** True when the rule has months, so it can be put on dates (rules like "varannan månad" cannot). */
export function isProjectable(rule: CalendarRule): boolean {
  return rule.month !== undefined;
}

/**
 * The rule's occurrence for the year it concerns (`concernsYear`), or undefined when the rule has
 * no month or the document bounds it to other years. "Året före" (`yearOffset` −1) puts the date in
 * the year before; a period whose end month comes before its start month runs over the year end.
 */
export function projectRule(rule: CalendarRuleRecord, concernsYear: number): CalendarOccurrence | undefined {
  if (rule.month === undefined) return undefined;
  if (rule.fromYear !== undefined && concernsYear < rule.fromYear) return undefined;
  if (rule.toYear !== undefined && concernsYear > rule.toYear) return undefined;
  const year = concernsYear + rule.yearOffset;
  const startDay = Math.min(rule.day ?? 1, daysInMonth(year, rule.month));
  const date = isoDay(year, rule.month, startDay);
  let endDate: IsoDay | undefined;
  let precision: 'day' | 'month' = rule.day !== undefined ? 'day' : 'month';
  if (rule.endMonth !== undefined) {
    const endYear = rule.endMonth < rule.month ? year + 1 : year;
    endDate = isoDay(endYear, rule.endMonth, Math.min(rule.endDay ?? daysInMonth(endYear, rule.endMonth), daysInMonth(endYear, rule.endMonth)));
    if (rule.endDay === undefined) precision = 'month';
  } else if (rule.day === undefined) {
    endDate = isoDay(year, rule.month, daysInMonth(year, rule.month));
  }
  return {
    key: `${rule.forbund}/${rule.id}/${concernsYear}`,
    forbund: rule.forbund,
    id: rule.id,
    kind: rule.kind === 'recurring' ? 'other' : rule.kind,
    organs: organsOf(rule.organ, rule.alsoOrgans),
    verksamhet: rule.verksamhet,
    date,
    endDate,
    precision,
    title: rule.title,
    topics: rule.topics,
    text: rule.text,
    sources: [rule.source],
    note: rule.note,
    origin: 'rule',
    concernsYear,
    ruleId: rule.id,
  };
}

/** Which occurrences to keep: a förbund, and a group (an organ or a verksamhet) they concern. */
export interface OccurrenceFilter {
  forbund?: string;
  group?: string;
  kinds?: readonly CalendarOccurrence['kind'][];
}

export function concernsGroup(o: Pick<CalendarOccurrence, 'organs' | 'verksamhet'>, group: string): boolean {
  return o.organs.includes(group) || o.verksamhet === group;
}

function keep(o: CalendarOccurrence, filter: OccurrenceFilter): boolean {
  if (filter.forbund !== undefined && o.forbund !== filter.forbund) return false;
  if (filter.group !== undefined && !concernsGroup(o, filter.group)) return false;
  if (filter.kinds !== undefined && !filter.kinds.includes(o.kind)) return false;
  return true;
}

/** Sort order: by date, then meetings before the rest, then förmiddag before eftermiddag, then title. */
export function compareOccurrences(a: CalendarOccurrence, b: CalendarOccurrence): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const rank = (o: CalendarOccurrence) => (o.precision === 'month' ? 2 : o.kind === 'meeting' ? 0 : 1);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  const part = (o: CalendarOccurrence) => (o.startTime ?? (o.partOfDay === 'eftermiddag' ? '13:00' : '08:00'));
  if (part(a) !== part(b)) return part(a) < part(b) ? -1 : 1;
  return a.title.localeCompare(b.title, 'sv');
}

/**
 * Every occurrence overlapping [from, to] (inclusive days): dated events, imports and the yearly
 * rules projected into each year the period touches (and the year after, for "året före").
 */
export function occurrencesBetween(cal: CalendarData, from: IsoDay, to: IsoDay, filter: OccurrenceFilter = {}): CalendarOccurrence[] {
  const out: CalendarOccurrence[] = [];
  const overlaps = (o: CalendarOccurrence) => o.date <= to && (o.endDate ?? o.date) >= from;
  // Cheap tests on the record first: building an occurrence per event made the reminder
  // scheduler O(subscriptions × events) in allocations (bench: 50 förbund, 10,000 subscriptions).
  const outside = (r: { forbund: string; date: IsoDay; endDate?: IsoDay }) =>
    r.date > to || (r.endDate ?? r.date) < from || (filter.forbund !== undefined && r.forbund !== filter.forbund);
  for (const e of cal.events) {
    if (outside(e)) continue;
    const o = eventOccurrence(e);
    if (overlaps(o) && keep(o, filter)) out.push(o);
  }
  for (const a of cal.additions) {
    if (outside(a)) continue;
    const o = additionOccurrence(a);
    if (overlaps(o) && keep(o, filter)) out.push(o);
  }
  const firstYear = dayParts(from).year - 1;
  const lastYear = dayParts(to).year + 1;
  for (const r of cal.rules) {
    if (filter.forbund !== undefined && r.forbund !== filter.forbund) continue;
    for (let y = firstYear; y <= lastYear; y += 1) {
      const o = projectRule(r, y);
      if (o && overlaps(o) && keep(o, filter)) out.push(o);
    }
  }
  return out.sort(compareOccurrences);
}
