import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { buildApp, type RouteInstaller } from './app.js';
import { installCalendarRoutes } from './channels/web/calendarRoutes.js';
import { WEB_CHANNEL_ID } from './channels/web/chatRoute.js';
import { startReminderService } from './reminders/service.js';
import { ConfigError, dataLoadOptions, hasBotFrameworkCredentials, hasSlack, parseConfig, type Config } from './config.js';
import { systemClock } from './core/clock.js';
import { createConversationCore } from './core/conversationCore.js';
import type { BotDeps } from './core/deps.js';
import { createLogger, type Logger } from './core/log.js';
import { kansliUsersFor } from './channels/botframework/localMode.js';
import { DataError, loadData, type AgreementData, type LoadOptions } from './data/load.js';
import { watchData } from './data/watch.js';
import { createDeliveryRegistry } from './delivery/types.js';
import { pruneIdleState } from './state/prune.js';
import { StateFileError, openStateStore, type StateStore } from './state/store.js';
import { cachedSearchIndex } from './data/searchIndexCache.js';
import { searchIndexFor } from './domain/search/searchIndex.js';
import { createStartupRecorder } from './core/startupPhases.js';

/**
 * Runs the server: parse config, load data/, open the state file, build the app, listen, and
 * shut down gracefully on SIGTERM/SIGINT. Start-up problems are printed for a person (not as
 * JSON) and exit with 1; everything else lives in app.ts so tests build the same server.
 */

// Run from the bundle (dist/main.js), the search index is kept on disk next to it, per data version;
// every build empties dist/, so an index never outlives the code that built it. From the sources
// (tsx) it is built at each start.
const INDEX_CACHE_DIR = import.meta.url.endsWith('/dist/main.js') ? fileURLToPath(new URL('./cache/', import.meta.url)) : undefined;
const buildIndexes = (data: AgreementData, log: Logger): void => {
  if (INDEX_CACHE_DIR) cachedSearchIndex(data, INDEX_CACHE_DIR, log);
  else searchIndexFor(data);
};

function fail(text: string): never {
  process.stderr.write(`${text}\n`);
  process.exit(1);
}

function readConfig(): Config {
  try {
    return parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

async function readData(dir: string, options: LoadOptions): Promise<AgreementData> {
  try {
    return await loadData(dir, options);
  } catch (error) {
    if (error instanceof DataError) fail(`Kan inte starta: data i ${dir} är ogiltiga.\n${error.message}`);
    fail(`Kan inte starta: data i ${dir} kan inte läsas (${error instanceof Error ? error.message : String(error)}).`);
  }
}

async function openState(file: string): Promise<StateStore> {
  try {
    return await openStateStore(file);
  } catch (error) {
    // The store never writes a file it could not read, so the user's file is as it was.
    if (error instanceof StateFileError) fail(`Kan inte starta: ${error.message}`);
    throw error;
  }
}

async function main(): Promise<void> {
  // The static imports above have been evaluated when main() runs.
  const startup = createStartupRecorder();
  startup.mark('modules');
  const config = readConfig();
  // Local-time formatting anywhere in the process follows the configured zone.
  process.env.TZ = config.TZ;
  const log = createLogger({ level: config.LOG_LEVEL });
  const loadOptions: LoadOptions = dataLoadOptions(config);
  const data = await readData(config.DATA_DIR, loadOptions);
  const state = await openState(config.STATE_FILE);
  startup.mark('data');

  // One object for core, app and data watcher: a reload replaces `deps.data` for all of them.
  // buildApp registers the Teams channel here (and the Slack edge its own): reminders and kansli posts use it.
  const deps: BotDeps = {
    data, clock: systemClock, state, log, delivery: createDeliveryRegistry(),
    kansliUsers: kansliUsersFor(config), subscribeAnyChannel: config.SUBSCRIBE_ANY_CHANNEL, forbundChannels: config.FORBUND_CHANNELS,
    conversationCap: { channels: [WEB_CHANNEL_ID], max: config.STATE_MAX_ANONYMOUS_CONVERSATIONS },
  };
  const core = createConversationCore(deps);
  // Edges beyond web and Bot Framework. Bolt is loaded only when Slack is configured: it is a large
  // part of start-up time and memory for a server that does not use it.
  const routes: RouteInstaller[] = [installCalendarRoutes];
  if (hasSlack(config)) routes.unshift((await import('./channels/slack/routes.js')).slackRoutes());
  const app = buildApp(Object.assign(deps, { config, core, routes }));
  const watcher = watchData(config.DATA_DIR, deps, (result) => {
    if (result.ok) {
      log.info('data_reloaded', { dataVersion: result.version });
      buildIndexes(deps.data, log);
    }
    else log.warn('data_reload_refused', { problems: result.problems.length, first: result.problems[0] });
  }, undefined, loadOptions);

  process.on('unhandledRejection', (reason) => log.error('unhandled_rejection', {}, reason));

  // The search index before listening: /healthz answers when a question is answered at full speed
  // (from dist/cache/ this is a read, not a build).
  buildIndexes(deps.data, log);
  startup.mark('indexes');
  await new Promise<void>((resolve) => app.server.listen(config.PORT, config.HOST, resolve));
  startup.mark('listening');
  log.info('startup_phases', startup.fields());
  const { port, address } = app.server.address() as AddressInfo;
  const url = `http://localhost:${port}`;
  log.info('server_listening', { url, address, port, dataVersion: data.version, stateFile: state.file });
  process.stdout.write(`Samverkansboten lyssnar på ${url} – webbchatt: ${url}/\n`);
  // Idle conversation state (incl. abandoned dialogs' case facts) goes after STATE_RETENTION_DAYS.
  const prune = (): void => {
    pruneIdleState(state, systemClock(), config.STATE_RETENTION_DAYS).then(
      (removed) => { if (removed.items + removed.conversations > 0) log.info('state_pruned', removed); },
      (error: unknown) => log.error('state_prune_failed', {}, error),
    );
  };
  prune();
  const pruning = setInterval(prune, 24 * 60 * 60 * 1000).unref();
  // Reminders (issue 6): recover cut-off sends, then run every minute.
  const reminders = startReminderService(deps);
  if (!hasBotFrameworkCredentials(config)) {
    log.warn('botframework_unauthenticated', { endpoint: `${url}/api/messages`, emulatorUrl: config.EMULATOR_URL ?? '' });
    const ignored = (config.KANSLI_USERS ?? []).length - (kansliUsersFor(config) ?? []).length;
    if (ignored > 0) log.warn('kansli_users_ignored_unauthenticated', { ignored });
    process.stdout.write('Bot Framework: oautentiserat lokalt läge (MicrosoftAppId saknas) – bara för Emulator och tester.\n');
  }

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) {
      // A second Ctrl-C means "now".
      log.warn('shutdown_forced', { signal });
      process.exit(1);
    }
    stopping = true;
    log.info('shutdown_started', { signal });
    watcher.close();
    clearInterval(pruning);
    reminders.stop().then(() => app.close()).then(
      () => {
        log.info('shutdown_complete', { signal });
        process.exit(0);
      },
      (error: unknown) => {
        log.error('shutdown_failed', { signal }, error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Kan inte starta: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
