import { createPersistedSeenCache } from '../../../src/channels/slack/persistedSeen.js';
import { createSeenCache } from '../../../src/channels/slack/seenCache.js';
import { openStateStore } from '../../../src/state/store.js';
import { tempDir } from '../../helpers/coreTestKit.js';

describe('createSeenCache', () => {
  it('reports a key seen within its TTL and forgets it after', async () => {
    let now = 0;
    const cache = createSeenCache({ now: () => now });
    expect(await cache.checkAndRemember('Ev1', 1000)).toBe(false);
    now = 999;
    expect(await cache.checkAndRemember('Ev1', 1000)).toBe(true);
    now = 1001;
    expect(await cache.checkAndRemember('Ev1', 1000)).toBe(false);
  });

  it('stays bounded, dropping the oldest keys first', async () => {
    const cache = createSeenCache({ maxEntries: 3, now: () => 0 });
    for (const key of ['a', 'b', 'c', 'd']) await cache.checkAndRemember(key, 1000);
    expect(cache.size).toBe(3);
    expect(await cache.checkAndRemember('d', 1000)).toBe(true);
    expect(await cache.checkAndRemember('a', 1000)).toBe(false);
  });
});

describe('createPersistedSeenCache', () => {
  it('keeps its keys in the state file: a reopened store still knows them', async () => {
    const file = `${tempDir()}/state.json`;
    let now = 1_000;
    const first = await openStateStore(file);
    const cache = createPersistedSeenCache(first, { now: () => now });
    expect(await cache.checkAndRemember('signature:v0=abc', 600_000)).toBe(false);
    expect(await cache.checkAndRemember('signature:v0=abc', 600_000)).toBe(true);
    await first.flush();
    // The writer lock is per process and file; a read-only reopen shows what reached the disk.
    const again = await openStateStore(file, { readOnly: true });
    expect(again.read().slackSeen).toEqual({ 'signature:v0=abc': 601_000 });
    now = 601_001;
    expect(await cache.checkAndRemember('signature:v0=abc', 600_000)).toBe(false);
  });

  it('records keys that arrive together in one write, and a copy that arrives meanwhile is seen once the first is on disk', async () => {
    const store = await openStateStore(`${tempDir()}/state.json`);
    let updates = 0;
    const counted = { ...store, file: store.file, read: () => store.read(), flush: () => store.flush(), update: <T>(change: Parameters<typeof store.update<T>>[0]) => {
      updates += 1;
      return store.update(change);
    } };
    const cache = createPersistedSeenCache(counted, { now: () => 0 });
    // Keys that arrive before the change starts (here: all of them) are written together.
    const answers = await Promise.all(['a', 'b', 'c', 'b', 'd'].map((key) => cache.checkAndRemember(key, 1000)));
    expect(answers).toEqual([false, false, false, true, false]);
    expect(updates).toBe(1);
    // And a key that arrives while that write is under way waits for the next one.
    const later = [cache.checkAndRemember('e', 1000)];
    await Promise.resolve();
    later.push(cache.checkAndRemember('f', 1000), cache.checkAndRemember('e', 1000));
    expect(await Promise.all(later)).toEqual([false, false, true]);
    expect(Object.keys(store.read().slackSeen)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('prunes expired keys and stays bounded', async () => {
    let now = 0;
    const state = await openStateStore(`${tempDir()}/state.json`);
    const cache = createPersistedSeenCache(state, { maxEntries: 3, now: () => now });
    for (const key of ['a', 'b', 'c', 'd']) await cache.checkAndRemember(key, 1000);
    expect(Object.keys(state.read().slackSeen)).toEqual(['b', 'c', 'd']);
    now = 5000;
    await cache.checkAndRemember('e', 1000);
    expect(Object.keys(state.read().slackSeen)).toEqual(['e']);
  });
});
