import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import restify from 'restify';
import { z } from 'zod';
import type { Logger } from '../../core/log.js';
import { ClientError, badRequest } from '../../http/errors.js';
import type { InflightTracker } from '../../http/inflight.js';
import { refuseCompressed } from '../../http/jsonBody.js';
import { checkSlackBody } from './bodySchema.js';
import { EVENT_ID_TTL_MS, SIGNATURE_TTL_MS, type SeenCache } from './seenCache.js';
import { checkSlackSignature } from './verify.js';

/** The one request URL of the Slack app: events, interactivity and the slash command. */
export const SLACK_EVENTS_PATH = '/slack/events';

/** Slack's payloads are small; block_actions carry the whole message, still far below this. */
export const SLACK_BODY_LIMIT = 1024 * 1024;

/** Slack wants an answer within 3 s; past this we answer 200 ourselves and let the work go on. */
const ACK_DEADLINE_MS = 2500;

export interface SlackReceiverOptions {
  signingSecret: string;
  log: Logger;
  /** Counts background work so graceful shutdown waits for it. */
  inflight?: Pick<InflightTracker, 'track'>;
  /**
   * Remembers event ids and request signatures: a retried, duplicated or replayed request is
   * acknowledged and dropped (the server's cache lives in the state file, so also after a restart).
   */
  seen: SeenCache;
  /**
   * Run the listeners before answering the HTTP request (answer = what they acked). Off in
   * production (Slack's 3-second window); on in tests, so a response means the work is done.
   */
  processBeforeResponse?: boolean;
  /** Milliseconds since epoch, for the signature's five-minute window; injectable for tests. */
  nowMs?: () => number;
}

type Body = Record<string, unknown>;

const objectSchema = z.record(z.string(), z.unknown());

/** Parses a verified body: JSON (Events API) or form-encoded (slash commands; interactivity as `payload=`). */
function parseBody(raw: string, contentType: string): { body: Body; from: 'json' | 'form' | 'payload' } {
  try {
    if (contentType === 'application/x-www-form-urlencoded') {
      const form = new URLSearchParams(raw);
      const payload = form.get('payload');
      if (payload !== null) return { body: objectSchema.parse(JSON.parse(payload)), from: 'payload' };
      return { body: Object.fromEntries(form.entries()), from: 'form' };
    }
    return { body: objectSchema.parse(JSON.parse(raw)), from: 'json' };
  } catch {
    throw badRequest('Förfrågan från Slack kunde inte tolkas.', 'invalid_slack_body');
  }
}

function headerValue(req: restify.Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Bolt's transport on our restify server (a Bolt `Receiver`: init/start/stop, and each request
 * handed to `app.processEvent` as `{ body, ack, retryNum, retryReason }`). It verifies Slack's
 * signature on the raw body before parsing anything, answers url_verification, drops retried and
 * duplicate events, and answers within Slack's 3-second window while the turn goes on.
 */
export class RestifySlackReceiver implements Receiver {
  private app: App | undefined;
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly options: SlackReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }

  /** The restify server listens on its own (main.ts); nothing to start. */
  async start(): Promise<void> {}

  /** Waits for turns still running after their request was answered. */
  async stop(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  /** Adds `POST /slack/events` to the server. */
  install(server: restify.Server): void {
    // restify's bodyReader inflates gzip without a bound before anything could check the
    // signature; Slack never compresses its requests, so compressed bodies are refused unread.
    server.post(SLACK_EVENTS_PATH, refuseCompressed, restify.plugins.bodyReader({ maxBodySize: SLACK_BODY_LIMIT }), async (req, res) =>
      this.handle(req, res),
    );
  }

  private async handle(req: restify.Request, res: restify.Response): Promise<void> {
    const { log } = this.options;
    const rawBody: string = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : typeof req.body === 'string' ? req.body : '';
    const check = checkSlackSignature(
      this.options.signingSecret,
      { rawBody, signature: headerValue(req, 'x-slack-signature'), timestamp: headerValue(req, 'x-slack-request-timestamp') },
      (this.options.nowMs ?? Date.now)(),
    );
    if (!check.ok) {
      log.warn('slack_signature_rejected', { problem: check.problem, requestId: req.getId() });
      throw new ClientError(401, 'Förfrågan är inte signerad av Slack.', 'invalid_signature');
    }

    const { body, from } = parseBody(rawBody, req.contentType());
    const shape = checkSlackBody(body, from);
    if (!shape.ok) {
      log.warn('slack_body_rejected', { issue: shape.issue, requestId: req.getId() });
      throw badRequest('Förfrågan från Slack har fel format.', 'invalid_slack_body');
    }
    if (shape.kind === 'ssl_check') {
      res.send(200);
      return;
    }
    if (body.type === 'url_verification') {
      res.json(200, { challenge: body.challenge });
      return;
    }
    const retryNum = Number.parseInt(headerValue(req, 'x-slack-retry-num') ?? '', 10);
    const retryReason = headerValue(req, 'x-slack-retry-reason');
    // Slack's retries of an event carry the same event_id under a new signature; any other signed
    // request (slash command, button) is one of a kind, so seeing its signature again is a replay.
    const eventId = typeof body.event_id === 'string' ? body.event_id : undefined;
    const key = eventId !== undefined ? `event:${eventId}` : `signature:${headerValue(req, 'x-slack-signature') ?? ''}`;
    if (await this.options.seen.checkAndRemember(key, eventId !== undefined ? EVENT_ID_TTL_MS : SIGNATURE_TTL_MS)) {
      log.info('slack_duplicate_request', { kind: shape.kind, eventId, retryNum: Number.isNaN(retryNum) ? 0 : retryNum, retryReason });
      res.send(200);
      return;
    }
    await this.dispatch(body, Number.isNaN(retryNum) ? undefined : retryNum, retryReason, res);
  }

  private async dispatch(body: Body, retryNum: number | undefined, retryReason: string | undefined, res: restify.Response): Promise<void> {
    const app = this.app;
    if (!app) throw new Error('RestifySlackReceiver: init(app) har inte anropats');
    const { log } = this.options;

    let acked = false;
    let ackBody: unknown;
    let signalAck: () => void = () => undefined;
    const ackedNow = new Promise<void>((resolve) => {
      signalAck = resolve;
    });
    const event: ReceiverEvent = {
      body,
      retryNum,
      retryReason,
      ack: async (response?: unknown) => {
        if (acked) {
          log.warn('slack_ack_repeated', {});
          return;
        }
        acked = true;
        ackBody = response;
        signalAck();
      },
    };

    let failed = false;
    const work = app.processEvent(event).catch((error: unknown) => {
      failed = true;
      log.error('slack_process_failed', { type: typeof body.type === 'string' ? body.type : undefined }, error);
    });
    const tracked = this.options.inflight ? this.options.inflight.track(work) : work;
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));

    if (this.options.processBeforeResponse) {
      await work;
    } else {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          if (!acked) log.warn('slack_ack_deadline', { type: typeof body.type === 'string' ? body.type : undefined });
          resolve();
        }, ACK_DEADLINE_MS);
      });
      await Promise.race([ackedNow, work, deadline]);
      clearTimeout(timer);
    }

    if (res.headersSent) return;
    if (failed && !acked) {
      res.send(500);
    } else if (ackBody === undefined || ackBody === '') {
      res.send(200);
    } else if (typeof ackBody === 'string') {
      res.header('Content-Type', 'text/plain; charset=utf-8');
      res.send(200, ackBody);
    } else {
      res.json(200, ackBody);
    }
  }
}
