import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { StateStore } from './store.js';

/**
 * A botbuilder {@link Storage} over the state's `botState` section, so conversation and dialog
 * state survive a restart. eTag handling follows botbuilder's MemoryStorage: a write with no eTag
 * or "*" always wins; otherwise the eTag must match the stored one. A write appends only the
 * changed items to the conversation log (src/state/conversationLog.ts), so it is durable when it
 * resolves and costs the same however many conversations are stored.
 */
export class LowdbStorage implements Storage {
  /** `clock` stamps each item's `savedAt`, so idle state can be removed (src/state/prune.ts). */
  constructor(
    private readonly store: StateStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
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
    await this.store.update((state) => {
      for (const [key, change] of Object.entries(changes)) {
        const stored = state.botState[key];
        const eTag: unknown = change?.eTag;
        if (stored !== undefined && eTag !== undefined && eTag !== '*' && eTag !== stored.eTag) {
          throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
        }
        // JSON round trip: the file holds JSON, so what is stored must be exactly what a reload gives back.
        state.botState[key] = { ...JSON.parse(JSON.stringify(change)), eTag: randomUUID(), savedAt: savedAt };
      }
    });
  }

  async delete(keys: string[]): Promise<void> {
    await this.store.update((state) => {
      for (const key of keys) delete state.botState[key];
    });
  }
}
