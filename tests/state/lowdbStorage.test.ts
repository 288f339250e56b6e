import { describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { LowdbStorage } from '../../src/state/lowdbStorage.js';
import { openStateStore } from '../../src/state/store.js';
import { tempDir } from '../helpers/coreTestKit.js';

async function storage() {
  const file = join(tempDir(), 'state.json');
  const store = await openStateStore(file);
  return { file, store, storage: new LowdbStorage(store) };
}

describe('LowdbStorage', () => {
  test('reads what was written, with a new eTag; unknown keys are absent', async () => {
    const { storage: s } = await storage();
    await s.write({ a: { count: 1, nested: { list: [1, 2] } } });
    const items = await s.read(['a', 'missing']);
    expect(Object.keys(items)).toEqual(['a']);
    expect(items.a).toMatchObject({ count: 1, nested: { list: [1, 2] } });
    expect(typeof items.a.eTag).toBe('string');
  });

  test('a read item is a copy: changing it does not change storage', async () => {
    const { storage: s } = await storage();
    await s.write({ a: { count: 1 } });
    const items = await s.read(['a']);
    items.a.count = 99;
    expect((await s.read(['a'])).a.count).toBe(1);
  });

  test('eTag like MemoryStorage: matching or "*" or none wins, a stale one is rejected', async () => {
    const { storage: s } = await storage();
    await s.write({ a: { v: 1 } });
    const first = (await s.read(['a'])).a;
    await s.write({ a: { ...first, v: 2 } });
    await expect(s.write({ a: { ...first, v: 3 } })).rejects.toThrow('eTag conflict');
    expect((await s.read(['a'])).a.v).toBe(2);
    await s.write({ a: { v: 4, eTag: '*' } });
    await s.write({ a: { v: 5 } });
    expect((await s.read(['a'])).a.v).toBe(5);
  });

  test('survives reopening the state file after a flush (shutdown); delete removes', async () => {
    const { file, store, storage: s } = await storage();
    await s.write({ a: { v: 1 }, b: { v: 2 } });
    await store.flush();
    const second = await openStateStore(file);
    const reopened = new LowdbStorage(second);
    expect((await reopened.read(['a', 'b'])).b.v).toBe(2);
    await reopened.delete(['a']);
    await second.flush();
    expect(Object.keys(await new LowdbStorage(await openStateStore(file)).read(['a', 'b']))).toEqual(['b']);
  });

  test('dialog state is on disk when the write resolves, without a flush', async () => {
    const { file, storage: s } = await storage();
    await s.write({ a: { v: 1 } });
    expect((await new LowdbStorage(await openStateStore(file)).read(['a'])).a.v).toBe(1);
  });
});
