import restify from 'restify';
import { hasBotFrameworkCredentials, type Config } from './config.js';
import type { ConversationCore } from './core/conversationCore.js';
import type { BotDeps } from './core/deps.js';
import { createBotFrameworkAdapter } from './channels/botframework/adapter.js';
import { isEmulatorUrl } from './channels/botframework/localMode.js';
import { installMessagesRoute } from './channels/botframework/messagesRoute.js';
import type { BotFrameworkAuthHooks, SamverkansCloudAdapter } from './channels/teams/cloudAdapter.js';
import { TeamsDeliveryChannel } from './channels/teams/deliveryChannel.js';
import { installChatRoute } from './channels/web/chatRoute.js';
import { installPageRoute } from './channels/web/pageRoute.js';
import { installErrorHandler, requestFields } from './http/errorHandler.js';
import { installHealthRoute } from './http/healthRoute.js';
import { createInflightTracker, type InflightTracker } from './http/inflight.js';
import { rateLimit } from './http/rateLimit.js';

/**
 * Everything a route may need; handed to every route installer. `data` always reads the current
 * data (the options object is live: a data reload that replaces `options.data` shows here).
 */
export interface AppContext extends BotDeps {
  config: Config;
  core: ConversationCore;
  /** The Bot Framework adapter (proactive messages use it too). */
  adapter: SamverkansCloudAdapter;
  /** Wrap turns that may outlive their response in `inflight.track` so shutdown waits for them. */
  inflight: InflightTracker;
}

/**
 * Adds routes to the server — the extension point for later edges (`/slack/events`,
 * `/calendar/*`). Parse bodies per route with `jsonBody(limit)` from src/http/jsonBody.ts (it keeps
 * `req.rawBody`), write async handlers and throw `ClientError`s: the shared error handler answers.
 */
export type RouteInstaller = (server: restify.Server, context: AppContext) => void;

/**
 * The deps (data, clock, state, log) plus config and core. The object is read live: main.ts
 * hands the same object to the core and the data watcher, so a reloaded `data` reaches /healthz.
 */
export interface AppOptions extends BotDeps {
  config: Config;
  core: ConversationCore;
  /** Extra routes, installed after the built-in ones. */
  routes?: RouteInstaller[];
  /** Defaults to a CloudAdapter configured from `config`. */
  adapter?: SamverkansCloudAdapter;
  /** Tests only: local OpenID metadata and token source for the default adapter (no internet). */
  botFrameworkAuth?: BotFrameworkAuthHooks;
}

export interface App {
  server: restify.Server;
  adapter: SamverkansCloudAdapter;
  /**
   * Graceful stop: stop accepting connections, let requests and turns in flight finish (up to
   * `graceMs`, then drop what is left), flush conversation state.
   */
  close(graceMs?: number): Promise<void>;
}

const DEFAULT_GRACE_MS = 10_000;

/** Builds the restify app without listening, so tests and main.ts share exactly the same server. */
export function buildApp(options: AppOptions): App {
  const { config, state, core } = options;
  const log = options.log.child({ component: 'http' });
  const adapter =
    options.adapter ?? createBotFrameworkAdapter(config, options.log.child({ component: 'botframework' }), options.botFrameworkAuth);
  // Reminders and kansli posts reach Teams through the same adapter (and its card middleware).
  if (options.delivery && !options.delivery.get('teams')) {
    options.delivery.register(
      new TeamsDeliveryChannel({
        adapter,
        appId: config.MicrosoftAppId ?? '',
        state,
        log: options.log.child({ component: 'teams_delivery' }),
        // Local mode posts proactively only where it may reply: the Emulator.
        ...(hasBotFrameworkCredentials(config) ? {} : { allowServiceUrl: (url: string | undefined) => isEmulatorUrl(url, config.EMULATOR_URL) }),
      }),
    );
  }
  const inflight = createInflightTracker();

  const server = restify.createServer({ name: 'samverkansboten', handleUncaughtExceptions: false });
  server.pre(inflight.handler);
  installErrorHandler(server, log);
  server.on('after', (req: restify.Request, res: restify.Response) => {
    log.debug('http_request', { ...requestFields(req), status: res.statusCode });
  });

  installHealthRoute(server, () => options.data.version);
  installPageRoute(server);
  // Anonymous traffic is limited per client; authenticated Bot Framework traffic all comes from the Bot Connector.
  const limits = { perMinute: config.RATE_LIMIT_PER_MINUTE, burst: config.RATE_LIMIT_BURST };
  const authenticated = hasBotFrameworkCredentials(config);
  installChatRoute(server, core, inflight, rateLimit(limits), () => options.data.forbund.map((f) => f.id));
  installMessagesRoute(server, adapter, core.bot, inflight, authenticated ? undefined : { emulatorUrl: config.EMULATOR_URL }, authenticated ? [] : rateLimit(limits));

  const context: AppContext = {
    config,
    core,
    adapter,
    inflight,
    get data() {
      return options.data;
    },
    get clock() {
      return options.clock;
    },
    state,
    log: options.log,
    // Edges with a proactive side (Slack) register their delivery channel here.
    delivery: options.delivery,
  };
  for (const install of options.routes ?? []) install(server, context);

  let closing: Promise<void> | undefined;
  const close = (graceMs = DEFAULT_GRACE_MS): Promise<void> => {
    closing ??= (async () => {
      const http = server.server;
      const stopped = new Promise<void>((resolve) => {
        if (!http.listening) return resolve();
        http.close(() => resolve());
      });
      // Idle keep-alive sockets would hold close() open; busy ones finish their request first.
      http.closeIdleConnections();
      const drained = await inflight.drained(graceMs);
      if (!drained) log.warn('shutdown_grace_expired', { inflight: inflight.count });
      http.closeAllConnections();
      await stopped;
      await core.flush();
      await state.flush();
    })();
    return closing;
  };

  return { server, adapter, close };
}
