import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { sendReply } from '../src/core/sendReply.js';

export const FALLBACK_DIALOG = 'fallbackDialog';

export const FALLBACK_TEXT =
  'Det kan jag inte svara på ännu. Skriv ”hjälp” för att se vilka frågor jag kan svara på.';

/** What MainDialog does with a question no route recognises, until the search feature takes over (see routes.ts). */
export class FallbackDialog extends Dialog {
  constructor() {
    super(FALLBACK_DIALOG);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await sendReply(dc.context, { text: FALLBACK_TEXT });
    return dc.endDialog();
  }
}
