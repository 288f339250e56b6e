import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  DialogSet,
  DialogTurnStatus,
  WaterfallDialog,
  type Dialog,
  type DialogState,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { BotDeps } from '../src/core/deps.js';
import { sendReply } from '../src/core/sendReply.js';
import { matchCommand } from '../src/domain/commands.js';
import { normalize } from '../src/domain/text.js';
import { CLARIFY_DIALOG, ClarifyDialog, type ClarifyOptions } from './clarifyDialog.js';
import { HELP_DIALOG, HelpDialog } from './helpDialog.js';
import { welcomeReply } from './helpContent.js';
import { isRerouteResult, type RouteOptions } from './routeOptions.js';
import type { Route } from './routes.js';
import { turnNow } from './turnClock.js';

export const MAIN_DIALOG = 'mainDialog';
const MAIN_WATERFALL = 'mainWaterfall';

/** A route must score at least this to be begun; below it the fallback answers. */
export const ROUTE_THRESHOLD = 0.5;
/** Two routes closer than this are ambiguous: ask which one is meant. */
export const AMBIGUITY_MARGIN = 0.1;

export const NOTHING_TO_CANCEL_TEXT = 'Det finns inget att avbryta just nu. Ställ en fråga eller skriv ”hjälp”.';

interface MainOptions {
  /** Set when a child dialog handed an utterance back; it is routed once more but never to help again. */
  rerouted?: boolean;
}

/** What the waterfall keeps between its steps (step.values). */
interface MainValues {
  text?: string;
  clarifying?: boolean;
  /** The activity that began this routing; a reroute on a later turn is a new question, not a loop. */
  activityId?: string;
}

interface Scored {
  route: Route;
  score: number;
}

/**
 * Routes each new utterance: greeting and help first, then the feature route that recognises
 * it best (DESIGN.md: dialogs/ — what to ask next). Feature dialogs are registered in routes.ts.
 */
export class MainDialog extends ComponentDialog {
  constructor(
    private readonly deps: BotDeps,
    private readonly routes: readonly Route[],
    private readonly fallback: Dialog,
  ) {
    super(MAIN_DIALOG);
    this.addDialog(new HelpDialog());
    this.addDialog(new ClarifyDialog());
    for (const route of routes) this.addDialog(route.dialog);
    this.addDialog(fallback);
    this.addDialog(
      new WaterfallDialog(MAIN_WATERFALL, [this.routeStep.bind(this), this.afterRouteStep.bind(this), this.finalStep.bind(this)]),
    );
    this.initialDialogId = MAIN_WATERFALL;
  }

  /** Runs one turn: continues the active dialog, or starts routing a new utterance. */
  async run(context: TurnContext, accessor: StatePropertyAccessor<DialogState>): Promise<void> {
    const dialogSet = new DialogSet(accessor);
    dialogSet.add(this);
    const dc = await dialogSet.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
  }

  private routeOptions(step: WaterfallStepContext, text: string): RouteOptions {
    return { text, now: turnNow(step.context, this.deps).toISOString() };
  }

  private score(text: string, now: Date): Scored[] {
    const input = { text, normalized: normalize(text), now };
    return this.routes
      .map((route) => ({ route, score: Math.max(0, Math.min(1, route.recognize(input))) }))
      .sort((a, b) => b.score - a.score);
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as MainOptions;
    const values = step.values as MainValues;
    const text = (step.context.activity.text ?? '').trim();
    values.text = text;
    values.activityId = step.context.activity.id;
    if (text === '') return step.endDialog();

    const command = matchCommand(text);
    if (command === 'greeting') {
      await sendReply(step.context, welcomeReply());
      return step.endDialog();
    }
    if (command === 'help' && options.rerouted !== true) return step.beginDialog(HELP_DIALOG);
    if (command === 'cancel' || command === 'restart' || command === 'back') {
      await sendReply(step.context, { text: NOTHING_TO_CANCEL_TEXT });
      return step.endDialog();
    }

    const [best, second] = this.score(text, turnNow(step.context, this.deps));
    if (best === undefined || best.score < ROUTE_THRESHOLD) {
      return step.beginDialog(this.fallback.id, this.routeOptions(step, text));
    }
    if (second !== undefined && second.score >= ROUTE_THRESHOLD && best.score - second.score < AMBIGUITY_MARGIN) {
      values.clarifying = true;
      const clarify: ClarifyOptions = {
        candidates: [best, second].map((s) => ({ routeId: s.route.id, label: s.route.label })),
      };
      return step.beginDialog(CLARIFY_DIALOG, clarify);
    }
    return step.beginDialog(best.route.dialog.id, this.routeOptions(step, text));
  }

  private async afterRouteStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as MainValues;
    if (values.clarifying === true && typeof step.result === 'string') {
      const chosen = this.routes.find((r) => r.id === step.result);
      if (chosen !== undefined) return step.beginDialog(chosen.dialog.id, this.routeOptions(step, values.text ?? ''));
    }
    return step.next(step.result);
  }

  private async finalStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as MainOptions;
    const values = step.values as MainValues;
    const sameTurn = values.activityId === undefined || values.activityId === step.context.activity.id;
    if (isRerouteResult(step.result) && (options.rerouted !== true || !sameTurn) && step.result.reroute.trim() !== '') {
      const again: MainOptions = { rerouted: true };
      return step.replaceDialog(MAIN_WATERFALL, again);
    }
    return step.endDialog();
  }
}
