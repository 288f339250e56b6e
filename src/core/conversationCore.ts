import { randomUUID } from 'node:crypto';
import { ActivityTypes, ConversationState, UserState, type Activity, type ActivityHandler } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import { MainDialog } from '../../dialogs/mainDialog.js';
import { welcomeReply } from '../../dialogs/helpContent.js';
import { buildFallback, buildRoutes, type Route } from '../../dialogs/routes.js';
import { helpExamples } from '../domain/examples.js';
import { recordTurn } from '../state/knownConversations.js';
import { LowdbStorage } from '../state/lowdbStorage.js';
import type { KnownConversation, StateData } from '../state/schema.js';
import { SamverkansBot } from './bot.js';
import type { BotDeps } from './deps.js';
import { LocalAdapter } from './localAdapter.js';
import type { Reply } from './reply.js';
import { repliesFromActivities } from './sendReply.js';
import { completeData, scopedData } from '../domain/answers/common.js';

/** One user turn as an edge hands it to the core. */
export interface TurnInput {
  channelId: string;
  conversationId: string;
  userId?: string;
  userName?: string;
  text?: string;
  /** A submitted card/button value. */
  value?: unknown;
  /** ISO day (YYYY-MM-DD) that stands in for "today" in this turn (CLI --today, batch lines). */
  today?: string;
  /** Channel-specific facts for the activity's channelData (Slack: `{ channel, team, thread_ts }`, which proactive delivery needs). */
  channelData?: Record<string, string>;
  /** "conversationStart": the user opened the conversation (a greeting is sent); default "message". */
  kind?: 'message' | 'conversationStart';
}

export interface ConversationCore {
  /** For CloudAdapter (Teams/Bot Framework) and other BotAdapters: `adapter.process(req, res, (ctx) => core.bot.run(ctx))`. */
  bot: ActivityHandler;
  /** Runs one turn through a LocalAdapter and returns the Replies the bot sent. */
  ask(input: TurnInput): Promise<Reply[]>;
  /** True when the bot has had a turn in this conversation (also after a restart). */
  hasConversation(channelId: string, conversationId: string): Promise<boolean>;
  /** Waits for state writes. */
  flush(): Promise<void>;
}

export const BOT_ACCOUNT = { id: 'samverkansboten', name: 'Samverkansboten' } as const;

/** The Bot Framework activity for a TurnInput. */
export function activityFromInput(input: TurnInput, now: Date): Partial<Activity> {
  const from = { id: input.userId ?? `${input.channelId}-user`, name: input.userName ?? '' };
  const common: Partial<Activity> = {
    id: randomUUID(),
    channelId: input.channelId,
    serviceUrl: `local://${input.channelId}`,
    timestamp: now,
    locale: 'sv-SE',
    conversation: { id: input.conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from,
    recipient: { ...BOT_ACCOUNT },
    channelData: { ...input.channelData, ...(input.today === undefined ? {} : { today: input.today }) },
  };
  if (input.kind === 'conversationStart') {
    return { ...common, type: ActivityTypes.ConversationUpdate, membersAdded: [from] };
  }
  return { ...common, type: ActivityTypes.Message, text: input.text ?? '', value: input.value };
}

/**
 * The record of a conversation, looked up by own keys only: ids come from clients, and "constructor"
 * or "toString" must not find Object.prototype's members (issue 15, finding 11).
 */
function knownConversation(state: Readonly<StateData>, channelId: string, conversationId: string): KnownConversation | undefined {
  if (!Object.hasOwn(state.conversations, channelId)) return undefined;
  const byId = state.conversations[channelId] ?? {};
  return Object.hasOwn(byId, conversationId) ? byId[conversationId] : undefined;
}

/** Replaces the registry of dialogs/routes.ts, for tests of the core with routes of their own. */
export interface CoreOverrides {
  routes?: Route[];
  fallback?: Dialog;
}

/**
 * Builds the one conversation core every channel uses: the bot (MainDialog with the routes
 * of dialogs/routes.ts) with conversation and dialog state in the lowdb state file.
 */
/**
 * Makes `deps.data` the turn's förbund's data inside `inForbundScope` (src/domain/answers/common.ts),
 * so every feature answers from the conversation's förbund; a reload still replaces the data.
 */
function scopeDataByForbund(deps: BotDeps): void {
  const own = Object.getOwnPropertyDescriptor(deps, 'data');
  if (own?.get !== undefined) return;
  let current = deps.data;
  Object.defineProperty(deps, 'data', {
    get: () => {
      const full = completeData(current);
      const view = scopedData(full);
      return view === full ? current : view;
    },
    set: (next: BotDeps['data']) => { current = next; },
    enumerable: true,
    configurable: true,
  });
}

export function createConversationCore(deps: BotDeps, overrides: CoreOverrides = {}): ConversationCore {
  scopeDataByForbund(deps);
  // Dialog state is written behind the turn; a failed write is logged here and fails the conversation's next turn.
  const storage = new LowdbStorage(deps.state, deps.clock, {
    onWriteFailed: (keys, error) => deps.log.error('state_write_failed', { items: keys.length }, error),
  });
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const dialog = new MainDialog(deps, overrides.routes ?? buildRoutes(deps), overrides.fallback ?? buildFallback(deps));
  const bot = new SamverkansBot(conversationState, userState, dialog, deps.log, () => welcomeReply(helpExamples(deps.data)));
  const adapter = new LocalAdapter();

  // Turns of one conversation run one after the other: they share dialog state (and its eTag).
  const queues = new Map<string, Promise<unknown>>();
  const serialized = <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const previous = queues.get(key) ?? Promise.resolve();
    const run = previous.then(work, work);
    const settled = run.catch(() => undefined);
    queues.set(key, settled);
    void settled.then(() => {
      if (queues.get(key) === settled) queues.delete(key);
    });
    return run;
  };

  return {
    bot,
    ask(input) {
      const key = `${input.channelId}/${input.conversationId}`;
      return serialized(key, async () => {
        const now = deps.clock();
        const sent = await adapter.processActivity(activityFromInput(input, now), (context) => bot.run(context));
        await recordTurn(deps.state, input.channelId, input.conversationId, now, deps.conversationCap);
        deps.log.debug('turn', { channelId: input.channelId, conversationId: input.conversationId, replies: sent.length });
        return repliesFromActivities(sent);
      });
    },
    async hasConversation(channelId, conversationId) {
      return knownConversation(deps.state.read(), channelId, conversationId) !== undefined;
    },
    async flush() {
      await Promise.all([...queues.values()]);
      await deps.state.flush();
    },
  };
}
