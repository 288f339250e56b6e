import type { Reply } from '../core/reply.js';
import type { DeliveryChannel, DeliveryKind, LookupResult, SendOptions, SendResult, TargetOf } from './types.js';
import { targetKey } from './types.js';

/** One message a {@link RecordingChannel} accepted. */
export interface RecordedDelivery {
  target: string;
  idempotencyKey: string;
  reply: Reply;
}

export interface RecordingChannelOptions {
  /** Whether `lookup` is offered (a channel like Slack that can tell what it posted). Default true. */
  supportsLookup?: boolean;
  /**
   * Decides each send before it is recorded; return a result to fail it ('retry'/'dead'), or
   * undefined to deliver. May throw to simulate a crash; `afterDelivery` throws after recording.
   */
  script?: (call: { target: string; idempotencyKey: string; attempt: number }) => SendResult | undefined;
  /** Called after a message was recorded and before `send` returns: throw here to simulate a crash mid-send. */
  afterDelivery?: (delivery: RecordedDelivery) => void;
  /** Called before each lookup: throw to simulate a process that is down. */
  beforeLookup?: () => void;
}

/**
 * A fake delivery channel for tests: records every delivered message (the "remote side", which
 * survives the bot's restarts) and answers `lookup` from that record.
 */
export class RecordingChannel<K extends DeliveryKind = DeliveryKind> implements DeliveryChannel<K> {
  readonly delivered: RecordedDelivery[] = [];
  readonly attempts = new Map<string, number>();
  readonly lookup?: (target: TargetOf<K>, idempotencyKey: string) => Promise<LookupResult>;

  constructor(
    readonly kind: K,
    private readonly options: RecordingChannelOptions = {},
  ) {
    if (options.supportsLookup !== false) {
      this.lookup = async (target, idempotencyKey) => {
        options.beforeLookup?.();
        return this.delivered.some((d) => d.idempotencyKey === idempotencyKey && d.target === targetKey(target)) ? 'sent' : 'not-sent';
      };
    }
  }

  async send(target: TargetOf<K>, reply: Reply, options: SendOptions): Promise<SendResult> {
    const key = targetKey(target);
    const attempt = (this.attempts.get(options.idempotencyKey) ?? 0) + 1;
    this.attempts.set(options.idempotencyKey, attempt);
    const scripted = this.options.script?.({ target: key, idempotencyKey: options.idempotencyKey, attempt });
    if (scripted) return scripted;
    const delivery = { target: key, idempotencyKey: options.idempotencyKey, reply };
    this.delivered.push(delivery);
    this.options.afterDelivery?.(delivery);
    return { status: 'sent', messageId: `m${this.delivered.length}` };
  }

  /** How many times each idempotency key was delivered. */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const d of this.delivered) counts.set(d.idempotencyKey, (counts.get(d.idempotencyKey) ?? 0) + 1);
    return counts;
  }
}
