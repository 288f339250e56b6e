import { describe, expect, test } from '@jest/globals';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeStateFs, type StateFs } from '../../src/state/atomicFile.js';
import { conversationFolderPath } from '../../src/state/conversationRecords.js';
import { StateFileError, openStateStore } from '../../src/state/store.js';
import { tempDir } from '../helpers/coreTestKit.js';

/**
 * The real file operations, except that while `full` is set every write behaves as on a full
 * disk: part of the data reaches the file, then ENOSPC.
 */
function fullDiskFs(fullFor: (file: string) => boolean = () => true): { fs: StateFs; setFull(full: boolean): void } {
  let on = false;
  const isFull = (file: string): boolean => on && fullFor(file);
  const enospc = (): NodeJS.ErrnoException => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  const half = (data: unknown): string => String(data).slice(0, Math.floor(String(data).length / 2));
  const fs: StateFs = {
    ...nodeStateFs,
    writeFile: (async (file: string, data: string, options: Parameters<typeof nodeStateFs.writeFile>[2]) => {
      if (!isFull(file)) return nodeStateFs.writeFile(file, data, options);
      await nodeStateFs.writeFile(file, half(data), options);
      throw enospc();
    }) as StateFs['writeFile'],
    unlink: (async (file: string) => {
      if (!isFull(file) || file.endsWith('.tmp')) return nodeStateFs.unlink(file);
      throw enospc(); // a removal needs a journal write too; fails with the rest
    }) as StateFs['unlink'],
  };
  return { fs, setFull: (value) => (on = value) };
}

const entry = (id: string) => ({ id, at: '2026-11-23T10:00:00.000Z', actor: 'cli:test', action: 'tertial-import', summary: `Import ${id}`, details: {} });

describe('a write that fails (full disk)', () => {
  test('rolls the state back in memory, leaves the files as they were with no temp file, and later writes work again', async () => {
    const dir = tempDir();
    const file = join(dir, 'state.json');
    const disk = fullDiskFs();
    const store = await openStateStore(file, { fs: disk.fs });
    await store.update((s) => {
      s.audit.push(entry('a1'));
      s.botState.k = { n: 1 };
    });
    const files = () => readdirSync(dir).sort();
    const folder = conversationFolderPath(file);
    const folderFiles = () => readdirSync(folder).sort().map((name) => `${name}:${readFileSync(join(folder, name), 'utf8')}`);
    const before = { state: store.read(), main: readFileSync(file, 'utf8'), entries: folderFiles(), files: files() };

    disk.setFull(true);
    // Many failures in a row, of each kind of write: none may wedge the store.
    for (let i = 0; i < 12; i++) {
      await expect(store.update((s) => { s.audit.push(entry(`full-${i}`)); })).rejects.toThrow(/ENOSPC/);
      await expect(store.update((s) => { s.botState.k = { n: 100 + i }; })).rejects.toThrow(/ENOSPC/);
      await expect(store.update((s) => {
        s.botState.both = { n: i };
        s.audit.push(entry(`both-${i}`));
      })).rejects.toThrow(/ENOSPC/);
    }
    expect(store.read()).toBe(before.state);
    expect(store.read().botState.k).toEqual({ n: 1 });
    expect(readFileSync(file, 'utf8')).toBe(before.main);
    expect(folderFiles()).toEqual(before.entries); // no temp file left behind, no entry changed
    expect(files()).toEqual(before.files);

    disk.setFull(false); // space freed
    await store.update((s) => {
      s.audit.push(entry('a2'));
      s.botState.k = { n: 2 };
    });
    const reopened = (await openStateStore(file, { readOnly: true })).read();
    expect(reopened.audit.map((e) => e.id)).toEqual(['a1', 'a2']);
    expect(reopened.botState.k).toEqual({ n: 2 });
    expect(reopened.botState.both).toBeUndefined();
    expect(files()).toEqual(before.files);
  });

  test('a change to both the state file and conversation state whose state-file write fails puts the written entries back', async () => {
    const dir = tempDir();
    const file = join(dir, 'state.json');
    // Only the state file's own write fails: the entry is written first and must be undone.
    const disk = fullDiskFs((path) => path.startsWith(`${file}.tmp`));
    const store = await openStateStore(file, { fs: disk.fs });
    await store.update((s) => {
      s.botState.k = { n: 1 };
    });
    disk.setFull(true);
    await expect(store.update((s) => {
      s.botState.k = { n: 2 };
      s.botState.added = { n: 3 };
      s.audit.push(entry('a1'));
    })).rejects.toThrow(/ENOSPC/);
    expect(store.read().botState.k).toEqual({ n: 1 });
    const reopened = (await openStateStore(file, { readOnly: true })).read();
    expect(reopened.botState.k).toEqual({ n: 1 });
    expect(reopened.botState.added).toBeUndefined();
    expect(reopened.audit).toEqual([]);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('the state file and each conversation entry are created readable by the owner only (0600)', async () => {
    const dir = tempDir();
    const file = join(dir, 'state.json');
    const store = await openStateStore(file);
    await store.update((s) => {
      s.audit.push(entry('a1'));
      s.botState.k = { n: 1 };
    });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const folder = conversationFolderPath(file);
    for (const name of readdirSync(folder)) expect(statSync(join(folder, name)).mode & 0o777).toBe(0o600);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
  });
});

describe('a state file that is not a JSON object', () => {
  test.each([
    ['null', 'null'],
    ['false', 'false'],
    ['0', '0'],
    ['an empty string', '""'],
    ['an empty list', '[]'],
  ])('%s stops start-up naming the file and the problem; nothing is written', async (_what, content) => {
    const dir = tempDir();
    const file = join(dir, 'state.json');
    writeFileSync(file, content);
    const error = await openStateStore(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StateFileError);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(/ska vara ett JSON-objekt/);
    expect(readFileSync(file, 'utf8')).toBe(content);
    expect(readdirSync(dir)).toEqual(['state.json']);
  });
});

describe('sections this version does not know', () => {
  test('are kept through writes of the other sections', async () => {
    const file = join(tempDir(), 'state.json');
    const future = { entries: [{ id: 'x', note: 'från en nyare version' }] };
    writeFileSync(file, JSON.stringify({ audit: [], framtidaSektion: future }));
    const store = await openStateStore(file);
    await store.update((s) => { s.audit.push(entry('a1')); });
    await store.update((s) => { s.botState.k = { n: 1 }; });
    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(onDisk.framtidaSektion).toEqual(future);
    expect((onDisk.audit as unknown[]).length).toBe(1);
  });
});
