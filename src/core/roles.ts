import type { BotDeps } from './deps.js';

/**
 * Roles (issue 7, Kansli): who is kansli is configuration (KANSLI_USERS, `channel:userId`), never
 * something a chat message can grant. Only kansli may import through chat, add calendar items or
 * post summaries; everyone else gets {@link KANSLI_ONLY_TEXT}.
 */

export const KANSLI_ONLY_TEXT =
  'Det här kan bara kansliet göra, så jag har inte gjort något. Kontakta förbundets kansli om något behöver importeras, läggas in i årshjulet eller postas. Du kan fortfarande fråga om siffror, budget och rapporter.';

/** The identity a role list names: "slack:U0123", "msteams:29:1abc". */
export function userKey(channelId: string, userId: string): string {
  return `${channelId}:${userId}`;
}

/** True when the user of this channel is listed as kansli in the configuration. */
export function isKansli(deps: Pick<BotDeps, 'kansliUsers'>, channelId: string | undefined, userId: string | undefined): boolean {
  if (!channelId || !userId) return false;
  return (deps.kansliUsers ?? []).includes(userKey(channelId, userId));
}
