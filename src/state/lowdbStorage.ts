import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { StateStore } from './store.js';

export interface WriteBehind {
  /** Told of a write that failed after the turn went on (its items are back as they were). */
  onWriteFailed(keys: readonly string[], error: unknown): void;
}

/**
 * A botbuilder {@link Storage} over the state's `botState` section, so conversation and dialog
 * state survive a restart. eTag handling follows botbuilder's MemoryStorage: a write with no eTag
 * or "*" always wins; otherwise the eTag must match the stored one. A write replaces only the
 * changed items' files (src/state/conversationRecords.ts), so it costs the same however many
 * conversations are stored. By default it is on disk when it resolves. With `writeBehind` it
 * resolves once validated and in memory, and the file is written behind the turn (the bulk of a
 * write's cost is the file system's create and rename, npm run bench): the next read of the
 * same items waits for that write and throws if it failed, so a conversation never goes on from
 * state that is not on disk; the store's flush() (shutdown) waits for every write.
 */
export class LowdbStorage implements Storage {
  /** Writes behind the turn not yet on disk, by item key. */
  private readonly pending = new Map<string, Promise<void>>();

  /** `clock` stamps each item's `savedAt`, so idle state can be removed (src/state/prune.ts). */
  constructor(
    private readonly store: StateStore,
    private readonly clock: () => Date = () => new Date(),
    private readonly writeBehind?: WriteBehind,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    for (const key of keys) {
      const written = this.pending.get(key);
      if (!written) continue;
      try {
        await written;
      } catch (error) {
        if (this.pending.get(key) === written) this.pending.delete(key);
        throw new Error(`Storage: the last write of "${key}" failed, so its state was not saved`, { cause: error });
      }
    }
    const items: StoreItems = {};
    const botState = this.store.read().botState;
    for (const key of keys) {
      const item = botState[key];
      // A copy, so the caller's changes reach the file only through write().
      if (item !== undefined) items[key] = structuredClone(item);
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const savedAt = this.clock().toISOString();
    const change = (state: Parameters<Parameters<StateStore['update']>[0]>[0]): void => {
      for (const [key, change] of Object.entries(changes)) {
        const stored = state.botState[key];
        const eTag: unknown = change?.eTag;
        if (stored !== undefined && eTag !== undefined && eTag !== '*' && eTag !== stored.eTag) {
          throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
        }
        // JSON round trip: the file holds JSON, so what is stored must be exactly what a reload gives back.
        state.botState[key] = { ...JSON.parse(JSON.stringify(change)), eTag: randomUUID(), savedAt: savedAt };
      }
    };
    if (!this.writeBehind || !this.store.updateDeferred) {
      await this.store.update(change);
      return;
    }
    const { written } = await this.store.updateDeferred(change);
    const keys = Object.keys(changes);
    for (const key of keys) this.pending.set(key, written);
    const onFailed = this.writeBehind.onWriteFailed;
    // Done: forgotten. Failed: kept, so the next read of the items throws once (then starts from what is on disk).
    written.then(
      () => {
        for (const key of keys) if (this.pending.get(key) === written) this.pending.delete(key);
      },
      (error: unknown) => onFailed(keys, error),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await this.store.update((state) => {
      for (const key of keys) delete state.botState[key];
    });
  }
}
