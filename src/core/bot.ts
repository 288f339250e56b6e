import { ActivityHandler, ActivityTypes, MiddlewareSet, type ConversationState, type TurnContext, type UserState } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { MainDialog } from '../../dialogs/mainDialog.js';
import type { ChoiceMemory } from '../../dialogs/staleChoices.js';
import { welcomeReply } from '../../dialogs/helpContent.js';
import type { Reply } from './reply.js';
import type { Logger } from './log.js';
import { createRedactMiddleware } from './redactMiddleware.js';
import { sendReply } from './sendReply.js';
import { isTooLong, tooLongText } from './textLimit.js';

export const TURN_ERROR_TEXT =
  'Något gick fel hos mig, och jag har glömt var vi var i samtalet. Försök igen, gärna med en ny fråga.';

/**
 * The bot every adapter runs (CloudAdapter for Teams, our LocalAdapter for web, CLI and
 * Slack). Thin on purpose: remove personnummer, run MainDialog, save state. Redaction and error
 * handling live here rather than in adapter middleware so every channel gets them.
 */
export class SamverkansBot extends ActivityHandler {
  private readonly guard: MiddlewareSet;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    dialog: MainDialog,
    private readonly log: Logger,
    /** The greeting for a new member: the core passes one that names the deployment's own verksamhet. */
    welcome: () => Reply = () => welcomeReply(),
  ) {
    super();
    this.guard = new MiddlewareSet(createRedactMiddleware(log));
    const dialogState = conversationState.createProperty<DialogState>('dialogState');
    // The förbund chosen when the bot asked which one the conversation is about (an id from data/).
    const forbund = conversationState.createProperty<string>('forbund');
    // The choices of the question a dialog last waited on (labels only): a button pressed after it ended is told so.
    const choices = conversationState.createProperty<ChoiceMemory>('openChoices');

    this.onMessage(async (context, next) => {
      await dialog.run(context, dialogState, forbund, choices);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient?.id);
      if (joined) await sendReply(context, welcome());
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    // First, before redaction and understanding: their cost grows with the text. No state is
    // read or saved, so an open dialog still waits for its answer.
    const { type, text } = context.activity;
    if (type === ActivityTypes.Message && isTooLong(text)) {
      this.log.warn('message_too_long', { channelId: context.activity.channelId, conversationId: context.activity.conversation?.id, length: String(text).length });
      await sendReply(context, { text: tooLongText(String(text).length) });
      return;
    }
    try {
      await this.guard.run(context, async () => {
        await super.run(context);
        await this.conversationState.saveChanges(context, false);
        await this.userState.saveChanges(context, false);
      });
    } catch (error) {
      await this.recover(context, error);
    }
  }

  /** A failed turn: log it (ids only), tell the user, and drop the conversation state so they are not stuck. */
  private async recover(context: TurnContext, error: unknown): Promise<void> {
    this.log.error(
      'turn_failed',
      { channelId: context.activity.channelId, conversationId: context.activity.conversation?.id, activityType: context.activity.type },
      error,
    );
    try {
      await this.conversationState.delete(context);
      await sendReply(context, { text: TURN_ERROR_TEXT });
    } catch (secondary) {
      this.log.error('turn_recovery_failed', { conversationId: context.activity.conversation?.id }, secondary);
    }
  }
}
