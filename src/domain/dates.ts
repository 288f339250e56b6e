import { normalize } from './text.js';

/**
 * Calendar-day arithmetic and Swedish date expressions, shared by every feature.
 * Days are ISO strings (YYYY-MM-DD) and computed in UTC, so no time zone or DST change can shift
 * them; turning a day into an instant in a zone is src/domain/calendar/zone.ts's job.
 * "Today" is always a parameter (DESIGN.md: the clock is injected).
 */

/** A calendar day, `YYYY-MM-DD`. */
export type IsoDay = string;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DayParts {
  year: number;
  month: number;
  day: number;
}

/** True for a real calendar day written YYYY-MM-DD (2023-02-30 is not). */
export function isIsoDay(value: string): boolean {
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function dayParts(day: IsoDay): DayParts {
  const m = ISO_DAY.exec(day);
  if (!m) throw new Error(`Ogiltigt datum: ${day} (väntade ÅÅÅÅ-MM-DD)`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export function isoDay(year: number, month: number, day: number): IsoDay {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toUtc(day: IsoDay): number {
  const p = dayParts(day);
  return Date.UTC(p.year, p.month - 1, p.day);
}

function fromUtc(ms: number): IsoDay {
  const d = new Date(ms);
  return isoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const DAY_MS = 86_400_000;

export function addDays(day: IsoDay, days: number): IsoDay {
  return fromUtc(toUtc(day) + days * DAY_MS);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDay, to: IsoDay): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** ISO weekday: 1 = måndag … 7 = söndag. */
export function isoWeekday(day: IsoDay): number {
  const wd = new Date(toUtc(day)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

/** The Monday of the ISO week `day` is in. */
export function startOfWeek(day: IsoDay): IsoDay {
  return addDays(day, 1 - isoWeekday(day));
}

/** The Monday of ISO week `week` of `year` (week 1 holds 4 January). */
export function isoWeekStart(year: number, week: number): IsoDay {
  return addDays(startOfWeek(isoDay(year, 1, 4)), (week - 1) * 7);
}

export const SWEDISH_MONTHS = [
  'januari', 'februari', 'mars', 'april', 'maj', 'juni',
  'juli', 'augusti', 'september', 'oktober', 'november', 'december',
] as const;

export const SWEDISH_WEEKDAYS = ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'] as const;

/** "17 februari 2023"; without the year when `withYear` is false. */
export function formatSwedishDay(day: IsoDay, withYear = true): string {
  const p = dayParts(day);
  const text = `${p.day} ${SWEDISH_MONTHS[p.month - 1]}`;
  return withYear ? `${text} ${p.year}` : text;
}

/** "fredag 17 februari 2023 (2023-02-17)": the long form used in answers, ISO last so it can be copied. */
export function formatSwedishDayLong(day: IsoDay): string {
  return `${SWEDISH_WEEKDAYS[isoWeekday(day) - 1]} ${formatSwedishDay(day)} (${day})`;
}

/** "maj 2023". */
export function formatSwedishMonth(year: number, month: number): string {
  return `${SWEDISH_MONTHS[month - 1]} ${year}`;
}

/**
 * Month names and abbreviations as typed (normalised, å/ä/ö folded) → month number. "mar", "jul"
 * and "jan" are left out: folded they are also "mår", Christmas and a name.
 */
const MONTH_WORDS: ReadonlyMap<string, number> = new Map([
  ...SWEDISH_MONTHS.map((m, i) => [m, i + 1] as const),
  ['feb', 2], ['febr', 2], ['apr', 4], ['jun', 6], ['aug', 8],
  ['sep', 9], ['sept', 9], ['okt', 10], ['nov', 11], ['dec', 12],
]);
const MONTH_PATTERN = [...MONTH_WORDS.keys()].sort((a, b) => b.length - a.length).join('|');

/** What a Swedish date expression means: one day, a span of days (a week) or a month. */
export type DateExpression =
  | { kind: 'day'; day: IsoDay; matched: string }
  | { kind: 'range'; from: IsoDay; to: IsoDay; label: string; matched: string }
  | { kind: 'month'; year: number; month: number; from: IsoDay; to: IsoDay; matched: string };

function monthExpression(year: number, month: number, matched: string): DateExpression {
  return { kind: 'month', year, month, from: isoDay(year, month, 1), to: isoDay(year, month, daysInMonth(year, month)), matched };
}

/** A month named without a year: this month, or the next time it comes round ("i maj" in June = next May). */
function upcomingMonthYear(month: number, today: IsoDay): number {
  const t = dayParts(today);
  return month >= t.month ? t.year : t.year + 1;
}

/**
 * A day named without a year: this year's, unless it lies more than 30 days back — then next
 * year's ("17/2" asked in December means next February; asked on 1 March, the one just gone).
 */
function nearestYear(month: number, day: number, today: IsoDay): number | undefined {
  const t = dayParts(today).year;
  for (const y of [t, t + 1]) {
    if (day > daysInMonth(y, month)) continue;
    if (y > t || daysBetween(today, isoDay(y, month, day)) >= -30) return y;
  }
  return undefined;
}

function fullYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

/**
 * Finds the first Swedish date expression in `text` relative to `today`:
 * ISO ("2023-10-20"), "17/2" and "17/2 2023", "17 februari" / "17 feb 2024", "i maj" / "maj 2024" /
 * "i oktober", "idag", "imorgon", "igår", "i övermorgon", "nästa vecka", "den här veckan", "förra veckan",
 * "vecka 42", "nästa månad", "den här månaden", "förra månaden". Works on the normalised text,
 * so "imorgon", "i morgon" and "IMORGON" agree. Returns undefined when there is none.
 */
export function parseSwedishDate(text: string, today: IsoDay): DateExpression | undefined {
  const n = normalize(text);
  const t = dayParts(today);

  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(n);
  if (iso && isIsoDay(iso[0])) return { kind: 'day', day: iso[0], matched: iso[0] };

  const isoMonth = /\b(\d{4})-(\d{2})\b/.exec(n);
  if (isoMonth && Number(isoMonth[2]) >= 1 && Number(isoMonth[2]) <= 12) {
    return monthExpression(Number(isoMonth[1]), Number(isoMonth[2]), isoMonth[0]);
  }

  const relative: [RegExp, number][] = [
    [/\bi overmorgon\b|\bovermorgon\b/, 2],
    [/\bi morgon\b|\bimorgon\b/, 1],
    [/\bi dag\b|\bidag\b/, 0],
    [/\bi gar\b|\bigar\b/, -1],
  ];
  for (const [re, offset] of relative) {
    const m = re.exec(n);
    if (m) return { kind: 'day', day: addDays(today, offset), matched: m[0] };
  }

  const slash = /\b(\d{1,2})\/(\d{1,2})(?:[ -](\d{4}|\d{2})\b)?/.exec(n);
  if (slash) {
    const day = Number(slash[1]);
    const month = Number(slash[2]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      const year = fullYear(slash[3]) ?? nearestYear(month, day, today);
      if (year !== undefined && day <= daysInMonth(year, month)) return { kind: 'day', day: isoDay(year, month, day), matched: slash[0] };
    }
  }

  const named = new RegExp(`\\b(\\d{1,2}):?e? (${MONTH_PATTERN})\\b(?: (\\d{4}))?`).exec(n);
  if (named) {
    const day = Number(named[1]);
    const month = MONTH_WORDS.get(named[2] ?? '') ?? 0;
    const year = fullYear(named[3]) ?? nearestYear(month, day, today);
    if (year !== undefined && day >= 1 && day <= daysInMonth(year, month)) {
      return { kind: 'day', day: isoDay(year, month, day), matched: named[0] };
    }
  }

  const weekNumber = /\b(?:vecka|v\.?) ?(\d{1,2})\b(?: (\d{4}))?/.exec(n);
  if (weekNumber) {
    const week = Number(weekNumber[1]);
    if (week >= 1 && week <= 53) {
      const year = fullYear(weekNumber[2]) ?? t.year;
      const from = isoWeekStart(year, week);
      return { kind: 'range', from, to: addDays(from, 6), label: `vecka ${week} ${year}`, matched: weekNumber[0] };
    }
  }

  const weeks: [RegExp, number, string][] = [
    [/\bnasta vecka\b|\bkommande vecka\b/, 7, 'nästa vecka'],
    [/\bforra veckan\b|\bforra vecka\b/, -7, 'förra veckan'],
    [/\bden har veckan\b|\bdenna vecka\b|\bi veckan\b/, 0, 'den här veckan'],
  ];
  for (const [re, offset, label] of weeks) {
    const m = re.exec(n);
    if (m) {
      const from = addDays(startOfWeek(today), offset);
      return { kind: 'range', from, to: addDays(from, 6), label, matched: m[0] };
    }
  }

  // Seasons as Swedish meteorology counts them: vår mars–maj, sommar juni–augusti, höst
  // september–november, vinter december–februari. This season, or the next time it comes round.
  const season = /\b(?:i |under |till )?(varen|sommaren|hosten|vintern)\b(?: (\d{4}))?/.exec(n);
  if (season) {
    const starts: Record<string, number> = { varen: 3, sommaren: 6, hosten: 9, vintern: 12 };
    const first = starts[season[1] ?? ''] ?? 3;
    const explicit = fullYear(season[2]);
    // December–February belongs to the winter that began in December.
    const inSeason = (m: number) => (first === 12 ? m === 12 || m <= 2 : m >= first && m <= first + 2);
    let year = explicit ?? (inSeason(t.month) && first === 12 && t.month <= 2 ? t.year - 1 : t.year);
    if (explicit === undefined && !inSeason(t.month) && (first === 12 ? false : t.month > first + 2)) year += 1;
    const from = isoDay(year, first, 1);
    const endMonth = first === 12 ? 2 : first + 2;
    const endYear = first === 12 ? year + 1 : year;
    const names: Record<number, string> = { 3: 'våren', 6: 'sommaren', 9: 'hösten', 12: 'vintern' };
    return { kind: 'range', from, to: isoDay(endYear, endMonth, daysInMonth(endYear, endMonth)), label: `${names[first]} ${year}`, matched: season[0] };
  }

  const months: [RegExp, number][] = [
    [/\bnasta manad\b|\bkommande manad\b/, 1],
    [/\bforra manaden\b|\bforra manad\b/, -1],
    [/\bden har manaden\b|\bdenna manad\b|\bi manaden\b/, 0],
  ];
  for (const [re, offset] of months) {
    const m = re.exec(n);
    if (m) {
      const index = t.year * 12 + (t.month - 1) + offset;
      return monthExpression(Math.floor(index / 12), (index % 12) + 1, m[0]);
    }
  }

  const month = new RegExp(`(?:\\b(?:i|under|for|om) )?\\b(${MONTH_PATTERN})\\b(?: (?:manad )?(\\d{4}))?`).exec(n);
  if (month) {
    const m = MONTH_WORDS.get(month[1] ?? '') ?? 0;
    const year = fullYear(month[2]) ?? upcomingMonthYear(m, today);
    return monthExpression(year, m, month[0]);
  }

  return undefined;
}
