import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../../src/config.js';
import { LowdbStorage } from '../../src/state/lowdbStorage.js';
import { pruneIdleState } from '../../src/state/prune.js';
import { openStateStore } from '../../src/state/store.js';

async function store() {
  return openStateStore(path.join(await mkdtemp(path.join(os.tmpdir(), 'svb-prune-')), 'state.json'));
}

describe('pruning idle conversation state', () => {
  it('stamps what LowdbStorage saves with the injected clock', async () => {
    const s = await store();
    await new LowdbStorage(s, () => new Date('2026-01-10T08:00:00Z')).write({ 'web/conversations/a/': { dialogState: {} } });
    expect(s.read().botState['web/conversations/a/']?.savedAt).toBe('2026-01-10T08:00:00.000Z');
  });

  it('removes dialog state and known conversations idle for longer than the retention, keeps the rest', async () => {
    const s = await store();
    const old = new LowdbStorage(s, () => new Date('2026-01-01T08:00:00Z'));
    const recent = new LowdbStorage(s, () => new Date('2026-02-20T08:00:00Z'));
    await old.write({ 'web/conversations/gammal/': { fakta: { alder: 31 } } });
    await recent.write({ 'web/conversations/ny/': { fakta: {} } });
    await s.update((d) => {
      d.botState['slack/users/u1/'] = { eTag: 'x' };
      d.conversations.web = { gammal: { lastSeen: '2026-01-01T08:00:00.000Z' }, ny: { lastSeen: '2026-02-20T08:00:00.000Z' } };
    });

    const removed = await pruneIdleState(s, new Date('2026-03-01T08:00:00Z'), 30);

    expect(removed).toEqual({ items: 1, conversations: 1 });
    const state = s.read();
    expect(Object.keys(state.botState).sort()).toEqual(['slack/users/u1/', 'web/conversations/ny/']);
    expect(state.conversations.web).toEqual({ ny: { lastSeen: '2026-02-20T08:00:00.000Z' } });
    // An item from before savedAt existed is stamped now, so it expires one retention period later.
    expect(state.botState['slack/users/u1/']?.savedAt).toBe('2026-03-01T08:00:00.000Z');
    expect(await pruneIdleState(s, new Date('2026-03-15T08:00:00Z'), 30)).toEqual({ items: 0, conversations: 0 });
    expect((await pruneIdleState(s, new Date('2026-04-01T08:00:00Z'), 30)).items).toBe(2);
  });

  it('reads the retention from STATE_RETENTION_DAYS (default 30) and rejects nonsense', () => {
    expect(parseConfig({}).STATE_RETENTION_DAYS).toBe(30);
    expect(parseConfig({ STATE_RETENTION_DAYS: '7' }).STATE_RETENTION_DAYS).toBe(7);
    expect(() => parseConfig({ STATE_RETENTION_DAYS: '0' })).toThrow(/STATE_RETENTION_DAYS/);
  });
});
