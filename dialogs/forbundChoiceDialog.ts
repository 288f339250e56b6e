import { WaterfallDialog, type DialogTurnResult, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Reply } from '../src/core/reply.js';
import { CancelAndHelpDialog } from './cancelAndHelpDialog.js';
import { choicePromptOptions, createChoicePrompt } from './choicePrompt.js';

export const FORBUND_CHOICE_DIALOG = 'forbundChoiceDialog';
const FORBUND_PROMPT = 'forbundPrompt';
const FORBUND_WATERFALL = 'forbundWaterfall';

export const WHICH_FORBUND_TEXT = 'Vilket samordningsförbund gäller dina frågor? Välj nedan, så svarar jag om det förbundet i resten av samtalet.';
export const CHOOSE_FORBUND_RETRY_TEXT = 'Välj ett av förbunden – skriv siffran eller namnet.';

/** Persisted options: the förbund to choose from (ids and names from data/, nothing the user wrote). */
export interface ForbundChoiceOptions {
  forbund: { id: string; name: string }[];
}

/**
 * Asked once per conversation when nothing tells which förbund it belongs to (no FORBUND_CHANNELS
 * entry, no default förbund, several förbund loaded): the förbund as choices. The chosen förbund
 * id is the result; MainDialog remembers it for the conversation and answers the question asked.
 */
export class ForbundChoiceDialog extends CancelAndHelpDialog {
  constructor() {
    super(FORBUND_CHOICE_DIALOG);
    this.addDialog(createChoicePrompt(FORBUND_PROMPT));
    this.addDialog(new WaterfallDialog(FORBUND_WATERFALL, [this.askStep.bind(this), this.chosenStep.bind(this)]));
    this.initialDialogId = FORBUND_WATERFALL;
  }

  protected helpReply(): Reply {
    return { text: 'Boten svarar ur ett samordningsförbunds överenskommelser. Välj vilket förbund samtalet gäller med siffran eller namnet, eller skriv ”avbryt”.' };
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { forbund } = step.options as ForbundChoiceOptions;
    const choices = forbund.map((f) => ({ label: f.name, value: f.id }));
    return step.prompt(FORBUND_PROMPT, choicePromptOptions({ text: WHICH_FORBUND_TEXT, status: 'needs-input' }, choices, CHOOSE_FORBUND_RETRY_TEXT));
  }

  private async chosenStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const found = step.result as FoundChoice | undefined;
    return step.endDialog(typeof found?.value === 'string' ? found.value : undefined);
  }
}
