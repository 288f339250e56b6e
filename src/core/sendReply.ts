import { ActivityTypes, InputHints, type Activity, type TurnContext } from 'botbuilder';
import { REPLY_CHANNEL_DATA_KEY, replySchema, type Reply } from './reply.js';
import { renderText } from './renderText.js';

/**
 * The message activity that carries a Reply: `text` is the plain-text rendering (for any
 * client that shows only text) and `channelData[REPLY_CHANNEL_DATA_KEY]` the Reply itself,
 * which each channel edge renders in its own way. Prompts use it as their prompt activity.
 */
export function replyActivity(reply: Reply, inputHint?: InputHints): Partial<Activity> {
  const hint = inputHint ?? (reply.choices && reply.choices.length > 0 ? InputHints.ExpectingInput : InputHints.AcceptingInput);
  return {
    type: ActivityTypes.Message,
    text: renderText(reply),
    inputHint: hint,
    channelData: { [REPLY_CHANNEL_DATA_KEY]: reply },
  };
}

/** Where a turn keeps the Replies sent with `sendReply` (channel middleware may strip them from the activities). */
const SENT_REPLIES = Symbol('sentReplies');

/** Sends one Reply in the current turn. */
export async function sendReply(context: TurnContext, reply: Reply, inputHint?: InputHints): Promise<void> {
  sentReplies(context).push(reply);
  await context.sendActivity(replyActivity(reply, inputHint));
}

/** The Replies `sendReply` sent so far in this turn (MainDialog reads what a route answered). */
export function sentReplies(context: TurnContext): Reply[] {
  const state = context.turnState as Map<unknown, unknown>;
  let list = state.get(SENT_REPLIES) as Reply[] | undefined;
  if (!list) {
    list = [];
    state.set(SENT_REPLIES, list);
  }
  return list;
}

/**
 * The Reply inside an outgoing activity; a message without one (e.g. sent by a botbuilder
 * prompt's default retry) becomes a text-only Reply. Non-message activities give undefined.
 */
export function replyFromActivity(activity: Partial<Activity>): Reply | undefined {
  if (activity.type !== ActivityTypes.Message) return undefined;
  const carried: unknown = (activity.channelData as Record<string, unknown> | undefined)?.[REPLY_CHANNEL_DATA_KEY];
  const parsed = replySchema.safeParse(carried);
  if (parsed.success) return parsed.data;
  return { text: activity.text ?? '' };
}

/** The Replies among a turn's outgoing activities, in order. */
export function repliesFromActivities(activities: readonly Partial<Activity>[]): Reply[] {
  return activities.map(replyFromActivity).filter((r): r is Reply => r !== undefined);
}
