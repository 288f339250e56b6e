import type { Writable } from 'node:stream';
import type { Reply } from '../core/reply.js';
import { renderText } from '../core/renderText.js';
import type { DeliveryChannel, SendOptions, SendResult, TargetOf } from './types.js';

/**
 * The web/CLI delivery channel: the local web chat has no push or polling, so a proactive message
 * for a web conversation is written to a stream (stdout for `npm run reminders`, the server log
 * otherwise) as plain text, headed by the conversation id and the idempotency key. It cannot tell
 * afterwards what it wrote, so it offers no `lookup`: an attempt cut off by a crash is reported
 * to the kansli as "kan ha skickats".
 */
export function createConsoleChannel(out: Writable): DeliveryChannel<'web'> {
  return {
    kind: 'web',
    async send(target: TargetOf<'web'>, reply: Reply, options: SendOptions): Promise<SendResult> {
      const ok = out.write(`--- till web:${target.conversationId} [${options.idempotencyKey}]\n${renderText(reply)}\n\n`);
      if (!ok) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      return { status: 'sent' };
    },
  };
}
