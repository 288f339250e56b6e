import type { ActivityHandler } from 'botbuilder';
import type restify from 'restify';
import { z } from 'zod';
import { badRequest } from '../../http/errors.js';
import type { InflightTracker } from '../../http/inflight.js';
import { jsonBody } from '../../http/jsonBody.js';
import type { SamverkansCloudAdapter } from '../teams/cloudAdapter.js';
import { localModeRefusal, type LocalModeSettings } from './localMode.js';

/** Bot Framework activities are small JSON; Teams caps a message at about 28 KB. */
export const ACTIVITY_BODY_LIMIT = 256 * 1024;

/**
 * The part of an activity we check before the adapter sees it: the CloudAdapter answers 500 to a
 * body without a `type`, and the rest of its checks are its own.
 */
const activityEnvelopeSchema = z.looseObject({
  type: z.string().min(1),
  conversation: z.looseObject({ id: z.string() }).optional(),
  channelId: z.string().optional(),
  serviceUrl: z.string().optional(),
});

/**
 * POST /api/messages — the Bot Framework protocol endpoint, handing each activity to the core's bot.
 * Without credentials (`local` given) nothing proves who sent an activity: the local mode's rules
 * (./localMode.ts) decide which activities may run.
 */
export function installMessagesRoute(
  server: restify.Server,
  adapter: SamverkansCloudAdapter,
  bot: ActivityHandler,
  inflight: InflightTracker,
  local: LocalModeSettings | undefined,
  guards: restify.RequestHandler[] = [],
): void {
  server.post('/api/messages', ...guards, ...jsonBody(ACTIVITY_BODY_LIMIT), async (req: restify.Request, res: restify.Response) => {
    const envelope = activityEnvelopeSchema.safeParse(req.body);
    if (!envelope.success) {
      throw badRequest('Ogiltig aktivitet: ett JSON-objekt med fältet "type" krävs.', 'invalid_activity');
    }
    const refusal = local ? localModeRefusal(envelope.data, local) : undefined;
    if (refusal) throw refusal;
    const body = req.body as Record<string, unknown>;
    // processRequest, not adapter.process: a refused token must be a 401 (process answers some with 500).
    const invokeResponse = await inflight.track(adapter.processRequest(req.header('authorization', ''), body, (context) => bot.run(context)));
    if (invokeResponse?.body !== undefined) res.send(invokeResponse.status, invokeResponse.body);
    else res.send(invokeResponse?.status ?? 200);
  });
}
