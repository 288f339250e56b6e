import { describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultState } from '../../src/state/schema.js';
import { conversationFolderPath } from '../../src/state/conversationRecords.js';
import { StateFileError, openStateStore } from '../../src/state/store.js';
import { releaseWriterLock } from '../../src/state/writerLock.js';
import { tempDir } from '../helpers/coreTestKit.js';

async function openError(file: string): Promise<StateFileError> {
  try {
    await openStateStore(file);
  } catch (error) {
    if (error instanceof StateFileError) return error;
    throw error;
  }
  throw new Error('openStateStore did not throw');
}

describe('openStateStore', () => {
  test('a missing file is created with defaults, folders included', async () => {
    const file = join(tempDir(), 'nested', 'deeper', 'state.json');
    const store = await openStateStore(file);
    expect(existsSync(file)).toBe(true);
    // Conversation and dialog state live in the conversation log beside it.
    const { botState: _b, conversations: _c, ...fileSections } = defaultState();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(fileSections);
    expect(store.read()).toEqual(defaultState());
  });

  test('update writes to disk before it resolves, and a reopened store sees it', async () => {
    const file = join(tempDir(), 'state.json');
    const store = await openStateStore(file);
    const result = await store.update((s) => {
      s.conversations.web = { abc: { lastSeen: '2026-11-23T10:00:00.000Z' } };
      return 'done';
    });
    expect(result).toBe('done');
    const onDisk = await openStateStore(file, { readOnly: true });
    expect(onDisk.read().conversations.web?.abc?.lastSeen).toBe('2026-11-23T10:00:00.000Z');
    const again = await openStateStore(file);
    expect(again.read().conversations.web?.abc).toEqual({ lastSeen: '2026-11-23T10:00:00.000Z' });
  });

  test('concurrent updates are all kept, in order', async () => {
    const file = join(tempDir(), 'state.json');
    const store = await openStateStore(file);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        store.update((s) => {
          s.botState.counter = { values: [...((s.botState.counter?.values as number[] | undefined) ?? []), i] };
        }),
      ),
    );
    await store.flush();
    const onDisk = await openStateStore(file, { readOnly: true });
    expect(onDisk.read().botState.counter?.values).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  test('a change that breaks the schema, or throws, changes nothing', async () => {
    const file = join(tempDir(), 'state.json');
    const store = await openStateStore(file);
    const before = readFileSync(file, 'utf8');
    await expect(
      store.update((s) => {
        (s.conversations as Record<string, unknown>).web = 'not a record';
      }),
    ).rejects.toThrow(/\$\.conversations\.web/);
    await expect(
      store.update((s) => {
        s.conversations.web = { half: { lastSeen: 'x' } };
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(store.read()).toEqual(defaultState());
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  test('a file written before newer sections existed loads with their defaults', async () => {
    const file = join(tempDir(), 'state.json');
    writeFileSync(file, JSON.stringify({ botState: { k: { eTag: '1', x: 1 } } }));
    const store = await openStateStore(file);
    expect(store.read().botState.k).toEqual({ eTag: '1', x: 1 });
    expect(store.read().subscriptions).toEqual([]);
  });

  test.each([
    ['not JSON', '{"botState": {', /ogiltig JSON/],
    ['an empty file', '', /ogiltig JSON/],
    ['a JSON array', '[]', /ska vara ett JSON-objekt men är en lista/],
    ['a schema violation', JSON.stringify({ conversations: { web: { abc: { lastSeen: 42 } } } }), /\$\.conversations\.web\.abc\.lastSeen/],
    ['a wrong section type', JSON.stringify({ audit: {} }), /\$\.audit/],
  ])('%s: StateFileError naming the file and the problem; the file is left untouched', async (_what, content, problem) => {
    const dir = tempDir();
    const file = join(dir, 'state.json');
    writeFileSync(file, content);
    const error = await openError(file);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(problem);
    expect(error.file).toBe(file);
    expect(readFileSync(file, 'utf8')).toBe(content);
    // No temp file or replacement was written beside it.
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  test('conversation state in a state file from before the entry folder moves into the folder, nothing lost', async () => {
    const file = join(tempDir(), 'state.json');
    const old = { botState: { 'web/conversations/a/': { eTag: '1', dialogState: { x: 1 } } }, conversations: { web: { a: { lastSeen: '2026-11-20T08:00:00.000Z' } } }, audit: [] };
    writeFileSync(file, JSON.stringify(old));
    await openStateStore(file);
    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(onDisk.botState).toBeUndefined();
    expect(onDisk.conversations).toBeUndefined();
    expect(readdirSync(conversationFolderPath(file))).toHaveLength(2);
    const state = (await openStateStore(file, { readOnly: true })).read();
    expect(state.botState['web/conversations/a/']).toEqual(old.botState['web/conversations/a/']);
    expect(state.conversations.web?.a).toEqual(old.conversations.web.a);
  });

  test('a broken conversation entry stops start-up naming its file; nothing is overwritten', async () => {
    const file = join(tempDir(), 'state.json');
    const store = await openStateStore(file);
    await store.update((s) => { s.botState.k = { n: 1 }; });
    releaseWriterLock(file);
    const folder = conversationFolderPath(file);
    const [entry] = readdirSync(folder);
    const broken = join(folder, entry ?? '');
    writeFileSync(broken, '{"item": "k", "value": ');
    const error = await openError(file);
    expect(error.message).toContain(broken);
    expect(error.message).toMatch(/ogiltig JSON/);
    expect(readFileSync(broken, 'utf8')).toBe('{"item": "k", "value": ');
  });

  test('a folder where the file should be is reported, not overwritten', async () => {
    const file = join(tempDir(), 'state.json');
    mkdirSync(file);
    expect((await openError(file)).message).toContain('sökvägen är en mapp');
  });
});
