import type { Fact, Reply, SourceRef } from '../../core/reply.js';
import type { AgreementData } from '../../data/load.js';
import type { Source } from '../../data/schema.js';
import { END_REASON_LABELS, reportKey, type Tertial, type TertialReport } from '../../state/tertialReports.js';
import { answerBudget, formatFigure, namedRecordsOf } from '../budget.js';
import { defaultForbund } from '../forbund.js';
import { docShortTitle } from '../sources.js';
import type { GroupName } from '../calendar/groups.js';
import { formatPercent, share } from './maths.js';
import { comparePeriods, lastEndedTertial, periodLabel, TERTIAL_MONTHS } from './period.js';
import type { TertialQuery } from './query.js';
import {
  compareFacts, excerpt, findReport, latestPeriod, moneyFacts, reportFacts, versionChanges, type GoalInfo,
} from './summary.js';

/**
 * Replies to tertial questions (issue 7), from the newest report versions in the state file and
 * the agreements' reporting rules and goals in data/. Pure: everything comes in as values.
 */

export type TertialData = Pick<AgreementData, 'verksamheter' | 'organs' | 'agreements' | 'budgets' | 'documents' | 'parties' | 'forbund' | 'defaultForbund'>;

export interface TertialContext {
  data: TertialData;
  /** Newest version of every report. */
  reports: readonly TertialReport[];
  /** Every stored version (for "vad ändrades"). */
  allVersions: readonly TertialReport[];
  now: Date;
}

/** The names a tertial question may use for verksamheter and organs. */
export function groupNames(data: Pick<AgreementData, 'verksamheter' | 'organs'>): GroupName[] {
  return [
    ...data.verksamheter.map((v) => ({ id: v.id, forbund: v.forbund, kind: 'verksamhet' as const, name: v.name, aliases: v.aliases })),
    ...data.organs.map((o) => ({ id: o.id, forbund: o.forbund, kind: 'organ' as const, name: o.name, aliases: o.aliases })),
  ];
}

function titled(data: TertialData, sources: readonly Source[]): SourceRef[] {
  const seen = new Set<string>();
  return sources.flatMap((s) => {
    const key = `${s.doc}|${s.section}`;
    if (seen.has(key)) return [];
    seen.add(key);
    const info = data.documents.find((d) => d.doc === s.doc);
    return [{ doc: s.doc, section: s.section, ...(info ? { title: info.title, date: info.date } : {}) }];
  });
}

/** The source line of an imported report: file, version, who imported it and when. */
export function reportSource(r: TertialReport, name: string): SourceRef {
  return {
    doc: r.sourceFile ?? 'tertialrapport',
    title: `Tertialrapport ${name} ${r.tertial} ${r.year}${r.exempeldata ? ' (EXEMPELDATA)' : ''}`,
    section: `version ${r.version}, importerad ${r.importedAt.slice(0, 10)} av ${r.importedBy}${r.sourceFile ? ` från ${r.sourceFile}` : ''}`,
  };
}

function verksamhetName(data: TertialData, forbund: string, id: string): string {
  return data.verksamheter.find((v) => v.forbund === forbund && v.id === id)?.name ?? id;
}

/** The measurable goals of the agreements that cover a verksamhet. */
export function goalsFor(data: TertialData, forbund: string, verksamhet: string): (GoalInfo & { source: Source })[] {
  const seen = new Set<string>();
  return data.agreements
    .filter((a) => a.forbund === forbund && a.verksamheter.includes(verksamhet))
    .flatMap((a) => a.goals)
    .filter((g) => (seen.has(g.id) ? false : (seen.add(g.id), true)));
}

