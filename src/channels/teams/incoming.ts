import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';
import { z } from 'zod';
import { CHOICE_DATA_KEY } from './renderCard.js';

/** What a card button sends back (renderCard's Action.Submit data); Teams adds fields of its own. */
const choiceSubmitSchema = z.looseObject({ [CHOICE_DATA_KEY]: z.string().trim().min(1).max(500) });

/** The choice value a card submit carries, or undefined when the message is not one. */
export function submittedChoice(activity: Pick<Activity, 'value'>): string | undefined {
  const parsed = choiceSubmitSchema.safeParse(activity.value);
  return parsed.success ? parsed.data[CHOICE_DATA_KEY] : undefined;
}

// Teams writes a non-breaking space after a mention; as text it is just a space.
const NBSP = /&nbsp;|\u00a0/g;

/**
 * Removes every @-mention of the bot from a message's text (Teams channels and group chats put
 * `<at>Samverkansboten</at>` in the text). botbuilder's `removeRecipientMention` removes only the
 * first occurrence, so the rest is removed here.
 */
export function removeBotMentions(activity: Activity): string {
  if (typeof activity.text !== 'string') return '';
  TurnContext.removeRecipientMention(activity);
  const botId = activity.recipient?.id;
  let text = activity.text;
  for (const mention of TurnContext.getMentions(activity)) {
    if (mention.mentioned?.id === botId && mention.text) text = text.split(mention.text).join(' ');
  }
  activity.text = text.replace(NBSP, ' ').replace(/[ \t]+/g, ' ').trim();
  return activity.text;
}

/**
 * Makes an incoming Bot Framework message read like a typed one before the core sees it:
 * a card submit becomes its choice as text (the dialog continues as if the user typed it),
 * and mentions of the bot are removed so they never reach understanding.
 */
export function normalizeIncoming(activity: Activity): void {
  if (activity.type !== ActivityTypes.Message) return;
  const choice = submittedChoice(activity);
  if (choice !== undefined) {
    activity.text = choice;
    return;
  }
  removeBotMentions(activity);
}
