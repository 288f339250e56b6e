import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { BotDeps } from '../src/core/deps.js';
import { KANSLI_ONLY_TEXT, isKansli, userKey } from '../src/core/roles.js';
import { sendReply } from '../src/core/sendReply.js';
import { importTertialText } from '../src/tertial/importFile.js';
import { readRouteOptions } from './routeOptions.js';
import { turnNow } from './turnClock.js';

export const TERTIAL_IMPORT_DIALOG = 'tertialImportDialog';
const IMPORT_WATERFALL = 'tertialImportWaterfall';

const FIRST_LINE = /^\s*importera\s+(tertialrapport(er)?|tertial(siffror)?)\b[^\n]*\n?/i;

/**
 * Whether an utterance is a chat import: "importera tertialrapport" followed by CSV lines. This
 * reads the raw text's structure, not cue words: the command is the message's first line and the
 * pasted file follows on the next ones (the dialog strips that line and imports the rest), so it
 * stays a pattern on the raw text rather than an evidence table.
 */
export function tertialImportScore(text: string): number {
  return FIRST_LINE.test(text) ? 0.98 : 0;
}

/**
 * Import through chat (issue 7: only kansli may import through chat): the message is
 * "importera tertialrapport" and, on the following lines, CSV with the header of
 * templates/tertialrapport.csv. Validated like a file; nothing is stored unless every row passes.
 */
export class TertialImportDialog extends ComponentDialog {
  constructor(private readonly deps: BotDeps) {
    super(TERTIAL_IMPORT_DIALOG);
    this.addDialog(new WaterfallDialog(IMPORT_WATERFALL, [this.importStep.bind(this)]));
    this.initialDialogId = IMPORT_WATERFALL;
  }

  private async importStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const a = step.context.activity;
    if (!isKansli(this.deps, a.channelId, a.from?.id)) {
      await sendReply(step.context, { text: KANSLI_ONLY_TEXT });
      return step.endDialog();
    }
    const options = readRouteOptions(step.context, step.options, turnNow(step.context, this.deps));
    const body = (options.text ?? a.text ?? '').replace(FIRST_LINE, '');
    if (body.trim() === '') {
      await sendReply(step.context, { text: 'Klistra in rapporten på raderna efter "importera tertialrapport": först rubrikraden från mallen templates/tertialrapport.csv, sedan en rad per verksamhet och tertial.' });
      return step.endDialog();
    }
    const outcome = await importTertialText(this.deps, 'chatt.csv', body, {
      actor: userKey(a.channelId, a.from?.id ?? 'okänd'),
      at: turnNow(step.context, this.deps).toISOString(),
    });
    await sendReply(step.context, { text: outcome.message });
    return step.endDialog();
  }
}
