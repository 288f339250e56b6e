import { normalize } from '../src/domain/text.js';
import type { Activity, StatePropertyAccessor, TurnContext } from 'botbuilder';
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
import type { Reply } from '../src/core/reply.js';
import { heldOnlyPersonnummer } from '../src/core/redactMiddleware.js';
import { sendReply } from '../src/core/sendReply.js';
import { completeData, inForbundScope, isSeeAlso } from '../src/domain/answers/common.js';
import { configuredForbund } from '../src/core/conversationForbund.js';
import { hasDeploymentDefault, namedForbund, namesOtherForbund, searchScope } from '../src/domain/forbund.js';
import { answerSearch } from '../src/domain/answers/search.js';
import { notStatedText } from '../src/domain/routing/absent.js';
import { combinedParts, withSeeAlso } from '../src/domain/routing/combine.js';
import { nearestInstead, withClosest } from '../src/domain/routing/nearest.js';
import { matchCommand } from '../src/domain/commands.js';
import { answerFirst, verdictFirst } from '../src/domain/routing/answerFirst.js';
import { answersQuestion, missesAbsentThing, givesFormValue } from '../src/domain/routing/answersQuestion.js';
import { emptyForbundReply } from '../src/domain/forbundStatus.js';
import { complementEvidence, isNoAnswer, leadingReply, passagesLead, type ComplementEvidence } from '../src/domain/routing/evidence.js';
import { CLARIFY_DIALOG, ClarifyDialog, type ClarifyOptions } from './clarifyDialog.js';
import { HELP_DIALOG, HelpDialog } from './helpDialog.js';
import { welcomeReply } from './helpContent.js';
import { capturing, release, startCapture, stash, stashed, stopCapture } from './replyCapture.js';
import { isRerouteResult, routedText, setRoutedText, type RouteOptions } from './routeOptions.js';
import { TextMemory } from './textMemory.js';
import { answerStaleChoice, rememberChoices, watchChoices, type ChoiceMemory } from './staleChoices.js';
import { fallbackAnswer, type Route } from './routes.js';
import { understand, type Understanding } from '../src/understanding/understand.js';
import { turnNow } from './turnClock.js';
import { keepDialogStateConfiguration, shareDialogStateConfiguration } from './dialogStateConfiguration.js';
import { chooseTurnForbund, setTurnForbund, turnForbund } from './turnForbund.js';
import { FORBUND_CHOICE_DIALOG, ForbundChoiceDialog, type ForbundChoiceOptions } from './forbundChoiceDialog.js';

/** Turn-state key of the routed text's understanding (MainDialog.routedUnderstanding). */
const ROUTED_UNDERSTANDING = Symbol('routedUnderstanding');

export const MAIN_DIALOG = 'mainDialog';
const MAIN_WATERFALL = 'mainWaterfall';

/** A route must score at least this to be begun; below it the fallback answers. */
export const ROUTE_THRESHOLD = 0.5;
/** Two routes closer than this are both likely: answer with the best, then offer the other reading. */
export const AMBIGUITY_MARGIN = 0.1;

/** The replies' own words, text and facts: their related passages ("Se även") are beside the answer, not part of it. */
function ownTexts(replies: readonly Reply[]): string[] {
  return replies.flatMap((r) => [r.text, ...(r.facts ?? []).filter((f) => !isSeeAlso(f)).map((f) => `${f.label}: ${f.value}`)]);
}

/**
 * A pronoun that points back at the part before: after a preposition ("av det", "för dem"), or as the
 * subject before a particle or the end ("när följs den upp?", "hur ofta revideras den?") – not a
 * determiner ("den nya styrelsen") and not the "det" of "finns det" – or a possessive that ends the
 * part, its noun left out ("… o när har styrelsen sitt?").
 */
const ANAPHOR = /\b(?:av|för|från|till|i|om|med|på)\s+(?:det|dem|dessa|detta|denna|den)\b|\b(?:den|denna|dessa|detta)(?=\s*(?:[?.!,]|$|\s(?:upp|ut|av|in|ner|om|och|eller)\b))|\b(?:sitt|sin|sina)\s*[?.!]*\s*$/iu;

/** A possessive that ends a part, its noun left out ("… o när har styrelsen sitt?"). */
const ELLIPSIS = /\b(?:sitt|sin|sina)\s*[?.!]*\s*$/iu;

