import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Load-test stand-ins on 127.0.0.1 for the Bot Connector and Slack's Web API. Unlike the test
 * fakes (tests/helpers), they keep nothing: a load run makes tens of thousands of calls. They
 * answer like the services: the connector `{ id }`, Slack `auth.test` and `{ ok, ts }` for posts.
 */
export interface LoadFakes {
  /** Ends with a slash, like a channel's serviceUrl. */
  connectorUrl: string;
  /** Ends with `/api/`, like https://slack.com/api/. */
  slackApiUrl: string;
  /** Calls answered so far (both fakes). */
  calls(): number;
  close(): Promise<void>;
}

export const BENCH_BOT = { userId: 'UBOT0001', botId: 'BBOT0001', teamId: 'T0000001' } as const;

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

export async function startLoadFakes(): Promise<LoadFakes> {
  let calls = 0;
  let ts = 0;
  const connector = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls += 1;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ id: `sent-${calls}` }));
    });
  });
  const slack = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls += 1;
      const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
      const body =
        method === 'auth.test'
          ? { ok: true, user_id: BENCH_BOT.userId, bot_id: BENCH_BOT.botId, team_id: BENCH_BOT.teamId, user: 'samverkansboten' }
          : { ok: true, channel: 'D0', ts: `1795000000.${String((ts += 1)).padStart(6, '0')}` };
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  const [connectorPort, slackPort] = await Promise.all([listen(connector), listen(slack)]);
  const close = (server: Server) =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return {
    connectorUrl: `http://127.0.0.1:${connectorPort}/`,
    slackApiUrl: `http://127.0.0.1:${slackPort}/api/`,
    calls: () => calls,
    close: async () => {
      await Promise.all([close(connector), close(slack)]);
    },
  };
}
