import type { TurnContext } from 'botbuilder';
import { WaterfallDialog, type FoundChoice, type WaterfallStepContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Reply } from '../src/core/reply.js';
import { sendReply } from '../src/core/sendReply.js';
import { CancelAndHelpDialog } from './cancelAndHelpDialog.js';
import { choicePromptOptions, createChoicePrompt } from './choicePrompt.js';
import type { BotDeps } from '../src/core/deps.js';
import { helpExamples, type HelpExamples } from '../src/domain/examples.js';
import { GENERIC_EXAMPLES, HELP_QUESTION, capabilities, capabilityChoices, capabilityReply, helpOverview } from './helpContent.js';
import type { RerouteResult } from './routeOptions.js';
import { turnForbund } from './turnForbund.js';

export const HELP_DIALOG = 'helpDialog';
const TOPIC_PROMPT = 'helpTopicPrompt';
const HELP_WATERFALL = 'helpWaterfall';

/**
 * "hjälp": lists what the bot can do, then asks which area to tell more about and answers
 * with a description and example questions. A real question typed at the prompt is handed
 * back to MainDialog instead of being asked again.
 */
export class HelpDialog extends CancelAndHelpDialog {
  /** `deps` gives the example questions the deployment's own names; without it they are generic. */
  constructor(private readonly deps?: Pick<BotDeps, 'data'>) {
    super(HELP_DIALOG);
    this.addDialog(createChoicePrompt(TOPIC_PROMPT, { acceptOther: true }));
    this.addDialog(new WaterfallDialog(HELP_WATERFALL, [this.overviewStep.bind(this), this.topicStep.bind(this)]));
    this.initialDialogId = HELP_WATERFALL;
  }

  protected helpReply(): Reply {
    return { text: 'Välj ett område med siffran eller namnet, ställ en fråga direkt, eller skriv ”avbryt”.' };
  }

  private async overviewStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await sendReply(step.context, helpOverview(this.examples(step.context)));
    return step.prompt(TOPIC_PROMPT, choicePromptOptions({ text: HELP_QUESTION }, capabilityChoices()));
  }

  private async topicStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const found = step.result as FoundChoice | undefined;
    const capability = found === undefined ? undefined : capabilities(this.examples(step.context))[found.index];
    if (capability === undefined) {
      const reroute: RerouteResult = { reroute: step.context.activity.text ?? '' };
      return step.endDialog(reroute);
    }
    await sendReply(step.context, capabilityReply(capability));
    return step.endDialog();
  }

  /** The examples name the conversation's förbund's verksamheter and groups, else the default förbund's. */
  private examples(context: TurnContext): HelpExamples {
    return this.deps ? helpExamples(this.deps.data, turnForbund(context)) : GENERIC_EXAMPLES;
  }
}
