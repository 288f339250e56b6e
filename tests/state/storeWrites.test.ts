import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openStateStore } from '../../src/state/store.js';

async function tempStateFile(): Promise<string> {
  return path.join(await mkdtemp(path.join(os.tmpdir(), 'svb-writes-')), 'state.json');
}

describe('state store writes', () => {
  it('acknowledges each of many concurrent changes only once it is on disk', async () => {
    const file = await tempStateFile();
    const store = await openStateStore(file);
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.update((s) => {
      s.botState[`k${i}`] = { value: i };
    }).then(async () => {
      // At the moment a change is acknowledged, the files on disk hold it.
      const onDisk = await openStateStore(file, { readOnly: true });
      expect(onDisk.read().botState[`k${i}`]).toEqual({ value: i });
    })));
    const reopened = await openStateStore(file);
    expect(Object.keys(reopened.read().botState)).toHaveLength(50);
  });

  it('leaves every section as it was when a change is invalid, and keeps untouched sections identical', async () => {
    const file = await tempStateFile();
    const store = await openStateStore(file);
    await store.update((s) => { s.botState.a = { n: 1 }; });
    const before = store.read();
    await expect(store.update((s) => {
      s.botState.b = { n: 2 };
      (s.conversations as unknown as Record<string, unknown>).web = 'inte ett objekt';
    })).rejects.toThrow(/Ogiltig ändring av status: \$\.conversations/);
    expect(store.read()).toBe(before);
    await store.update((s) => { s.botState.c = { n: 3 }; });
    expect(store.read().audit).toBe(before.audit);
    expect(store.read().botState.a).toBe(before.botState.a);
    expect((await openStateStore(file, { readOnly: true })).read().botState).toEqual({ a: { n: 1 }, c: { n: 3 } });
  });

  it('rejects an invalid bot state item without changing anything', async () => {
    const file = await tempStateFile();
    const store = await openStateStore(file);
    await expect(store.update((s) => {
      (s.botState as Record<string, unknown>).x = { eTag: 42 };
    })).rejects.toThrow(/\$\.botState\.x/);
    expect(store.read().botState).toEqual({});
  });

  it('does not let a change that throws reach the state', async () => {
    const file = await tempStateFile();
    const store = await openStateStore(file);
    await expect(store.update((s) => {
      s.botState.y = { n: 1 };
      throw new Error('avbruten');
    })).rejects.toThrow('avbruten');
    expect(store.read().botState).toEqual({});
    await store.flush();
  });

  it('treats ids such as "constructor" or "__proto__" as ordinary keys, not as stored entries', async () => {
    const file = await tempStateFile();
    const store = await openStateStore(file);
    await store.update((s) => { s.conversations.web = { abc: { lastSeen: '2026-11-23T10:00:00.000Z' } }; });
    const state = (await openStateStore(file, { readOnly: true })).read();
    expect(state.conversations.web?.constructor).toBeUndefined();
    expect(state.conversations.toString).toBeUndefined();
    expect(state.botState.constructor).toBeUndefined();
    await store.update((s) => { s.botState.__proto__ = { n: 1 }; });
    expect(Object.keys((await openStateStore(file, { readOnly: true })).read().botState)).toEqual(['__proto__']);
  });
});
