import { END_REASONS, type EndReason, type Participants } from '../../state/tertialReports.js';

/**
 * Tertial arithmetic (issue 7): changes between tertials, shares of ended participants per end
 * reason, budget use and goal fulfilment. Plain numbers in, plain numbers out.
 */

export interface Change {
  from: number;
  to: number;
  /** to − from. */
  diff: number;
  /** Relative change in percent, one decimal; undefined when `from` is 0. */
  percent?: number;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** The change from `from` to `to`; undefined when either is missing. */
export function change(from: number | undefined, to: number | undefined): Change | undefined {
  if (from === undefined || to === undefined) return undefined;
  const diff = to - from;
  return from === 0 ? { from, to, diff } : { from, to, diff, percent: round1((diff / from) * 100) };
}

/** `part` as a percentage of `whole`, one decimal; undefined when `whole` is 0 or a value is missing. */
export function share(part: number | undefined, whole: number | undefined): number | undefined {
  if (part === undefined || whole === undefined || whole === 0) return undefined;
  return round1((part / whole) * 100);
}

/** Per end reason: the count and its share of all who ended (only reasons the report gives). */
export function endReasonShares(p: Participants): { reason: EndReason; count: number; percent?: number }[] {
  return END_REASONS.flatMap((reason) => {
    const count = p.endReasons[reason];
    if (count === undefined) return [];
    return [{ reason, count, percent: share(count, p.ended) }];
  });
}

/** Share of women and men among the current participants. */
export function genderShares(p: Participants): { women?: number; men?: number } {
  return { women: share(p.women, p.current), men: share(p.men, p.current) };
}

/** Outcome against budget: the difference (outcome − budget, tkr) and the share used. */
export function budgetUse(budgetTkr: number | undefined, outcomeTkr: number | undefined): { diff: number; percentUsed?: number } | undefined {
  if (budgetTkr === undefined || outcomeTkr === undefined) return undefined;
  return { diff: round1(outcomeTkr - budgetTkr), percentUsed: share(outcomeTkr, budgetTkr) };
}

/**
 * The percentage of a goal target as the agreements state it ("50%", "minst 75 %", "100 %");
 * undefined when the target is not a single percentage (e.g. "100–110 platser per år").
 */
export function targetPercent(target: string | undefined): number | undefined {
  if (!target) return undefined;
  const m = /^(?:minst\s+|ca\s+)?(\d+(?:[.,]\d+)?)\s*%$/i.exec(target.trim());
  return m?.[1] === undefined ? undefined : Number(m[1].replace(',', '.'));
}

export interface GoalComparison {
  targetPercent: number;
  resultPercent: number;
  met: boolean;
  /** result − target in percentage points. */
  gap: number;
}

/** A result against a percentage goal: met when the result reaches the target (e.g. Finnveden § 4: 50/75/85 %). */
export function compareToGoal(resultPercent: number, target: number): GoalComparison {
  return { targetPercent: target, resultPercent, met: resultPercent >= target, gap: round1(resultPercent - target) };
}

/** "+12 (+9,5 %)" / "−3 (−10 %)" / "±0". */
export function formatChange(c: Change): string {
  const sign = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '±');
  const num = (x: number) => String(Math.abs(x)).replace('.', ',');
  const pct = c.percent === undefined ? '' : ` (${sign(c.percent)}${num(c.percent)} %)`;
  return `${sign(c.diff)}${num(c.diff)}${pct}`;
}

/** "42,5 %". */
export function formatPercent(x: number): string {
  return `${String(x).replace('.', ',')} %`;
}
