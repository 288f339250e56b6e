import type { TurnContext } from 'botbuilder';
import type { DeliveryTarget } from '../delivery/types.js';

/** What the Bot Framework adapter stores under `BotIdentityKey` (botframework-connector's ClaimsIdentity). */
interface Identity {
  readonly isAuthenticated: boolean;
  readonly authenticationType?: string | boolean;
  readonly claims: readonly unknown[];
}

/** botframework-connector's AuthenticationConstants.AnonymousAuthType: what an unverified request gets. */
const ANONYMOUS = 'anonymous';

/**
 * Whether the request that carried this turn shows that its user is in the conversation it names
 * (issue 15, finding 9: subscribing a channel to reminders). Per channel:
 * - Slack: the turn came through our Slack edge, i.e. a request signed by Slack from that channel
 *   (a DM with the bot, a mention, `/samverkan` or a button there). Slack lets only members write
 *   or run commands in a channel.
 * - Teams: a Bot Framework activity whose token was verified; Teams sends only what a member of
 *   the conversation wrote.
 * - Web chat, CLI and the Emulator: the conversation is the user's own (delivery kind `web`).
 * Not in: a Bot Framework activity without a verified token (the unauthenticated local mode) that
 * names a Slack or Teams conversation — its channelData and conversation can say anything.
 */
export function userIsInConversation(context: TurnContext, target: DeliveryTarget): boolean {
  if (target.kind === 'web') return true;
  // Set by the Bot Framework adapter for every activity it received; our own edges (Slack, web,
  // CLI) run turns through the LocalAdapter, which sets none.
  const identity = context.turnState.get(context.adapter.BotIdentityKey) as Identity | undefined;
  if (identity === undefined) return true;
  return identity.isAuthenticated && identity.authenticationType !== ANONYMOUS && identity.claims.length > 0;
}
