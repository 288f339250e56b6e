import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type restify from 'restify';
import { z } from 'zod';
import { badRequest } from '../../http/errors.js';
import type { InflightTracker } from '../../http/inflight.js';
import { jsonBody } from '../../http/jsonBody.js';

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

/** POST /api/messages — the Bot Framework protocol endpoint, handing each activity to the core's bot. */
export function installMessagesRoute(
  server: restify.Server,
  adapter: CloudAdapter,
  bot: ActivityHandler,
  inflight: InflightTracker,
): void {
  server.post('/api/messages', ...jsonBody(ACTIVITY_BODY_LIMIT), async (req: restify.Request, res: restify.Response) => {
    if (!activityEnvelopeSchema.safeParse(req.body).success) {
      throw badRequest('Ogiltig aktivitet: ett JSON-objekt med fältet "type" krävs.', 'invalid_activity');
    }
    await inflight.track(adapter.process(req, res, (context) => bot.run(context)));
  });
}
