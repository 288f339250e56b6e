import { WaterfallDialog, type DialogTurnResult, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Reply } from '../src/core/reply.js';
import { CancelAndHelpDialog } from './cancelAndHelpDialog.js';
import { choicePromptOptions, createChoicePrompt } from './choicePrompt.js';

export const CLARIFY_DIALOG = 'clarifyDialog';
const CLARIFY_PROMPT = 'clarifyPrompt';
const CLARIFY_WATERFALL = 'clarifyWaterfall';

export interface ClarifyOptions {
  /** The candidate routes, best first. */
  candidates: { routeId: string; label: string }[];
}

/** When two routes fit a question about equally well: one short question, and the chosen route id as result. */
export class ClarifyDialog extends CancelAndHelpDialog {
  constructor() {
    super(CLARIFY_DIALOG);
    this.addDialog(createChoicePrompt(CLARIFY_PROMPT));
    this.addDialog(new WaterfallDialog(CLARIFY_WATERFALL, [this.askStep.bind(this), this.chosenStep.bind(this)]));
    this.initialDialogId = CLARIFY_WATERFALL;
  }

  protected helpReply(): Reply {
    return { text: 'Din fråga kan gälla flera saker. Välj det som passar bäst med siffran eller namnet, eller skriv ”avbryt”.' };
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { candidates } = step.options as ClarifyOptions;
    return step.prompt(
      CLARIFY_PROMPT,
      choicePromptOptions({ text: 'Menar du…' }, candidates.map((c) => ({ label: c.label }))),
    );
  }

  private async chosenStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { candidates } = step.options as ClarifyOptions;
    const found = step.result as FoundChoice;
    return step.endDialog(candidates[found.index]?.routeId);
  }
}
