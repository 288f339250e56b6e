import type { BotDeps } from '../src/core/deps.js';
import type { Reply } from '../src/core/reply.js';
import { answerSearch } from '../src/domain/answers/search.js';
import { searchScope } from '../src/domain/forbund.js';
import type { ParsedQuery } from '../src/domain/entities.js';
import { AgreementAnswerDialog } from './agreementAnswerDialog.js';

export const SEARCH_DIALOG = 'searchDialog';

/**
 * Sök i överenskommelserna: MainDialog's fallback (routes.ts `buildFallback`) for questions no
 * route recognises — the best passages of the curated text (of the conversation's förbund, when it
 * belongs to one) with their sources, or "Det står inte
 * i överenskommelserna" with the closest passages.
 */
export class SearchDialog extends AgreementAnswerDialog {
  constructor(deps: BotDeps) {
    super(SEARCH_DIALOG, deps);
  }

  protected answer(q: ParsedQuery): Reply {
    return answerSearch(this.data, q.raw, undefined, searchScope(this.data, q));
  }

  protected helpReply(): Reply {
    return { text: 'Skriv din fråga med egna ord, så söker jag i överenskommelserna och visar de stycken som passar bäst, med källa.' };
  }
}
