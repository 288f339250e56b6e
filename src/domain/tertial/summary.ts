import { END_REASON_LABELS, type TertialReport } from '../../state/tertialReports.js';
import {
  budgetUse, change, compareToGoal, endReasonShares, formatChange, formatPercent, genderShares, targetPercent,
} from './maths.js';
import { comparePeriods, periodLabel, previousTertial, sameTertialLastYear, samePeriod, type TertialPeriod } from './period.js';

/**
 * The quick numbers of a tertial report (issue 7): key figures with the change from the previous
 * tertial and from the same tertial last year, end reasons with shares, budget against outcome,
 * goal fulfilment, and the lägesrapport. Plain label/value pairs; dialogs make Replies of them.
 */

export interface LabelValue {
  label: string;
  value: string;
}

/** A measurable goal of the verksamhet's agreement (data/ agreements[].goals). */
export interface GoalInfo {
  id: string;
  text: string;
  target?: string;
}

/** The report of `period` for the same verksamhet among `reports` (newest versions only). */
export function findReport(reports: readonly TertialReport[], forbund: string, verksamhet: string, period: TertialPeriod): TertialReport | undefined {
  return reports.find((r) => r.forbund === forbund && r.verksamhet === verksamhet && samePeriod(r, period));
}

/** The newest period a verksamhet has reported (or undefined). */
export function latestPeriod(reports: readonly TertialReport[], forbund: string, verksamhet: string): TertialReport | undefined {
  return reports
    .filter((r) => r.forbund === forbund && r.verksamhet === verksamhet)
    .sort((a, b) => comparePeriods(b, a))[0];
}

const n = (x: number) => String(x).replace('.', ',');
const tkr = (x: number) => `${n(x).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} tkr`;

function withChanges(value: number, prev: number | undefined, prevLabel: string | undefined, last: number | undefined, lastLabel: string | undefined): string {
  const parts: string[] = [];
  const c1 = change(prev, value);
  if (c1 && prevLabel) parts.push(`${formatChange(c1)} mot ${prevLabel}`);
  const c2 = change(last, value);
  if (c2 && lastLabel) parts.push(`${formatChange(c2)} mot ${lastLabel}`);
  return parts.length > 0 ? `${n(value)} (${parts.join(', ')})` : n(value);
}

/** A short excerpt: the first sentences up to `max` characters. */
export function excerpt(text: string, max = 220): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const sentence = cut.lastIndexOf('. ');
  return sentence > max / 2 ? cut.slice(0, sentence + 1) : `${cut.replace(/\s+\S*$/, '')} …`;
}

/** The goal results of a report against the agreement's percentage goals. */
export function goalFacts(report: TertialReport, goals: readonly GoalInfo[]): LabelValue[] {
  return report.indicators.flatMap((ind) => {
    const goal = goals.find((g) => g.id === ind.goal);
    const target = targetPercent(goal?.target);
    const label = `Mål: ${goal?.text ?? ind.goal}`;
    if (target === undefined) return [{ label, value: formatPercent(ind.resultPercent) }];
    const cmp = compareToGoal(ind.resultPercent, target);
    return [{ label, value: `${formatPercent(cmp.resultPercent)} (mål ${formatPercent(target)}) – ${cmp.met ? 'uppnått' : `ej uppnått, ${n(Math.abs(cmp.gap))} procentenheter under`}` }];
  });
}

/**
 * The key figures of `report`, each with the change from the previous tertial and the same tertial
 * last year where those reports exist among `reports` (newest versions).
 */
export function reportFacts(report: TertialReport, reports: readonly TertialReport[], goals: readonly GoalInfo[] = []): LabelValue[] {
  const prevP = previousTertial(report);
  const lastP = sameTertialLastYear(report);
  const prev = findReport(reports, report.forbund, report.verksamhet, prevP);
  const last = findReport(reports, report.forbund, report.verksamhet, lastP);
  const pl = prev ? `${prevP.tertial} ${prevP.year}` : undefined;
  const ll = last ? `${lastP.tertial} ${lastP.year}` : undefined;
  const p = report.participants;
  const facts: LabelValue[] = [
    { label: 'Aktuella deltagare', value: withChanges(p.current, prev?.participants.current, pl, last?.participants.current, ll) },
    { label: 'Nya deltagare', value: withChanges(p.new, prev?.participants.new, pl, last?.participants.new, ll) },
    { label: 'Avslutade', value: withChanges(p.ended, prev?.participants.ended, pl, last?.participants.ended, ll) },
  ];
  const reasons = endReasonShares(p);
  if (reasons.length > 0) {
    facts.push({
      label: 'Avslut per orsak',
      value: reasons.map((r) => `${END_REASON_LABELS[r.reason]} ${r.count}${r.percent !== undefined ? ` (${formatPercent(r.percent)})` : ''}`).join(', '),
    });
  }
  if (p.women !== undefined || p.men !== undefined) {
    const g = genderShares(p);
    facts.push({
      label: 'Kvinnor / män',
      value: `${p.women ?? '–'} / ${p.men ?? '–'}${g.women !== undefined && g.men !== undefined ? ` (${formatPercent(g.women)} / ${formatPercent(g.men)})` : ''}`,
    });
  }
  facts.push(...moneyFacts(report));
  facts.push(...goalFacts(report, goals));
  return facts;
}

