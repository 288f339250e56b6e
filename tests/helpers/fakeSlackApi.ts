import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the fake Slack: a Web API method, or a POST to a response_url. */
export interface SlackCall {
  /** `chat.postMessage`, `auth.test`, … or `response_url` for POSTs to /response/<id>. */
  method: string;
  /** For response_url calls: the <id> part. */
  responseId?: string;
  authorization: string | undefined;
  /** Form fields with JSON values (blocks, metadata) decoded, or the JSON body. */
  args: Record<string, unknown>;
  /** When the call arrived (ms since epoch). */
  at: number;
  /** What the fake answered (for chat.postMessage: `{ ok, channel, ts }`); undefined for a 429. */
  response?: Record<string, unknown>;
}

/** A scripted answer to the next call of a method. */
export type Scripted =
  | { status: 429; retryAfterSeconds: number }
  | { error: string }
  /** A successful answer with these fields (e.g. a page of conversations.history). */
  | { page: Record<string, unknown> };

/** A message the fake "posted" (kept per channel for conversations.history). */
interface Posted {
  channel: string;
  ts: string;
  text: unknown;
  thread_ts?: unknown;
  metadata?: unknown;
}

export interface FakeSlackApi {
  /** The Web API base, ending with `/api/` like https://slack.com/api/. */
  apiUrl: string;
  /** A response_url the fake accepts (`…/response/<id>`). */
  responseUrl(id: string): string;
  calls: SlackCall[];
  /** Calls of one method. */
  callsOf(method: string): SlackCall[];
  /** The answer to the next call(s) of `method`, in order; afterwards calls succeed again. */
  script(method: string, ...answers: Scripted[]): void;
  /** Resolves once `count` calls of `method` have arrived (rejects after `timeoutMs`). */
  waitFor(method: string, count: number, timeoutMs?: number): Promise<SlackCall[]>;
  close(): Promise<void>;
}

export const FAKE_BOT = { userId: 'UBOT0001', botId: 'BBOT0001', teamId: 'T0000001' } as const;

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return {};
  if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(text) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    // The WebClient sends objects (blocks, metadata) as JSON strings inside the form.
    args[key] = /^[[{]/.test(value) ? (JSON.parse(value) as unknown) : value;
  }
  return args;
}

/**
 * A stand-in for Slack's Web API (and response_urls) on 127.0.0.1: records every call and answers
 * like Slack — auth.test, chat.postMessage (with a ts), chat.update, conversations.history (from
 * what was posted, with metadata) — or as scripted (429 with Retry-After, a platform error).
 */
export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: SlackCall[] = [];
  const scripts = new Map<string, Scripted[]>();
  const posted: Posted[] = [];
  let waiters: Array<() => void> = [];
  let tsCounter = 0;
  const nextTs = (): string => `1795000000.${String(++tsCounter).padStart(6, '0')}`;

  const answer = (method: string, args: Record<string, unknown>): Record<string, unknown> => {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: FAKE_BOT.userId, bot_id: FAKE_BOT.botId, team_id: FAKE_BOT.teamId, user: 'samverkansboten' };
      case 'chat.postMessage': {
        const message: Posted = {
          channel: String(args.channel),
          ts: nextTs(),
          text: args.text,
          thread_ts: args.thread_ts,
          metadata: args.metadata,
        };
        posted.push(message);
        return { ok: true, channel: message.channel, ts: message.ts, message: { text: args.text, ts: message.ts } };
      }
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts };
      case 'conversations.history': {
        const messages = posted
          .filter((m) => m.channel === args.channel)
          .reverse()
          .map((m) => ({ type: 'message', ts: m.ts, text: m.text, ...(args.include_all_metadata ? { metadata: m.metadata } : {}) }));
        return { ok: true, messages, has_more: false };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  };

  const server: Server = createServer((req, res) => {
    void readBody(req).then(
      (args) => {
        const url = req.url ?? '';
        const response = /^\/response\/([^/?]+)/.exec(url);
        const method = response ? 'response_url' : url.replace(/^\/api\//, '').split('?')[0] ?? '';
        const call: SlackCall = { method, responseId: response?.[1], authorization: req.headers.authorization, args, at: Date.now() };
        calls.push(call);
        const ready = waiters;
        waiters = [];
        ready.forEach((wake) => wake());

        const scripted = scripts.get(method)?.shift();
        if (scripted && 'status' in scripted) {
          res.writeHead(429, { 'Retry-After': String(scripted.retryAfterSeconds), 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
          return;
        }
        if (response) {
          res.writeHead(200, { 'Content-Type': 'text/plain' });
          res.end('ok');
          return;
        }
        const body = !scripted ? answer(method, args) : 'error' in scripted ? { ok: false, error: scripted.error } : { ok: true, ...scripted.page };
        call.response = body;
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(body));
      },
      () => {
        res.writeHead(400);
        res.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const callsOf = (method: string): SlackCall[] => calls.filter((c) => c.method === method);

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${id}`,
    calls,
    callsOf,
    script(method, ...answers) {
      scripts.set(method, [...(scripts.get(method) ?? []), ...answers]);
    },
    waitFor(method, count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`fake Slack: expected ${count} ${method} call(s), got ${callsOf(method).length}`)),
          timeoutMs,
        );
        const check = (): void => {
          if (callsOf(method).length >= count) {
            clearTimeout(timer);
            resolve(callsOf(method));
          } else {
            waiters.push(check);
          }
        };
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Slack's request signature: `v0=` + HMAC-SHA256 of `v0:<timestamp>:<body>` with the signing secret. */
export function slackSignature(signingSecret: string, timestampSeconds: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestampSeconds}:${body}`).digest('hex')}`;
}

export interface SignedPost {
  status: number;
  text: string;
}

/** POSTs `body` to the bot's /slack/events signed like Slack (or with the given header overrides). */
export async function postSigned(
  url: string,
  body: string,
  options: {
    signingSecret: string;
    timestampSeconds: number;
    contentType?: 'application/json' | 'application/x-www-form-urlencoded';
    headers?: Record<string, string | undefined>;
  },
): Promise<SignedPost> {
  const headers: Record<string, string> = {
    'Content-Type': options.contentType ?? 'application/json',
    'X-Slack-Request-Timestamp': String(options.timestampSeconds),
    'X-Slack-Signature': slackSignature(options.signingSecret, options.timestampSeconds, body),
  };
  for (const [key, value] of Object.entries(options.headers ?? {})) {
    const existing = Object.keys(headers).find((k) => k.toLowerCase() === key.toLowerCase());
    if (existing) delete headers[existing];
    if (value !== undefined) headers[key] = value;
  }
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, text: await res.text() };
}
