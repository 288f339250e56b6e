import { describe, expect, test } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { nodeStateFs, type StateFs } from '../../src/state/atomicFile.js';
import { conversationFolderPath } from '../../src/state/conversationRecords.js';
import { LowdbStorage } from '../../src/state/lowdbStorage.js';
import { StateFileError, openStateStore } from '../../src/state/store.js';
import { tempDir } from '../helpers/coreTestKit.js';

/** The real file operations; while `failing` is set, writing a conversation entry fails as on a full disk. */
function failingEntryWrites(): { fs: StateFs; setFailing(on: boolean): void } {
  let failing = false;
  const fs: StateFs = {
    ...nodeStateFs,
    writeFile: (async (file: string, data: string, options: Parameters<typeof nodeStateFs.writeFile>[2]) => {
      if (failing && file.includes('.conversations')) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return nodeStateFs.writeFile(file, data, options);
    }) as StateFs['writeFile'],
  };
  return { fs, setFailing: (on) => (failing = on) };
}

describe('dialog state written behind the turn', () => {
  test('every write is on disk after a flush: none lost, the last of each item kept, in order', async () => {
    const file = join(tempDir(), 'state.json');
    const store = await openStateStore(file);
    const failures: unknown[] = [];
    const storage = new LowdbStorage(store, undefined, { onWriteFailed: (_keys, error) => failures.push(error) });
    // Not awaited one by one: the writes queue up behind each other.
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 60; i += 1) writes.push(storage.write({ [`c${i % 7}`]: { n: i, eTag: '*' } }));
    await Promise.all(writes);
    await store.flush();
    const onDisk = new LowdbStorage(await openStateStore(file, { readOnly: true }));
    const items = await onDisk.read(Array.from({ length: 7 }, (_, k) => `c${k}`));
    // The last of i = 0…59 with i % 7 === k.
    for (let k = 0; k < 7; k += 1) expect(items[`c${k}`]?.n).toBe(59 - ((59 - k) % 7));
    expect(failures).toEqual([]);
  });

  test('a change of another item does not wait for the write before it to reach the disk, and the files are written in order', async () => {
    const file = join(tempDir(), 'state.json');
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    let hold = true;
    const fs: StateFs = {
      ...nodeStateFs,
      writeFile: (async (target: string, data: string, options: Parameters<typeof nodeStateFs.writeFile>[2]) => {
        if (target.includes('.conversations')) {
          order.push(String(JSON.parse(data).item));
          if (hold) {
            hold = false;
            await held;
          }
        }
        return nodeStateFs.writeFile(target, data, options);
      }) as StateFs['writeFile'],
    };
    const store = await openStateStore(file, { fs });
    const storage = new LowdbStorage(store, undefined, { onWriteFailed: () => undefined });
    await storage.write({ a: { v: 1 } });
    // The write of a is held on its way to the disk; b is still in memory at once.
    await storage.write({ b: { v: 1 } });
    expect(store.read().botState.b).toEqual(expect.objectContaining({ v: 1 }));
    expect(order).not.toContain('b');
    release();
    await store.flush();
    expect(order).toEqual(['a', 'b']);
    const onDisk = new LowdbStorage(await openStateStore(file, { readOnly: true }));
    expect(await onDisk.read(['a', 'b'])).toEqual({ a: expect.objectContaining({ v: 1 }), b: expect.objectContaining({ v: 1 }) });
  });

  test('the next read of an item waits for its write: what it reads is on disk', async () => {
    const file = join(tempDir(), 'state.json');
    const store = await openStateStore(file);
    const storage = new LowdbStorage(store, undefined, { onWriteFailed: () => undefined });
    await storage.write({ a: { v: 1 } });
    expect((await storage.read(['a'])).a?.v).toBe(1);
    expect((await new LowdbStorage(await openStateStore(file, { readOnly: true })).read(['a'])).a?.v).toBe(1);
  });

  test('a write that fails behind the turn is reported, put back in memory and on disk, and fails the next read of that item once', async () => {
    const file = join(tempDir(), 'state.json');
    const disk = failingEntryWrites();
    const store = await openStateStore(file, { fs: disk.fs });
    const failed: string[][] = [];
    const storage = new LowdbStorage(store, undefined, { onWriteFailed: (keys) => failed.push([...keys]) });
    await storage.write({ a: { v: 1 } });
    await store.flush();
    disk.setFailing(true);
    await storage.write({ a: { v: 2 }, b: { v: 2 } });
    await store.flush();
    disk.setFailing(false);
    expect(failed).toEqual([['a', 'b']]);
    // The turn that follows in each conversation is told, once: its state was not saved.
    await expect(storage.read(['a'])).rejects.toThrow('failed');
    await expect(storage.read(['b'])).rejects.toThrow('failed');
    // Then it starts from what is on disk, which is what memory holds again.
    expect((await storage.read(['a', 'b']))).toEqual({ a: expect.objectContaining({ v: 1 }) });
    const onDisk = new LowdbStorage(await openStateStore(file, { readOnly: true }));
    expect(await onDisk.read(['a', 'b'])).toEqual({ a: expect.objectContaining({ v: 1 }) });
    const folder = conversationFolderPath(store.file);
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // And later writes work again.
    await storage.write({ b: { v: 3 } });
    await store.flush();
    expect((await new LowdbStorage(await openStateStore(file, { readOnly: true })).read(['b'])).b?.v).toBe(3);
  });

  test('an invalid change is refused at once and changes nothing', async () => {
    const file = join(tempDir(), 'state.json');
    const store = await openStateStore(file);
    const storage = new LowdbStorage(store, undefined, { onWriteFailed: () => undefined });
    await storage.write({ a: { v: 1 } });
    const before = store.read();
    await expect(store.updateDeferred?.((s) => {
      (s.conversations as unknown as Record<string, unknown>).web = 'inte ett objekt';
    })).rejects.toThrow(/Ogiltig ändring/);
    expect(store.read().botState).toEqual(before.botState);
  });

  test('a corrupt entry written by someone else stops the next start naming the file, and is left as it was', async () => {
    const file = join(tempDir(), 'state.json');
    const store = await openStateStore(file);
    const storage = new LowdbStorage(store, undefined, { onWriteFailed: () => undefined });
    await storage.write({ a: { v: 1 } });
    await store.flush();
    const folder = conversationFolderPath(store.file);
    const [name] = readdirSync(folder);
    const broken = join(folder, name ?? '');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(broken, '{"item":"a","value":');
    const error = await openStateStore(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StateFileError);
    expect(String((error as Error).message)).toContain(broken);
    expect(readFileSync(broken, 'utf8')).toBe('{"item":"a","value":');
  });
});