/** The agreements' reporting rules for a verksamhet, tertial and bokslut rules first. */
function reportingRules(data: TertialData, forbund: string, verksamhet: string) {
  const rules = data.agreements
    .filter((a) => a.forbund === forbund && a.verksamheter.includes(verksamhet))
    .flatMap((a) => a.reporting);
  const rank = (text: string) => (/tertial/i.test(text) ? 0 : /bokslut/i.test(text) ? 1 : 2);
  return rules.map((r, i) => ({ r, i })).sort((a, b) => rank(`${a.r.what} ${a.r.text}`) - rank(`${b.r.what} ${b.r.text}`) || a.i - b.i).map((x) => x.r);
}

/** A förbund's general reporting rule — three reports a year (000, 8. Uppföljning) — from its agreements, or any förbund's. */
function generalRule(data: TertialData, forbund?: string) {
  return data.agreements.filter((a) => forbund === undefined || a.forbund === forbund).flatMap((a) => a.reporting).find((r) => /tre rapporter/i.test(r.text));
}

/** The short title of the document a reporting rule stands in ("Överenskommelse Vuxentorget 2020"). */
function ruleDocument(data: TertialData, rule: { source: Source }): string {
  return docShortTitle(data.documents, rule.source.doc);
}

/** A verksamhet of the default förbund with a budget row of its own, for the example of a money question. */
function budgetExample(data: TertialData): string | undefined {
  const forbund = defaultForbund(data);
  const ids = data.budgets.filter((b) => b.forbund === forbund).flatMap((b) => b.sections.flatMap((s) => s.rows.map((r) => r.verksamhet)));
  return data.verksamheter.find((v) => v.forbund === forbund && ids.includes(v.id))?.name;
}

/** "Vuxentorget eller Samverkansteam Finnveden": verksamheter with reporting rules of their own, one per förbund. */
function reportingExamples(data: TertialData): string {
  const names = new Map<string, string>();
  for (const a of data.agreements) {
    if (a.reporting.length === 0) continue;
    const v = data.verksamheter.find((x) => x.forbund === a.forbund && a.verksamheter.includes(x.id));
    if (v && !names.has(a.forbund)) names.set(a.forbund, v.name);
  }
  return joinOr([...names.values()].slice(0, 2));
}

