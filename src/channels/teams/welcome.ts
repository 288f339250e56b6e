import { ActivityTypes, type Activity } from 'botbuilder';
import type { Reply } from '../../core/reply.js';

/**
 * True when this activity says the bot itself was just added to a chat or team: Teams sends an
 * `installationUpdate` with action `add` and a `conversationUpdate` whose membersAdded holds
 * the bot. (Members joining a team the bot is already in are not an installation.)
 */
export function isBotInstallation(activity: Activity): boolean {
  if (activity.type === ActivityTypes.InstallationUpdate) return activity.action === 'add';
  if (activity.type === ActivityTypes.ConversationUpdate) {
    const botId = activity.recipient?.id;
    return botId !== undefined && (activity.membersAdded ?? []).some((m) => m.id === botId);
  }
  return false;
}

/** The conversation id without the thread suffix Teams adds in channels (`;messageid=…`). */
export function baseConversationId(conversationId: string): string {
  return conversationId.split(';messageid=')[0] ?? conversationId;
}

/**
 * The short Swedish welcome when the bot is added. In a team or group chat the bot only hears
 * messages that mention it, so it says so.
 */
export function teamsWelcomeReply(conversationType: string | undefined): Reply {
  const shared = conversationType === 'channel' || conversationType === 'groupChat';
  return {
    text: [
      'Hej! Jag är Samverkansboten. Jag svarar ur samverkansöverenskommelserna – om aktualisering, parternas åtaganden och kontakter, årshjulet och tertialsiffror – och visar alltid källan.',
      shared
        ? 'Nämn @Samverkansboten i början av din fråga, så svarar jag i samma tråd. Skriv ”@Samverkansboten hjälp” för exempel.'
        : 'Skriv din fråga som vanligt, eller ”hjälp” för exempel.',
    ].join('\n\n'),
    choices: [{ label: 'hjälp' }, { label: 'När är nästa styrelsemöte?' }],
  };
}

/**
 * Teams announces one installation twice (installationUpdate and conversationUpdate, moments
 * apart): the first within `windowMs` per conversation wins. Kept in memory on purpose — after a
 * restart a second welcome is harmless, and nothing about the conversation is stored.
 */
export function createWelcomeGate(windowMs = 5 * 60_000, now: () => number = Date.now): (conversationId: string) => boolean {
  const lastWelcome = new Map<string, number>();
  return (conversationId) => {
    const key = baseConversationId(conversationId);
    const t = now();
    for (const [k, at] of lastWelcome) if (t - at > windowMs) lastWelcome.delete(k);
    if (lastWelcome.has(key)) return false;
    lastWelcome.set(key, t);
    return true;
  };
}