/** Budget and outcome of the tertial, with the share used. */
export function moneyFacts(report: TertialReport): LabelValue[] {
  const { budgetTkr, outcomeTkr } = report.money;
  if (budgetTkr === undefined && outcomeTkr === undefined) return [];
  const use = budgetUse(budgetTkr, outcomeTkr);
  const value = [
    budgetTkr !== undefined ? `budget ${tkr(budgetTkr)}` : undefined,
    outcomeTkr !== undefined ? `utfall ${tkr(outcomeTkr)}` : undefined,
    use ? `${use.percentUsed !== undefined ? `${formatPercent(use.percentUsed)} av budget, ` : ''}${use.diff > 0 ? `${tkr(use.diff)} över` : use.diff < 0 ? `${tkr(-use.diff)} under` : 'i nivå med'} budget` : undefined,
  ].filter(Boolean).join(', ');
  return [{ label: 'Budget och utfall', value }];
}

/** Side by side: every key figure of `a` and `b` with the change from a to b. */
export function compareFacts(a: TertialReport, b: TertialReport): LabelValue[] {
  const row = (label: string, x: number | undefined, y: number | undefined, unit = ''): LabelValue[] => {
    if (x === undefined && y === undefined) return [];
    const c = change(x, y);
    return [{ label, value: `${x === undefined ? '–' : n(x)}${unit} → ${y === undefined ? '–' : n(y)}${unit}${c ? ` (${formatChange(c)})` : ''}` }];
  };
  const pa = a.participants;
  const pb = b.participants;
  return [
    ...row('Aktuella deltagare', pa.current, pb.current),
    ...row('Nya deltagare', pa.new, pb.new),
    ...row('Avslutade', pa.ended, pb.ended),
    ...(['arbete', 'studier', 'medicinskRehabilitering', 'arbetsformagaSaknas', 'ovrigt'] as const)
      .flatMap((r) => row(`Avslut till ${END_REASON_LABELS[r]}`, pa.endReasons[r], pb.endReasons[r])),
    ...row('Utfall', a.money.outcomeTkr, b.money.outcomeTkr, ' tkr'),
  ];
}

/** What changed between two versions of the same report, one line per changed figure. */
export function versionChanges(older: TertialReport, newer: TertialReport): string[] {
  const lines: string[] = [];
  const cmp = (label: string, x: unknown, y: unknown) => {
    if (JSON.stringify(x) !== JSON.stringify(y)) lines.push(`${label}: ${x === undefined ? '–' : String(x)} → ${y === undefined ? '–' : String(y)}`);
  };
  const po = older.participants;
  const pn = newer.participants;
  cmp('aktuella', po.current, pn.current);
  cmp('nya', po.new, pn.new);
  cmp('avslutade', po.ended, pn.ended);
  for (const r of ['arbete', 'studier', 'medicinskRehabilitering', 'arbetsformagaSaknas', 'ovrigt'] as const) cmp(`avslut ${END_REASON_LABELS[r]}`, po.endReasons[r], pn.endReasons[r]);
  cmp('kvinnor', po.women, pn.women);
  cmp('män', po.men, pn.men);
  cmp('budget (tkr)', older.money.budgetTkr, newer.money.budgetTkr);
  cmp('utfall (tkr)', older.money.outcomeTkr, newer.money.outcomeTkr);
  const ind = (r: TertialReport) => Object.fromEntries(r.indicators.map((i) => [i.goal, i.resultPercent]));
  const io = ind(older);
  const inw = ind(newer);
  for (const goal of new Set([...Object.keys(io), ...Object.keys(inw)])) cmp(`mål ${goal} (%)`, io[goal], inw[goal]);
  if ((older.lagesrapport ?? '') !== (newer.lagesrapport ?? '')) lines.push('lägesrapporten är ändrad');
  return lines;
}

/** "T2 2023 (maj–aug)" for a report. */
export function reportPeriodLabel(r: TertialReport): string {
  return periodLabel(r);
}
