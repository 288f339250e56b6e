import restify from 'restify';
import { ClientError, badRequest, payloadTooLarge } from './errors.js';

/**
 * restify's body parser for one route, with that route's size limit. `mapParams: false` keeps the
 * body out of req.params (the CloudAdapter needs req.body as the object), and the parser leaves
 * the unparsed text in `req.rawBody`, which signature checks (Slack) need.
 * Parser failures become ClientErrors with Swedish messages.
 */
export function jsonBody(maxBytes: number): restify.RequestHandler[] {
  const parse = restify.plugins
    .bodyParser({ mapParams: false, maxBodySize: maxBytes })
    .map((handler): restify.RequestHandler => (req, res, next) => {
      handler(req, res, (err?: unknown) => next(translate(err, maxBytes)));
    });
  return [refuseCompressed, ...parse];
}

/**
 * restify counts the limit on the compressed bytes and inflates gzip without a bound, so a small
 * gzip body could expand to many megabytes. No client of ours compresses requests (nor does Slack),
 * so every body reader puts this first.
 */
export const refuseCompressed: restify.RequestHandler = (req, _res, next) => {
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
    next(new ClientError(415, 'Komprimerade förfrågningar stöds inte.', 'unsupported_encoding'));
    return;
  }
  next();
};

function translate(err: unknown, maxBytes: number): unknown {
  if (!(err instanceof Error) || err instanceof ClientError) return err;
  switch (err.name) {
    case 'PayloadTooLargeError':
    case 'RequestEntityTooLargeError':
      return payloadTooLarge(maxBytes);
    case 'InvalidContentError':
      return badRequest('Förfrågan innehåller ogiltig JSON.', 'invalid_json');
    default:
      return err;
  }
}
