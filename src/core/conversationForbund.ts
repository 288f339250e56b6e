import type { Activity } from 'botbuilder';
import type { ForbundChannels } from '../config.js';

/** Channels whose edges are ours and set `channelData.forbund` themselves: the web chat's ?forbund=, the CLI's --forbund. */
const OWN_EDGES = new Set(['web', 'cli']);

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function idOf(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null ? text((value as Record<string, unknown>).id) : undefined;
}

/** The first of `places` (most specific first) that `table` maps to a förbund. */
function first(table: Readonly<Record<string, string>> | undefined, places: readonly (string | undefined)[]): string | undefined {
  if (table === undefined) return undefined;
  for (const place of places) {
    if (place !== undefined && Object.hasOwn(table, place)) return table[place];
  }
  return undefined;
}

/**
 * The förbund the configuration gives the conversation of an activity, or undefined (then the
 * question, the conversation's remembered choice or the deployment's default decides):
 * - web chat and CLI: the förbund their edge passed (`?forbund=`, `--forbund`), else for the web
 *   chat FORBUND_CHANNELS' `web=`;
 * - Slack: FORBUND_CHANNELS' entry for the channel, else for the workspace (team id);
 * - Teams: the entry for the channel, else the team, else the tenant.
 * Ids are the ones the channels report in the activity; nothing here knows a förbund.
 */
export function configuredForbund(activity: Partial<Activity>, channels: ForbundChannels | undefined): string | undefined {
  const data = (activity.channelData ?? {}) as Record<string, unknown>;
  const channelId = activity.channelId ?? '';
  if (OWN_EDGES.has(channelId)) return text(data.forbund) ?? (channelId === 'web' ? channels?.web : undefined);
  if (channelId === 'slack') return first(channels?.slack, [text(data.channel), text(data.team)]);
  if (channelId === 'msteams') {
    const tenant = idOf(data.tenant) ?? text((activity.conversation as { tenantId?: unknown } | undefined)?.tenantId);
    return first(channels?.teams, [idOf(data.channel), idOf(data.team), tenant]);
  }
  return undefined;
}
