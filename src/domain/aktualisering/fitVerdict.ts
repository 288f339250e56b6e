import type { FitData, FitResult } from './fit.js';
import type { CaseFacts } from './facts.js';
import { joinSv } from './labels.js';
import { groupVerdictLine, matchGroup } from '../groupMatch.js';

/**
 * The headline of a target-group fit (DESIGN.md, The reply shape: "Ja"/"Nej" first): what the
 * person's known facts decide about age, residence and exclusions – "Nej – …" when one rules the
 * person out, "Ja, om …" with the conditions still unknown.
 */
export function fitHeadline(fit: FitResult, facts: CaseFacts): string {
  const who = facts.age !== undefined ? `en ${facts.age}-åring` : 'personen';
  if (fit.verdict === 'nej') {
    const why = fit.checks.filter((c) => c.ok === false).map((c) => c.text.replace(/^(Ålder|Bosättning|Undantag): /, '').replace(/\.$/, ''));
    return `Nej – ${who} ingår inte i ${fit.verksamhetName}s målgrupp: ${why.join('; ')}.`;
  }
  if (fit.verdict === 'ja') return `Ja – ${who} ryms i ${fit.verksamhetName}s målgrupp vad gäller ålder, bosättning och undantag (övriga villkor nedan måste också bedömas).`;
  // Answer first: what is known decides "Ja, om …"; only when nothing is known does it "depend".
  const unknown = fit.checks.filter((c) => c.ok === undefined);
  const conditions = unknown.map((c) => c.condition).filter((d): d is string => d !== undefined);
  const met = fit.checks.filter((c) => c.ok === true).map((c) => c.text.replace(/^(Ålder|Bosättning|Undantag): /u, '').replace(/\.$/u, ''));
  if (met.length > 0 && conditions.length === unknown.length) return `Ja, om ${joinSv(conditions)} – ${met.join('; ')} (${fit.verksamhetName}s målgrupp).`;
  if (conditions.length === unknown.length && conditions.length > 0) return `Ja, om ${joinSv(conditions)} (${fit.verksamhetName}s målgrupp).`;
  return `Det beror på – ${fit.verksamhetName}s målgrupp:`;
}

/**
 * "Ja – ”Sjukskrivna som saknar … med försörjningsstöd” ingår i Steget vidares målgrupp, om
 * personen är 25–64 år" for a question whose person matches one of the målgrupp's listed groups
 * (src/domain/groupMatch.ts), or "Nej – …" when the person conflicts with the only group it
 * matches. Undefined when no group matches, or when age, residence or an exclusion already rules
 * the person out (then that "Nej" is the headline).
 */
export function fitVerdictLine(question: string, fit: FitResult, data: FitData): string | undefined {
  if (fit.verdict === 'nej') return undefined;
  const v = data.verksamheter.find((x) => x.id === fit.verksamhetId);
  const match = (v?.malgrupp ?? []).map((m) => matchGroup(question, m)).find((m) => m !== undefined);
  if (match === undefined) return undefined;
  const conditions = fit.checks.filter((c) => c.ok === undefined).map((c) => c.condition).filter((d): d is string => d !== undefined);
  // "Behov av minst två myndigheters samverkan" (a målgrupp's minAuthorities) is a condition of belonging too.
  const least = (v?.malgrupp ?? []).map((m) => m.minAuthorities).find((n) => n !== undefined);
  if (least !== undefined) conditions.push(`personen behöver minst ${least} myndigheters samverkan`);
  return groupVerdictLine(match, `${fit.verksamhetName}s`, joinSv(conditions));
}
