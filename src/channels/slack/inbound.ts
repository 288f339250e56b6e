import { z } from 'zod';

/**
 * Slack request bodies → one turn of the conversation core. Pure functions: the listeners in
 * slackApp.ts call them and do the I/O. Only the fields we read are checked (safeParse at the
 * boundary); Slack adds fields freely.
 */

/** Where the answer to a turn goes. */
export type ReplyTarget =
  /** chat.postMessage into a channel, in a thread when `threadTs` is set. */
  | { kind: 'post'; channel: string; threadTs?: string }
  /** The request's response_url (slash commands and buttons on ephemeral messages): only the user sees it. */
  | { kind: 'respond' };

export interface SlackTurn {
  /** `team:channel`, `team:channel:thread_ts`, or `team:channel:user` for ephemeral conversations. */
  conversationId: string;
  userId: string;
  text: string;
  target: ReplyTarget;
  /** Where in Slack the turn happened; goes to the activity's channelData (subscriptions need the channel id). */
  place: { team: string; channel: string; threadTs?: string };
}

/** The Slack workspace of a body; enterprise-wide installs may lack a team, then the enterprise names it. */
function workspaceOf(ids: { team?: string | null; enterprise?: string | null }): string {
  return ids.team ?? ids.enterprise ?? 'slack';
}

const messageEventSchema = z.looseObject({
  type: z.enum(['message', 'app_mention']),
  user: z.string().optional(),
  text: z.string().optional(),
  channel: z.string(),
  ts: z.string(),
  thread_ts: z.string().optional(),
  channel_type: z.string().optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
});

const eventEnvelopeSchema = z.looseObject({
  team_id: z.string().nullish(),
  enterprise_id: z.string().nullish(),
  event: messageEventSchema,
});

/**
 * A direct message or an @-mention → a turn, or undefined when it is not for us: edits,
 * deletions and other subtypes, messages from bots (ours included), channel messages without a
 * mention (the mention comes as its own app_mention event), and messages left empty once the
 * mention is stripped.
 */
export function turnFromEvent(body: unknown, botUserId: string | undefined): SlackTurn | undefined {
  const parsed = eventEnvelopeSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { event } = parsed.data;
  if (event.subtype !== undefined || event.bot_id !== undefined || !event.user) return undefined;
  if (botUserId !== undefined && event.user === botUserId) return undefined;
  const isDirect = event.type === 'message' && event.channel_type === 'im';
  if (event.type === 'message' && !isDirect) return undefined;
  const text = slackTextToPlain(event.text ?? '', botUserId);
  if (text === '') return undefined;
  const team = workspaceOf({ team: parsed.data.team_id, enterprise: parsed.data.enterprise_id });
  // A mention in a channel starts (or continues) a thread, so the channel is not flooded; a DM
  // stays flat unless the user wrote in a thread.
  const threadTs = isDirect ? event.thread_ts : (event.thread_ts ?? event.ts);
  return {
    conversationId: conversationKey(team, event.channel, threadTs),
    userId: event.user,
    text,
    target: { kind: 'post', channel: event.channel, threadTs },
    place: { team, channel: event.channel, threadTs },
  };
}

export const slashCommandSchema = z.looseObject({
  command: z.string(),
  text: z.string().default(''),
  team_id: z.string().nullish(),
  enterprise_id: z.string().nullish(),
  channel_id: z.string(),
  user_id: z.string(),
});

/** What `/samverkan` alone asks: the help menu. */
export const EMPTY_COMMAND_TEXT = 'hjälp';

/**
 * `/samverkan <fråga>` → a turn. The answer is ephemeral (only the asker sees it, and the bot
 * need not be a member of the channel), so the conversation is the user's own within the channel.
 */
export function turnFromCommand(body: unknown): SlackTurn | undefined {
  const parsed = slashCommandSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const c = parsed.data;
  const team = workspaceOf({ team: c.team_id, enterprise: c.enterprise_id });
  const text = slackTextToPlain(c.text, undefined);
  return {
    conversationId: `${team}:${c.channel_id}:${c.user_id}`,
    userId: c.user_id,
    text: text === '' ? EMPTY_COMMAND_TEXT : text,
    target: { kind: 'respond' },
    place: { team, channel: c.channel_id },
  };
}

