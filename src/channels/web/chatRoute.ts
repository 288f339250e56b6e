import { randomUUID } from 'node:crypto';
import type restify from 'restify';
import type { ConversationCore } from '../../core/conversationCore.js';
import type { Reply } from '../../core/reply.js';
import { badRequest } from '../../http/errors.js';
import type { InflightTracker } from '../../http/inflight.js';
import { jsonBody } from '../../http/jsonBody.js';
import { parseChatRequest } from './chatRequest.js';
import { renderReplyHtml, webSourceGroups, type WebSourceGroup } from './renderHtml.js';

/** The web channel's id in the conversation core (and in conversation state keys). */
export const WEB_CHANNEL_ID = 'web';

/** Largest POST /chat body; a question is at most 2,000 characters, so this is generous. */
export const CHAT_BODY_LIMIT = 64 * 1024;

export interface ChatResponse {
  conversationId: string;
  replies: Reply[];
  /** The same replies rendered by renderReplyHtml, for clients that show HTML as is. */
  html: string[];
  /** Per reply, its sources grouped per document (short title and date, sections), as the page lists them. */
  sourceGroups: WebSourceGroup[][];
}

/**
 * POST /chat `{ conversationId?, text, forbund? }` → `{ conversationId, replies, html, sourceGroups }`: one turn of the web
 * channel through the conversation core. A new conversation gets a server-generated id; an id the
 * core does not know is refused, so a client cannot pick or guess its way into someone's dialog.
 * `forbund` (the page's ?forbund=) says which förbund the conversation belongs to; `forbundIds`
 * gives the förbund the data has, and an unknown one is refused with their list.
 */
export function installChatRoute(
  server: restify.Server,
  core: ConversationCore,
  inflight: InflightTracker,
  guards: restify.RequestHandler[] = [],
  forbundIds: () => readonly string[] = () => [],
): void {
  server.post('/chat', ...guards, ...jsonBody(CHAT_BODY_LIMIT), async (req: restify.Request, res: restify.Response) => {
    const parsed = parseChatRequest(req.body);
    if (!parsed.ok) throw parsed.error;
    const { text, forbund } = parsed.request;
    if (forbund && !forbundIds().includes(forbund)) {
      throw badRequest(`Förbundet "${forbund}" (adressens ?forbund=) finns inte här. Kända förbund: ${forbundIds().join(', ')}.`, 'unknown_forbund');
    }
    let conversationId = parsed.request.conversationId;
    if (conversationId) {
      if (!(await core.hasConversation(WEB_CHANNEL_ID, conversationId))) {
        throw badRequest('Samtalet finns inte längre. Starta ett nytt samtal.', 'unknown_conversation');
      }
    } else {
      conversationId = randomUUID();
    }
    // The web chat has no login: each conversation is its own anonymous user, so no web visitor
    // shares user state with another or matches a configured role (KANSLI_USERS).
    const userId = `anon-${conversationId}`;
    const channelData = forbund ? { forbund } : undefined;
    const replies = await inflight.track(core.ask({ channelId: WEB_CHANNEL_ID, conversationId, userId, text, ...(channelData ? { channelData } : {}) }));
    const response: ChatResponse = { conversationId, replies, html: replies.map(renderReplyHtml), sourceGroups: replies.map(webSourceGroups) };
    res.header('Cache-Control', 'no-store');
    res.json(200, response);
  });
}
