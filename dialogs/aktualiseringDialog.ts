import { TextPrompt, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import type { BotDeps } from '../src/core/deps.js';
import type { Reply } from '../src/core/reply.js';
import { replyActivity, sendReply } from '../src/core/sendReply.js';
import { caseReply, detectIntent, generalReply, questionFor, questionsFor, type AktIntent } from '../src/domain/aktualisering/answer.js';
import { extractFacts, lexiconFor } from '../src/domain/aktualisering/extract.js';
import { caseFactsSchema, factKeySchema, mergeFacts } from '../src/domain/aktualisering/facts.js';
import { normalize } from '../src/domain/text.js';
import { CancelAndHelpDialog } from './cancelAndHelpDialog.js';
import { matchChoice } from './choicePrompt.js';
import { readRouteOptions, type RerouteResult } from './routeOptions.js';
import { turnNow } from './turnClock.js';
import { understand, type Understanding } from '../src/understanding/understand.js';
import { completeData } from '../src/domain/answers/common.js';

export const AKTUALISERING_DIALOG = 'aktualiseringDialog';
const CASE_WATERFALL = 'aktualiseringWaterfall';
const ANSWER_PROMPT = 'aktualiseringAnswerPrompt';
/** Where the case lives: this dialog's own instance state, so it is persisted and dropped when the dialog ends. */
const CASE_KEY = 'aktualisering.case';

const BACK_TEXT = 'Okej, ett steg tillbaka.';
const NOT_UNDERSTOOD_TEXT = 'Det svaret förstod jag inte. Välj ett alternativ eller skriv med egna ord, t.ex. ”hon har sjukpenning och är 31”.';

const caseStateSchema = z.object({
  facts: caseFactsSchema,
  intent: z.enum(['forankring', 'fit', 'samtycke', 'avslut', 'uppfoljning', 'arendebarare', 'path']),
  /** The facts before each answer, newest last: "tillbaka" restores the last one. */
  history: z.array(caseFactsSchema).default([]),
  asking: factKeySchema.optional(),
  choices: z.array(z.object({ label: z.string(), value: z.string().optional() })).default([]),
  /** The consent rule has been said in this dialog (issue 14: once per dialog). */
  consentSaid: z.boolean().default(false),
});
type CaseState = z.infer<typeof caseStateSchema>;

/** Options of one pass through the waterfall: `loop` marks a pass that continues the current case. */
interface LoopOptions {
  loop: true;
}

function isLoop(options: unknown): options is LoopOptions {
  return typeof options === 'object' && options !== null && (options as Record<string, unknown>).loop === true;
}

/**
 * Aktualiseringscheck (issue 5): who must be consulted before a referral, which path, does the
 * person fit the målgrupp. Answers in the first reply with what applies in general, then asks
 * for one missing fact at a time. Case facts live only in this dialog's state; no name or
 * personnummer is ever asked for (the core redacts personnummer at ingress).
 */
export class AktualiseringDialog extends CancelAndHelpDialog {
  constructor(private readonly deps: BotDeps) {
    super(AKTUALISERING_DIALOG);
    this.addDialog(new TextPrompt(ANSWER_PROMPT));
    this.addDialog(new WaterfallDialog(CASE_WATERFALL, [this.answerStep.bind(this), this.receiveStep.bind(this)]));
    this.initialDialogId = CASE_WATERFALL;
  }

  protected helpReply(): Reply {
    return {
      text: 'Aktualiseringscheck: jag säger vem som ska förankra innan aktualisering, vilken väg ärendet tar och om personen passar målgruppen – med källa. '
        + 'Svara på frågan med ett alternativ (siffra eller ord) eller med egna ord, t.ex. ”hon har sjukpenning och är 31”. '
        + 'Skriv ”tillbaka” för förra frågan, ”börja om” för att börja från början eller ”avbryt” för att sluta. Skriv aldrig namn eller personnummer.',
    };
  }

  protected override async goBack(innerDc: DialogContext): Promise<DialogTurnResult> {
    const state = this.load(innerDc);
    const previous = state?.history.pop();
    if (state === undefined || previous === undefined) return super.goBack(innerDc);
    state.facts = previous;
    this.save(innerDc, state);
    await sendReply(innerDc.context, { text: BACK_TEXT });
    await innerDc.cancelAllDialogs();
    const loop: LoopOptions = { loop: true };
    return innerDc.beginDialog(CASE_WATERFALL, loop);
  }

  /**
   * The answer as a result, before any dialog runs (dialogs/routes.ts `Route.answer`): a process
   * question (samtycke, avslut, uppföljning, ärendebärare, a path) is answered in one reply; a case
   * whose facts decide it is answered; a case that lacks a fact the rules depend on `needs-input`,
   * and MainDialog begins this dialog, which asks for it. Computed from the turn's understanding,
   * exactly as the dialog's first step would.
   */
  answerFor(u: Understanding): Reply {
    const data = this.deps.data;
    const { extracted, intent, pathId } = this.opening(u);
    if (intent !== 'forankring' && intent !== 'fit') {
      const general = generalReply(intent, extracted, data, pathId, u.text);
      return general.status === undefined ? { ...general, status: 'answered' } : general;
    }
    const facts = mergeFacts({ unknown: [] }, extracted);
    const { reply, result } = caseReply(facts, intent, data, u.now.toISOString().slice(0, 10), { question: u });
    return { ...reply, status: questionsFor(intent, result)[0] === undefined ? 'answered' : 'needs-input' };
  }

  /** What an opening question states of the case and asks (its intent): the same for the direct answer and the dialog's first step. */
  private opening(u: Pick<Understanding, 'text' | 'query' | 'form'>): { extracted: ReturnType<typeof extractFacts>; intent: AktIntent; pathId?: string } {
    const extracted = extractFacts(u.text, lexiconFor(this.deps.data));
    return { extracted, ...detectIntent(u, extracted, this.deps.data) };
  }

  private load(dc: DialogContext): CaseState | undefined {
    const parsed = caseStateSchema.safeParse(dc.parent?.activeDialog?.state[CASE_KEY]);
    return parsed.success ? parsed.data : undefined;
  }

  private save(dc: DialogContext, state: CaseState | undefined): void {
    const instance = dc.parent?.activeDialog;
    if (instance) instance.state[CASE_KEY] = state;
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const data = this.deps.data;
    let state = isLoop(step.options) ? this.load(step) : undefined;
    /** The opening question, on the dialog's first step only: a yes/no question the rules decide is answered "Ja"/"Nej" first. */
    let opening: Understanding | undefined;
    if (state === undefined) {
      const now = turnNow(step.context, this.deps);
      const { text } = readRouteOptions(step.context, step.options, now);
      opening = text !== undefined ? understand(completeData(data), text, now) : undefined;
      const { extracted, intent, pathId } = opening !== undefined ? this.opening(opening) : { extracted: {}, intent: 'forankring' as AktIntent, pathId: undefined };
      if (intent !== 'forankring' && intent !== 'fit') {
        await sendReply(step.context, generalReply(intent, extracted, data, pathId, text));
        return step.endDialog();
      }
      state = { facts: mergeFacts({ unknown: [] }, extracted), intent, history: [], choices: [], consentSaid: false };
    }

    const today = turnNow(step.context, this.deps).toISOString().slice(0, 10);
    const { reply, result } = caseReply(state.facts, state.intent, data, today, { consentSaid: state.consentSaid, ...(opening === undefined ? {} : { question: opening }) });
    state.consentSaid = true;
    const next = questionsFor(state.intent, result)[0];
    // Ids only: what the user wrote never reaches the log.
    this.deps.log.debug('aktualisering', { intent: state.intent, asking: next ?? 'klar', facts: Object.keys(state.facts).filter((k) => k !== 'unknown').length });
    if (next === undefined) {
      this.save(step, undefined);
      await sendReply(step.context, reply);
      return step.endDialog();
    }
    const question = questionFor(next, state.facts, data, result);
    state.asking = next;
    state.choices = question.choices;
    this.save(step, state);
    const asked: Reply = { ...reply, text: `${reply.text}\n\n${question.text}`, choices: question.choices };
    return step.prompt(ANSWER_PROMPT, { prompt: replyActivity(asked) });
  }

  private async receiveStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = this.load(step);
    const typed = typeof step.result === 'string' ? step.result : '';
    if (state === undefined) {
      // No readable case (e.g. an old state file): treat the text as a new question.
      const reroute: RerouteResult = { reroute: typed };
      return step.endDialog(reroute);
    }
    const index = matchChoice(typed, state.choices);
    const chosen = index !== undefined ? state.choices[index] : undefined;
    const answer = chosen !== undefined ? chosen.value ?? chosen.label : typed;
    const extracted = extractFacts(answer, lexiconFor(this.deps.data), state.asking);
    const understood = Object.entries(extracted).some(([k, v]) => k !== 'forbund' && v !== undefined);
    // "annan kommun": a municipality outside the list is still an answer (the person lives elsewhere).
    if (!understood && state.asking === 'municipality' && /\bannan\b/.test(normalize(answer))) extracted.municipality = 'annan kommun';
    if (!understood && extracted.municipality === undefined) {
      if (looksLikeNewQuestion(typed)) {
        this.save(step, undefined);
        const reroute: RerouteResult = { reroute: typed };
        return step.endDialog(reroute);
      }
      await sendReply(step.context, { text: NOT_UNDERSTOOD_TEXT });
    } else {
      state.history.push(state.facts);
      state.facts = mergeFacts(state.facts, extracted);
      this.save(step, state);
    }
    const loop: LoopOptions = { loop: true };
    return step.replaceDialog(CASE_WATERFALL, loop);
  }
}

/** A reply that is a question of its own rather than an answer ("Vem kontaktar jag på psykiatrin?"). */
function looksLikeNewQuestion(text: string): boolean {
  const n = normalize(text);
  return text.trim().endsWith('?') || n.split(' ').length >= 4;
}
