import type { CloudAdapter, ConversationAccount, ConversationReference, TurnContext } from 'botbuilder';
import { hasBotFrameworkCredentials, type Config } from '../../config.js';
import type { Logger } from '../../core/log.js';
import type { Reply } from '../../core/reply.js';
import { replyActivity } from '../../core/sendReply.js';
import { targetKey, type DeliveryChannel, type SendOptions, type SendResult, type TargetOf } from '../../delivery/types.js';
import type { StateStore } from '../../state/store.js';
import { createCloudAdapter } from './cloudAdapter.js';
import { classifyConnectorFailure } from './connectorFailure.js';
import { baseConversationId } from './welcome.js';

export interface TeamsRetryPolicy {
  /** Attempts within one send (default 3). */
  attempts: number;
  /** Longest wait between attempts; a longer Retry-After ends the send with `retry` (default 30 s). */
  maxWaitMs: number;
  /** Wait before the next attempt after a 5xx without Retry-After, doubled each time (default 1 s). */
  backoffMs: number;
}

export interface TeamsDeliveryOptions {
  adapter: CloudAdapter;
  /** MicrosoftAppId ('' in unauthenticated local mode). */
  appId: string;
  log: Logger;
  /** When given, a dead conversation marks its subscriptions dead in the state file. */
  state?: StateStore;
  clock?: () => Date;
  retry?: Partial<TeamsRetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
  /**
   * Unauthenticated local mode: whether a stored reference's serviceUrl may be posted to (only
   * EMULATOR_URL). A reference stored under another Emulator port names a port that may now
   * belong to anything on this machine.
   */
  allowServiceUrl?: (serviceUrl: string | undefined) => boolean;
}

const DEFAULT_RETRY: TeamsRetryPolicy = { attempts: 3, maxWaitMs: 30_000, backoffMs: 1_000 };

/**
 * The stored reference made fit for an unprompted post: in a Teams channel it names the
 * channel, not the thread it was created in (`;messageid=…` dropped, so a reminder starts its
 * own post), and it replies to no earlier activity.
 */
export function proactiveReference(stored: TargetOf<'teams'>['conversationReference']): Partial<ConversationReference> {
  // The state file holds the JSON of TurnContext.getConversationReference (zod checks its core fields).
  const { activityId: _replyTo, ...reference } = stored as unknown as Partial<ConversationReference>;
  const conversation = { ...reference.conversation, id: baseConversationId(stored.conversation.id) } as ConversationAccount;
  return { ...reference, conversation };
}

/**
 * botbuilder's HTTP pipeline retries 429 and 5xx by itself, honouring any Retry-After however
 * long (a "Retry-After: 3600" would hold the send for an hour). Proactive sends take the retry
 * decision here instead, so the SDK's policy is removed from this turn's connector client.
 */
function disableSdkRetry(context: TurnContext, adapter: CloudAdapter): void {
  const connector: unknown = context.turnState.get(adapter.ConnectorClientKey);
  const pipeline = (connector as { client?: { pipeline?: { removePolicy?: unknown } } } | undefined)?.client?.pipeline;
  if (pipeline && typeof pipeline.removePolicy === 'function') {
    (pipeline as { removePolicy(options: { name: string }): unknown }).removePolicy({ name: 'defaultRetryPolicy' });
  }
}

/**
 * Proactive delivery to Teams (reminders, kansli posts): continues the conversation of a stored
 * reference and posts the Reply as an Adaptive Card (the adapter's middleware renders it).
 * 403/404 → `dead` (and the conversation's subscriptions are marked dead); 429/5xx → retried
 * here up to `attempts`, honouring Retry-After up to `maxWaitMs`, then `retry` for the scheduler.
 */
export class TeamsDeliveryChannel implements DeliveryChannel<'teams'> {
  readonly kind = 'teams' as const;
  private readonly retry: TeamsRetryPolicy;
  private readonly clock: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: TeamsDeliveryOptions) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.clock = options.clock ?? (() => new Date());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async send(target: TargetOf<'teams'>, reply: Reply, options: SendOptions): Promise<SendResult> {
    const { adapter, appId, log } = this.options;
    const reference = proactiveReference(target.conversationReference);
    const fields = { target: targetKey(target), key: options.idempotencyKey };
    if (this.options.allowServiceUrl && !this.options.allowServiceUrl(reference.serviceUrl)) {
      log.warn('teams_delivery_refused', { ...fields, reason: 'service_url_not_emulator_url' });
      // Not marked dead: with credentials (or the old EMULATOR_URL) the conversation may work again.
      return { status: 'dead', reason: 'lokalt läge: konversationens serviceUrl är inte EMULATOR_URL' };
    }
    for (let attempt = 1; ; attempt++) {
      try {
        let messageId: string | undefined;
        let failed: { error: unknown } | undefined;
        await adapter.continueConversationAsync(appId, reference, async (context) => {
          disableSdkRetry(context, adapter);
          // Caught here: an error leaving the turn would reach adapter.onTurnError, which posts
          // "Något gick fel" into the very conversation that just failed.
          try {
            messageId = (await context.sendActivity(replyActivity(reply)))?.id;
          } catch (error) {
            failed = { error };
          }
        });
        if (failed) throw failed.error;
        log.info('teams_delivered', { ...fields, attempt });
        return messageId === undefined ? { status: 'sent' } : { status: 'sent', messageId };
      } catch (error) {
        const failure = classifyConnectorFailure(error, this.clock().getTime());
        log.warn('teams_delivery_failed', { ...fields, attempt, kind: failure.kind, reason: failure.reason });
        switch (failure.kind) {
          case 'dead':
            await this.markDead(target, failure.reason);
            return { status: 'dead', reason: failure.reason };
          case 'rejected':
            return { status: 'retry', reason: failure.reason };
          case 'unknown':
            throw error;
          case 'retry': {
            const wait = failure.retryAfterMs ?? this.retry.backoffMs * 2 ** (attempt - 1);
            if (attempt >= this.retry.attempts || wait > this.retry.maxWaitMs) {
              return { status: 'retry', reason: failure.reason, ...(failure.retryAfterMs === undefined ? {} : { retryAfterMs: failure.retryAfterMs }) };
            }
            await this.sleep(wait);
          }
        }
      }
    }
  }

  /** Every active subscription of this conversation is dead: the bot can no longer post there. */
  private async markDead(target: TargetOf<'teams'>, reason: string): Promise<void> {
    const state = this.options.state;
    if (!state) return;
    const channelKey = targetKey(target);
    const deadAt = this.clock().toISOString();
    await state.update((data) => {
      for (const sub of data.subscriptions) {
        if (sub.status === 'active' && sub.target.kind === 'teams' && targetKey(sub.target) === channelKey) {
          sub.status = 'dead';
          sub.deadReason = reason;
          sub.deadAt = deadAt;
        }
      }
    });
  }
}

/**
 * The Teams channel for a process without the server (`npm run reminders`): proactive messages
 * need only the app credentials and the stored references. Undefined without MicrosoftAppId
 * (local mode has no Teams to post to).
 */
export function teamsDeliveryFromConfig(config: Config, log: Logger, state?: StateStore): TeamsDeliveryChannel | undefined {
  if (!hasBotFrameworkCredentials(config)) return undefined;
  const teamsLog = log.child({ component: 'teams_delivery' });
  return new TeamsDeliveryChannel({ adapter: createCloudAdapter(config, teamsLog), appId: config.MicrosoftAppId ?? '', log: teamsLog, state });
}
