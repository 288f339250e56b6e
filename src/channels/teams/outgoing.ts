import { ActivityTypes, type Activity } from 'botbuilder';
import { REPLY_CHANNEL_DATA_KEY, replySchema } from '../../core/reply.js';
import { headline } from '../replyParts.js';
import { cardAttachment } from './renderCard.js';

/** Bot Framework channels whose clients render Adaptive Cards. */
export const CARD_CHANNELS: ReadonlySet<string> = new Set(['msteams', 'emulator', 'webchat', 'directline']);

/** Teams shows `summary` in notifications and the activity feed: the answer's headline, kept short. */
export const SUMMARY_MAX = 200;

/** The headline (first sentence) of the reply, so a notification says the answer, not a preamble. */
export function summaryOf(text: string): string {
  const first = headline(text);
  return first.length <= SUMMARY_MAX ? first : `${first.slice(0, SUMMARY_MAX - 1).trimEnd()}…`;
}

/**
 * Turns an outgoing message that carries a Reply (sendReply's channelData) into an Adaptive Card
 * message, in place. Other activities (typing, plain prompts without a Reply) pass unchanged.
 *
 * Teams shows an activity's `text` above its card, so there the text would appear twice: in
 * Teams the whole plain text is the card's `fallbackText` (hosts that cannot render the card),
 * the answer's headline the activity's `summary` (notifications, activity feed), and the
 * Reply itself leaves channelData (Teams reads channelData). Other channels (Emulator, Web Chat) keep `text` and
 * channelData as sent, for inspection and for clients without cards.
 */
export function attachReplyCard(activity: Partial<Activity>, channelId: string): void {
  if (activity.type !== ActivityTypes.Message) return;
  const channelData = activity.channelData as Record<string, unknown> | undefined;
  const parsed = replySchema.safeParse(channelData?.[REPLY_CHANNEL_DATA_KEY]);
  if (!parsed.success || (activity.attachments?.length ?? 0) > 0) return;
  activity.attachments = [cardAttachment(parsed.data)];
  if (channelId !== 'msteams') return;
  activity.summary = summaryOf(parsed.data.text);
  delete activity.text;
  const { [REPLY_CHANNEL_DATA_KEY]: _carried, ...rest } = channelData ?? {};
  if (Object.keys(rest).length > 0) activity.channelData = rest;
  else delete activity.channelData;
}
