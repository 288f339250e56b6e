import type restify from 'restify';
import type { Logger } from '../core/log.js';
import { toPublicError } from './errors.js';

/** Request context for log lines: never the body, never the query string (both may hold user text). */
export function requestFields(req: restify.Request): Record<string, string> {
  return {
    requestId: req.getId(),
    method: req.method ?? '',
    route: req.getRoute()?.path.toString() ?? req.getPath(),
  };
}

/**
 * The one error handler. Every error passed on by a route (thrown in an async handler or given to
 * next) and every error restify raises itself (404, 405, body parsing) ends here: it is logged with
 * the request context, and the client gets JSON `{ error, code }` — the Swedish message for 4xx,
 * one plain line for 5xx.
 */
export function installErrorHandler(server: restify.Server, log: Logger): void {
  server.on('restifyError', (req: restify.Request, res: restify.Response, err: unknown, callback: () => void) => {
    const { statusCode, body } = toPublicError(err);
    const fields = { ...requestFields(req), status: statusCode, code: body.code };
    if (statusCode >= 500) {
      log.error('http_error', fields, err);
    } else {
      // 4xx messages from parsers can quote the body (e.g. JSON.parse), so only the code is logged.
      log.warn('http_client_error', { ...fields, errorName: err instanceof Error ? err.name : typeof err });
    }
    if (!res.headersSent) {
      res.header('Cache-Control', 'no-store');
      res.json(statusCode, body);
    }
    return callback();
  });
}