const blockActionsSchema = z.looseObject({
  type: z.literal('block_actions'),
  team: z.looseObject({ id: z.string() }).nullish(),
  enterprise: z.looseObject({ id: z.string() }).nullish(),
  user: z.looseObject({ id: z.string() }),
  channel: z.looseObject({ id: z.string() }).optional(),
  container: z.looseObject({
    message_ts: z.string().optional(),
    channel_id: z.string().optional(),
    thread_ts: z.string().optional(),
    is_ephemeral: z.boolean().optional(),
  }),
  message: z
    .looseObject({
      ts: z.string().optional(),
      thread_ts: z.string().optional(),
      blocks: z.array(z.looseObject({ type: z.string() })).optional(),
    })
    .optional(),
  actions: z
    .array(
      z.looseObject({
        action_id: z.string(),
        value: z.string().optional(),
        text: z.looseObject({ text: z.string() }).optional(),
      }),
    )
    .min(1),
});
export type BlockActionsBody = z.infer<typeof blockActionsSchema>;

export interface ButtonPress {
  turn: SlackTurn;
  /** The message holding the button (to replace its buttons with the choice), when not ephemeral. */
  message?: { channel: string; ts: string; blocks: unknown[] };
  /** The button's label, for the "… valde X" line. */
  label: string;
  /** Identifies the pressed message: a second press on it is ignored. */
  pressKey: string;
}

/**
 * A press on one of our choice buttons → the next turn of the same conversation, with the
 * button's value as what the user "said". The conversation is found the way the message that
 * carried the button was posted: its thread, the channel, or the user's ephemeral conversation.
 */
export function pressFromActions(body: unknown): ButtonPress | undefined {
  const parsed = blockActionsSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const b = parsed.data;
  const action = b.actions[0];
  const channel = b.channel?.id ?? b.container.channel_id;
  const messageTs = b.container.message_ts ?? b.message?.ts;
  if (!action || action.value === undefined || !channel || !messageTs) return undefined;
  const team = workspaceOf({ team: b.team?.id, enterprise: b.enterprise?.id });
  const label = action.text?.text ?? action.value;
  const pressKey = `press:${team}:${channel}:${messageTs}`;
  if (b.container.is_ephemeral) {
    return {
      turn: {
        conversationId: `${team}:${channel}:${b.user.id}`,
        userId: b.user.id,
        text: action.value,
        target: { kind: 'respond' },
        place: { team, channel },
      },
      label,
      pressKey,
    };
  }
  const threadTs = b.message?.thread_ts ?? b.container.thread_ts;
  return {
    turn: {
      conversationId: conversationKey(team, channel, threadTs),
      userId: b.user.id,
      text: action.value,
      target: { kind: 'post', channel, threadTs },
      place: { team, channel, threadTs },
    },
    message: { channel, ts: messageTs, blocks: b.message?.blocks ?? [] },
    label,
    pressKey,
  };
}

export function conversationKey(team: string, channel: string, threadTs: string | undefined): string {
  return threadTs ? `${team}:${channel}:${threadTs}` : `${team}:${channel}`;
}

/**
 * Slack's message markup → the plain text a user meant: our own mention removed, other mentions,
 * channel links and links shown by their label, `&amp; &lt; &gt;` unescaped, spaces collapsed
 * within each line. Line breaks are kept: a pasted CSV (the kansli's chat import) is one row per line.
 */
export function slackTextToPlain(text: string, botUserId: string | undefined): string {
  const replaced = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const [target = '', label] = inner.split('|', 2);
    if (target.startsWith('@')) {
      const id = target.slice(1);
      if (botUserId !== undefined && id === botUserId) return ' ';
      return `@${label ?? id}`;
    }
    if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
    if (target.startsWith('!')) return `@${label ?? target.slice(1).split('^')[0]}`;
    return label ?? target.replace(/^mailto:/, '');
  });
  const unescaped = replaced.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return unescaped
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .replace(/^[:,][^\S\n]*/, '');
}
