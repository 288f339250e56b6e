import { z } from 'zod';
import { MAX_TEXT_LENGTH } from '../../core/textLimit.js';
import { badRequest, type ClientError } from '../../http/errors.js';

/** Longest question the web channel accepts: the core's limit; the page's input has the same maxlength. */
export { MAX_TEXT_LENGTH };

/** Conversation ids are ours (crypto.randomUUID); anything else cannot name a conversation. */
const CONVERSATION_ID = /^[A-Za-z0-9-]{1,64}$/;

/** Swedish message per problem; the zod issues carry these codes as their message. */
const MESSAGES = {
  invalid_body: 'Skicka ett JSON-objekt, t.ex. {"text": "hjälp"}.',
  missing_text: 'Fältet "text" saknas.',
  invalid_text: 'Fältet "text" måste vara en textsträng.',
  empty_text: 'Skriv en fråga – "text" får inte vara tom.',
  text_too_long: `Frågan är för lång (högst ${MAX_TEXT_LENGTH.toLocaleString('sv-SE')} tecken).`,
  invalid_conversation_id: 'Ogiltigt conversationId. Starta ett nytt samtal.',
  invalid_forbund: 'Ogiltigt förbund i "forbund" (adressens ?forbund=): ange ett förbunds id, t.ex. mappnamnet under data/.',
} as const;
type ProblemCode = keyof typeof MESSAGES;

const problem = (code: ProblemCode): { error: ProblemCode } => ({ error: code });

export const chatRequestSchema = z.object(
  {
    conversationId: z
      .string(problem('invalid_conversation_id'))
      .regex(CONVERSATION_ID, problem('invalid_conversation_id'))
      // null means "no conversation yet", like an absent field.
      .nullish(),
    text: z
      .string({ error: (issue) => (issue.input === undefined ? 'missing_text' : 'invalid_text') })
      .max(MAX_TEXT_LENGTH, problem('text_too_long'))
      .refine((text) => text.trim().length > 0, problem('empty_text')),
    /** The förbund the conversation belongs to (the page's ?forbund=); whether it exists is checked by the route. */
    forbund: z.string(problem('invalid_forbund')).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, problem('invalid_forbund')).nullish(),
  },
  problem('invalid_body'),
);
export type ChatRequest = z.infer<typeof chatRequestSchema>;

function isProblemCode(code: string): code is ProblemCode {
  return code in MESSAGES;
}

/** Validates a POST /chat body; the error names the first problem in Swedish. */
export function parseChatRequest(body: unknown): { ok: true; request: ChatRequest } | { ok: false; error: ClientError } {
  const result = chatRequestSchema.safeParse(body);
  if (result.success) return { ok: true, request: result.data };
  const first = result.error.issues[0]?.message ?? 'invalid_body';
  const code: ProblemCode = isProblemCode(first) ? first : 'invalid_body';
  return { ok: false, error: badRequest(MESSAGES[code], code) };
}
