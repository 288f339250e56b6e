import { ActivityTypes } from 'botbuilder';
import { ComponentDialog, Dialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Reply } from '../src/core/reply.js';
import { sendReply } from '../src/core/sendReply.js';
import { matchCommand } from '../src/domain/commands.js';

const OPTIONS_KEY = 'cancelAndHelp.options';

export const CANCELLED_TEXT = 'Okej, jag avbröt.';
export const RESTART_TEXT = 'Okej, vi börjar om.';
export const CANNOT_GO_BACK_TEXT =
  'Här kan jag inte gå tillbaka ett steg. Skriv ”börja om” för att börja från början eller ”avbryt” för att sluta.';

/**
 * Base of every multi-turn dialog: "avbryt"/"avsluta", "hjälp", "börja om" and "tillbaka"
 * work at every step (STYLE.md: handled once in a base dialog's onContinueDialog).
 * Subclasses give their own help through {@link helpReply} and may support going back a step
 * by overriding {@link goBack}.
 */
export abstract class CancelAndHelpDialog extends ComponentDialog {
  /** The help shown when the user writes "hjälp" inside this dialog. */
  protected abstract helpReply(): Reply;

  /**
   * "tillbaka": go back one step. The default says it is not possible here and asks the
   * current question again.
   */
  protected async goBack(innerDc: DialogContext): Promise<DialogTurnResult> {
    await sendReply(innerDc.context, { text: CANNOT_GO_BACK_TEXT });
    await innerDc.repromptDialog();
    return Dialog.EndOfTurn;
  }

  /**
   * The options "börja om" restarts with: the original ones. They never hold the first utterance
   * (routeOptions.ts), so nothing is pre-filled.
   */
  protected restartOptions(original: unknown): unknown {
    return original;
  }

  override async beginDialog(outerDc: DialogContext, options?: object): Promise<DialogTurnResult> {
    // Kept in this dialog's own instance state (persisted) so "börja om" works after a restart too.
    if (outerDc.activeDialog) outerDc.activeDialog.state[OPTIONS_KEY] = options ?? null;
    return super.beginDialog(outerDc, options);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const interrupted = await this.interrupt(innerDc);
    return interrupted ?? super.onContinueDialog(innerDc);
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const activity = innerDc.context.activity;
    if (activity.type !== ActivityTypes.Message || typeof activity.text !== 'string') return undefined;
    // A nested dialog of this kind handles the command itself: "hjälp" means the help of the
    // innermost dialog, the one asking the current question.
    const active = innerDc.activeDialog ? innerDc.findDialog(innerDc.activeDialog.id) : undefined;
    if (active instanceof CancelAndHelpDialog) return undefined;
    switch (matchCommand(activity.text)) {
      case 'cancel':
        await sendReply(innerDc.context, { text: CANCELLED_TEXT });
        // Up to the root: "avbryt" ends the whole conversation flow, not just this step.
        await innerDc.cancelAllDialogs(true);
        return { status: DialogTurnStatus.cancelled };
      case 'help':
        await sendReply(innerDc.context, this.helpReply());
        await innerDc.repromptDialog();
        return Dialog.EndOfTurn;
      case 'restart': {
        await sendReply(innerDc.context, { text: RESTART_TEXT });
        const original: unknown = innerDc.parent?.activeDialog?.state[OPTIONS_KEY];
        await innerDc.cancelAllDialogs();
        if (this.initialDialogId === undefined) return Dialog.EndOfTurn;
        return innerDc.beginDialog(this.initialDialogId, this.restartOptions(original) as object | undefined);
      }
      case 'back':
        return this.goBack(innerDc);
      default:
        return undefined;
    }
  }
}
