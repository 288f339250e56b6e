import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { fixedDayClock } from '../../src/core/clock.js';
import type { BotDeps } from '../../src/core/deps.js';
import { createMemoryLogger } from '../../src/core/log.js';
import type { AgreementData } from '../../src/data/load.js';
import { conversationFolderPath } from '../../src/state/conversationRecords.js';
import { openStateStore } from '../../src/state/store.js';

/** A fresh temporary folder for one test's state file. */
export function tempDir(prefix = 'samverkan-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Deps with a real state file in a temp folder, a fixed clock and a memory log; `data` is empty unless given. */
export async function makeTestDeps(
  options: { stateFile?: string; today?: string; data?: AgreementData } = {},
): Promise<BotDeps & { logLines: string[] }> {
  const { logger, lines } = createMemoryLogger('debug');
  const state = await openStateStore(options.stateFile ?? join(tempDir(), 'state.json'));
  const data = options.data ?? ({ version: 'test' } as unknown as AgreementData);
  return { data, clock: fixedDayClock(options.today ?? '2026-11-23'), state, log: logger, logLines: lines };
}

/** A conversation with a bot through botbuilder's TestAdapter: each `say` returns the texts the bot sent. */
export function transcript(run: (context: TurnContext) => Promise<void>) {
  const adapter = new TestAdapter(run);
  adapter.locale = 'sv-SE';
  const take = (): Partial<Activity>[] => adapter.activeQueue.splice(0);
  return {
    adapter,
    async say(text: string): Promise<string[]> {
      await adapter.send(text).startTest();
      return take().map((a) => a.text ?? '');
    },
    async activities(text: string): Promise<Partial<Activity>[]> {
      await adapter.send(text).startTest();
      return take();
    },
    async join(): Promise<string[]> {
      const user = adapter.conversation.user ?? { id: 'user1', name: 'User1' };
      await adapter.processActivity({ type: 'conversationUpdate', membersAdded: [user] });
      return take().map((a) => a.text ?? '');
    },
  };
}

/** Table-driven transcript: each step is what the user says and a substring expected in each reply, in order. */
export type Steps = [userSays: string, botReplies: string[]][];

export async function runSteps(say: (text: string) => Promise<string[]>, steps: Steps): Promise<void> {
  for (const [userSays, expected] of steps) {
    const replies = await say(userSays);
    const context = `after "${userSays}" the bot said:\n${replies.join('\n---\n')}`;
    if (replies.length !== expected.length) throw new Error(`expected ${expected.length} replies, got ${replies.length}; ${context}`);
    expected.forEach((part, i) => {
      if (!(replies[i] ?? '').includes(part)) throw new Error(`reply ${i + 1} lacks "${part}"; ${context}`);
    });
  }
}

/** Everything the state keeps on disk for `stateFile` as text: the state file and each conversation entry beside it. */
export function stateOnDisk(stateFile: string): string {
  const folder = conversationFolderPath(stateFile);
  const entries = existsSync(folder) ? readdirSync(folder).sort().map((name) => readFileSync(join(folder, name), 'utf8')) : [];
  return [readFileSync(stateFile, 'utf8'), ...entries].join('\n');
}