/** A text without the words of the phrases given ("när har ssg sitt möte" without "ssg"). */
function withoutWords(text: string, phrases: readonly string[]): string {
  const drop = new Set(phrases.flatMap((p) => p.toLowerCase().split(/\s+/u)));
  return text.split(/\s+/u).filter((w) => !drop.has(normalize(w))).join(' ');
}

/** Question forms that ask for a value or a verdict, which a menu of choices does not give. */
const VALUE_FORMS: ReadonlySet<Understanding['form']> = new Set(['yesno', 'nar', 'hur-mycket', 'hur-ofta', 'hur-lange']);

export const NOTHING_TO_CANCEL_TEXT = 'Det finns inget att avbryta just nu. Ställ en fråga eller skriv ”hjälp”.';

interface MainOptions {
  /** Set when a child dialog handed an utterance back; it is routed once more but never to help again. */
  rerouted?: boolean;
}

/** What the waterfall keeps between its steps (step.values, persisted: ids and flags, never what the user wrote). */
interface MainValues {
  /** Key in the dialog's TextMemory of the question behind an offered second reading. */
  textKey?: string;
  clarifying?: boolean;
  /** The route that answered first, and the close second reading (offered after the answer, or tried when the first declines). */
  routeId?: string;
  routeScore?: number;
  alternativeId?: string;
  /** True once the second reading was begun because the first had no answer. */
  alternativeTried?: boolean;
  /** True once this turn's answer has been judged and sent. */
  settled?: boolean;
  /** The activity that began this routing; a reroute on a later turn is a new question, not a loop. */
  activityId?: string;
  /** True while the conversation is asked which förbund it belongs to (the question waits in TextMemory under `textKey`). */
  askingForbund?: boolean;
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
  private readonly fallbackAnswer: Route['answer'];
  private readonly texts = new TextMemory();

  constructor(
    private readonly deps: BotDeps,
    private readonly routes: readonly Route[],
    private readonly fallback: Dialog,
  ) {
    super(MAIN_DIALOG);
    this.fallbackAnswer = fallbackAnswer(fallback);
    this.addDialog(new HelpDialog(deps));
    this.addDialog(new ClarifyDialog());
    this.addDialog(new ForbundChoiceDialog());
    for (const route of routes) this.addDialog(route.dialog);
    this.addDialog(fallback);
    this.addDialog(
      new WaterfallDialog(MAIN_WATERFALL, [
        this.routeStep.bind(this),
        this.afterForbundChoiceStep.bind(this),
        this.judgeStep.bind(this),
        this.judgeAlternativeStep.bind(this),
        this.offerStep.bind(this),
        this.afterOfferStep.bind(this),
        this.finalStep.bind(this),
      ]),
    );
    this.initialDialogId = MAIN_WATERFALL;
  }

