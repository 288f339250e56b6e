import type { StateStore } from './store.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Removes the state of idle conversations: botbuilder items (conversation, user and dialog state)
 * saved more than `retentionDays` before `now`, and known-conversation entries last seen before
 * then. An abandoned aktualisering dialog holds case facts (age, benefits) in its dialog state; this
 * is what makes them go away even when the dialog never ends. Items from before `savedAt` existed
 * are stamped now and so expire one retention period later.
 */
export async function pruneIdleState(store: StateStore, now: Date, retentionDays: number): Promise<{ items: number; conversations: number }> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  const state = store.read();
  const staleItems = Object.entries(state.botState).filter(([, item]) => typeof item.savedAt === 'string' && item.savedAt < cutoff).map(([key]) => key);
  const unstamped = Object.entries(state.botState).filter(([, item]) => typeof item.savedAt !== 'string').map(([key]) => key);
  const staleConversations = Object.entries(state.conversations).flatMap(([channel, byId]) =>
    Object.entries(byId).filter(([, c]) => c.lastSeen < cutoff).map(([id]) => [channel, id] as const));
  if (staleItems.length === 0 && unstamped.length === 0 && staleConversations.length === 0) return { items: 0, conversations: 0 };
  await store.update((draft) => {
    for (const key of staleItems) delete draft.botState[key];
    for (const key of unstamped) draft.botState[key] = { ...draft.botState[key], savedAt: now.toISOString() };
    for (const [channel, id] of staleConversations) {
      const byId = draft.conversations[channel];
      if (!byId) continue;
      delete byId[id];
      if (Object.keys(byId).length === 0) delete draft.conversations[channel];
    }
  });
  return { items: staleItems.length, conversations: staleConversations.length };
}
