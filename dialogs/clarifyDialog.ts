import { WaterfallDialog, type DialogTurnResult, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Reply } from '../src/core/reply.js';
import { CancelAndHelpDialog } from './cancelAndHelpDialog.js';
import { choicePromptOptions, createChoicePrompt } from './choicePrompt.js';
import type { RerouteResult } from './routeOptions.js';

export const CLARIFY_DIALOG = 'clarifyDialog';
const CLARIFY_PROMPT = 'clarifyPrompt';
const CLARIFY_WATERFALL = 'clarifyWaterfall';

/** The offer after an answer when another reading of the question was almost as likely. */
export const OTHER_READING_TEXT = 'Menade du i stället';

export interface ClarifyOptions {
  /** The other readings (routes) of the question, most likely first; the answer already given is not among them. */
  candidates: { routeId: string; label: string }[];
}

/**
 * Offered after MainDialog has answered with the best reading of a question that another route
 * fits almost as well: "Menade du i stället …?" with that reading as a choice. The chosen route
 * id is the result; anything else typed is handed back to MainDialog as a new question, so the
 * offer never blocks the conversation.
 */
export class ClarifyDialog extends CancelAndHelpDialog {
  constructor() {
    super(CLARIFY_DIALOG);
    this.addDialog(createChoicePrompt(CLARIFY_PROMPT, { acceptOther: true }));
    this.addDialog(new WaterfallDialog(CLARIFY_WATERFALL, [this.askStep.bind(this), this.chosenStep.bind(this)]));
    this.initialDialogId = CLARIFY_WATERFALL;
  }

  protected helpReply(): Reply {
    return { text: 'Jag svarade på det jag trodde att du menade. Välj alternativet med siffran eller namnet om du menade det i stället, eller ställ en ny fråga.' };
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { candidates } = step.options as ClarifyOptions;
    const names = candidates.map((c) => c.label.toLowerCase());
    const text = `${OTHER_READING_TEXT} ${names.join(' eller ')}? Välj nedan, eller ställ en ny fråga.`;
    return step.prompt(CLARIFY_PROMPT, choicePromptOptions({ text }, candidates.map((c) => ({ label: c.label }))));
  }

  private async chosenStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { candidates } = step.options as ClarifyOptions;
    const found = step.result as FoundChoice | undefined;
    if (!found || typeof found.index !== 'number') {
      const reroute: RerouteResult = { reroute: step.context.activity.text ?? '' };
      return step.endDialog(reroute);
    }
    return step.endDialog(candidates[found.index]?.routeId);
  }
}