  /**
   * Runs one turn: continues the active dialog, or starts routing a new utterance. `forbund` is
   * the conversation state's property with the förbund chosen when the bot asked.
   */
  async run(
    context: TurnContext,
    accessor: StatePropertyAccessor<DialogState>,
    forbund?: StatePropertyAccessor<string>,
    choices?: StatePropertyAccessor<ChoiceMemory>,
  ): Promise<void> {
    await this.resolveForbund(context, forbund);
    const dialogSet = new DialogSet(accessor);
    dialogSet.add(this);
    shareDialogStateConfiguration(context);
    const dc = await dialogSet.createContext(context);
    keepDialogStateConfiguration(dc);
    if (heldOnlyPersonnummer(context)) {
      if (dc.activeDialog !== undefined) await dc.repromptDialog();
      return;
    }
    const waitedBefore = dc.activeDialog !== undefined;
    if (await answerStaleChoice(context, choices, waitedBefore)) return;
    const sent = watchChoices(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
    await rememberChoices(context, choices, { waitedBefore, waitsAfter: dc.activeDialog !== undefined, sent: sent() });
  }

  /**
   * The förbund the conversation belongs to this turn: the one configured for its channel or
   * passed by its edge (FORBUND_CHANNELS, ?forbund=, --forbund), else the one chosen earlier.
   * An id data/ no longer has counts as none.
   */
  private async resolveForbund(context: TurnContext, accessor: StatePropertyAccessor<string> | undefined): Promise<void> {
    const known = (id: unknown): string | undefined =>
      typeof id === 'string' && completeData(this.deps.data).forbund.some((f) => f.id === id) ? id : undefined;
    const configured = known(configuredForbund(context.activity, this.deps.forbundChannels));
    const remembered = configured === undefined && accessor !== undefined ? known(await accessor.get(context)) : undefined;
    setTurnForbund(context, {
      forbund: configured ?? remembered,
      ...(accessor === undefined ? {} : { remember: async (id: string) => { await accessor.set(context, id); } }),
    });
  }

  /**
   * Whether to ask which förbund before answering: only where nothing decides it — no förbund
   * for the conversation, no deployment default, more than one förbund loaded — and the question
   * names none.
   */
  private mustAskForbund(context: TurnContext, u: Understanding): boolean {
    const data = completeData(this.deps.data);
    return turnForbund(context) === undefined && data.forbund.length > 1 && !hasDeploymentDefault(data) && namedForbund(data, u.query) === undefined;
  }

  /** The search's answer for the turn's question, from the förbund it is about when the conversation belongs to one. */
  private search(u: Pick<Understanding, 'text' | 'query'>): Reply {
    const data = completeData(this.deps.data);
    return answerSearch(data, u.text, undefined, searchScope(data, u.query));
  }

  /** The search's answer (its headline already the answering sentence) with "Ja"/"Nej" first where that sentence decides a yes/no question. */
  private shaped(u: Understanding, reply: Reply): Reply {
    return verdictFirst(u.text, u.form, reply);
  }

  /**
   * The judge of every answer (src/domain/routing/answersQuestion.ts); an answer from general rules
   * (`route.general`) or from the search must also name a thing the question asks about that no
   * document names — else it is about something else. `route` undefined: the search's answer.
   */
  private answers(u: Understanding, reply: Reply, route?: Route): boolean {
    const data = completeData(this.deps.data);
    if (!answersQuestion(data, u, reply)) return false;
    return (route !== undefined && route.general !== true) || !missesAbsentThing(data, u, reply);
  }

  /** The search's answer, judged like every answer: one that misses what the question asks is "not stated". */
  private judgedSearch(u: Understanding): Reply {
    const found = this.search(u);
    if (found.status !== 'answered' || this.answers(u, found)) return found;
    return { ...found, text: notStatedText(completeData(this.deps.data), u), status: 'not-stated' };
  }

  /** Options for a route's dialog; the utterance it answers goes along in turn state, not in the (persisted) options. */
  private routeOptions(step: WaterfallStepContext, text: string | undefined): RouteOptions {
    setRoutedText(step.context, text);
    return { now: turnNow(step.context, this.deps).toISOString() };
  }

  private score(understanding: Understanding): Scored[] {
    const input = { text: understanding.text, normalized: understanding.query.normalized, now: understanding.now, understanding };
    const scored = this.routes
      // A route does not answer a question of a form it does not declare (Route.forms), whatever its words.
      .map((route) => ({ route, score: route.forms !== undefined && !route.forms.includes(understanding.form) ? 0 : Math.max(0, Math.min(1, route.recognize(input))) }))
      .sort((a, b) => b.score - a.score);
    // Route ids, scores and the form only: what the user wrote never reaches the log.
    this.deps.log.debug('routes', { form: understanding.form, scores: scored.filter((s) => s.score > 0).slice(0, 3).map((s) => `${s.route.id}:${s.score.toFixed(2)}`).join(' ') });
    return scored;
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as MainOptions;
    const values = step.values as MainValues;
    const text = (step.context.activity.text ?? '').trim();
    setRoutedText(step.context, text);
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

    const understanding = understand(completeData(this.deps.data), text, turnNow(step.context, this.deps), turnForbund(step.context));
    if (this.mustAskForbund(step.context, understanding)) {
      values.askingForbund = true;
      values.textKey = this.texts.keep(text);
      const ask: ForbundChoiceOptions = { forbund: completeData(this.deps.data).forbund.map((f) => ({ id: f.id, name: f.name })) };
      return step.beginDialog(FORBUND_CHOICE_DIALOG, ask);
    }
    return this.routeUnderstood(step, understanding);
  }

  /**
   * After the conversation was asked which förbund: remember the choice and answer the question
   * that was asked (held in memory; after a restart it is gone, so the bot asks for it again).
   */
  private async afterForbundChoiceStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as MainValues;
    if (values.askingForbund !== true) return step.next(step.result);
    values.askingForbund = undefined;
    const text = this.texts.take(values.textKey);
    values.textKey = undefined;
    const chosen = typeof step.result === 'string' ? completeData(this.deps.data).forbund.find((f) => f.id === step.result) : undefined;
    if (chosen === undefined) return step.endDialog();
    await chooseTurnForbund(step.context, chosen.id);
    if (text === undefined || text === '') {
      await sendReply(step.context, { text: `Då svarar jag om ${chosen.name}. Vad vill du fråga?` });
      return step.endDialog();
    }
    setRoutedText(step.context, text);
    values.activityId = step.context.activity.id;
    return this.routeUnderstood(step, understand(completeData(this.deps.data), text, turnNow(step.context, this.deps), chosen.id));
  }

