import type { StateStore } from '../../state/store.js';
import { DEFAULT_SEEN_MAX_ENTRIES, rememberIn, type SeenCache, type SeenCacheOptions } from './seenCache.js';

/** Keys waiting for one state change, in arrival order, and that change's answer per key (true: already seen). */
interface Batch {
  keys: Map<string, number>;
  seen: Promise<Map<string, boolean>>;
}

/**
 * The server's {@link SeenCache}: the keys live in the state file's `slackSeen` section, so a
 * signed request replayed after a restart is still recognised (issue 15, finding 10). A key is
 * checked and recorded in a state change, and the answer comes only once the key is on disk.
 * Keys that arrive while the state file is being written wait together for the next change: one
 * write of the file (and one disk sync) for all of them, not one each (under load the writes, one
 * at a time, were what held Slack's requests back, npm run bench). A copy of a request that
 * arrives while its key waits is answered with the key's change: seen if it was recorded, else
 * checked anew. Expired keys are pruned on every change and the section stays at most
 * `maxEntries` long.
 */
export function createPersistedSeenCache(state: StateStore, options: SeenCacheOptions = {}): SeenCache {
  const maxEntries = options.maxEntries ?? DEFAULT_SEEN_MAX_ENTRIES;
  const now = options.now ?? Date.now;
  /** The batch still taking keys: its change has not started. */
  let open: Batch | undefined;
  /** Keys whose change has not yet answered. */
  const waiting = new Map<string, Promise<Map<string, boolean>>>();

  const record = (key: string, ttlMs: number): Promise<Map<string, boolean>> => {
    if (open === undefined) {
      const batch: Batch = { keys: new Map(), seen: Promise.resolve(new Map()) };
      batch.seen = state.update((draft) => {
        // Started: keys from now on wait for the next change.
        if (open === batch) open = undefined;
        const expiries = new Map(Object.entries(draft.slackSeen));
        const seen = new Map<string, boolean>();
        for (const [k, ttl] of batch.keys) seen.set(k, rememberIn(expiries, k, now(), ttl, maxEntries));
        if ([...seen.values()].some((s) => !s)) draft.slackSeen = Object.fromEntries(expiries);
        return seen;
      });
      open = batch;
    }
    open.keys.set(key, ttlMs);
    return open.seen;
  };

  const cache: SeenCache = {
    async checkAndRemember(key, ttlMs) {
      // A duplicate needs no write.
      if ((state.read().slackSeen[key] ?? 0) > now()) return true;
      const pending = waiting.get(key);
      if (pending !== undefined) {
        const recorded = await pending.then(() => true, () => false);
        return recorded ? true : cache.checkAndRemember(key, ttlMs);
      }
      const seen = record(key, ttlMs);
      waiting.set(key, seen);
      try {
        return (await seen).get(key) ?? false;
      } finally {
        if (waiting.get(key) === seen) waiting.delete(key);
      }
    },
  };
  return cache;
}
