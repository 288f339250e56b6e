import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { Logger } from '../../core/log.js';
import { sendReply } from '../../core/sendReply.js';
import { normalizeIncoming } from './incoming.js';
import { attachReplyCard, CARD_CHANNELS } from './outgoing.js';
import { createWelcomeGate, isBotInstallation, teamsWelcomeReply } from './welcome.js';

export interface BotFrameworkMiddlewareOptions {
  log: Logger;
  /** Clock for the welcome de-duplication window (tests). */
  now?: () => number;
}

/**
 * The Teams/Bot Framework edge around the core, as adapter middleware so it also covers
 * proactive turns (continueConversationAsync runs middleware too):
 * - every outgoing Reply becomes an Adaptive Card (text kept as fallback, see outgoing.ts);
 * - incoming card submits become typed text and bot mentions are removed;
 * - in Teams, installing the bot in a chat or team gets a short welcome, and the core's greeting
 *   of joining members is not used (people joining a team should not be greeted by the bot).
 */
export function createBotFrameworkMiddleware(options: BotFrameworkMiddlewareOptions): Middleware {
  const log = options.log;
  const firstWelcome = createWelcomeGate(undefined, options.now);
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const activity = context.activity;
      const channelId = activity.channelId ?? '';
      if (!CARD_CHANNELS.has(channelId)) return next();

      context.onSendActivities(async (_ctx, activities, sendNext) => {
        for (const outgoing of activities) attachReplyCard(outgoing, channelId);
        return sendNext();
      });

      if (channelId === 'msteams' && (activity.type === ActivityTypes.ConversationUpdate || activity.type === ActivityTypes.InstallationUpdate)) {
        const conversationId = activity.conversation?.id ?? '';
        if (isBotInstallation(activity) && firstWelcome(conversationId)) {
          log.info('teams_installed', { conversationType: activity.conversation?.conversationType, activityType: activity.type });
          await sendReply(context, teamsWelcomeReply(activity.conversation?.conversationType));
        }
        return;
      }

      normalizeIncoming(activity);
      await next();
    },
  };
}
