import { describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseConfig } from '../../src/config.js';
import { fixedDayClock } from '../../src/core/clock.js';
import { createConversationCore } from '../../src/core/conversationCore.js';
import { createMemoryLogger } from '../../src/core/log.js';
import { loadData, type AgreementData } from '../../src/data/load.js';
import { nodeStateFs, type StateFs } from '../../src/state/atomicFile.js';
import { conversationFolderPath, entryFileName } from '../../src/state/conversationRecords.js';
import type { EntryRecord } from '../../src/state/entryRecords.js';
import { recordTurn } from '../../src/state/knownConversations.js';
import { openStateStore } from '../../src/state/store.js';
import { tempDir } from '../helpers/coreTestKit.js';

describe('the cap on anonymous conversations', () => {
  test('a new conversation past the cap removes the oldest ones with their dialog state; other channels are not capped', async () => {
    const store = await openStateStore(join(tempDir(), 'state.json'));
    const cap = { channels: ['web'], max: 10 };
    const day = (n: number) => new Date(Date.UTC(2026, 0, n, 9));
    for (let n = 1; n <= 10; n++) {
      await store.update((s) => { s.botState[`web/conversations/w${n}/`] = { dialogState: { n } }; });
      await recordTurn(store, 'web', `w${n}`, day(n), cap);
    }
    for (let n = 1; n <= 20; n++) await recordTurn(store, 'slack', `s${n}`, day(n), cap);
    expect(Object.keys(store.read().conversations.web ?? {})).toHaveLength(10);

    await recordTurn(store, 'web', 'w11', day(11), cap);

    const web = Object.keys(store.read().conversations.web ?? {}).sort();
    expect(web.length).toBeLessThanOrEqual(10);
    expect(web).toContain('w11');
    expect(web).toContain('w10');
    // Oldest first: whatever is gone is older than whatever is kept.
    expect(web).not.toContain('w1');
    expect(store.read().botState['web/conversations/w1/']).toBeUndefined();
    for (const id of web.filter((id) => id !== 'w11')) expect(store.read().botState[`web/conversations/${id}/`]).toBeDefined();
    expect(Object.keys(store.read().conversations.slack ?? {})).toHaveLength(20);
  });

  test('STATE_MAX_ANONYMOUS_CONVERSATIONS: default 10 000, nonsense refused', () => {
    expect(parseConfig({}).STATE_MAX_ANONYMOUS_CONVERSATIONS).toBe(10_000);
    expect(parseConfig({ STATE_MAX_ANONYMOUS_CONVERSATIONS: '500' }).STATE_MAX_ANONYMOUS_CONVERSATIONS).toBe(500);
    expect(() => parseConfig({ STATE_MAX_ANONYMOUS_CONVERSATIONS: '0' })).toThrow(/STATE_MAX_ANONYMOUS_CONVERSATIONS/);
  });
});

/** Writes `count` stored web conversations (known conversation + ~1 kB of dialog state each) straight into the state folder. */
async function seed(file: string, count: number): Promise<void> {
  const folder = conversationFolderPath(file);
  mkdirSync(folder, { recursive: true });
  const dialogState = { dialogStack: [{ id: 'mainDialog', state: { note: 'x'.repeat(900) } }] };
  const records: EntryRecord[] = [];
  for (let i = 0; i < count; i++) {
    records.push({ channel: 'web', conversation: `c${i}`, value: { lastSeen: '2026-11-20T08:00:00.000Z' } });
    records.push({ item: `web/conversations/c${i}/`, value: { eTag: 'x', savedAt: '2026-11-20T08:00:00.000Z', dialogState } });
  }
  let next = 0;
  await Promise.all(Array.from({ length: 32 }, async () => {
    while (next < records.length) {
      const record = records[next++] as EntryRecord;
      await writeFile(join(folder, entryFileName(record)), JSON.stringify(record));
    }
  }));
}

/** File operations that count what is written. */
function countingFs(): { fs: StateFs; counts: { bytes: number; writes: number; removals: number } } {
  const counts = { bytes: 0, writes: 0, removals: 0 };
  const fs: StateFs = {
    ...nodeStateFs,
    writeFile: ((file: string, data: string, options: Parameters<typeof nodeStateFs.writeFile>[2]) => {
      counts.writes += 1;
      counts.bytes += Buffer.byteLength(data);
      return nodeStateFs.writeFile(file, data, options);
    }) as StateFs['writeFile'],
    unlink: ((file: string) => {
      counts.removals += 1;
      return nodeStateFs.unlink(file);
    }) as StateFs['unlink'],
  };
  return { fs, counts };
}

/**
 * A folder in memory where there is one: the test counts writes, not time, and 120,000 small files
 * on the disk would slow every other test running beside it.
 */
function scratchDir(): string {
  return existsSync('/dev/shm') ? mkdtempSync(join('/dev/shm', 'samverkan-growth-')) : tempDir('samverkan-growth-');
}

async function turnWork(data: AgreementData, stored: number) {
  const dir = scratchDir();
  try {
    return await turnWorkIn(dir, data, stored);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function turnWorkIn(dir: string, data: AgreementData, stored: number) {
  const file = join(dir, 'state.json');
  await seed(file, stored);
  const { fs, counts } = countingFs();
  const state = await openStateStore(file, { fs });
  expect(Object.keys(state.read().conversations.web ?? {})).toHaveLength(stored);
  const core = createConversationCore({
    data,
    state,
    clock: fixedDayClock('2026-11-23'),
    log: createMemoryLogger('info').logger,
    conversationCap: { channels: ['web'], max: 1_000_000 },
  });
  const inode = statSync(file).ino;
  const mtime = statSync(file).mtimeMs;
  const before = { ...counts };
  // A new conversation (two turns) and one of the stored ones.
  await core.ask({ channelId: 'web', conversationId: 'ny', userId: 'anon-ny', text: 'hjälp' });
  await core.ask({ channelId: 'web', conversationId: 'ny', userId: 'anon-ny', text: 'När är nästa styrelsemöte?' });
  await core.ask({ channelId: 'web', conversationId: 'c5', userId: 'anon-c5', text: 'hjälp' });
  await core.flush();
  // The state file itself is not rewritten by turns.
  expect(statSync(file).ino).toBe(inode);
  expect(statSync(file).mtimeMs).toBe(mtime);
  return { bytes: counts.bytes - before.bytes, writes: counts.writes - before.writes, removals: counts.removals - before.removals };
}

describe('state growth', () => {
  test("a turn's writes are the same with 60,000 stored conversations as with 100", async () => {
    const data = await loadData('data');
    const small = await turnWork(data, 100);
    const large = await turnWork(data, 60_000);
    expect(small.writes).toBeGreaterThan(0);
    expect(large.writes).toBe(small.writes);
    expect(large.removals).toBe(small.removals);
    // The same entries, give or take a few characters of ids and eTags.
    expect(Math.abs(large.bytes - small.bytes)).toBeLessThan(200);
    // Three turns write a few kB, not the 60 MB a whole-state rewrite would.
    expect(large.bytes).toBeLessThan(64 * 1024);
  }, 240_000);
});
