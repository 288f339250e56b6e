import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fixedDayClock } from '../src/core/clock.js';
import { createConversationCore, type ConversationCore } from '../src/core/conversationCore.js';
import { createLogger } from '../src/core/log.js';
import type { Reply } from '../src/core/reply.js';
import { loadData, type AgreementData } from '../src/data/load.js';
import { openStateStore, type StateStore } from '../src/state/store.js';

/** One step of a scripted conversation: what the user says, and (optionally) the day it is. */
export interface Step {
  text: string;
  today?: string;
}

/** A scripted conversation of the mix; each run of it is a fresh conversation id. */
export interface Script {
  kind: 'lookup' | 'calendar' | 'budget' | 'aktualisering' | 'search' | 'multi-turn';
  steps: Step[];
}

/**
 * The turn mix: real questions of every capability (from the golden files and the seeds), and a
 * multi-turn aktualisering walked step by step. Each script instance is one conversation.
 */
export const TURN_MIX: readonly Script[] = [
  { kind: 'lookup', steps: [{ text: 'Vad åtar sig Försäkringskassan i Vuxentorget?' }] },
  { kind: 'lookup', steps: [{ text: 'vad gör soc i vuxentorget' }] },
  { kind: 'lookup', steps: [{ text: 'Vem kontaktar jag på psykiatrin?' }] },
  { kind: 'lookup', steps: [{ text: 'FK:s organisationsnummer?' }] },
  { kind: 'calendar', steps: [{ text: 'När är nästa styrelsemöte?', today: '2023-02-01' }] },
  { kind: 'calendar', steps: [{ text: 'Vilka möten har SSG i maj?', today: '2023-04-01' }] },
  { kind: 'budget', steps: [{ text: 'Vad är Vuxentorgets budget 2023?' }] },
  { kind: 'budget', steps: [{ text: 'Budget Ungdomstorget 2024' }] },
  { kind: 'aktualisering', steps: [{ text: 'Regionen vill aktualisera en person med sjukpenning — vem förankrar?' }] },
  { kind: 'aktualisering', steps: [{ text: 'Kan en 23-åring aktualiseras till Vuxentorget?' }] },
  { kind: 'search', steps: [{ text: 'Vad står det om kompetensutveckling?' }] },
  { kind: 'search', steps: [{ text: 'Hur ser samverkan ut kring unga vuxna med psykisk ohälsa?' }] },
  {
    kind: 'multi-turn',
    steps: [{ text: 'Vem ska förankra innan aktualisering?' }, { text: '1' }, { text: 'hon har sjukpenning och är 31' }, { text: 'ja' }],
  },
];

export interface TurnSample {
  kind: Script['kind'];
  ms: number;
}

export interface TurnRun {
  samples: TurnSample[];
  /** Turns whose reply was empty (a broken dialog shows here, not as a fast turn). */
  empty: number;
  /** Scripts (conversations) run. */
  conversations: number;
  /** Size of the state file's JSON at the end (characters). */
  stateChars: number;
  /** Time turns waited for state writes (`state.update`: copy, validate, write the file; `updateDeferred`: until validated and in memory), summed over the recorded turns. */
  stateMs: number;
  /** Number of state writes in the recorded turns. */
  stateWrites: number;
}

export interface TurnBench {
  core: ConversationCore;
  state: StateStore;
  data: AgreementData;
  /**
   * Runs `turns` turns (whole scripts, so it may run a few more) and returns per-turn latencies.
   * `pool`: scripts take turns in that many conversations (one per user, reused, as in Teams);
   * without it every script is a new conversation (as each web page load or batch line).
   * `budgetMs`: stop early (after a whole script) when the time is up.
   */
  run(turns: number, options?: { warmup?: number; pool?: number; budgetMs?: number }): Promise<TurnRun>;
  close(): Promise<void>;
}

/**
 * The real conversation core on a temp state file, driven through `core.ask` (no HTTP). The log
 * runs at info level like the server's, its lines counted and dropped.
 */
export async function createTurnBench(options: { dataDir?: string; data?: AgreementData } = {}): Promise<TurnBench> {
  const data = options.data ?? (await loadData(options.dataDir ?? 'data'));
  const dir = await mkdtemp(path.join(tmpdir(), 'samverkan-bench-'));
  const store = await openStateStore(path.join(dir, 'state.json'));
  // Timing section: the state writes of each turn (every turn persists dialog state and lastSeen).
  let stateMs = 0;
  let stateWrites = 0;
  const state: StateStore = {
    ...store,
    file: store.file,
    read: () => store.read(),
    flush: () => store.flush(),
    async update(change) {
      const start = performance.now();
      try {
        return await store.update(change);
      } finally {
        stateMs += performance.now() - start;
        stateWrites += 1;
      }
    },
    // Dialog state written behind the turn: the turn waits only until the change is validated and in memory.
    async updateDeferred(change) {
      const start = performance.now();
      try {
        return await (store.updateDeferred ?? (async (c: typeof change) => ({ result: await store.update(c), written: Promise.resolve() })))(change);
      } finally {
        stateMs += performance.now() - start;
        stateWrites += 1;
      }
    },
  };
  let logLines = 0;
  const log = createLogger({ level: 'info', write: () => (logLines += 1) });
  const deps = { data, clock: fixedDayClock('2026-11-23'), state, log };
  const core = createConversationCore(deps);
  let conversation = 0;

  const runScripts = async (turns: number, record: boolean, pool: number | undefined, budgetMs: number): Promise<TurnRun> => {
    const deadline = performance.now() + budgetMs;
    const samples: TurnSample[] = [];
    const stateAtStart = { ms: stateMs, writes: stateWrites };
    let empty = 0;
    let done = 0;
    let conversations = 0;
    let next = 0;
    while (done < turns && performance.now() < deadline) {
      const script = TURN_MIX[next % TURN_MIX.length] as Script;
      next += 1;
      conversation += 1;
      conversations += 1;
      const conversationId = pool === undefined ? `bench-${conversation}` : `bench-user-${conversation % pool}`;
      for (const step of script.steps) {
        const start = performance.now();
        const replies: Reply[] = await core.ask({ channelId: 'bench', conversationId, text: step.text, today: step.today });
        const took = performance.now() - start;
        if (record) samples.push({ kind: script.kind, ms: took });
        if (replies.length === 0 || replies.every((r) => r.text.trim() === '')) empty += 1;
        done += 1;
      }
    }
    return {
      samples,
      empty,
      conversations,
      stateChars: JSON.stringify(state.read()).length,
      stateMs: stateMs - stateAtStart.ms,
      stateWrites: stateWrites - stateAtStart.writes,
    };
  };

  return {
    core,
    state,
    data,
    async run(turns, runOptions = {}) {
      const budget = runOptions.budgetMs ?? Number.POSITIVE_INFINITY;
      if (runOptions.warmup) await runScripts(runOptions.warmup, false, runOptions.pool, budget);
      return runScripts(turns, true, runOptions.pool, budget);
    },
    async close() {
      await core.flush();
      await rm(dir, { recursive: true, force: true });
      void logLines;
    },
  };
}
