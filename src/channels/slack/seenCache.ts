/**
 * Remembers keys (Slack event ids, request signatures, pressed buttons) for a while, bounded in
 * size, so a retried, duplicated or replayed delivery is recognised. The server keeps them in the
 * state file (./persistedSeen.ts), so a replay after a restart is recognised too; this in-memory
 * one serves the benchmark's echo bot and unit tests.
 */
export interface SeenCache {
  /** Records `key` for `ttlMs`; true when it was already there (a duplicate), false the first time. */
  checkAndRemember(key: string, ttlMs: number): Promise<boolean>;
}

export interface SeenCacheOptions {
  maxEntries?: number;
  /** Milliseconds since epoch; injectable for tests. */
  now?: () => number;
}

/**
 * Slack retries a failed event delivery three times within about half an hour (immediately,
 * after 1 and after 5 minutes), so an event id is kept an hour.
 */
export const EVENT_ID_TTL_MS = 60 * 60 * 1000;
/**
 * A signature is valid while its timestamp lies within five minutes of our clock, in either
 * direction (verify.ts), so a replay can arrive at most ten minutes after the first delivery.
 */
export const SIGNATURE_TTL_MS = 10 * 60 * 1000;
export const DEFAULT_SEEN_MAX_ENTRIES = 10_000;

export function createSeenCache(options: SeenCacheOptions = {}): SeenCache & { readonly size: number } {
  const maxEntries = options.maxEntries ?? DEFAULT_SEEN_MAX_ENTRIES;
  const now = options.now ?? Date.now;
  const expiries = new Map<string, number>();
  return {
    async checkAndRemember(key, ttlMs) {
      return rememberIn(expiries, key, now(), ttlMs, maxEntries);
    },
    get size() {
      return expiries.size;
    },
  };
}

/**
 * The one rule both caches share: drop what expired, answer whether `key` is there, record it,
 * and keep at most `maxEntries` (the oldest go first: a Map iterates in insertion order).
 */
export function rememberIn(expiries: Map<string, number>, key: string, at: number, ttlMs: number, maxEntries: number): boolean {
  for (const [k, expiry] of expiries) if (expiry <= at) expiries.delete(k);
  if (expiries.has(key)) return true;
  expiries.set(key, at + ttlMs);
  for (const k of expiries.keys()) {
    if (expiries.size <= maxEntries) break;
    expiries.delete(k);
  }
  return false;
}
