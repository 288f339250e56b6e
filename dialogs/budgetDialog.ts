import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { BotDeps } from '../src/core/deps.js';
import type { Fact, Reply, SourceRef } from '../src/core/reply.js';
import { sendReply } from '../src/core/sendReply.js';
import { answerBudget, figureNote, formatFigure, type BudgetAnswer, type NamedRecord } from '../src/domain/budget.js';
import type { Source } from '../src/data/schema.js';
import { readRouteOptions } from './routeOptions.js';
import { turnNow } from './turnClock.js';

export const BUDGET_DIALOG = 'budgetDialog';
const BUDGET_WATERFALL = 'budgetWaterfall';

const NO_BUDGET_TEXT =
  'Jag hittar ingen budget för det i överenskommelserna. Budgetar finns för Samordningsförbundet Umeåregionen 2023–2025 och Samverkansteam Finnveden 2021–2022.';

/** The names people type for parties and verksamheter, from data/. */
export function namedRecords(deps: Pick<BotDeps, 'data'>): NamedRecord[] {
  return [...deps.data.parties, ...deps.data.verksamheter].map((r) => ({ id: r.id, forbund: r.forbund, name: r.name, aliases: r.aliases }));
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
  return { text: lines.join('\n'), facts, sources: titledSources(deps, answer.sources) };
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

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = readRouteOptions(step.context, step.options, turnNow(step.context, this.deps));
    const text = options.text ?? step.context.activity.text ?? '';
    const answer = answerBudget(text, this.deps.data.budgets, namedRecords(this.deps), new Date(options.now));
    await sendReply(step.context, answer ? budgetReply(answer, this.deps) : { text: NO_BUDGET_TEXT });
    return step.endDialog();
  }
}
