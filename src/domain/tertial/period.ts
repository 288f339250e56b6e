import type { Tertial } from '../../state/tertialReports.js';

/**
 * Tertials (Överenskommelse Vuxentorget 2020, 8. Uppföljning; DESIGN.md): T1 januari–april,
 * T2 maj–augusti, T3 september–december.
 */

export const TERTIAL_MONTHS: Readonly<Record<Tertial, string>> = {
  T1: 'jan–apr',
  T2: 'maj–aug',
  T3: 'sep–dec',
};

export interface TertialPeriod {
  year: number;
  tertial: Tertial;
}

/** The tertial a date falls in (months 1–4 → T1, 5–8 → T2, 9–12 → T3), by UTC calendar month. */
export function tertialOf(date: Date): TertialPeriod {
  const m = date.getUTCMonth() + 1;
  return { year: date.getUTCFullYear(), tertial: m <= 4 ? 'T1' : m <= 8 ? 'T2' : 'T3' };
}

/** The tertial before `p` (T1 → T3 of the year before). */
export function previousTertial(p: TertialPeriod): TertialPeriod {
  if (p.tertial === 'T1') return { year: p.year - 1, tertial: 'T3' };
  return { year: p.year, tertial: p.tertial === 'T3' ? 'T2' : 'T1' };
}

/** The same tertial one year earlier. */
export function sameTertialLastYear(p: TertialPeriod): TertialPeriod {
  return { year: p.year - 1, tertial: p.tertial };
}

/** The last tertial that has ended by `date` (its report can be due): in May, T1 of the same year. */
export function lastEndedTertial(date: Date): TertialPeriod {
  return previousTertial(tertialOf(date));
}

/** "T2 2023 (maj–aug)". */
export function periodLabel(p: TertialPeriod): string {
  return `${p.tertial} ${p.year} (${TERTIAL_MONTHS[p.tertial]})`;
}

export function samePeriod(a: TertialPeriod, b: TertialPeriod): boolean {
  return a.year === b.year && a.tertial === b.tertial;
}

/** Orders periods oldest first. */
export function comparePeriods(a: TertialPeriod, b: TertialPeriod): number {
  return a.year - b.year || a.tertial.localeCompare(b.tertial);
}