  /**
   * Routes an understood question from the conversation's förbund only (src/domain/answers/common.ts,
   * inForbundScope) unless the question names another förbund; without a förbund for the
   * conversation (the deployment's default answers), from all.
   */
  private async routeUnderstood(step: WaterfallStepContext, understanding: Understanding): Promise<DialogTurnResult> {
    const home = turnForbund(step.context);
    const scope = home !== undefined && !namesOtherForbund(completeData(this.deps.data), understanding.query, home) ? home : undefined;
    return inForbundScope(scope, () => this.routeIn(step, understanding));
  }

  /** Routes an understood question: its parts, the best route (direct or as a dialog), or the fallback. */
  private async routeIn(step: WaterfallStepContext, understanding: Understanding): Promise<DialogTurnResult> {
    const values = step.values as MainValues;
    const text = understanding.text;
    const empty = emptyForbundReply(completeData(this.deps.data), understanding.forbund);
    if (empty !== undefined) {
      await sendReply(step.context, empty);
      return step.endDialog();
    }
    if (understanding.parts.length > 1 && (await this.answerParts(step, understanding))) return step.endDialog();
    const [best, second] = this.score(understanding);
    if (best === undefined || best.score < ROUTE_THRESHOLD) {
      const found = this.fallbackAnswer?.(understanding);
      if (found === undefined || found.status === 'needs-input') return step.beginDialog(this.fallback.id, this.routeOptions(step, text));
      // The search's answer is judged like every answer: one that misses what the question asks is "not stated", with it as the closest passage.
      const data = completeData(this.deps.data);
      const judged = this.answers(understanding, found) ? this.shaped(understanding, found) : nearestInstead(data, understanding, found, { text: '' });
      await sendReply(step.context, judged);
      return step.endDialog();
    }
    // Two close readings: answer with the best one (the first reply must hold an answer) and keep
    // the other to offer afterwards, or to try when the best one turns out to have no answer.
    const close = second !== undefined && second.score >= ROUTE_THRESHOLD && best.score - second.score < AMBIGUITY_MARGIN;
    values.routeId = best.route.id;
    values.routeScore = best.score;
    values.alternativeId = close ? second.route.id : undefined;
    const alternative = close ? second.route : undefined;
    if (best.route.answer !== undefined && (alternative === undefined || alternative.answer !== undefined)) {
      const answered = await this.answerDirect(step, understanding, best.route, alternative);
      if (answered) return step.next();
    }
    return this.beginCaptured(step, best.route.dialog.id);
  }

