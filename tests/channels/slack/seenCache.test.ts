import { createSeenCache } from '../../../src/channels/slack/seenCache.js';

describe('createSeenCache', () => {
  it('reports a key seen within the TTL and forgets it after', () => {
    let now = 0;
    const cache = createSeenCache({ ttlMs: 1000, now: () => now });
    expect(cache.checkAndRemember('Ev1')).toBe(false);
    now = 999;
    expect(cache.checkAndRemember('Ev1')).toBe(true);
    now = 1001;
    expect(cache.checkAndRemember('Ev1')).toBe(false);
  });

  it('stays bounded, dropping the oldest keys first', () => {
    const cache = createSeenCache({ maxEntries: 3, now: () => 0 });
    for (const key of ['a', 'b', 'c', 'd']) cache.checkAndRemember(key);
    expect(cache.size).toBe(3);
    expect(cache.checkAndRemember('d')).toBe(true);
    expect(cache.checkAndRemember('a')).toBe(false);
  });
});
