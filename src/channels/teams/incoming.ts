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

// Teams sends formatted messages (bold, lists, pasted text) as HTML in `text`.
const HTML_TAG_NAMES = '(p|div|span|b|strong|i|em|u|s|ul|ol|li|br|a|code|pre|blockquote|h[1-6])';
const HAS_HTML_TAG = new RegExp(`<\\/?${HTML_TAG_NAMES}\\b[^>]*>`, 'i');
const HTML_TAGS = new RegExp(HAS_HTML_TAG.source, 'gi');
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'" };

/** The plain text of a Teams message that came as HTML; plain text passes unchanged. */
export function plainText(text: string): string {
  if (!HAS_HTML_TAG.test(text)) return text;
  return text
    .replace(/<br\s*\/?>|<\/(p|div|li|h[1-6])>/gi, '\n')
    .replace(HTML_TAGS, '')
    .replace(/&(amp|lt|gt|quot|#39|apos);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** What a message that only mentions the bot ("@Samverkansboten") means: show what the bot can do. */
export const BARE_MENTION_TEXT = 'hjälp';

/**
 * Makes an incoming Bot Framework message read like a typed one before the core sees it:
 * a card submit becomes its choice as text (the dialog continues as if the user typed it),
 * mentions of the bot are removed so they never reach understanding, and HTML becomes text.
 */
export function normalizeIncoming(activity: Activity): void {
  if (activity.type !== ActivityTypes.Message) return;
  const choice = submittedChoice(activity);
  if (choice !== undefined) {
    activity.text = choice;
    return;
  }
  if (typeof activity.text !== 'string' || activity.text.trim() === '') return;
  const text = plainText(removeBotMentions(activity));
  activity.text = text === '' ? BARE_MENTION_TEXT : text;
}
