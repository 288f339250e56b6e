import type { BotDeps } from '../src/core/deps.js';
import type { Reply } from '../src/core/reply.js';
import { answerAtaganden } from '../src/domain/answers/ataganden.js';
import type { ParsedQuery } from '../src/domain/entities.js';
import { helpExamples } from '../src/domain/examples.js';
import { AgreementAnswerDialog } from './agreementAnswerDialog.js';

export const ATAGANDEN_DIALOG = 'atagandenDialog';

/** Åtaganden: vad en part eller enhet har åtagit sig, per överenskommelse och verksamhet (asks which party or verksamhet only when it matters, after answering). */
export class AtagandenDialog extends AgreementAnswerDialog {
  constructor(deps: BotDeps) {
    super(ATAGANDEN_DIALOG, deps);
  }

  protected answer(q: ParsedQuery): Reply {
    return answerAtaganden(this.data, q);
  }

  protected helpReply(): Reply {
    const ex = helpExamples(this.data);
    return {
      text: `Fråga vad en part har åtagit sig, t.ex. ”Vad åtar sig ${ex.party} i ${ex.verksamhet}?” eller ”Hur bemannar psykiatrin ${ex.verksamhet}?”. Välj ett alternativ med siffran eller namnet, eller skriv ”avbryt”.`,
    };
  }
}
