import { mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App } from '@slack/bolt';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';
import { buildApp } from '../src/app.js';
import { RestifySlackReceiver } from '../src/channels/slack/receiver.js';
import { slackRoutes } from '../src/channels/slack/routes.js';
import { createSeenCache } from '../src/channels/slack/seenCache.js';
import { parseConfig } from '../src/config.js';
import { systemClock } from '../src/core/clock.js';
import { createConversationCore } from '../src/core/conversationCore.js';
import type { BotDeps } from '../src/core/deps.js';
import { createLogger, type Logger } from '../src/core/log.js';
import { loadData } from '../src/data/load.js';
import { jsonBody } from '../src/http/jsonBody.js';
import { openStateStore } from '../src/state/store.js';
import { BENCH_BOT } from './fakes.js';

/** The kinds of server the HTTP bench starts, each in a child process of its own. */
export const SERVER_KINDS = ['ours', 'botbuilder-echo', 'bolt-echo', 'restify-echo'] as const;
/** The echo baselines; the bench runs them together in one child process (only one is loaded at a time). */
export const BASELINE_KINDS = ['botbuilder-echo', 'bolt-echo', 'restify-echo'] as const satisfies readonly ServerKind[];
export type ServerKind = (typeof SERVER_KINDS)[number];

/** The signing secret of the bench's Slack requests (ours and the Bolt baseline share it). */
export const BENCH_SIGNING_SECRET = 'bench-signing-secret';

export interface ServerOptions {
  /** Slack Web API base of the fake (`…/api/`). */
  slackApiUrl: string;
  /** The fake Bot Connector (`…/`): the local mode of /api/messages replies only there (EMULATOR_URL). */
  connectorUrl?: string;
  dataDir?: string;
  stateFile?: string;
  /** Log lines are counted and dropped (the server's own level: info). */
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

function listen(server: restify.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function benchLogger(level: ServerOptions['logLevel']): Logger {
  return createLogger({ level: level ?? 'info', write: () => undefined });
}

/**
 * Our server as main.ts builds it (buildApp + the Slack routes, real data, a state file), with two
 * bench settings: Slack processes before responding (so a response means the turn is done, as the
 * Bot Framework endpoint does) and the bot's ids are given (no auth.test round trip).
 */
async function startOurs(options: ServerOptions): Promise<RunningServer> {
  const stateFile = options.stateFile ?? path.join(await mkdtemp(path.join(tmpdir(), 'samverkan-bench-state-')), 'state.json');
  const config = parseConfig({
    STATE_FILE: stateFile,
    DATA_DIR: options.dataDir ?? 'data',
    SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_API_URL: options.slackApiUrl,
    LOG_LEVEL: options.logLevel ?? 'info',
    // The load comes from one address: a per-client limit would measure the limit.
    RATE_LIMIT_PER_MINUTE: '0',
    ...(options.connectorUrl ? { EMULATOR_URL: options.connectorUrl } : {}),
  });
  const log = benchLogger(options.logLevel);
  const data = await loadData(config.DATA_DIR);
  const state = await openStateStore(config.STATE_FILE);
  const deps: BotDeps = { data, clock: systemClock, state, log };
  const core = createConversationCore(deps);
  const routes = [slackRoutes({ processBeforeResponse: true, botId: BENCH_BOT.botId, botUserId: BENCH_BOT.userId })];
  const app = buildApp(Object.assign(deps, { config, core, routes }));
  const port = await listen(app.server);
  return { port, close: () => app.close(2000) };
}

/** Baseline: a bare botbuilder echo bot — CloudAdapter (unauthenticated) on restify, replying through the connector. */
async function startBotbuilderEcho(): Promise<RunningServer> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`Eko: ${context.activity.text ?? ''}`);
    await next();
  });
  const server = restify.createServer({ name: 'bench-botbuilder-echo' });
  server.post('/api/messages', restify.plugins.bodyParser({ mapParams: false }), async (req: restify.Request, res: restify.Response) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  const port = await listen(server);
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Baseline: a Bolt echo through our receiver (signature, dedupe, process-before-response) replying with chat.postMessage. */
async function startBoltEcho(options: ServerOptions): Promise<RunningServer> {
  const log = benchLogger(options.logLevel);
  const receiver = new RestifySlackReceiver({ signingSecret: BENCH_SIGNING_SECRET, log, seen: createSeenCache(), processBeforeResponse: true });
  const app = new App({
    receiver,
    authorize: async () => ({ botToken: 'xoxb-bench', botId: BENCH_BOT.botId, botUserId: BENCH_BOT.userId }),
    clientOptions: { slackApiUrl: options.slackApiUrl, retryConfig: { retries: 0 } },
    ignoreSelf: true,
  });
  app.message(async ({ message, client }) => {
    const text = 'text' in message && typeof message.text === 'string' ? message.text : '';
    await client.chat.postMessage({ channel: message.channel, text: `Eko: ${text}` });
  });
  const server = restify.createServer({ name: 'bench-bolt-echo' });
  receiver.install(server);
  const port = await listen(server);
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Baseline for /chat: restify with our JSON body parser, echoing the text (no bot at all). */
async function startRestifyEcho(): Promise<RunningServer> {
  const server = restify.createServer({ name: 'bench-restify-echo' });
  server.post('/chat', ...jsonBody(64 * 1024), async (req: restify.Request, res: restify.Response) => {
    const body = req.body as { text?: unknown; conversationId?: unknown };
    res.json(200, { conversationId: body.conversationId ?? 'x', replies: [{ text: `Eko: ${String(body.text ?? '')}` }] });
  });
  const port = await listen(server);
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export function startServer(kind: ServerKind, options: ServerOptions): Promise<RunningServer> {
  switch (kind) {
    case 'ours':
      return startOurs(options);
    case 'botbuilder-echo':
      return startBotbuilderEcho();
    case 'bolt-echo':
      return startBoltEcho(options);
    case 'restify-echo':
      return startRestifyEcho();
  }
}
