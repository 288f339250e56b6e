import type { BotDeps } from '../src/core/deps.js';
import { intentFor, type AgreementIntent } from '../src/domain/answers/intent.js';
import type { AgreementAnswerDialog } from './agreementAnswerDialog.js';
import { AtagandenDialog } from './atagandenDialog.js';
import { InitiativDialog } from './initiativDialog.js';
import { KontakterDialog } from './kontakterDialog.js';
import { MalgruppDialog } from './malgruppDialog.js';
import { OrganisationDialog } from './organisationDialog.js';
import type { Route, RouteInput } from './routes.js';
import { QUESTION_FORMS, type QuestionForm } from '../src/understanding/form.js';

/**
 * Commitments, contacts and the organisation are lists without dates: a "när" question ("senast
 * när ska vi lämna in bilagan med våra åtaganden?") is the årshjul's or the documents', not theirs.
 */
const UNDATED_FORMS: readonly QuestionForm[] = QUESTION_FORMS.filter((f) => f !== 'nar');

/**
 * The routes of the agreement questions (issue 4): one per dialog, all scored by one shared
 * intent classifier (src/domain/answers/intent.ts) so only the best of them scores high.
 */
export function agreementRoutes(deps: BotDeps): Route[] {
  const score = (intent: AgreementIntent) => ({ text, understanding }: RouteInput): number =>
    intentFor(understanding, deps.data.version, text).scores[intent];
  const route = (id: AgreementIntent, dialog: AgreementAnswerDialog, label: string, forms?: readonly QuestionForm[]): Route =>
    ({ id, dialog, recognize: score(id), label, answer: (u) => dialog.answerFor(u), ...(forms === undefined ? {} : { forms }) });
  return [
    route('ataganden', new AtagandenDialog(deps), 'Åtaganden', UNDATED_FORMS),
    route('kontakter', new KontakterDialog(deps), 'Kontakter', UNDATED_FORMS),
    route('organisation', new OrganisationDialog(deps), 'Organisation och parter', UNDATED_FORMS),
    route('malgrupp', new MalgruppDialog(deps), 'Målgrupp, mål och uppföljning'),
    route('initiativ', new InitiativDialog(deps), 'Samverkansinitiativ'),
  ];
}
