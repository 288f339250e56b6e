import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp, type App, type RouteInstaller } from '../../src/app.js';
import type { BotFrameworkAuthHooks } from '../../src/channels/teams/cloudAdapter.js';
import { kansliUsersFor } from '../../src/channels/botframework/localMode.js';
import { parseConfig, type Config } from '../../src/config.js';
import { fixedDayClock } from '../../src/core/clock.js';
import { createConversationCore, type ConversationCore } from '../../src/core/conversationCore.js';
import { createMemoryLogger } from '../../src/core/log.js';
import { loadData, type AgreementData } from '../../src/data/load.js';
import type { DeliveryRegistry } from '../../src/delivery/types.js';
import { openStateStore, type StateStore } from '../../src/state/store.js';

export interface TestApp {
  app: App;
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  baseUrl: string;
  core: ConversationCore;
  state: StateStore;
  stateFile: string;
  /** Every JSON log line the app wrote. */
  logLines: string[];
  stop(): Promise<void>;
}

export interface TestAppOptions {
  /** A fake core instead of the real one (e.g. one whose replies contain markup). */
  core?: (deps: { data: AgreementData; state: StateStore }) => ConversationCore;
  env?: Record<string, string>;
  routes?: RouteInstaller[];
  /** Reuse a state file (restart tests); defaults to a fresh temp dir. */
  stateFile?: string;
  /** Local OpenID metadata / token source for the Bot Framework auth (tests never reach the internet). */
  botFrameworkAuth?: BotFrameworkAuthHooks;
  /** A delivery registry for the core and the app (buildApp registers the Teams channel in it). */
  delivery?: DeliveryRegistry;
}

let dataPromise: Promise<AgreementData> | undefined;
/** The bundled data/, loaded once per test file. */
export function bundledData(): Promise<AgreementData> {
  dataPromise ??= loadData('data');
  return dataPromise;
}

/** Builds the real app exactly as main.ts does and listens on an ephemeral port on 127.0.0.1. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const tempDir = options.stateFile ? undefined : await mkdtemp(path.join(tmpdir(), 'samverkansboten-http-'));
  const stateFile = options.stateFile ?? path.join(tempDir ?? '', 'state.json');
  // The suites send many requests from 127.0.0.1: no rate limit unless a test sets one.
  const config: Config = parseConfig({ STATE_FILE: stateFile, RATE_LIMIT_PER_MINUTE: '0', ...options.env });
  const data = await bundledData();
  const state = await openStateStore(stateFile);
  const { logger: log, lines: logLines } = createMemoryLogger('debug');
  const clock = fixedDayClock('2026-11-23');
  // KANSLI_USERS as main.ts applies it (without MicrosoftAppId, not for the local-mode channels).
  const deps = {
    data, clock, state, log, kansliUsers: kansliUsersFor(config), subscribeAnyChannel: config.SUBSCRIBE_ANY_CHANNEL,
    ...(config.FORBUND_CHANNELS ? { forbundChannels: config.FORBUND_CHANNELS } : {}),
    ...(options.delivery ? { delivery: options.delivery } : {}),
  };
  const core = options.core ? options.core({ data, state }) : createConversationCore(deps);
  const app = buildApp({ ...deps, config, core, routes: options.routes, botFrameworkAuth: options.botFrameworkAuth });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    core,
    state,
    stateFile,
    logLines,
    stop: async () => {
      await app.close(2000);
      if (tempDir) await rm(tempDir, { recursive: true, force: true });
    },
  };
}

/** POSTs JSON (or a raw string, sent as is) and returns status and parsed JSON body. */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: unknown; headers: Headers }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    json = text;
  }
  return { status: res.status, json, headers: res.headers };
}
