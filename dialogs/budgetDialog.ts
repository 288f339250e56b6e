import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { BotDeps } from '../src/core/deps.js';
import type { Fact, Reply, SourceRef } from '../src/core/reply.js';
import { sendReply } from '../src/core/sendReply.js';
import { answerBudget, figureNote, formatFigure, namedRecordsOf, type BudgetAnswer, type NamedRecord } from '../src/domain/budget.js';
import type { Source } from '../src/data/schema.js';
import { parseQueryCached } from '../src/domain/entities.js';
import { defaultForbund, forbundOf, inConversation } from '../src/domain/forbund.js';
import { readRouteOptions } from './routeOptions.js';
import { turnNow } from './turnClock.js';
import type { Understanding } from '../src/understanding/understand.js';
import { turnForbund } from './turnForbund.js';

export const BUDGET_DIALOG = 'budgetDialog';
const BUDGET_WATERFALL = 'budgetWaterfall';

/** "Jag hittar ingen budget …" with the budgets data/ has: each förbund's or verksamhet's table and its years. */
export function noBudgetText(deps: Pick<BotDeps, 'data'>): string {
  const first = defaultForbund(deps.data);
  // The deployment's own förbund first.
  const budgets = deps.data.budgets.filter((b) => b.unit !== 'årsarbetare' && b.role === undefined)
    .sort((a, b) => Number(b.forbund === first) - Number(a.forbund === first));
  const list = budgets.map((b) => {
    const years = b.columns.filter((c) => /^\d{4}$/.test(c));
    const span = years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : (years[0] ?? '');
    const owner = b.verksamhet
      ? deps.data.verksamheter.find((v) => v.forbund === b.forbund && v.id === b.verksamhet)?.name
      : deps.data.forbund.find((f) => f.id === b.forbund)?.name;
    return `${owner ?? b.title}${span && !(owner ?? '').includes(span) ? ` ${span}` : ''}`;
  });
  const sv = list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} och ${list[list.length - 1] ?? ''}`;
  return `Jag hittar ingen budget för det i överenskommelserna.${sv ? ` Budgetar finns för ${sv}.` : ''}`;
}

/** The names people type for parties and verksamheter, from data/, with a party's kind and a verksamhet's umbrella. */
export function namedRecords(deps: Pick<BotDeps, 'data'>): NamedRecord[] {
  return namedRecordsOf(deps.data);
}

/** Sources with the document's title and date from data/documents.json, each once. */
export function titledSources(deps: Pick<BotDeps, 'data'>, sources: readonly Source[]): SourceRef[] {
  const seen = new Set<string>();
  return sources.flatMap((s) => {
    const key = `${s.doc}|${s.section}`;
    if (seen.has(key)) return [];
    seen.add(key);
    const info = deps.data.documents.find((d) => d.doc === s.doc);
    return [{ doc: s.doc, section: s.section, ...(info ? { title: info.title, date: info.date } : {}) }];
  });
}

/** The Reply for a budget answer: headline, one fact per row (columns side by side), notes on reconciled or uncertain figures, sources. */
export function budgetReply(answer: BudgetAnswer, deps: Pick<BotDeps, 'data'>): Reply {
  const byLabel = new Map<string, string[]>();
  for (const f of answer.figures) {
    const parts = byLabel.get(f.label) ?? [];
    parts.push(`${f.column}: ${formatFigure(f)}${f.uncertain ? ' (osäker)' : ''}`);
    byLabel.set(f.label, parts);
  }
  const facts: Fact[] = [...byLabel].map(([label, parts]) => ({ label, value: parts.join(', ') }));
  const notes = [...new Set(answer.figures.map(figureNote).filter((n): n is string => n !== undefined))];
  const lines = [answer.headline];
  if (answer.uncertain) lines.push('Obs! En eller flera siffror är osäkra i källan – se förklaringen nedan.');
  if (notes.length > 0) lines.push('', ...notes);
  return { text: lines.join('\n'), facts, sources: titledSources(deps, answer.sources), status: answer.notStated === true ? 'not-stated' : 'answered', ...(answer.notStated === true ? { subjectFound: true } : {}) };
}

/**
 * Budget questions (issue 7, "Budget Ungdomstorget 2024"): one turn, answered from the budget
 * tables in data/ (001 Bilaga 6, 003 budget tables) with source and flagged uncertain figures.
 */
export class BudgetDialog extends ComponentDialog {
  constructor(private readonly deps: BotDeps) {
    super(BUDGET_DIALOG);
    this.addDialog(new WaterfallDialog(BUDGET_WATERFALL, [this.answerStep.bind(this)]));
    this.initialDialogId = BUDGET_WATERFALL;
  }

  /** The budget answer as a result (MainDialog's direct path); the dialog sends the same. */
  answerFor(u: Pick<Understanding, 'text' | 'now' | 'forbund'>): Reply {
    const answer = answerBudget(u.text, u.forbund, this.deps.data.budgets, namedRecords(this.deps), u.now);
    return answer ? budgetReply(answer, this.deps) : { text: noBudgetText(this.deps), status: 'not-stated' };
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = readRouteOptions(step.context, step.options, turnNow(step.context, this.deps));
    const text = options.text ?? step.context.activity.text ?? '';
    const forbund = forbundOf(this.deps.data, inConversation(parseQueryCached(this.deps.data, text), turnForbund(step.context)));
    await sendReply(step.context, this.answerFor({ text, now: new Date(options.now), forbund }));
    return step.endDialog();
  }
}
