import type { RouteInstaller } from '../../app.js';
import { hasSlack } from '../../config.js';
import { createSlackDeliveryChannel } from './delivery.js';
import { createSlackChannel, type SlackChannel, type SlackChannelOptions } from './slackApp.js';

/** What a caller may set beyond the configuration (tests: the bot's ids, process-before-response, a clock). */
export type SlackRouteOptions = Partial<Pick<SlackChannelOptions, 'botId' | 'botUserId' | 'processBeforeResponse' | 'nowMs' | 'seen' | 'rateLimit'>> & {
  /** Called with the channel once it is built (e.g. to share its WebClient with proactive delivery). */
  onReady?: (channel: SlackChannel) => void;
};

/**
 * The RouteInstaller for `buildApp({ routes })`: when SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are
 * set it installs POST /slack/events (a Bolt App on our receiver, talking to the app's conversation
 * core) and registers the Slack delivery channel in the app's delivery registry (reminders, kansli
 * posts); without them it installs nothing, and /slack/events answers 404 like any unknown path.
 */
export function slackRoutes(extra: SlackRouteOptions = {}): RouteInstaller {
  return (server, context) => {
    const { config } = context;
    if (!hasSlack(config) || config.SLACK_SIGNING_SECRET === undefined || config.SLACK_BOT_TOKEN === undefined) return;
    const { onReady, ...overrides } = extra;
    const channel = createSlackChannel({
      signingSecret: config.SLACK_SIGNING_SECRET,
      botToken: config.SLACK_BOT_TOKEN,
      apiUrl: config.SLACK_API_URL,
      core: context.core,
      state: context.state,
      log: context.log,
      inflight: context.inflight,
      ...overrides,
    });
    channel.receiver.install(server);
    // Reminders and kansli posts reach Slack through the same WebClient.
    if (context.delivery && !context.delivery.get('slack')) {
      context.delivery.register(createSlackDeliveryChannel({ client: channel.client, log: context.log.child({ component: 'slack_delivery' }) }));
    }
    context.log.info('slack_enabled', { path: '/slack/events' });
    onReady?.(channel);
  };
}
