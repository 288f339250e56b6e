/** Teams-shaped Bot Framework activities for tests (as the Teams channel sends them to /api/messages). */

export const TEAMS_BOT = { id: '28:11111111-2222-3333-4444-555555555555', name: 'Samverkansboten' } as const;
export const TEAMS_USER = { id: '29:user-1', name: 'Handläggare Ett', aadObjectId: 'aad-user-1' } as const;
export const TENANT_ID = 'tenant-1';

export type TeamsScope = 'personal' | 'groupChat' | 'channel';

export interface TeamsActivityOptions {
  serviceUrl: string;
  scope?: TeamsScope;
  /** Conversation id; defaults per scope (a channel's includes `;messageid=` of the thread root). */
  conversationId?: string;
  id?: string;
  text?: string;
  value?: unknown;
  /** Prefix the text with `<at>Samverkansboten</at>` and add the mention entity. */
  mention?: boolean;
}

const DEFAULT_CONVERSATIONS: Record<TeamsScope, string> = {
  personal: 'a:personal-conversation-1',
  groupChat: '19:group-chat-1@thread.v2',
  channel: '19:kanal-ssg@thread.tacv2;messageid=1700000000000',
};

let counter = 0;

function base(options: TeamsActivityOptions): Record<string, unknown> {
  const scope = options.scope ?? 'personal';
  const conversationId = options.conversationId ?? DEFAULT_CONVERSATIONS[scope];
  const channelId = conversationId.split(';')[0] ?? conversationId;
  return {
    id: options.id ?? `17000000${String(++counter).padStart(5, '0')}`,
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    timestamp: '2026-11-23T09:00:00.000Z',
    localTimestamp: '2026-11-23T10:00:00.000+01:00',
    locale: 'sv-SE',
    from: { ...TEAMS_USER },
    recipient: { ...TEAMS_BOT },
    conversation: {
      id: conversationId,
      conversationType: scope,
      tenantId: TENANT_ID,
      ...(scope === 'personal' ? {} : { isGroup: true }),
    },
    channelData:
      scope === 'channel'
        ? { tenant: { id: TENANT_ID }, teamsChannelId: channelId, teamsTeamId: '19:team-1@thread.tacv2', channel: { id: channelId }, team: { id: '19:team-1@thread.tacv2' } }
        : { tenant: { id: TENANT_ID } },
  };
}

/** A message from Teams. */
export function teamsMessage(options: TeamsActivityOptions): Record<string, unknown> {
  const mentionText = `<at>${TEAMS_BOT.name}</at>`;
  const text = options.mention ? `${mentionText} ${options.text ?? ''}` : options.text;
  return {
    ...base(options),
    type: 'message',
    textFormat: 'plain',
    ...(text === undefined ? {} : { text }),
    ...(options.value === undefined ? {} : { value: options.value }),
    ...(options.mention
      ? { entities: [{ type: 'mention', text: mentionText, mentioned: { id: TEAMS_BOT.id, name: TEAMS_BOT.name } }, { type: 'clientInfo', locale: 'sv-SE' }] }
      : {}),
  };
}

/** The conversationUpdate Teams sends when the bot is added to a team, group chat or personal scope. */
export function teamsBotAdded(options: TeamsActivityOptions): Record<string, unknown> {
  return { ...base(options), type: 'conversationUpdate', membersAdded: [{ id: TEAMS_BOT.id }] };
}

/** A member (not the bot) joining a conversation the bot is already in. */
export function teamsMemberAdded(options: TeamsActivityOptions): Record<string, unknown> {
  return { ...base(options), type: 'conversationUpdate', membersAdded: [{ id: '29:new-member' }] };
}

/** The installationUpdate that accompanies an installation. */
export function teamsInstallationUpdate(options: TeamsActivityOptions, action: 'add' | 'remove'): Record<string, unknown> {
  return { ...base(options), type: 'installationUpdate', action };
}
