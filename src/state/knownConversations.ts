import { conversationCount, type StateStore } from './store.js';

/** How many conversations of channels without login (the web chat) are kept; the oldest go first. */
export interface ConversationCap {
  channels: readonly string[];
  max: number;
}

/**
 * Share of the cap left free after an eviction, so the oldest are looked for once per
 * many new conversations, not on every one.
 */
const EVICT_SHARE = 0.1;

const DAY = (date: Date | string): string => (typeof date === 'string' ? date : date.toISOString()).slice(0, 10);

/**
 * Records that a conversation had a turn now. lastSeen is kept per day (rewriting it on every turn
 * was most of a turn's cost, npm run bench); a new conversation or a new day is written at once.
 * A new conversation in a capped channel that is full first removes the oldest conversations of
 * that channel (by lastSeen), with their conversation and dialog state.
 */
export async function recordTurn(store: StateStore, channelId: string, conversationId: string, now: Date, cap?: ConversationCap): Promise<void> {
  const byChannel = store.read().conversations;
  const known = Object.hasOwn(byChannel, channelId) ? byChannel[channelId] : undefined;
  const seen = known && Object.hasOwn(known, conversationId) ? known[conversationId]?.lastSeen : undefined;
  if (seen !== undefined && DAY(seen) === DAY(now)) return;
  const full = seen === undefined && cap !== undefined && cap.channels.includes(channelId) && conversationCount(store, channelId) >= cap.max;
  const evicted = full && known ? oldest(known, conversationId, conversationCount(store, channelId) + 1 - keepAfterEviction(cap.max)) : [];
  await store.update((state) => {
    const draft = (state.conversations[channelId] ??= {});
    draft[conversationId] = { lastSeen: now.toISOString() };
    for (const id of evicted) {
      delete draft[id];
      // botbuilder's ConversationState key for the conversation (ConversationState.getStorageKey).
      delete state.botState[`${channelId}/conversations/${id}/`];
    }
  });
}

function keepAfterEviction(max: number): number {
  return Math.max(1, Math.floor(max * (1 - EVICT_SHARE)));
}

/** The `count` conversations seen longest ago, never `current`. */
function oldest(known: Readonly<Record<string, { lastSeen: string }>>, current: string, count: number): string[] {
  if (count <= 0) return [];
  return Object.entries(known)
    .filter(([id]) => id !== current)
    .sort(([, a], [, b]) => (a.lastSeen < b.lastSeen ? -1 : a.lastSeen > b.lastSeen ? 1 : 0))
    .slice(0, count)
    .map(([id]) => id);
}
