import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { BotDeps } from '../src/core/deps.js';
import { sendReply } from '../src/core/sendReply.js';
import { completeData } from '../src/domain/answers/common.js';
import { answerSearch } from '../src/domain/answers/search.js';
import { answerApplications } from '../src/domain/applications/answer.js';
import { readRouteOptions } from './routeOptions.js';
import { turnNow } from './turnClock.js';
import type { Reply } from '../src/core/reply.js';
import type { Understanding } from '../src/understanding/understand.js';

export const ANSOKAN_DIALOG = 'ansokanDialog';
const ANSOKAN_WATERFALL = 'ansokanWaterfall';

/**
 * Ansökningar om medel (002 Bilaga 2; kallelse 2017-04-21 punkt 11): one turn, the named
 * application's sökt summa, sökande and the beredningsgrupp's förslag together, with sources.
 */
export class AnsokanDialog extends ComponentDialog {
  constructor(private readonly deps: BotDeps) {
    super(ANSOKAN_DIALOG);
    this.addDialog(new WaterfallDialog(ANSOKAN_WATERFALL, [this.answerStep.bind(this)]));
    this.initialDialogId = ANSOKAN_WATERFALL;
  }

  /** The application answer as a result (MainDialog's direct path); the dialog sends the same. */
  answerFor(u: Pick<Understanding, 'text'>): Reply {
    const data = completeData(this.deps.data);
    return answerApplications(data, u.text) ?? answerSearch(data, u.text);
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = readRouteOptions(step.context, step.options, turnNow(step.context, this.deps));
    await sendReply(step.context, this.answerFor({ text: options.text ?? step.context.activity.text ?? '' }));
    return step.endDialog();
  }
}
