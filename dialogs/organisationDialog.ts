import type { BotDeps } from '../src/core/deps.js';
import type { Reply } from '../src/core/reply.js';
import { answerOrganisation } from '../src/domain/answers/organisation.js';
import type { ParsedQuery } from '../src/domain/entities.js';
import { helpExamples } from '../src/domain/examples.js';
import { AgreementAnswerDialog } from './agreementAnswerDialog.js';

export const ORGANISATION_DIALOG = 'organisationDialog';

/** Organisation: groups, representation, sizes and tasks; parties, org numbers and member municipalities. */
export class OrganisationDialog extends AgreementAnswerDialog {
  constructor(deps: BotDeps) {
    super(ORGANISATION_DIALOG, deps);
  }

  protected answer(q: ParsedQuery): Reply {
    return answerOrganisation(this.data, q);
  }

  protected helpReply(): Reply {
    return {
      text: `Fråga om grupper, parter och organisationsnummer, t.ex. ”Vem sitter i ${helpExamples(this.data).group}?”, ”Vad är FK:s organisationsnummer?” eller ”Vilka kommuner är medlemmar?”. Skriv ”avbryt” för att sluta.`,
    };
  }
}
