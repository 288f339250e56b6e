import { describe, expect, test } from '@jest/globals';
import { chmodSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultState } from '../../src/state/schema.js';
import { openStateStore } from '../../src/state/store.js';
import { tempDir } from '../helpers/coreTestKit.js';

/** Issue 15, finding 5: the state file holds dialog state and audit entries; only its owner may read it. */
const modeOf = (file: string): number => statSync(file).mode & 0o777;

describe('state file mode', () => {
  test('a new state file is created 0600 and stays 0600 after writes', async () => {
    const dir = tempDir();
    const file = join(dir, 'state.json');
    const store = await openStateStore(file);
    expect(modeOf(file)).toBe(0o600);
    await store.update((s) => {
      s.conversations.web = { a: { lastSeen: '2026-11-23T10:00:00.000Z' } };
    });
    expect(modeOf(file)).toBe(0o600);
    // The temp file was renamed into place: nothing else is left in the folder.
    expect(readdirSync(dir).filter((f) => !f.startsWith('state.json') && f !== 'state.conversations')).toEqual([]);
  });

  test('a temp file left world-readable by a crash does not make the state file readable', async () => {
    const dir = tempDir();
    const file = join(dir, 'state.json');
    const store = await openStateStore(file);
    const stale = join(dir, '.state.json.tmp');
    writeFileSync(stale, 'left over');
    chmodSync(stale, 0o644);
    await store.update((s) => {
      s.conversations.web = { a: { lastSeen: '2026-11-23T10:00:00.000Z' } };
    });
    expect(modeOf(file)).toBe(0o600);
  });

  test('an existing world-readable state file is made 0600 when the server opens it', async () => {
    const file = join(tempDir(), 'state.json');
    writeFileSync(file, JSON.stringify(defaultState()));
    chmodSync(file, 0o644);
    await openStateStore(file);
    expect(modeOf(file)).toBe(0o600);
  });
});
