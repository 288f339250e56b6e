import type { BotDeps } from '../src/core/deps.js';
import type { Reply } from '../src/core/reply.js';
import { answerMalgrupp } from '../src/domain/answers/malgrupp.js';
import type { ParsedQuery } from '../src/domain/entities.js';
import { helpExamples } from '../src/domain/examples.js';
import { AgreementAnswerDialog } from './agreementAnswerDialog.js';

export const MALGRUPP_DIALOG = 'malgruppDialog';

/** Målgrupp, mål & indikatorer, uppföljning, giltighet, ersättning, uppsägning och omförhandling. */
export class MalgruppDialog extends AgreementAnswerDialog {
  constructor(deps: BotDeps) {
    super(MALGRUPP_DIALOG, deps);
  }

  protected answer(q: ParsedQuery): Reply {
    return answerMalgrupp(this.data, q);
  }

  protected helpReply(): Reply {
    return {
      text: `Fråga om målgrupp, mål, indikatorer, uppföljning eller villkor, t.ex. ”Vilken målgrupp har ${helpExamples(this.data).verksamhet}?” eller ”Hur sägs uppdragsavtalet upp?”. Välj en verksamhet med siffran eller namnet, eller skriv ”avbryt”.`,
    };
  }
}
