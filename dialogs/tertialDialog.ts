import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { BotDeps } from '../src/core/deps.js';
import { sendReply } from '../src/core/sendReply.js';
import { answerTertial, groupNames } from '../src/domain/tertial/answers.js';
import { parseTertialQuery } from '../src/domain/tertial/query.js';
import { latestReports } from '../src/tertial/reportsStore.js';
import { readRouteOptions } from './routeOptions.js';
import { turnNow } from './turnClock.js';

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

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = readRouteOptions(step.context, step.options, turnNow(step.context, this.deps));
    const text = options.text ?? step.context.activity.text ?? '';
    const state = this.deps.state.read();
    const query = parseTertialQuery(text, groupNames(this.deps.data));
    const reply = answerTertial(
      { data: this.deps.data, reports: latestReports(state), allVersions: state.tertialReports, now: new Date(options.now) },
      query,
    );
    await sendReply(step.context, reply);
    return step.endDialog();
  }
}
