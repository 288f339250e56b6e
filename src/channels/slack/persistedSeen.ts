import type { StateStore } from '../../state/store.js';
import { DEFAULT_SEEN_MAX_ENTRIES, rememberIn, type SeenCache, type SeenCacheOptions } from './seenCache.js';

/**
 * The server's {@link SeenCache}: the keys live in the state file's `slackSeen` section, so a
 * signed request replayed after a restart is still recognised (issue 15, finding 10). The check
 * and the record happen in one state change (synchronous, so two copies of a request arriving
 * together cannot both pass), and the answer comes only once the key is on disk.
 * Expired keys are pruned on every change and the section stays at most `maxEntries` long.
 */
export function createPersistedSeenCache(state: StateStore, options: SeenCacheOptions = {}): SeenCache {
  const maxEntries = options.maxEntries ?? DEFAULT_SEEN_MAX_ENTRIES;
  const now = options.now ?? Date.now;
  return {
    async checkAndRemember(key, ttlMs) {
      // A duplicate needs no write.
      if ((state.read().slackSeen[key] ?? 0) > now()) return true;
      return state.update((draft) => {
        const expiries = new Map(Object.entries(draft.slackSeen));
        const seen = rememberIn(expiries, key, now(), ttlMs, maxEntries);
        if (!seen) draft.slackSeen = Object.fromEntries(expiries);
        return seen;
      });
    },
  };
}
