import { webApi } from '@slack/bolt';
import type { Config } from '../../config.js';
import type { Logger } from '../../core/log.js';
import type { Reply } from '../../core/reply.js';
import type { DeliveryChannel, LookupResult, SendOptions, SendResult, TargetOf } from '../../delivery/types.js';
import { renderBlocks } from './renderBlocks.js';
import {
  createSlackWebClient,
  neverReachedSlack,
  platformErrorCode,
  withRateLimitRetry,
  type RateLimitOptions,
  type WebClient,
} from './webApi.js';

/**
 * The `event_type` of the message metadata we attach to proactive posts. The metadata carries the
 * idempotency key, so after a crash `lookup` can find out in the channel's history whether the
 * message went out. Metadata is visible to other apps in the workspace: the key holds no personal data.
 */
export const DELIVERY_METADATA_EVENT = 'samverkansboten_delivery';

/** Errors after which posting to this channel will never work: the subscription is dead. */
const DEAD_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'token_revoked',
  'restricted_action',
  'team_access_not_granted',
  'invalid_blocks',
  'msg_too_long',
]);

/**
 * How much of a channel's history `lookup` reads, newest first: a lookup follows a crash closely,
 * so the message, if it went out, is among the latest. Only the channel's whole history can say
 * "not sent"; past the last page the answer is "unknown" (reported, never resent blindly).
 */
const LOOKUP_PAGE_SIZE = 200;
const LOOKUP_MAX_PAGES = 5;

export interface SlackDeliveryOptions extends RateLimitOptions {
  client: WebClient;
  log: Logger;
}

/**
 * Proactive delivery to Slack (reminders, tertial summaries) via chat.postMessage, for the
 * reminder scheduler and the kansli poster (src/delivery/types.ts). A 429 is waited out once
 * (Retry-After, bounded), a second one becomes `retry` with the delay; errors that cannot heal
 * (channel gone, bot removed, workspace inactive) become `dead`; a request that may have reached
 * Slack throws, which the scheduler treats as "outcome unknown" and resolves with `lookup`.
 */
export function createSlackDeliveryChannel(options: SlackDeliveryOptions): DeliveryChannel<'slack'> {
  const { client, log } = options;
  return {
    kind: 'slack',
    async send(target: TargetOf<'slack'>, reply: Reply, sendOptions: SendOptions): Promise<SendResult> {
      const message = renderBlocks(reply);
      try {
        const result = await withRateLimitRetry(
          () =>
            client.chat.postMessage({
              channel: target.channelId,
              text: message.text,
              blocks: message.blocks,
              unfurl_links: false,
              unfurl_media: false,
              metadata: { event_type: DELIVERY_METADATA_EVENT, event_payload: { idempotency_key: sendOptions.idempotencyKey } },
            }),
          options,
        );
        return { status: 'sent', messageId: result.ts };
      } catch (error) {
        const outcome = classify(error);
        if (!outcome) throw error;
        log.warn('slack_delivery_failed', {
          channel: target.channelId,
          status: outcome.status,
          reason: outcome.status === 'sent' ? undefined : outcome.reason,
        });
        return outcome;
      }
    },

    async lookup(target: TargetOf<'slack'>, idempotencyKey: string): Promise<LookupResult> {
      let cursor: string | undefined;
      try {
        for (let page = 0; page < LOOKUP_MAX_PAGES; page += 1) {
          const history = await withRateLimitRetry(
            () =>
              client.conversations.history({
                channel: target.channelId,
                limit: LOOKUP_PAGE_SIZE,
                include_all_metadata: true,
                cursor,
              }),
            options,
          );
          const found = (history.messages ?? []).some(
            (m) =>
              m.metadata?.event_type === DELIVERY_METADATA_EVENT &&
              (m.metadata.event_payload as Record<string, unknown> | undefined)?.idempotency_key === idempotencyKey,
          );
          if (found) return 'sent';
          cursor = history.response_metadata?.next_cursor || undefined;
          if (!history.has_more || !cursor) return 'not-sent';
        }
        return 'unknown';
      } catch (error) {
        log.warn('slack_delivery_lookup_failed', { channel: target.channelId, code: platformErrorCode(error) ?? errorName(error) });
        return 'unknown';
      }
    },
  };
}

/**
 * The Slack delivery channel when Slack is configured (SLACK_BOT_TOKEN, optional SLACK_API_URL),
 * for the processes that post unprompted (server, `npm run reminders`); undefined otherwise, and
 * Slack subscriptions then wait for a process that has it.
 */
export function slackDeliveryFromConfig(config: Config, log: Logger): DeliveryChannel<'slack'> | undefined {
  if (config.SLACK_BOT_TOKEN === undefined) return undefined;
  const slackLog = log.child({ component: 'slack' });
  return createSlackDeliveryChannel({ client: createSlackWebClient(config.SLACK_BOT_TOKEN, config.SLACK_API_URL, slackLog), log: slackLog });
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/** A failed send as a SendResult, or undefined when the message may have been posted (unknown outcome). */
function classify(error: unknown): SendResult | undefined {
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return { status: 'retry', retryAfterMs: error.retryAfter * 1000, reason: 'ratelimited' };
  }
  const code = platformErrorCode(error);
  if (code !== undefined) {
    return DEAD_ERRORS.has(code) ? { status: 'dead', reason: code } : { status: 'retry', reason: code };
  }
  if (error instanceof webApi.WebAPIHTTPError) {
    // Slack answers 200 for everything it handled; another status came from a proxy or an outage
    // before the method ran.
    return { status: 'retry', reason: `http_${error.statusCode}` };
  }
  if (neverReachedSlack(error)) return { status: 'retry', reason: 'unreachable' };
  return undefined;
}
