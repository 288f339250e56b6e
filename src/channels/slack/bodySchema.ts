import { z } from 'zod';

/**
 * The shape of every signed Slack body the receiver accepts, checked before Bolt or our listeners
 * see it (issue 15, finding 12): a field of the wrong type is the sender's fault and gets 400,
 * never a 500 that would invite Slack's retries. Only the fields something reads are typed;
 * Slack adds fields freely (loose objects). inbound.ts then decides which bodies are turns.
 */

const text = z.string();
const optionalText = z.string().optional();
const nullableText = z.string().nullish();

/** The events that become turns (inbound.ts) have their fields typed. */
const HANDLED_EVENTS = ['message', 'app_mention'] as const;
const handledEventSchema = z.looseObject({
  type: z.enum(HANDLED_EVENTS),
  user: optionalText,
  text: optionalText,
  channel: optionalText,
  ts: optionalText,
  thread_ts: optionalText,
  event_ts: optionalText,
  channel_type: optionalText,
  subtype: optionalText,
  bot_id: optionalText,
});
/**
 * Any other event is acknowledged and dropped; its fields are not ours to judge (in some, such as
 * channel_rename, `channel` is an object), and refusing them would make Slack retry them.
 */
const otherEventSchema = z.looseObject({
  type: text.refine((t) => !(HANDLED_EVENTS as readonly string[]).includes(t)),
});
const eventSchema = z.union([handledEventSchema, otherEventSchema]);

/** Events API (JSON). */
const eventsApiSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('url_verification'), challenge: text }),
  z.looseObject({
    type: z.literal('event_callback'),
    event_id: text,
    team_id: nullableText,
    enterprise_id: nullableText,
    event: eventSchema,
  }),
  // app_rate_limited and other envelopes: acknowledged, nothing is done with them.
  z.looseObject({ type: z.enum(['app_rate_limited']) }),
]);

/** A slash command (form-encoded: every value is a string, so only presence can be wrong). */
const slashCommandSchema = z.looseObject({
  command: text.regex(/^\//),
  text: optionalText,
  user_id: text,
  channel_id: text,
  team_id: optionalText,
  enterprise_id: optionalText,
  response_url: z.url().optional(),
});

const idObject = z.looseObject({ id: text });

/** Interactivity (`payload=` JSON in a form). */
const interactionSchema = z.looseObject({
  type: text,
  user: idObject,
  team: idObject.nullish(),
  enterprise: idObject.nullish(),
  channel: idObject.nullish(),
  response_url: z.url().optional(),
  container: z
    .looseObject({
      message_ts: optionalText,
      channel_id: optionalText,
      thread_ts: optionalText,
      is_ephemeral: z.boolean().optional(),
    })
    .optional(),
  message: z
    .looseObject({
      ts: optionalText,
      thread_ts: optionalText,
      blocks: z.array(z.looseObject({ type: text })).optional(),
    })
    .optional(),
  actions: z
    .array(
      z.looseObject({
        action_id: text,
        value: optionalText,
        text: z.looseObject({ text }).optional(),
      }),
    )
    .optional(),
});

/** `ssl_check=1`: Slack testing the certificate; answered 200. */
const sslCheckSchema = z.looseObject({ ssl_check: text });

export type SlackBodyKind = 'events' | 'command' | 'interaction' | 'ssl_check';

/**
 * Which kind of Slack body this is and whether it has the right shape. `form` says whether the
 * body came form-encoded and `payload` whether it was the `payload=` of an interaction.
 */
export function checkSlackBody(
  body: Record<string, unknown>,
  from: 'json' | 'form' | 'payload',
): { ok: true; kind: SlackBodyKind } | { ok: false; issue: string } {
  let kind: SlackBodyKind;
  let schema: z.ZodType;
  if (from === 'payload') [kind, schema] = ['interaction', interactionSchema];
  else if (body.ssl_check !== undefined) [kind, schema] = ['ssl_check', sslCheckSchema];
  else if (from === 'form') [kind, schema] = ['command', slashCommandSchema];
  else [kind, schema] = ['events', eventsApiSchema];
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, kind };
  const first = parsed.error.issues[0];
  return { ok: false, issue: first ? `${first.path.join('.') || '$'}: ${first.code}` : 'invalid' };
}