  /**
   * The direct path: the route's answer is a result, judged by its status before anything is
   * sent — an answer is sent (with passages for words it left out); "not stated" tries the close
   * second reading, then the search, and says "not stated" plainly when neither answers. Returns
   * false when the route needs input, so its dialog is begun to ask for it.
   */
  private async answerDirect(step: WaterfallStepContext, u: Understanding, route: Route, alternative: Route | undefined): Promise<boolean> {
    const values = step.values as MainValues;
    const raw = route.answer?.(u);
    if (raw === undefined) return false;
    // An answer from the documents that did not say its status is an answer.
    const built: Reply = raw.status === undefined && (raw.sources?.length ?? 0) > 0 ? { ...raw, status: 'answered' } : raw;
    if (built.status === 'needs-input') return this.answerOverMenu(step, u, built, route.asksForCase === true);
    // An answer that misses what the question asks (a date, a number, the verksamhet it names) is no answer to it.
    const first: Reply = this.answers(u, built, route) ? built : { ...built, status: 'not-stated' };
    const rejected = first !== built;
    let chosen = first;
    if (first.status === 'not-stated') {
      const second = alternative?.answer?.(u);
      // The other reading acts through its dialog: the judged dialog path runs both.
      if (alternative !== undefined && second === undefined) return false;
      if (alternative !== undefined && second !== undefined) {
        values.alternativeTried = true;
        if (second.status === 'needs-input') {
          values.routeId = alternative.id;
          values.alternativeId = undefined;
          return false;
        }
        if (second.status === 'answered' && this.answers(u, second, alternative)) chosen = second;
      }
      if (chosen.status === 'not-stated') {
        values.settled = true;
        // A feature that knows the subject and says, with its source, that the value asked is not
        // there ("Budgeten har inga siffror för 2026 …") answers: the search's passages follow as the closest.
        if (!rejected && chosen === first && first.subjectFound === true) {
          await sendReply(step.context, withClosest(first, this.search(u)));
          return true;
        }
        const search = this.judgedSearch(u);
        if (search.status === 'answered') await sendReply(step.context, this.shaped(u, search));
        // A rejected answer is not shown as if it answered: "not stated", with it among the closest passages.
        else if (rejected) await sendReply(step.context, nearestInstead(completeData(this.deps.data), u, built, search));
        else await this.sendWithEvidence(step, u, first);
        return true;
      }
    }
    values.settled = true;
    await this.sendWithEvidence(step, u, chosen);
    return true;
  }

  /**
   * A menu (a route asking which party, which year …) answers a question about its subject in
   * general ("vad gör parterna i X?"). A question that asks for a value or a verdict — a date, an
   * amount, a duration, a frequency, a yes or no — is not answered by a menu: when the search
   * has a passage that fits the question and gives that value, it answers instead. A case dialog
   * (`caseDialog`, the aktualiseringscheck asking for a missing fact) is not a menu: only passages
   * that hold clearly more of the question answer over it. Returns false when the menu stands (its
   * dialog asks).
   */
  private async answerOverMenu(step: WaterfallStepContext, u: Understanding, menu: Reply, caseDialog = false): Promise<boolean> {
    // A step that already decides the yes/no question ("Ja – … ingår, om personen är bosatt i …") asks on: it is the answer.
    if (u.form === 'yesno' && /^(?:Ja|Nej|Stämmer) – /u.test(menu.text)) return false;
    if (caseDialog || !VALUE_FORMS.has(u.form)) {
      // A question about something the menu's lists do not hold (a project, a rule) is answered by
      // the passages that hold its words, when they hold two more of them than the menu does.
      const data = completeData(this.deps.data);
      const evidence = complementEvidence(data, u.text, ownTexts([menu]), undefined, searchScope(data, u.query));
      const leading = passagesLead(evidence, 'two-more') ? leadingReply(evidence) : undefined;
      if (leading === undefined) return false;
      (step.values as MainValues).settled = true;
      await sendReply(step.context, this.shaped(u, leading));
      return true;
    }
    const search = this.search(u);
    if (search.status !== 'answered' || !givesFormValue(u.form, search)) return false;
    (step.values as MainValues).settled = true;
    await sendReply(step.context, this.shaped(u, search));
    return true;
  }

