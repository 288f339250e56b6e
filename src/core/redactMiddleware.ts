import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { PERSONNUMMER_PLACEHOLDER, redactPersonnummer } from '../domain/personnummer.js';
import type { Logger } from './log.js';
import { sendReply } from './sendReply.js';

export const PERSONNUMMER_WARNING =
  'Skriv inte personnummer här — jag behöver inga uppgifter om enskilda personer. Jag har inte sparat det.';

/** Redacts every string inside a JSON-like value (card submits carry typed text in `value`). */
function redactDeep(value: unknown): { value: unknown; count: number } {
  if (typeof value === 'string') {
    const r = redactPersonnummer(value);
    return { value: r.text, count: r.count };
  }
  if (Array.isArray(value)) {
    let count = 0;
    const out = value.map((v) => {
      const r = redactDeep(v);
      count += r.count;
      return r.value;
    });
    return { value: out, count };
  }
  if (value !== null && typeof value === 'object') {
    let count = 0;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const r = redactDeep(v);
      count += r.count;
      out[k] = r.value;
    }
    return { value: out, count };
  }
  return { value, count: 0 };
}

/** Turn-state key: set when the message held nothing but personnummer (see {@link heldOnlyPersonnummer}). */
const ONLY_PERSONNUMMER = Symbol('onlyPersonnummer');

/** Words that only announce the number ("pnr:", "personnummer"); left alone they are no message. */
const ANNOUNCING = /\b(?:pnr|p-?nr|personnr|personnumm?er|personnumret|samordningsnr|samordningsnumm?er|samordningsnumret)\b/giu;

/** True when nothing is left of the message once the numbers, the words announcing them and punctuation are gone. */
function nothingElse(redacted: string): boolean {
  return redacted.split(PERSONNUMMER_PLACEHOLDER).join(' ').replace(ANNOUNCING, ' ').replace(/[\s\p{P}\p{S}]/gu, '') === '';
}

/**
 * True when this turn's message held nothing but personnummer: the dialog layer then asks its
 * current question again instead of treating the (removed) number as an answer.
 */
export function heldOnlyPersonnummer(context: TurnContext): boolean {
  return context.turnState.get(ONLY_PERSONNUMMER) === true;
}

/**
 * Ingress guard: removes personnummer/samordningsnummer from an incoming message (text,
 * submitted values, attachment content) before dialogs, state or logs see it, and warns the
 * user once per turn. The number is never echoed. A message that held nothing but the number is
 * marked ({@link heldOnlyPersonnummer}) so an open dialog re-asks its question and is not lost.
 */
export function createRedactMiddleware(log: Logger): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const activity = context.activity;
      if (activity.type !== ActivityTypes.Message) return next();
      let count = 0;
      if (typeof activity.text === 'string') {
        const r = redactPersonnummer(activity.text);
        activity.text = r.text;
        count += r.count;
      }
      if (activity.value !== undefined) {
        const r = redactDeep(activity.value);
        activity.value = r.value;
        count += r.count;
      }
      if (activity.attachments) {
        const r = redactDeep(activity.attachments);
        activity.attachments = r.value as typeof activity.attachments;
        count += r.count;
      }
      if (count === 0) return next();
      log.warn('personnummer_redacted', { count, conversationId: activity.conversation?.id, channelId: activity.channelId });
      await sendReply(context, { text: PERSONNUMMER_WARNING });
      if (nothingElse(activity.text ?? '') && activity.value === undefined) context.turnState.set(ONLY_PERSONNUMMER, true);
      return next();
    },
  };
}
