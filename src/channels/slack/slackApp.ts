import { App, type AuthorizeResult, type RespondFn } from '@slack/bolt';
import type { ConversationCore } from '../../core/conversationCore.js';
import type { Logger } from '../../core/log.js';
import type { InflightTracker } from '../../http/inflight.js';
import { pressFromActions, turnFromCommand, turnFromEvent, type SlackTurn } from './inbound.js';
import { RestifySlackReceiver } from './receiver.js';
import { blocksAfterChoice, CHOICE_ACTION_PREFIX, renderBlocks, type SlackBlock, type SlackMessage } from './renderBlocks.js';
import type { StateStore } from '../../state/store.js';
import { createPersistedSeenCache } from './persistedSeen.js';
import { EVENT_ID_TTL_MS, type SeenCache } from './seenCache.js';
import { boltLogger, createSlackWebClient, platformErrorCode, webClientOptions, withRateLimitRetry, type RateLimitOptions, type WebClient } from './webApi.js';

/** The Slack channel's id in the conversation core (and in conversation state keys). */
export const SLACK_CHANNEL_ID = 'slack';

export interface SlackChannelOptions {
  signingSecret: string;
  botToken: string;
  /** SLACK_API_URL: another Web API base (a fake in tests). */
  apiUrl?: string;
  core: ConversationCore;
  /** The state file: the seen-set of Slack requests lives there (replay protection across restarts). */
  state: StateStore;
  log: Logger;
  inflight?: Pick<InflightTracker, 'track'>;
  /** The bot's ids; when unknown they are asked from auth.test once, at the first event. */
  botId?: string;
  botUserId?: string;
  processBeforeResponse?: boolean;
  nowMs?: () => number;
  seen?: SeenCache;
  rateLimit?: RateLimitOptions;
  /** A WebClient to send with (defaults to one for `botToken` and `apiUrl`). */
  client?: WebClient;
}

export interface SlackChannel {
  app: App;
  receiver: RestifySlackReceiver;
  /** The WebClient the channel posts with (proactive delivery can share it). */
  client: WebClient;
}

/** Where one turn's replies go: a channel/thread via chat.postMessage, or the request's response_url. */
type Sink = (message: SlackMessage) => Promise<void>;

/**
 * The Slack edge: a Bolt App on our {@link RestifySlackReceiver}. Each DM, @-mention, slash
 * command or button press becomes one turn of the same conversation core as every other channel;
 * the Replies come back as Block Kit messages.
 */
export function createSlackChannel(options: SlackChannelOptions): SlackChannel {
  const log = options.log.child({ component: 'slack' });
  const client = options.client ?? createSlackWebClient(options.botToken, options.apiUrl, log);
  const seen = options.seen ?? createPersistedSeenCache(options.state, { now: options.nowMs });
  const receiver = new RestifySlackReceiver({
    signingSecret: options.signingSecret,
    log,
    inflight: options.inflight,
    seen,
    processBeforeResponse: options.processBeforeResponse,
    nowMs: options.nowMs,
  });

  const app = new App({
    receiver,
    authorize: createAuthorize(client, options.botToken, options.botId, options.botUserId),
    clientOptions: webClientOptions(options.apiUrl, log),
    logger: boltLogger(log),
    ignoreSelf: true,
    convoStore: false,
  });
  app.error(async (error) => {
    log.error('slack_listener_error', { code: platformErrorCode(error) }, error);
  });

  const post = (channel: string, threadTs: string | undefined): Sink => {
    return async (message) => {
      await withRateLimitRetry(
        () =>
          client.chat.postMessage({
            channel,
            thread_ts: threadTs,
            text: message.text,
            blocks: message.blocks,
            unfurl_links: false,
            unfurl_media: false,
          }),
        options.rateLimit,
      );
    };
  };
  const respondWith = (respond: RespondFn | undefined): Sink => {
    return async (message) => {
      if (!respond) throw new Error('Slack: svarsadress (response_url) saknas');
      await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
    };
  };

  /** One turn through the core; every Reply becomes one Slack message, in order. */
  const runTurn = async (turn: SlackTurn, respond: RespondFn | undefined): Promise<void> => {
    const sink = turn.target.kind === 'post' ? post(turn.target.channel, turn.target.threadTs) : respondWith(respond);
    const replies = await options.core.ask({
      channelId: SLACK_CHANNEL_ID,
      conversationId: turn.conversationId,
      userId: turn.userId,
      text: turn.text,
      channelData: {
        channel: turn.place.channel,
        team: turn.place.team,
        ...(turn.place.threadTs === undefined ? {} : { thread_ts: turn.place.threadTs }),
      },
    });
    for (const reply of replies) await sink(renderBlocks(reply));
    log.debug('slack_turn', { conversationId: turn.conversationId, target: turn.target.kind, replies: replies.length });
  };

  app.event('app_mention', async ({ body, context }) => {
    const turn = turnFromEvent(body, context.botUserId);
    if (turn) await runTurn(turn, undefined);
  });

  app.message(async ({ body, context }) => {
    const turn = turnFromEvent(body, context.botUserId);
    if (turn) await runTurn(turn, undefined);
  });

  app.command(/.+/, async ({ ack, body, respond }) => {
    await ack();
    const turn = turnFromCommand(body);
    if (turn) await runTurn(turn, respond);
  });

  app.action(new RegExp(`^${CHOICE_ACTION_PREFIX}_`), async ({ ack, body, respond }) => {
    await ack();
    const press = pressFromActions(body);
    if (!press) return;
    if (await seen.checkAndRemember(press.pressKey, EVENT_ID_TTL_MS)) {
      log.info('slack_repeated_press', { conversationId: press.turn.conversationId });
      return;
    }
    await markChoice(press.message, press.label, press.turn.userId, respond);
    await runTurn(press.turn, respond);
  });

  /** Replaces the pressed message's buttons with "<user> valde X", so the old question is closed. Cosmetic: failures are logged. */
  const markChoice = async (
    message: { channel: string; ts: string; blocks: unknown[] } | undefined,
    label: string,
    userId: string,
    respond: RespondFn | undefined,
  ): Promise<void> => {
    try {
      if (message) {
        const blocks = blocksAfterChoice(message.blocks as SlackBlock[], label, userId);
        await client.chat.update({ channel: message.channel, ts: message.ts, blocks, text: `Valt: ${label}` });
      } else if (respond) {
        await respond({ replace_original: true, text: `Valt: ${label}` });
      }
    } catch (error) {
      log.warn('slack_mark_choice_failed', { code: platformErrorCode(error) ?? (error instanceof Error ? error.name : 'unknown') });
    }
  };

  return { app, receiver, client };
}

/**
 * Bolt's authorize for our single workspace: the bot token, and the bot's ids (which Bolt's
 * ignoreSelf and our mention stripping need). Given ids are used as they are; otherwise auth.test
 * is asked once, at the first event, and asked again later if it failed — so a Slack outage at
 * start-up is no unhandled rejection (STACK.md, Traps).
 */
function createAuthorize(
  client: WebClient,
  botToken: string,
  botId: string | undefined,
  botUserId: string | undefined,
): () => Promise<AuthorizeResult> {
  let known: Promise<{ botId?: string; botUserId?: string }> | undefined =
    botId !== undefined && botUserId !== undefined ? Promise.resolve({ botId, botUserId }) : undefined;
  return async () => {
    known ??= client.auth.test().then((r) => ({ botId: r.bot_id, botUserId: r.user_id }));
    try {
      const ids = await known;
      return { botToken, ...ids };
    } catch (error) {
      known = undefined;
      throw error;
    }
  };
}
