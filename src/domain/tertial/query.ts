import type { EndReason, Tertial } from '../../state/tertialReports.js';
import { findGroups, type GroupName } from '../calendar/groups.js';
import { asksForDate } from '../routing/dateQuestion.js';
import { normalize } from '../text.js';
import { entityTokens } from '../entities.js';
import { scoreEvidence, type EvidenceInput } from '../../understanding/cues.js';
import type { Understanding } from '../../understanding/understand.js';
import { REPORTING_EVIDENCE, TERTIAL_EVIDENCE, type TertialSignal } from './cues.js';

/**
 * What a tertial question asks (issue 7): "Siffror T2 Vuxentorget 2023", "hur många avslutades
 * till arbete i T1?", "budget och utfall Ungdomstorget", "jämför T1 och T2", "Vilka rapporter
 * lämnar Vuxentorget under året?".
 */
export interface TertialQuery {
  kind: 'figures' | 'compare' | 'endReason' | 'money' | 'history' | 'reporting';
  verksamheter: { id: string; forbund: string; name: string }[];
  year?: number;
  tertials: Tertial[];
  endReason?: EndReason;
}

const REASON_PATTERNS: readonly [EndReason, RegExp][] = [
  ['medicinskRehabilitering', /\bmedicinsk(a)? rehab/],
  ['arbetsformagaSaknas', /\barbetsformaga(n)? saknas\b|\bsaknar arbetsformaga\b/],
  ['studier', /\bstudier\b|\bstudera\b|\butbildning\b/],
  ['arbete', /\b(till|i|mot|fick) (ett )?arbete\b|\barbete\b|\bjobb\b/],
  ['ovrigt', /\bovrigt\b|\bovriga orsaker\b/],
];

const ORDINALS: Readonly<Record<string, Tertial>> = { forsta: 'T1', andra: 'T2', tredje: 'T3', sista: 'T3' };

/** The tertials named: "T2", "tertial 2", "andra tertialet"; in the order they are named. */
export function tertialsIn(normalized: string): Tertial[] {
  const found: { at: number; t: Tertial }[] = [];
  for (const m of normalized.matchAll(/\bt\s?([123])\b|\btertial(?:et|en)? ([123])\b/g)) {
    found.push({ at: m.index ?? 0, t: `T${m[1] ?? m[2]}` as Tertial });
  }
  for (const m of normalized.matchAll(/\b(forsta|andra|tredje|sista) tertial(?:et|en)?\b/g)) {
    const t = ORDINALS[m[1] ?? ''];
    if (t) found.push({ at: m.index ?? 0, t });
  }
  return [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.t))];
}

/**
 * Whether the question asks which reports a verksamhet submits and when (the reporting table,
 * src/domain/tertial/cues.ts). The table reads no question form.
 */
export function asksAboutReporting(query: EvidenceInput['query']): boolean {
  return scoreEvidence(REPORTING_EVIDENCE, { query, form: 'other' }) > 0;
}

export function parseTertialQuery(text: string, groups: readonly GroupName[]): TertialQuery {
  const n = normalize(text);
  const verksamheter = findGroups(text, groups.filter((g) => g.kind === 'verksamhet'))
    .map((m) => ({ id: m.group.id, forbund: m.group.forbund, name: m.group.name }));
  const yearMatch = /\b(20\d\d)\b/.exec(n);
  const year = yearMatch ? Number(yearMatch[1]) : undefined;
  const tertials = tertialsIn(n);
  const base = { verksamheter, tertials, ...(year !== undefined ? { year } : {}) };
  if (asksAboutReporting({ normalized: n, tokens: entityTokens(n), entities: [] }) && !/\bsiffror\b/.test(n)) return { kind: 'reporting', ...base };
  if (/\b(andrats|andrades|andring(ar)?|versioner|version|tidigare inlamnad|vad ar nytt)\b/.test(n)) return { kind: 'history', ...base };
  if (/\bjamfor|\bjamforelse|\bskillnad(en)?\b/.test(n) || tertials.length >= 2) return { kind: 'compare', ...base };
  if (/\bavslut|\bavslutade|\bavslutades|\bslutade\b|\bgick (vidare )?till\b/.test(n)) {
    const reason = REASON_PATTERNS.find(([, re]) => re.test(n))?.[0];
    if (reason) return { kind: 'endReason', ...base, endReason: reason };
  }
  if (/\butfall(et)?\b|\bbudget och utfall\b|\bforbrukat\b|\bkostnader?\b/.test(n)) return { kind: 'money', ...base };
  return { kind: 'figures', ...base };
}

/**
 * How clearly a question is a tertial question (routes.ts): the combination of its evidence
 * (src/domain/tertial/cues.ts) — tertial words, "utfall", avslut/deltagare counts, or the question
 * which reports a verksamhet submits; a date question at most plausibly.
 */
export function tertialScore(u: Pick<Understanding, 'query' | 'form'>): number {
  return scoreEvidence(TERTIAL_EVIDENCE, { query: u.query, form: u.form, signals: tertialSignals(u.query) });
}

/** The signals of the tertial table, from the question's tokens and the shared date-question reader. */
function tertialSignals(query: Understanding['query']): Record<TertialSignal, boolean> {
  const first = query.tokens[0];
  return {
    // A command ("importera tertialrapport" + pasted lines) is the import routes'.
    importCommand: first === 'importera',
    // "När …" as the question's first word.
    opensWhen: first === 'nar',
    asksDate: asksForDate(query.normalized),
    reporting: asksAboutReporting(query),
  };
}