  /**
   * A composite question ("vem är ordförande och när är nästa möte?", "hur ofta betalar förbundet
   * och ska vi lägga på moms?"): each part is understood, routed and judged on its own, in order, so
   * none is lost — a part the documents do not answer gets its own "det står inte". Parts that get
   * the same answer are said once. Returns false (the whole question is routed as one) when a part
   * needs a dialog or every part gets the same answer.
   */
  private async answerParts(step: WaterfallStepContext, whole: Understanding): Promise<boolean> {
    const data = completeData(this.deps.data);
    const answers: Reply[] = [];
    let subject: string[] = [];
    let previous: string | undefined;
    for (const typed of whole.parts) {
      // A later part without a subject of its own ("… och vem är kontaktperson?") is about the one before.
      const own = understand(data, typed, whole.now, whole.query.conversationForbund);
      // "… och hur mycket av det kommer från FK?": "det" is what the part before asked about – its words go along, before the question.
      const refersBack = previous !== undefined && ANAPHOR.test(typed);
      // "… o när har styrelsen sitt?": the thing is the part before's, its subject is this part's own.
      const antecedent = refersBack && own.query.entities.length > 0 && ELLIPSIS.test(typed) ? withoutWords(previous ?? '', subject) : previous;
      const part = refersBack ? `${antecedent}: ${typed}` : own.query.entities.length === 0 && subject.length > 0 ? `${typed} ${subject.join(' ')}` : typed;
      // A part that points back keeps pointing at the same antecedent ("… från FK respektive Regionen").
      if (!refersBack) previous = typed.replace(/[?.!]+$/u, '');
      const u = part === typed ? own : understand(data, part, whole.now, whole.query.conversationForbund);
      // The subject as the user wrote it ("den nya styrelsen"), not an entity's full name, which may be another förbund's.
      if (own.query.entities.length > 0) subject = [...new Set(own.query.entities.map((e) => own.query.tokens.slice(e.start, e.end).join(' ')))];
      const reply = this.partAnswer(u);
      if (reply === undefined) return false;
      answers.push(reply);
    }
    const distinct = answers.filter((a, i) => answers.findIndex((b) => b.text === a.text) === i);
    if (distinct.length < 2) return false;
    (step.values as MainValues).settled = true;
    await sendReply(step.context, combinedParts(distinct));
    return true;
  }

  /**
   * One part's answer, judged as a whole question's is (answerDirect): the best route's result if it
   * answers the part, else the search's, else "not stated" with the closest passages. Undefined when
   * the part needs a dialog (a route without a direct answer, or one that asks for input).
   */
  private partAnswer(u: Understanding): Reply | undefined {
    const data = completeData(this.deps.data);
    const [best] = this.score(u);
    const route = best !== undefined && best.score >= ROUTE_THRESHOLD ? best.route : undefined;
    const raw = route === undefined ? this.fallbackAnswer?.(u) : route.answer?.(u);
    if (raw === undefined || raw.status === 'needs-input') return undefined;
    const built: Reply = raw.status === undefined && (raw.sources?.length ?? 0) > 0 ? { ...raw, status: 'answered' } : raw;
    if (built.status !== 'not-stated' && this.answers(u, built, route)) return answerFirst(data, u.text, u.form, built);
    const search = this.judgedSearch(u);
    if (search.status === 'answered') return this.shaped(u, search);
    return built.status === 'not-stated' ? answerFirst(data, u.text, u.form, built) : nearestInstead(data, u, built, search);
  }

  /** Sends a route's answer with the passages for words it left out: after it, or before it when it is about none of them. */
  private async sendWithEvidence(step: WaterfallStepContext, u: Understanding, built: Reply): Promise<void> {
    const reply = answerFirst(completeData(this.deps.data), u.text, u.form, built);
    const evidence = this.complementFor(step, [reply]);
    // A yes/no question its answer decides ("Nej – en 66-åring ingår inte …", "Nej – … målgrupp är …") is not
    // preceded by passages that merely share its words.
    const decided = u.form === 'yesno' && /^(?:Ja|Nej|Stämmer) – /u.test(reply.text);
    const lead = !decided && evidence !== undefined && passagesLead(evidence, 'two-more');
    const leading = lead ? leadingReply(evidence) : undefined;
    if (leading !== undefined) await sendReply(step.context, this.shaped(u, leading));
    // The passages beside the answer are part of it, after its own facts ("Se även: …"): one reply,
    // one list of sources, and behind "Visa mer" when the answer fills the first lines.
    await sendReply(step.context, !lead && evidence?.reply !== undefined ? withSeeAlso(reply, evidence.reply) : reply);
  }


  /** Begins a route's dialog with its replies held for judging (dropped if the dialog fails: the error handler apologises). */
  private async beginCaptured(step: WaterfallStepContext, dialogId: string): Promise<DialogTurnResult> {
    startCapture(step.context);
    try {
      const result = await step.beginDialog(dialogId, this.routeOptions(step, routedText(step.context) ?? ''));
      await this.releaseWaiting(step);
      return result;
    } catch (error) {
      if (capturing(step.context)) stopCapture(step.context);
      throw error;
    }
  }