function joinOr(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} eller ${items[items.length - 1] ?? ''}`;
}

/** "Vilka rapporter lämnar Vuxentorget under året?" */
function reportingReply(ctx: TertialContext, q: TertialQuery): Reply {
  const targets = q.verksamheter.length > 0 ? q.verksamheter : [];
  const general = generalRule(ctx.data);
  const lines: string[] = [];
  const facts: Fact[] = [];
  const sources: Source[] = [];
  if (targets.length === 0) {
    if (general) {
      lines.push(`${general.text} Tertialerna är T1 jan–apr, T2 maj–aug och T3 sep–dec.`);
      sources.push(general.source);
      // The rest of the same agreement's follow-up rules (to whom, lägesrapporter, SUS …).
      const agreement = ctx.data.agreements.find((a) => a.reporting.includes(general));
      for (const r of agreement?.reporting.filter((x) => x !== general && /tertial|bokslut|lägesrapport|SUS|social/i.test(`${x.what} ${x.text}`)) ?? []) {
        facts.push({ label: r.what, value: [r.when, r.to ? `till ${r.to}` : undefined].filter(Boolean).join(', ') || r.text });
        sources.push(r.source);
      }
    }
    const examples = reportingExamples(ctx.data);
    lines.push(`Säg vilken verksamhet du menar${examples ? ` (t.ex. ${examples})` : ''} så visar jag alla dess rapporteringsregler.`);
    return { text: lines.join('\n'), facts, sources: titled(ctx.data, sources) };
  }
  for (const v of targets) {
    const rules = reportingRules(ctx.data, v.forbund, v.id);
    const three = rules.find((r) => /tre rapporter/i.test(r.text));
    if (three) {
      lines.push(`${v.name} lämnar tre rapporter per år: statistik och en kort lägesrapport efter tertial 1 (jan–apr) och tertial 2 (maj–aug), och ett socialt bokslut för hela året vid årets slut.`);
    } else if (rules.length > 0) {
      lines.push(`${v.name}: så här ska verksamheten rapporteras enligt dokumenten.`);
    } else {
      lines.push(`Överenskommelserna anger inga egna rapporteringsregler för ${v.name}.`);
      const own = generalRule(ctx.data, v.forbund);
      if (own) {
        lines.push(`${ruleDocument(ctx.data, own)} säger: ${own.text}`);
        sources.push(own.source);
      }
    }
    for (const r of rules.slice(0, 7)) {
      facts.push({ label: `${targets.length > 1 ? `${v.name}: ` : ''}${r.what}`, value: [r.when, r.to ? `till ${r.to}` : undefined].filter(Boolean).join(', ') || r.text });
      sources.push(r.source);
    }
  }
  return { text: lines.join('\n'), facts, sources: titled(ctx.data, sources) };
}

/**
 * Which verksamheter a question is about: those named; else every one with a report for the asked
 * period (or, when none has one, every one with reports, so the answer can say what is missing).
 */
function targetsOf(ctx: TertialContext, q: TertialQuery): { id: string; forbund: string; name: string }[] {
  if (q.verksamheter.length > 0) return q.verksamheter;
  const seen = new Map<string, { id: string; forbund: string; name: string }>();
  for (const r of ctx.reports) seen.set(`${r.forbund}/${r.verksamhet}`, { id: r.verksamhet, forbund: r.forbund, name: verksamhetName(ctx.data, r.forbund, r.verksamhet) });
  const all = [...seen.values()];
  const withReport = all.filter((v) => pick(ctx, v, q) !== undefined);
  return withReport.length > 0 ? withReport : all;
}

/** The report a question means for one verksamhet: the named period, the newest year of a named tertial, or the newest report. */
function pick(ctx: TertialContext, v: { id: string; forbund: string }, q: TertialQuery, tertial?: Tertial): TertialReport | undefined {
  const own = ctx.reports.filter((r) => r.forbund === v.forbund && r.verksamhet === v.id).sort((a, b) => comparePeriods(b, a));
  const t = tertial ?? q.tertials[0];
  return own.find((r) => (q.year === undefined || r.year === q.year) && (t === undefined || r.tertial === t));
}

/** "Inga siffror inlämnade för T2 2023 …", with when reports are due and what is there. */
function missingLines(ctx: TertialContext, v: { id: string; forbund: string; name: string }, q: TertialQuery): { lines: string[]; sources: Source[] } {
  const t = q.tertials[0];
  const period = t ? `${t}${q.year ? ` ${q.year}` : ''}` : q.year ? `${q.year}` : '';
  const lines = [period ? `Inga siffror inlämnade för ${period} för ${v.name}.` : `Inga tertialsiffror inlämnade för ${v.name}.`];
  const latest = latestPeriod(ctx.reports, v.forbund, v.id);
  if (latest) lines.push(`Senast inlämnade: ${periodLabel(latest)}.`);
  const sources: Source[] = [];
  const rules = reportingRules(ctx.data, v.forbund, v.id);
  const rule = rules.find((r) => /tre rapporter/i.test(r.text)) ?? rules.find((r) => /tertial/i.test(r.text)) ?? generalRule(ctx.data, v.forbund);
  if (rule) {
    lines.push(`Enligt överenskommelsen: ${rule.text}`);
    sources.push(rule.source);
  }
  const ended = lastEndedTertial(ctx.now);
  lines.push(`Senast avslutade tertial är ${periodLabel(ended)}. Kansliet lägger in rapporterna när de kommit in.`);
  return { lines, sources };
}

function exempel(reports: readonly TertialReport[]): boolean {
  return reports.some((r) => r.exempeldata);
}

function finish(ctx: TertialContext, lines: string[], facts: Fact[], used: TertialReport[], sources: Source[], extraRefs: SourceRef[] = []): Reply {
  const ex = exempel(used);
  const text = ex ? `EXEMPELDATA – påhittade siffror.\n${lines.join('\n')}` : lines.join('\n');
  const refs = [
    ...used.map((r) => reportSource(r, verksamhetName(ctx.data, r.forbund, r.verksamhet))),
    ...titled(ctx.data, sources),
    ...extraRefs,
  ];
  return { text, ...(facts.length > 0 ? { facts } : {}), sources: refs, ...(ex ? { exempeldata: true } : {}) };
}

/** What a tertial answer collects while it walks its verksamheter, then hands to `finish`. */
function newDraft(): { lines: string[]; facts: Fact[]; used: TertialReport[]; sources: Source[] } {
  return { lines: [], facts: [], used: [], sources: [] };
}

/** The "inga siffror inlämnade" lines (and their sources) for a verksamhet without a report. */
function addMissing(draft: { lines: string[]; sources: Source[] }, ...args: Parameters<typeof missingLines>): void {
  const m = missingLines(...args);
  draft.lines.push(...m.lines);
  draft.sources.push(...m.sources);
}

function figuresReply(ctx: TertialContext, q: TertialQuery): Reply {
  const targets = targetsOf(ctx, q);
  if (targets.length === 0) {
    const t = q.tertials[0];
    const m = missingLines(ctx, { id: '', forbund: defaultForbund(ctx.data), name: 'någon verksamhet' }, q);
    // No verksamhet named: the subject itself was not found, so the search may answer instead.
    return { ...finish(ctx, [`Inga siffror inlämnade${t ? ` för ${t}${q.year ? ` ${q.year}` : ''}` : ''}.`, ...m.lines.slice(1)], [], [], m.sources), status: 'not-stated' };
  }
  const { lines, facts, used, sources } = newDraft();
  for (const v of targets) {
    const r = pick(ctx, v, q);
    if (!r) {
      // Results the documents themselves give (e.g. Steget vidare 2011–2013) are real figures from data/.
      const documented = ctx.data.verksamheter.find((x) => x.forbund === v.forbund && x.id === v.id)?.results ?? [];
      if (documented.length > 0) {
        lines.push(`Inga tertialsiffror är inlämnade för ${v.name}, men dokumenten redovisar dessa resultat:`);
        for (const res of documented.slice(0, 14)) {
          facts.push({ label: res.label, value: res.value });
          sources.push(res.source);
        }
        continue;
      }
      addMissing({ lines, sources }, ctx, v, q);
      continue;
    }
    used.push(r);
    const goals = goalsFor(ctx.data, r.forbund, r.verksamhet);
    lines.push(`${v.name} ${periodLabel(r)}: ${r.participants.current} aktuella deltagare, ${r.participants.new} nya och ${r.participants.ended} avslutade.`);
    const prefix = targets.length > 1 ? `${v.name}: ` : '';
    facts.push(...reportFacts(r, ctx.reports, goals).map((f) => ({ label: `${prefix}${f.label}`, value: f.value })));
    if (r.lagesrapport) facts.push({ label: `${prefix}Lägesrapport`, value: excerpt(r.lagesrapport) });
    if (r.version > 1) facts.push({ label: `${prefix}Version`, value: `${r.version} (ersätter tidigare inlämning; fråga "vad ändrades" för skillnaderna)` });
    if (r.indicators.length > 0) sources.push(...goals.filter((g) => r.indicators.some((i) => i.goal === g.id)).map((g) => g.source));
  }
  const reply = finish(ctx, lines, facts, used, sources);
  return used.length === 0 && facts.length === 0 ? numbersMissing(reply) : reply;
}

/**
 * No figures for what was asked: the documents do not state them (MainDialog says so), and the
 * reply stands as that "not stated" – the verksamhet is known, only its numbers are missing.
 */
function numbersMissing(reply: Reply): Reply {
  return { ...reply, status: 'not-stated', subjectFound: true };
}

function endReasonReply(ctx: TertialContext, q: TertialQuery): Reply {
  const reason = q.endReason ?? 'arbete';
  const label = END_REASON_LABELS[reason];
  const targets = targetsOf(ctx, q);
  const { lines, facts, used, sources } = newDraft();
  for (const v of targets) {
    const r = pick(ctx, v, q);
    if (!r) {
      addMissing({ lines, sources }, ctx, v, q);
      continue;
    }
    used.push(r);
    const count = r.participants.endReasons[reason];
    if (count === undefined) {
      lines.push(`${v.name} ${periodLabel(r)}: ${r.participants.ended} avslutade; rapporten anger inte hur många som gick till ${label}.`);
      continue;
    }
    const pct = share(count, r.participants.ended);
    lines.push(`${v.name} ${periodLabel(r)}: ${count} av ${r.participants.ended} avslutade gick till ${label}${pct !== undefined ? ` (${formatPercent(pct)})` : ''}.`);
  }
  if (targets.length === 0) {
    const t = q.tertials[0];
    lines.push(`Inga siffror inlämnade${t ? ` för ${t}` : ''}.`);
  }
  return finish(ctx, lines, facts, used, sources);
}

/** The annual budget rows for a verksamhet from data/ (001 Bilaga 6), for money questions. */
function annualBudget(ctx: TertialContext, v: { id: string; forbund: string; name: string }, year?: number) {
  const named = namedRecordsOf(ctx.data);
  const hasRow = ctx.data.budgets.some((b) => b.forbund === v.forbund && b.sections.some((s) => s.rows.some((row) => row.verksamhet === v.id)));
  if (!hasRow) return undefined;
  return answerBudget(`budget ${v.name}${year ? ` ${year}` : ''}`, v.forbund, ctx.data.budgets, named);
}

function moneyReply(ctx: TertialContext, q: TertialQuery): Reply {
  const targets = targetsOf(ctx, q);
  const { lines, facts, used, sources } = newDraft();
  for (const v of targets) {
    const r = pick(ctx, v, q);
    const budget = annualBudget(ctx, v, q.year ?? r?.year);
    if (r) {
      used.push(r);
      const money = moneyFacts(r);
      lines.push(money.length > 0 ? `${v.name} ${periodLabel(r)}: ${money[0]?.value}.` : `${v.name} ${periodLabel(r)}: rapporten anger ingen budget eller utfall.`);
    } else {
      const t = q.tertials[0];
      lines.push(`Inget utfall inlämnat${t !== undefined || q.year !== undefined ? ` för ${[t, q.year].filter((x) => x !== undefined).join(' ')}` : ''} för ${v.name}.`);
    }
    if (budget) {
      const byYear = budget.figures.map((f) => `${f.column}: ${formatFigure(f)}${f.uncertain ? ' (osäker)' : ''}`).join(', ');
      facts.push({ label: `${v.name}, årsbudget enligt förbundets budget`, value: byYear });
      sources.push(...budget.sources);
    }
  }
  if (targets.length === 0) {
    const example = budgetExample(ctx.data);
    lines.push(`Säg vilken verksamhet du menar${example ? `, t.ex. "budget och utfall ${example}"` : ''}.`);
  }
  return finish(ctx, lines, facts, used, sources);
}

function compareReply(ctx: TertialContext, q: TertialQuery): Reply {
  const targets = targetsOf(ctx, q);
  const { lines, facts, used, sources } = newDraft();
  for (const v of targets) {
    let [ta, tb] = q.tertials;
    let a: TertialReport | undefined;
    let b: TertialReport | undefined;
    if (ta && tb) {
      const years = [...new Set(ctx.reports.filter((r) => r.forbund === v.forbund && r.verksamhet === v.id).map((r) => r.year))].sort((x, y) => y - x);
      const year = q.year ?? years.find((y) => findReport(ctx.reports, v.forbund, v.id, { year: y, tertial: ta as Tertial }) && findReport(ctx.reports, v.forbund, v.id, { year: y, tertial: tb as Tertial }));
      if (year !== undefined) {
        a = findReport(ctx.reports, v.forbund, v.id, { year, tertial: ta });
        b = findReport(ctx.reports, v.forbund, v.id, { year, tertial: tb });
      }
    } else {
      const own = ctx.reports.filter((r) => r.forbund === v.forbund && r.verksamhet === v.id && (q.year === undefined || r.year === q.year)).sort((x, y) => comparePeriods(x, y));
      b = own[own.length - 1];
      a = own[own.length - 2];
      ta = a?.tertial;
      tb = b?.tertial;
    }
    if (!a || !b) {
      const missing = [ta, tb].filter(Boolean).join(' och ');
      lines.push(`Jag kan inte jämföra ${missing || 'två tertial'} för ${v.name}: båda rapporterna behövs${q.year ? ` för ${q.year}` : ''}.`);
      const m = missingLines(ctx, v, { ...q, tertials: [a ? (tb as Tertial) : (ta as Tertial)].filter(Boolean) });
      lines.push(...m.lines);
      sources.push(...m.sources);
      continue;
    }
    used.push(a, b);
    lines.push(`${v.name}: ${periodLabel(a)} jämfört med ${periodLabel(b)}.`);
    const prefix = targets.length > 1 ? `${v.name}: ` : '';
    facts.push(...compareFacts(a, b).map((f) => ({ label: `${prefix}${f.label}`, value: f.value })));
  }
  if (targets.length === 0) lines.push(`Inga siffror inlämnade för ${q.tertials.join(' och ') || 'något tertial'}.`);
  return finish(ctx, lines, facts, used, sources);
}

function historyReply(ctx: TertialContext, q: TertialQuery): Reply {
  const targets = targetsOf(ctx, q);
  const lines: string[] = [];
  const used: TertialReport[] = [];
  for (const v of targets) {
    const r = pick(ctx, v, q);
    if (!r) {
      lines.push(`Inga siffror inlämnade för ${v.name}${q.tertials[0] ? ` ${q.tertials[0]}` : ''}.`);
      continue;
    }
    used.push(r);
    const versions = ctx.allVersions.filter((x) => reportKey(x) === reportKey(r)).sort((x, y) => x.version - y.version);
    if (versions.length < 2) {
      lines.push(`${v.name} ${periodLabel(r)} har bara en version (importerad ${r.importedAt.slice(0, 10)} av ${r.importedBy}).`);
      continue;
    }
    lines.push(`${v.name} ${periodLabel(r)} har ${versions.length} versioner:`);
    for (let i = 1; i < versions.length; i += 1) {
      const older = versions[i - 1];
      const newer = versions[i];
      if (!older || !newer) continue;
      const changes = versionChanges(older, newer);
      lines.push(`- version ${newer.version} (${newer.importedAt.slice(0, 10)}, ${newer.importedBy}): ${changes.length > 0 ? changes.join('; ') : 'inga ändrade siffror'}`);
    }
  }
  return finish(ctx, lines, [], used, []);
}

/** The Reply for a parsed tertial question. */
export function answerTertial(ctx: TertialContext, q: TertialQuery): Reply {
  switch (q.kind) {
    case 'reporting':
      return reportingReply(ctx, q);
    case 'endReason':
      return endReasonReply(ctx, q);
    case 'money':
      return moneyReply(ctx, q);
    case 'compare':
      return compareReply(ctx, q);
    case 'history':
      return historyReply(ctx, q);
    default:
      return figuresReply(ctx, q);
  }
}

/** Tertial months for help texts: "T1 jan–apr, T2 maj–aug, T3 sep–dec". */
export const TERTIAL_HELP = (['T1', 'T2', 'T3'] as const).map((t) => `${t} ${TERTIAL_MONTHS[t]}`).join(', ');
