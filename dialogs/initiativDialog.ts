import type { BotDeps } from '../src/core/deps.js';
import type { Reply } from '../src/core/reply.js';
import { answerInitiativ } from '../src/domain/answers/initiativ.js';
import type { ParsedQuery } from '../src/domain/entities.js';
import { AgreementAnswerDialog } from './agreementAnswerDialog.js';

export const INITIATIV_DIALOG = 'initiativDialog';

/** Samverkansinitiativ by category, party, sammankallande, ansvar and status. */
export class InitiativDialog extends AgreementAnswerDialog {
  constructor(deps: BotDeps) {
    super(INITIATIV_DIALOG, deps);
  }

  protected answer(q: ParsedQuery): Reply {
    return answerInitiativ(this.data, q);
  }

  protected helpReply(): Reply {
    return {
      text: 'Fråga om samverkansinitiativen, t.ex. ”Vilka initiativ finns inom ohälsa?” eller ”Vem är sammankallande för SDK?”. Skriv ”avbryt” för att sluta.',
    };
  }
}
