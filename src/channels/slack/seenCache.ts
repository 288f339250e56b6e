/**
 * Remembers keys (Slack event ids, pressed buttons) for a while, bounded in size, so a retried or
 * duplicated delivery is recognised. Slack retries a failed event delivery three times within
 * about half an hour (immediately, after 1 and after 5 minutes), so the default hour covers them all.
 *
 * Kept in memory, not in the state file: we acknowledge within seconds, so Slack retries only when
 * a response was lost, and a restart in exactly that gap is rare; writing the whole state file
 * for every incoming event would cost far more than the rare duplicate answer it prevents.
 */
export interface SeenCache {
  /** Records `key`; true when it was already there (a duplicate), false the first time. */
  checkAndRemember(key: string): boolean;
  readonly size: number;
}

export interface SeenCacheOptions {
  ttlMs?: number;
  maxEntries?: number;
  /** Milliseconds since epoch; injectable for tests. */
  now?: () => number;
}

export const DEFAULT_SEEN_TTL_MS = 60 * 60 * 1000;
export const DEFAULT_SEEN_MAX_ENTRIES = 10_000;

export function createSeenCache(options: SeenCacheOptions = {}): SeenCache {
  const ttlMs = options.ttlMs ?? DEFAULT_SEEN_TTL_MS;
  const maxEntries = options.maxEntries ?? DEFAULT_SEEN_MAX_ENTRIES;
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order, so the oldest entries come first.
  const expiries = new Map<string, number>();

  const evict = (at: number): void => {
    for (const [key, expiry] of expiries) {
      if (expiry > at && expiries.size <= maxEntries) break;
      expiries.delete(key);
    }
  };

  return {
    checkAndRemember(key) {
      const at = now();
      evict(at);
      const expiry = expiries.get(key);
      if (expiry !== undefined && expiry > at) return true;
      expiries.set(key, at + ttlMs);
      evict(at);
      return false;
    },
    get size() {
      return expiries.size;
    },
  };
}
