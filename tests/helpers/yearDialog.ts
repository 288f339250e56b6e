import { TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { BotDeps } from '../../src/core/deps.js';
import { CancelAndHelpDialog } from '../../dialogs/cancelAndHelpDialog.js';
import { FallbackDialog } from '../../dialogs/fallbackDialog.js';
import { readRouteOptions } from '../../dialogs/routeOptions.js';
import type { Route } from '../../dialogs/routes.js';
import { turnNow } from '../../dialogs/turnClock.js';

const YEAR_PROMPT = 'yearPrompt';

/**
 * A small route dialog for core tests: answers at once when the question names a year, else
 * asks for one. It reads the first utterance with readRouteOptions, like feature dialogs do.
 */
export class YearDialog extends CancelAndHelpDialog {
  constructor(
    id: string,
    private readonly deps: BotDeps,
  ) {
    super(id);
    this.addDialog(new TextPrompt(YEAR_PROMPT));
    this.addDialog(new WaterfallDialog(`${id}-steps`, [this.askStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = `${id}-steps`;
  }

  protected helpReply() {
    return { text: `Hjälp för ${this.id}` };
  }

  private async askStep(step: WaterfallStepContext) {
    const options = readRouteOptions(step.context, step.options, turnNow(step.context, this.deps));
    if (options.text?.includes('krascha')) throw new Error('planned failure');
    const year = /\b(20\d\d)\b/.exec(options.text ?? '')?.[1];
    if (year) return step.next(year);
    return step.prompt(YEAR_PROMPT, { prompt: `${this.id}: vilket år? (${options.now.slice(0, 10)})` });
  }

  private async answerStep(step: WaterfallStepContext) {
    if (step.result === 'krascha') throw new Error('planned failure');
    await step.context.sendActivity(`${this.id} för år ${String(step.result)}`);
    return step.endDialog();
  }
}

/** Routes "budget…" and "tertial…" (and both for "siffror") to YearDialogs. */
export function yearRoutes(deps: BotDeps): { routes: Route[]; fallback: FallbackDialog } {
  const route = (id: string, label: string, words: Record<string, number>): Route => ({
    id,
    label,
    dialog: new YearDialog(id, deps),
    recognize: ({ normalized }) => Math.max(0, ...Object.entries(words).map(([w, s]) => (normalized.includes(w) ? s : 0))),
  });
  return {
    routes: [route('budget', 'Budget', { budget: 0.9, siffror: 0.7, krascha: 0.9 }), route('tertial', 'Tertialsiffror', { tertial: 0.9, siffror: 0.75 })],
    fallback: new FallbackDialog(),
  };
}
