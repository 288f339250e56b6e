import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedDayClock, systemClock } from '../../core/clock.js';
import { createConversationCore, type ConversationCore } from '../../core/conversationCore.js';
import { createLogger, type LogLevel } from '../../core/log.js';
import { dataLoadOptions, parseConfig } from '../../config.js';
import { loadData } from '../../data/load.js';
import { openStateStore } from '../../state/store.js';

export interface CliRuntime {
  core: ConversationCore;
  /** The förbund of --forbund, as channelData for each turn (empty without the flag). */
  channelData: Record<string, string>;
  /** Waits for state writes and removes the temporary state file. */
  close(): Promise<void>;
}

/**
 * The core for a CLI run. State goes to a fresh file under the OS temp folder (removed on
 * close) unless STATE_FILE is set, so the CLI never touches the state file of a running server.
 * The log goes to stderr at "warn" unless LOG_LEVEL is set, so stdout holds only answers.
 */
export async function openCliRuntime(options: { today?: string; forbund?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRuntime> {
  const env = options.env ?? process.env;
  const config = parseConfig(env);
  const level: LogLevel = env.LOG_LEVEL ? config.LOG_LEVEL : 'warn';
  const log = createLogger({ level }).child({ channel: 'cli' });
  const data = await loadData(config.DATA_DIR, dataLoadOptions(config));
  if (options.forbund !== undefined && !data.forbund.some((f) => f.id === options.forbund)) {
    throw new CliUsageError(`Okänt förbund för --forbund: ${options.forbund} (kända förbund i ${config.DATA_DIR}: ${data.forbund.map((f) => f.id).join(', ')})`);
  }
  const tempDir = env.STATE_FILE ? undefined : await mkdtemp(join(tmpdir(), 'samverkansboten-cli-'));
  const state = await openStateStore(tempDir ? join(tempDir, 'state.json') : config.STATE_FILE);
  const clock = options.today ? fixedDayClock(options.today) : systemClock;
  const core = createConversationCore({ data, clock, state, log, kansliUsers: config.KANSLI_USERS, subscribeAnyChannel: config.SUBSCRIBE_ANY_CHANNEL });
  return {
    core,
    channelData: options.forbund === undefined ? {} : { forbund: options.forbund },
    async close() {
      await core.flush();
      if (tempDir) await rm(tempDir, { recursive: true, force: true });
    },
  };
}

/** A mistake in how the command was called (exit code 2, like a bad flag). */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

/** Prints an error for the user on stderr and sets a failing exit code (2 for a usage error). */
export function reportCliError(error: unknown): void {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = error instanceof CliUsageError ? 2 : 1;
}
