import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the Bot Connector REST API. */
export interface ConnectorCall {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

/**
 * A stand-in for the Bot Framework Connector service on 127.0.0.1: activities name it as their
 * serviceUrl, and the CloudAdapter POSTs the bot's replies to it. It records every call and
 * answers like the real service (`{ id }`).
 */
export interface FakeBotConnector {
  /** Ends with a slash, as channels send it (`{serviceUrl}v3/conversations/...`). */
  serviceUrl: string;
  calls: ConnectorCall[];
  /** Resolves once at least `count` calls have arrived (or rejects after `timeoutMs`). */
  waitForCalls(count: number, timeoutMs?: number): Promise<ConnectorCall[]>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** How the fake answers one call; the default is 200 `{ id }` like the real service. */
export interface FakeConnectorResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface FakeBotConnectorOptions {
  /** Decides the answer to each call (e.g. 403, or 429 with Retry-After); undefined = 200 `{ id }`. */
  respond?: (call: ConnectorCall, index: number) => FakeConnectorResponse | undefined;
}

export async function startFakeBotConnector(options: FakeBotConnectorOptions = {}): Promise<FakeBotConnector> {
  const calls: ConnectorCall[] = [];
  let waiters: Array<() => void> = [];
  const server: Server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const call: ConnectorCall = { method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization, body };
      calls.push(call);
      const ready = waiters;
      waiters = [];
      ready.forEach((wake) => wake());
      const answer = options.respond?.(call, calls.length - 1) ?? { status: 200, body: { id: `sent-${calls.length}` } };
      res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const waitForCalls = (count: number, timeoutMs = 5000): Promise<ConnectorCall[]> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`fake connector: expected ${count} call(s), got ${calls.length}`)),
        timeoutMs,
      );
      const check = (): void => {
        if (calls.length >= count) {
          clearTimeout(timer);
          resolve(calls);
        } else {
          waiters.push(check);
        }
      };
      check();
    });

  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls,
    waitForCalls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
