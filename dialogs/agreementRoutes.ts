import type { BotDeps } from '../src/core/deps.js';
import { completeData } from '../src/domain/answers/common.js';
import { intentFor, type AgreementIntent } from '../src/domain/answers/intent.js';
import { parseQueryCached } from '../src/domain/entities.js';
import { AtagandenDialog } from './atagandenDialog.js';
import { InitiativDialog } from './initiativDialog.js';
import { KontakterDialog } from './kontakterDialog.js';
import { MalgruppDialog } from './malgruppDialog.js';
import { OrganisationDialog } from './organisationDialog.js';
import type { Route, RouteInput } from './routes.js';

/**
 * The routes of the agreement questions (issue 4): one per dialog, all scored by one shared
 * intent classifier (src/domain/answers/intent.ts) so only the best of them scores high.
 */
export function agreementRoutes(deps: BotDeps): Route[] {
  const score = (intent: AgreementIntent) => ({ text }: RouteInput): number =>
    intentFor((t) => parseQueryCached(completeData(deps.data), t), deps.data.version, text).scores[intent];
  return [
    { id: 'ataganden', dialog: new AtagandenDialog(deps), recognize: score('ataganden'), label: 'Åtaganden' },
    { id: 'kontakter', dialog: new KontakterDialog(deps), recognize: score('kontakter'), label: 'Kontakter' },
    { id: 'organisation', dialog: new OrganisationDialog(deps), recognize: score('organisation'), label: 'Organisation och parter' },
    { id: 'malgrupp', dialog: new MalgruppDialog(deps), recognize: score('malgrupp'), label: 'Målgrupp, mål och uppföljning' },
    { id: 'initiativ', dialog: new InitiativDialog(deps), recognize: score('initiativ'), label: 'Samverkansinitiativ' },
  ];
}