  /**
   * Judges the route's answer before it is shown. An answer that says the documents have no
   * answer ("Det står inte i överenskommelserna", a budget without the year asked) declines:
   * the close second reading is tried, else the search answers when it has good passages. An
   * answer that leaves out the question's distinctive words gets the passages that hold them.
   */
  private async judgeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as MainValues;
    if (!capturing(step.context)) return step.next(step.result);
    const { held, replies } = stopCapture(step.context);
    const declines = replies[0] !== undefined && (isNoAnswer(replies[0]) || this.missesSubject(step, replies));
    if (isRerouteResult(step.result) || !declines || held.length === 0) {
      await this.settle(step, held, replies);
      return step.next(step.result);
    }
    const alternative = this.routes.find((r) => r.id === values.alternativeId);
    if (alternative !== undefined) {
      values.alternativeTried = true;
      stash(step.context, { held, replies });
      return this.beginCaptured(step, alternative.dialog.id);
    }
    await this.declined(step, held, replies);
    return step.next(step.result);
  }

  /**
   * True when a finished dialog's answer misses what the question asks (see answersQuestion): no
   * date for "när", no amount for "hur mycket", or never the verksamhet the question names.
   */
  private missesSubject(step: WaterfallStepContext, replies: readonly Reply[]): boolean {
    if (replies.some((r) => r.status === 'needs-input' || (r.choices?.length ?? 0) > 0)) return false;
    // Only answers from the documents (with sources) are judged: a refusal or a receipt answers an action.
    if (!replies.some((r) => (r.sources?.length ?? 0) > 0)) return false;
    const text = routedText(step.context);
    if (text === undefined || text.includes('\n')) return false;
    const data = completeData(this.deps.data);
    const u = this.routedUnderstanding(step, text);
    const all: Reply = {
      text: replies.map((r) => r.text).join('\n'),
      facts: replies.flatMap((r) => [...(r.facts ?? []), ...(r.sources ?? []).map((x) => ({ label: x.section, value: x.title ?? '' }))]),
      status: 'answered',
    };
    return !answersQuestion(data, u, all);
  }

  /** After a second reading was tried: its answer if it has one, else the search or the first answer. */
  private async judgeAlternativeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as MainValues;
    if (values.settled === true || values.alternativeTried !== true || !capturing(step.context)) return step.next(step.result);
    const { held, replies } = stopCapture(step.context);
    const first = stashed(step.context);
    stash(step.context, undefined);
    if (isRerouteResult(step.result) || !(replies[0] !== undefined && isNoAnswer(replies[0]))) {
      await this.settle(step, held, replies);
    } else {
      await this.declined(step, first?.held ?? held, first?.replies ?? replies);
    }
    return step.next(step.result);
  }

  /** Both readings had no answer: the search's passages when they fit the question, else the first answer as it was. */
  private async declined(step: WaterfallStepContext, held: Partial<Activity>[], replies: Reply[]): Promise<void> {
    const values = step.values as MainValues;
    values.settled = true;
    const text = routedText(step.context) ?? '';
    // The search answers instead when it answers the question as asked, shaped like every answer ("Ja"/"Nej" first).
    const u = this.routedUnderstanding(step, text);
    const search = this.judgedSearch(u);
    if (search.status === 'answered') {
      await sendReply(step.context, this.shaped(u, search));
      return;
    }
    await this.settle(step, held, replies);
  }

  /**
   * A dialog that waits for an answer has asked its question: let it through, with the passages
   * for words its answer left out placed before the question, so the question stays last.
   */
  private async releaseWaiting(step: WaterfallStepContext): Promise<void> {
    if (!capturing(step.context)) return;
    const { held, replies } = stopCapture(step.context);
    // An answer carried by the question itself (one activity) stays first: nothing goes before it.
    const extra = held.length > 1 ? this.complement(step, replies)?.reply : undefined;
    if (extra === undefined || held.length === 0) {
      await release(step.context, held);
      if (extra !== undefined) await sendReply(step.context, extra);
      return;
    }
    await release(step.context, held.slice(0, -1));
    await sendReply(step.context, extra);
    await release(step.context, held.slice(-1));
  }

  private complement(step: WaterfallStepContext, replies: readonly Reply[]): ComplementEvidence | undefined {
    return this.complementFor(step, replies);
  }

  /**
   * Passages for the question's distinctive words an answer left out. Every route's answer is
   * checked, however sure its recogniser was: one salient word can choose a route whose answer
   * is about something else (a money word → the budget table, for a question about a psychologist).
   */
  private complementFor(step: WaterfallStepContext, replies: readonly Reply[]): ComplementEvidence | undefined {
    const text = routedText(step.context);
    // Only for questions: a pasted import or a command is not looked up in the documents.
    if (replies.length === 0 || text === undefined || text.includes('\n') || text.length > 300) return undefined;
    const texts = ownTexts(replies);
    const data = completeData(this.deps.data);
    return complementEvidence(data, text, texts, undefined, searchScope(data, understand(data, text, turnNow(step.context, this.deps), turnForbund(step.context)).query));
  }

  /** Sends the held answer, then passages for the question's words the answer left out. */
  private async settle(step: WaterfallStepContext, held: Partial<Activity>[], replies: Reply[]): Promise<void> {
    const values = step.values as MainValues;
    values.settled = true;
    // A dialog's answer to a yes/no question whose first line decides it: "Ja"/"Nej" is said first.
    const verdict = this.verdictFor(step, replies);
    if (verdict !== undefined) await sendReply(step.context, { text: `${verdict}.` });
    const evidence = this.complement(step, replies);
    // An answer about none of the question's distinctive words follows the passages that are about them.
    if (evidence !== undefined && passagesLead(evidence) && evidence.reply !== undefined) {
      await sendReply(step.context, evidence.reply);
      await release(step.context, held);
      return;
    }
    await release(step.context, held);
    if (evidence?.reply !== undefined) await sendReply(step.context, evidence.reply);
  }

  /** The understanding of the routed text, built once per turn for the judges of a dialog's answer (missesSubject, verdictFor). */
  private routedUnderstanding(step: WaterfallStepContext, text: string): Understanding {
    const state = step.context.turnState as Map<unknown, unknown>;
    const held = state.get(ROUTED_UNDERSTANDING) as Understanding | undefined;
    if (held !== undefined && held.text === text) return held;
    const u = understand(completeData(this.deps.data), text, turnNow(step.context, this.deps), turnForbund(step.context));
    state.set(ROUTED_UNDERSTANDING, u);
    return u;
  }

  /** The verdict a dialog's first answer gives the turn's yes/no question (src/domain/routing/verdict.ts), when its first line decides it. */
  private verdictFor(step: WaterfallStepContext, replies: readonly Reply[]): string | undefined {
    const [first] = replies;
    if (first === undefined || (first.choices?.length ?? 0) > 0 || (first.sources?.length ?? 0) === 0) return undefined;
    if (first.status !== undefined && first.status !== 'answered') return undefined;
    const text = routedText(step.context);
    if (text === undefined || text === '') return undefined;
    const u = this.routedUnderstanding(step, text);
    const judged: Reply = { ...first, status: 'answered' };
    const shaped = verdictFirst(u.text, u.form, judged);
    return shaped === judged ? undefined : /^(Ja|Nej|Stämmer)\b/u.exec(shaped.text)?.[1];
  }

  /** "Menade du i stället …?" after the answer, when another reading was almost as likely. */
  private async offerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as MainValues;
    const alternative = this.routes.find((r) => r.id === values.alternativeId);
    const sameTurn = values.activityId === undefined || values.activityId === step.context.activity.id;
    if (alternative === undefined || values.alternativeTried === true || !sameTurn || isRerouteResult(step.result)) return step.next(step.result);
    values.clarifying = true;
    values.textKey = this.texts.keep(routedText(step.context) ?? '');
    const clarify: ClarifyOptions = { candidates: [{ routeId: alternative.id, label: alternative.label }] };
    return step.beginDialog(CLARIFY_DIALOG, clarify);
  }

  private async afterOfferStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as MainValues;
    // After a restart the question is no longer in memory: the chosen route then reads the choice itself.
    const text = this.texts.take(values.textKey);
    values.textKey = undefined;
    if (values.clarifying === true && typeof step.result === 'string') {
      const chosen = this.routes.find((r) => r.id === step.result);
      if (chosen !== undefined) return step.beginDialog(chosen.dialog.id, this.routeOptions(step, text));
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
