import { z } from 'zod';
import type { Reply } from '../core/reply.js';

/**
 * Proactive delivery: how a reminder or a tertial summary reaches a channel without a user turn.
 * Each edge (Teams, Slack, web/CLI) implements one {@link DeliveryChannel}; the scheduler and the
 * tertial poster only see this interface and a {@link DeliveryRegistry}.
 */

export const DELIVERY_KINDS = ['teams', 'slack', 'web'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

/**
 * Where to deliver, with what each kind needs to post unprompted: Teams a Bot Framework
 * conversation reference (kept as JSON in the state file, never only in memory), Slack a channel id,
 * web/CLI the conversation id.
 */
export const deliveryTargetSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('teams'),
    /** botbuilder `ConversationReference` as JSON (`TurnContext.getConversationReference(activity)`). */
    conversationReference: z.looseObject({
      serviceUrl: z.string(),
      conversation: z.looseObject({ id: z.string() }),
      channelId: z.string().optional(),
    }),
  }),
  z.object({ kind: z.literal('slack'), channelId: z.string().min(1), teamId: z.string().optional() }),
  z.object({ kind: z.literal('web'), conversationId: z.string().min(1) }),
]);
export type DeliveryTarget = z.infer<typeof deliveryTargetSchema>;
export type TargetOf<K extends DeliveryKind> = Extract<DeliveryTarget, { kind: K }>;

/** A readable, stable name of a target ("slack:C123"), used as the channel key of subscriptions. */
export function targetKey(target: DeliveryTarget): string {
  switch (target.kind) {
    case 'teams':
      // A Teams channel message's conversation id names its thread (`19:…@thread.tacv2;messageid=…`);
      // the channel is the part before it, so every thread of a channel shares its subscriptions.
      return `teams:${target.conversationReference.conversation.id.split(';messageid=')[0]}`;
    case 'slack':
      return `slack:${target.channelId}`;
    case 'web':
      return `web:${target.conversationId}`;
  }
}

export interface SendOptions {
  /**
   * Unique per message and stable across restarts (the sent-log key). A channel that can store it
   * with the message (Slack message metadata, a Teams activity id) lets {@link DeliveryChannel.lookup}
   * answer after a crash.
   */
  idempotencyKey: string;
}

/**
 * What became of one send. `retry`: certainly not delivered, try again later (429/5xx, network
 * refused) — `retryAfterMs` from Retry-After when the service gave one. `dead`: will never work
 * (channel archived, bot removed, invalid target) — the subscription is marked and reported.
 * A send that throws means the outcome is unknown.
 */
export type SendResult =
  | { status: 'sent'; messageId?: string }
  | { status: 'retry'; retryAfterMs?: number; reason?: string }
  | { status: 'dead'; reason: string };

/** Whether a message with this idempotency key reached the target, as far as the channel can tell. */
export type LookupResult = 'sent' | 'not-sent' | 'unknown';

export interface DeliveryChannel<K extends DeliveryKind = DeliveryKind> {
  readonly kind: K;
  send(target: TargetOf<K>, reply: Reply, options: SendOptions): Promise<SendResult>;
  /** Optional: ask the service whether a message with `idempotencyKey` was posted (resolves "pending" after a crash). */
  lookup?(target: TargetOf<K>, idempotencyKey: string): Promise<LookupResult>;
}

/** A channel of any one kind (a `DeliveryChannel<'web'>` is not a `DeliveryChannel<DeliveryKind>`). */
export type AnyDeliveryChannel = { [K in DeliveryKind]: DeliveryChannel<K> }[DeliveryKind];

/** The channels available by kind; a kind without a channel (Slack not configured) is "dead" for its targets. */
export interface DeliveryRegistry {
  register<K extends DeliveryKind>(channel: DeliveryChannel<K>): void;
  get<K extends DeliveryKind>(kind: K): DeliveryChannel<K> | undefined;
  kinds(): DeliveryKind[];
}

export function createDeliveryRegistry(channels: readonly AnyDeliveryChannel[] = []): DeliveryRegistry {
  const byKind = new Map<DeliveryKind, DeliveryChannel<DeliveryKind>>();
  const registry: DeliveryRegistry = {
    register(channel) {
      byKind.set(channel.kind, channel as unknown as DeliveryChannel<DeliveryKind>);
    },
    get<K extends DeliveryKind>(kind: K) {
      return byKind.get(kind) as DeliveryChannel<K> | undefined;
    },
    kinds: () => [...byKind.keys()],
  };
  for (const c of channels) registry.register<DeliveryKind>(c as DeliveryChannel<DeliveryKind>);
  return registry;
}

/** Sends through the registry's channel for the target's kind; no channel for the kind is a dead target. */
export async function deliver(registry: DeliveryRegistry, target: DeliveryTarget, reply: Reply, options: SendOptions): Promise<SendResult> {
  const channel = registry.get(target.kind) as DeliveryChannel<typeof target.kind> | undefined;
  if (!channel) return { status: 'dead', reason: `ingen leveranskanal för ${target.kind} är konfigurerad` };
  return (channel as DeliveryChannel).send(target as never, reply, options);
}

/** Asks the target's channel whether `idempotencyKey` was delivered; 'unknown' when it cannot tell. */
export async function lookupDelivery(registry: DeliveryRegistry, target: DeliveryTarget, idempotencyKey: string): Promise<LookupResult> {
  const channel = registry.get(target.kind) as DeliveryChannel | undefined;
  if (!channel?.lookup) return 'unknown';
  return channel.lookup(target as never, idempotencyKey);
}
