import type { TurnContext } from 'botbuilder';
import type { Config } from '../../config.js';
import type { Logger } from '../../core/log.js';
import { createCloudAdapter, type BotFrameworkAuthHooks, type SamverkansCloudAdapter } from '../teams/cloudAdapter.js';

/** What the user sees when a Bot Framework turn fails; details go to the log. */
const TURN_ERROR_TEXT = 'Något gick fel hos Samverkansboten. Försök igen om en stund.';

/**
 * The Bot Framework CloudAdapter for /api/messages (Teams, Emulator). With MicrosoftAppId set
 * every request needs a valid Bot Framework token (401 otherwise); with no MicrosoftAppId it runs
 * unauthenticated: it accepts unsigned activities and replies without a token — local and
 * emulator mode only. The Teams edge (src/channels/teams) adds Adaptive Cards, card submits,
 * mention removal and the install welcome as middleware. `authHooks` are for tests only.
 */
export function createBotFrameworkAdapter(config: Config, log: Logger, authHooks?: BotFrameworkAuthHooks): SamverkansCloudAdapter {
  const adapter = createCloudAdapter(config, log, authHooks);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    log.error(
      'bot_turn_error',
      { channelId: context.activity.channelId, conversationId: context.activity.conversation?.id },
      error,
    );
    try {
      await context.sendActivity(TURN_ERROR_TEXT);
    } catch (sendError) {
      log.error('bot_turn_error_reply_failed', { channelId: context.activity.channelId }, sendError);
    }
  };
  return adapter;
}
