import type { TurnContext } from 'botbuilder';
import { WaterfallDialog, type DialogTurnResult, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { BotDeps } from '../src/core/deps.js';
import type { Reply } from '../src/core/reply.js';
import { sendReply } from '../src/core/sendReply.js';
import type { AgreementData } from '../src/data/load.js';
import { completeData } from '../src/domain/answers/common.js';
import { parseQueryCached, type ParsedQuery } from '../src/domain/entities.js';
import { CancelAndHelpDialog } from './cancelAndHelpDialog.js';
import { choicePromptOptions, createChoicePrompt } from './choicePrompt.js';
import { readRouteOptions, type RerouteResult } from './routeOptions.js';
import { TextMemory } from './textMemory.js';
import { turnNow } from './turnClock.js';
import { turnForbund } from './turnForbund.js';
import { inConversation } from '../src/domain/forbund.js';
import type { Understanding } from '../src/understanding/understand.js';

const NARROW_PROMPT = 'narrowPrompt';

/** Persisted between the answer and the narrowing choice: a key into the dialog's TextMemory, never the text. */
interface AnswerValues {
  textKey?: string;
}

/**
 * Base of the agreement-question dialogs (åtaganden, kontakter, organisation, målgrupp,
 * samverkansinitiativ, sök): the first reply always holds the answer; when a fact that matters
 * is missing (which party, which verksamhet) the answer carries choices and the dialog waits for
 * one, then answers again narrowed to it. Anything else typed at the choice goes back to
 * MainDialog as a new question.
 */
export abstract class AgreementAnswerDialog extends CancelAndHelpDialog {
  private readonly waterfallId: string;
  private readonly texts = new TextMemory();

  constructor(id: string, protected readonly deps: BotDeps) {
    super(id);
    this.waterfallId = `${id}.waterfall`;
    this.addDialog(createChoicePrompt(NARROW_PROMPT, { acceptOther: true }));
    this.addDialog(new WaterfallDialog(this.waterfallId, [this.answerStep.bind(this), this.narrowedStep.bind(this)]));
    this.initialDialogId = this.waterfallId;
  }

  /** The reply for a parsed question; choices in it mean "narrow down with one of these". */
  protected abstract answer(q: ParsedQuery): Reply;

  /**
   * The answer as a result for MainDialog's direct path: the builder's own status, else
   * `needs-input` when it offers choices to narrow down (the dialog then asks), else `answered`.
   */
  answerFor(u: Understanding): Reply {
    const reply = this.answer(u.query);
    return { ...reply, status: reply.status ?? ((reply.choices?.length ?? 0) >= 2 ? 'needs-input' : 'answered') };
  }

  /** The current curated data (read on every turn: a reload replaces `deps.data`). */
  protected get data(): AgreementData {
    return completeData(this.deps.data);
  }

  /** The question as parsed, in this turn's conversation (its förbund, src/domain/forbund.ts). */
  protected parse(text: string, context: TurnContext): ParsedQuery {
    return inConversation(parseQueryCached(this.data, text), turnForbund(context));
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = readRouteOptions(step.context, step.options, turnNow(step.context, this.deps));
    const text = options.text ?? step.context.activity.text ?? '';
    const reply = this.answer(this.parse(text, step.context));
    if (!reply.choices || reply.choices.length < 2) {
      await sendReply(step.context, reply);
      return step.endDialog();
    }
    const { choices, ...rest } = reply;
    (step.values as AnswerValues).textKey = this.texts.keep(text);
    return step.prompt(NARROW_PROMPT, choicePromptOptions(rest, choices));
  }

  private async narrowedStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const found = step.result as FoundChoice | undefined;
    // After a restart the question is no longer in memory: the choice alone narrows the answer.
    const original = this.texts.take((step.values as AnswerValues).textKey) ?? '';
    if (!found || typeof found.value !== 'string') {
      const reroute: RerouteResult = { reroute: step.context.activity.text ?? '' };
      return step.endDialog(reroute);
    }
    const { choices: _unused, ...reply } = this.answer(this.parse(`${original} ${found.value}`.trim(), step.context));
    await sendReply(step.context, reply);
    return step.endDialog();
  }
}
