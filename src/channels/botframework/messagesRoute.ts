import type { ActivityHandler } from 'botbuilder';
import type restify from 'restify';
import { z } from 'zod';
import { ClientError, badRequest } from '../../http/errors.js';
import type { InflightTracker } from '../../http/inflight.js';
import { jsonBody } from '../../http/jsonBody.js';
import type { SamverkansCloudAdapter } from '../teams/cloudAdapter.js';

/** Bot Framework activities are small JSON; Teams caps a message at about 28 KB. */
export const ACTIVITY_BODY_LIMIT = 256 * 1024;

/**
 * The part of an activity we check before the adapter sees it: the CloudAdapter answers 500 to a
 * body without a `type`, and the rest of its checks are its own.
 */
const activityEnvelopeSchema = z.looseObject({
  type: z.string().min(1),
  conversation: z.looseObject({ id: z.string() }).optional(),
  serviceUrl: z.string().optional(),
});

/** True for http(s) URLs on this machine (localhost, 127.0.0.0/8, ::1). */
export function isLoopbackUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  const host = parsed.hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * POST /api/messages — the Bot Framework protocol endpoint, handing each activity to the core's bot.
 * Without credentials (`authenticated: false`) nothing proves who sent an activity, and the bot
 * would POST its reply to whatever serviceUrl the sender named; so that mode only answers
 * activities whose serviceUrl is on this machine (the Emulator, tests).
 */
export function installMessagesRoute(
  server: restify.Server,
  adapter: SamverkansCloudAdapter,
  bot: ActivityHandler,
  inflight: InflightTracker,
  authenticated: boolean,
): void {
  server.post('/api/messages', ...jsonBody(ACTIVITY_BODY_LIMIT), async (req: restify.Request, res: restify.Response) => {
    const envelope = activityEnvelopeSchema.safeParse(req.body);
    if (!envelope.success) {
      throw badRequest('Ogiltig aktivitet: ett JSON-objekt med fältet "type" krävs.', 'invalid_activity');
    }
    const { serviceUrl } = envelope.data;
    if (!authenticated && serviceUrl !== undefined && !isLoopbackUrl(serviceUrl)) {
      throw new ClientError(
        403,
        'Oautentiserat lokalt läge: aktiviteter tas bara emot med en serviceUrl på den här datorn. Sätt MicrosoftAppId för att ta emot trafik från Bot Framework.',
        'unauthenticated_remote',
      );
    }
    const body = req.body as Record<string, unknown>;
    // processRequest, not adapter.process: a refused token must be a 401 (process answers some with 500).
    const invokeResponse = await inflight.track(adapter.processRequest(req.header('authorization', ''), body, (context) => bot.run(context)));
    if (invokeResponse?.body !== undefined) res.send(invokeResponse.status, invokeResponse.body);
    else res.send(invokeResponse?.status ?? 200);
  });
}
