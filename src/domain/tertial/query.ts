import type { EndReason, Tertial } from '../../state/tertialReports.js';
import { findGroups, type GroupName } from '../calendar/groups.js';
import { asksForDate } from '../routing/dateQuestion.js';
import { normalize } from '../text.js';

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

/** Whether the question asks which reports a verksamhet submits and when. */
export function asksAboutReporting(normalized: string): boolean {
  // Follow-up of one person's plan (individprocesser) is not a verksamhet's reporting.
  if (/\b(handlingsplan\w*|individ\w*|arende\w*|samordnad plan\w*)\b/.test(normalized)) return false;
  return /\b(vilka|vilken|hur manga|nar) (rapporter|rapport|redovisningar)\b/.test(normalized)
    || /\brapporter(ar|a|ing|na)?\b.*\b(under aret|per ar|arligen|tertial)/.test(normalized)
    || /\b(lamna[rs]?|ska lamna|lamnas) .*\b(rapport|rapporter|lagesrapport|socialt bokslut)\b/.test(normalized)
    || /\bsocialt bokslut\b/.test(normalized)
    || /\bhur ofta\b.*\b(rapport|rapporter|rapporterar|redovisar|redovisa|foljs upp|foljas upp)\b/.test(normalized)
    || /\b(vad|vilket|vilka uppgifter) ska (redovisas|rapporteras|lamnas|sta)\b/.test(normalized)
    || /\b(vem|vilka|till vem|vart) (far|tar emot|ska ha)\b.*\b(rapport\w*|lagesrapport\w*|tertialrapport\w*)\b/.test(normalized)
    || /\b(rapporter|lagesrapporter|tertialrapporter) (ska )?(lamnas|skickas) till\b/.test(normalized)
    || /\bhur ska\b.*\b(rapportera|redovisa|folja upp|foljas upp)\b/.test(normalized)
    || /\bhur (foljs|foljas)\b.*\bupp\b/.test(normalized)
    || /\bnar ska .*\b(rapport|tertialrapport|lagesrapport)/.test(normalized);
}

export function parseTertialQuery(text: string, groups: readonly GroupName[]): TertialQuery {
  const n = normalize(text);
  const verksamheter = findGroups(text, groups.filter((g) => g.kind === 'verksamhet'))
    .map((m) => ({ id: m.group.id, forbund: m.group.forbund, name: m.group.name }));
  const yearMatch = /\b(20\d\d)\b/.exec(n);
  const year = yearMatch ? Number(yearMatch[1]) : undefined;
  const tertials = tertialsIn(n);
  const base = { verksamheter, tertials, ...(year !== undefined ? { year } : {}) };
  if (asksAboutReporting(n) && !/\bsiffror\b/.test(n)) return { kind: 'reporting', ...base };
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
 * How clearly an utterance is a tertial question (routes.ts): tertial words, "T1"–"T3", "utfall",
 * avslut/deltagare counts, or the question which reports a verksamhet submits.
 */
export function tertialScore(normalized: string): number {
  if (/^importera\b/.test(normalized)) return 0;
  if (/\bposta\b|\bpublicera\b|\bskicka (ut )?(en )?(t[123]|tertial)/.test(normalized)) return 0;
  // "När ska delrapport T2 upp?" asks for a date: the årshjul answers it.
  if (/^nar\b/.test(normalized)) return 0.5;
  // So does "SSG delrapport T2 – vilket datum?": tertial words then make it at most plausible.
  if (asksForDate(normalized)) return Math.min(0.5, figuresScore(normalized));
  return figuresScore(normalized);
}

/** The score of a question that does not ask for a date. */
function figuresScore(normalized: string): number {
  if (/\btertial|\bt[123]\b|\btertialrapport/.test(normalized)) return 0.95;
  if (/\butfall(et)?\b/.test(normalized)) return 0.95;
  if (asksAboutReporting(normalized)) return /\b(rapport\w*|socialt bokslut|lagesrapport\w*)\b/.test(normalized) ? 1 : 0.9;
  if (/\bhur manga\b.*\b(avslut|avslutades|deltagare|nya|inskrivna)/.test(normalized)) return 0.85;
  if (/\b(siffror|statistik|deltagare|deltagarsiffror)\b/.test(normalized)) return 0.7;
  return 0;
}
