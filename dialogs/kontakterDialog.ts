import type { BotDeps } from '../src/core/deps.js';
import type { Reply } from '../src/core/reply.js';
import { answerKontakter } from '../src/domain/answers/kontakter.js';
import type { ParsedQuery } from '../src/domain/entities.js';
import { AgreementAnswerDialog } from './agreementAnswerDialog.js';

export const KONTAKTER_DIALOG = 'kontakterDialog';

/** Kontakter: who to contact for what, with scope and how. */
export class KontakterDialog extends AgreementAnswerDialog {
  constructor(deps: BotDeps) {
    super(KONTAKTER_DIALOG, deps);
  }

  protected answer(q: ParsedQuery): Reply {
    return answerKontakter(this.data, q);
  }

  protected helpReply(): Reply {
    return {
      text: 'Fråga vem du ska kontakta, t.ex. ”Vem kontaktar jag på psykiatrin om en specifik patient?”. Skriv ”avbryt” för att sluta.',
    };
  }
}
