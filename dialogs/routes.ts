import type { Dialog } from 'botbuilder-dialogs';
import type { BotDeps } from '../src/core/deps.js';
import { budgetEvidenceScore } from '../src/domain/budget.js';
import { BudgetDialog, namedRecords } from './budgetDialog.js';
import { completeData } from '../src/domain/answers/common.js';
import { applicationScore } from '../src/domain/applications/answer.js';
import { AnsokanDialog } from './ansokanDialog.js';
import { tertialScore } from '../src/domain/tertial/query.js';
import { TertialDialog } from './tertialDialog.js';
import { postScore } from '../src/domain/tertial/postSummary.js';
import { PostSummaryDialog } from './postSummaryDialog.js';
import { TertialImportDialog, tertialImportScore } from './tertialImportDialog.js';
import { agreementRoutes } from './agreementRoutes.js';
import { AktualiseringDialog } from './aktualiseringDialog.js';
import { aktualiseringScore } from '../src/domain/aktualisering/recognize.js';
import { lexiconFor } from '../src/domain/aktualisering/extract.js';
import { SearchDialog } from './searchDialog.js';
import { ArshjulDialog } from './arshjulDialog.js';
import { arshjulScore } from './arshjulReading.js';
import type { Reply } from '../src/core/reply.js';
import type { Understanding } from '../src/understanding/understand.js';
import type { QuestionForm } from '../src/understanding/form.js';

/** What a route's recogniser sees of an utterance. */
export interface RouteInput {
  /** The utterance as typed (personnummer already removed). */
  text: string;
  /** `normalize(text)` from src/domain/text.ts: lower case, å/ä/ö folded, punctuation stripped. */
  normalized: string;
  /** "Now" for this turn (`turnNow`). */
  now: Date;
  /** The turn's one understanding of the utterance (src/understanding/). */
  understanding: Understanding;
}

/**
 * One feature MainDialog can route to. `recognize` returns how well the utterance fits,
 * 0..1; MainDialog begins the best route's dialog with `RouteOptions` ({ now }); the dialog
 * reads the utterance with `readRouteOptions` (turn state, never persisted).
 */
export interface Route {
  id: string;
  dialog: Dialog;
  recognize(input: RouteInput): number;
  /** Swedish, short: shown as a choice when two routes fit equally well. */
  label: string;
  /**
   * True when the route answers with general rules or lists (målgrupp, åtaganden, the
   * aktualisering rules …) that may not be about the question's own subject: MainDialog then adds
   * the passages holding the question's distinctive words the answer left out. Routes that
   * compute an answer from matched data (budget, årshjul, tertial) leave it unset.
   */
  general?: boolean;
  /**
   * The question forms the route can answer (src/understanding/form.ts); unset, every form. A
   * question of another form ("hur mycket aktivitetsstöd per dag …" for the aktualisering rules,
   * "hur ofta betalar förbundet ut …" for a budget table) is not this route's, whatever its words.
   */
  forms?: readonly QuestionForm[];
  /**
   * The route's answer as a result, computed without running its dialog: MainDialog decides from
   * its `status` before anything is sent. `needs-input` begins the dialog, which asks for the
   * missing fact; undefined (e.g. a subscription, which acts on the channel) also begins it.
   * Routes without it are run as dialogs and judged on what they send.
   */
  answer?(understanding: Understanding): Reply | undefined;
  /**
   * True when `needs-input` means the route's dialog asks for a case's missing facts (the
   * aktualiseringscheck), not a menu of subjects: the dialog is begun whatever the question's form,
   * unless passages hold clearly more of the question than the route's first answer.
   */
  asksForCase?: boolean;
}

/** A budget table gives amounts: for how much, what, whether – not when, who, how often or how long. */
const AMOUNT_FORMS: readonly QuestionForm[] = ['hur-mycket', 'vad', 'yesno', 'other'];
/**
 * The aktualisering rules say who, whether, what, when (in which case: "när ska regionen förankra
 * med FK?") and how often – never an amount or a person's name.
 */
const RULE_FORMS: readonly QuestionForm[] = ['yesno', 'vem', 'vad', 'nar', 'hur-ofta', 'hur-lange', 'other'];

/** The budget route's score: the question's förbund decides whose tables are weighed. */
function budgetScoreFor(deps: BotDeps, { normalized, understanding }: RouteInput): number {
  const data = completeData(deps.data);
  return budgetEvidenceScore(normalized, understanding.forbund, data.budgets, namedRecords({ data }));
}

/** The feature registry: each feature adds one line here. */
export function buildRoutes(deps: BotDeps): Route[] {
  const arshjul = new ArshjulDialog(deps);
  const budget = new BudgetDialog(deps);
  const tertial = new TertialDialog(deps);
  const ansokan = new AnsokanDialog(deps);
  const aktualisering = new AktualiseringDialog(deps);
  return [
    { id: 'budget', dialog: budget, recognize: (input) => budgetScoreFor(deps, input), label: 'Budget', answer: (u) => budget.answerFor(u), forms: AMOUNT_FORMS },
    { id: 'tertial', dialog: tertial, recognize: ({ understanding }) => tertialScore(understanding), label: 'Tertialsiffror och rapporter', answer: (u) => tertial.answerFor(u) },
    { id: 'tertial-post', dialog: new PostSummaryDialog(deps), recognize: ({ understanding }) => postScore(understanding), label: 'Posta tertialsammanfattning' },
    { id: 'tertial-import', dialog: new TertialImportDialog(deps), recognize: ({ text }) => tertialImportScore(text), label: 'Importera tertialrapport' },
    ...agreementRoutes(deps).map((r) => ({ ...r, general: true })),
    { id: 'aktualisering', dialog: aktualisering, answer: (u) => aktualisering.answerFor(u), asksForCase: true, recognize: ({ understanding }) => aktualiseringScore(understanding, lexiconFor(deps.data)), label: 'Aktualiseringscheck', general: true, forms: RULE_FORMS },
    { id: 'arshjul', dialog: arshjul, recognize: ({ understanding }) => arshjulScore(deps, understanding), label: 'Årshjul och påminnelser', answer: (u) => arshjul.answerFor(u) },
    { id: 'ansokan', dialog: ansokan, recognize: ({ understanding }) => applicationScore(completeData(deps.data), understanding), label: 'Ansökningar om medel', answer: (u) => ansokan.answerFor(u) },
  ];
}

/**
 * The one extension point for questions no route recognises: the dialog begun with
 * `RouteOptions` when every route scores below the threshold. The search feature replaces
 * this line with its own dialog.
 */
export function buildFallback(deps: BotDeps): Dialog {
  return new SearchDialog(deps);
}

/** The fallback's answer as a result (the search), for MainDialog's direct path. */
export function fallbackAnswer(dialog: Dialog): Route['answer'] {
  return dialog instanceof SearchDialog ? (u) => dialog.answerFor(u) : undefined;
}
