import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { BotDeps } from '../src/core/deps.js';
import { sendReply } from '../src/core/sendReply.js';
import { answerTertial, groupNames } from '../src/domain/tertial/answers.js';
import { parseTertialQuery } from '../src/domain/tertial/query.js';
import { latestReports } from '../src/tertial/reportsStore.js';
import { readRouteOptions } from './routeOptions.js';
import { turnNow } from './turnClock.js';
import type { Reply } from '../src/core/reply.js';
import type { Understanding } from '../src/understanding/understand.js';

export const TERTIAL_DIALOG = 'tertialDialog';
const TERTIAL_WATERFALL = 'tertialWaterfall';

/**
 * Tertial questions (issue 7): quick numbers per verksamhet and tertial with changes, end reasons,
 * budget and outcome, comparisons, version history, and which reports a verksamhet submits.
 * One turn: the answer comes from the newest imported reports and the agreements in data/.
 */
export class TertialDialog extends ComponentDialog {
  constructor(private readonly deps: BotDeps) {
    super(TERTIAL_DIALOG);
    this.addDialog(new WaterfallDialog(TERTIAL_WATERFALL, [this.answerStep.bind(this)]));
    this.initialDialogId = TERTIAL_WATERFALL;
  }

  /** The tertial answer as a result (MainDialog's direct path); the dialog sends the same. */
  answerFor(u: Pick<Understanding, 'text' | 'now'>): Reply {
    const state = this.deps.state.read();
    const query = parseTertialQuery(u.text, groupNames(this.deps.data));
    return answerTertial({ data: this.deps.data, reports: latestReports(state), allVersions: state.tertialReports, now: u.now }, query);
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = readRouteOptions(step.context, step.options, turnNow(step.context, this.deps));
    const text = options.text ?? step.context.activity.text ?? '';
    await sendReply(step.context, this.answerFor({ text, now: new Date(options.now) }));
    return step.endDialog();
  }
}
