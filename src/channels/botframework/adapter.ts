import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { hasBotFrameworkCredentials, type Config } from '../../config.js';
import type { Logger } from '../../core/log.js';

/** What the user sees when a Bot Framework turn fails; details go to the log. */
const TURN_ERROR_TEXT = 'Något gick fel hos Samverkansboten. Försök igen om en stund.';

/**
 * The Bot Framework CloudAdapter for /api/messages (Teams, Emulator). With no MicrosoftAppId it
 * runs unauthenticated: it accepts unsigned activities and replies without a token — local and
 * emulator mode only.
 */
export function createBotFrameworkAdapter(config: Config, log: Logger): CloudAdapter {
  const credentials = hasBotFrameworkCredentials(config)
    ? {
        MicrosoftAppId: config.MicrosoftAppId,
        MicrosoftAppPassword: config.MicrosoftAppPassword,
        MicrosoftAppType: config.MicrosoftAppType,
        MicrosoftAppTenantId: config.MicrosoftAppTenantId,
      }
    : {};
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(credentials));
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
