import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openStateStore } from '../../src/state/store.js';
import { StateLockedError, releaseWriterLock } from '../../src/state/writerLock.js';

async function tempStateFile(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'svb-lock-'));
  return path.join(dir, 'state.json');
}

describe('the state file writer lock', () => {
  let sleeper: ChildProcess | undefined;
  afterEach(() => {
    sleeper?.kill('SIGKILL');
    sleeper = undefined;
  });

  it('refuses a second writing process and leaves the file untouched', async () => {
    const file = await tempStateFile();
    const store = await openStateStore(file);
    await store.update((s) => { s.conversations = {}; });
    releaseWriterLock(file);
    // Another live process holds the lock, as a running server would.
    sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    await writeFile(`${file}.lock`, String(sleeper.pid));
    const before = await readFile(file, 'utf8');
    const error = await openStateStore(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StateLockedError);
    expect((error as Error).message).toMatch(/används av en annan process \(pid \d+\)/);
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('lets a reader in while a writer holds the lock, and the reader cannot write', async () => {
    const file = await tempStateFile();
    await openStateStore(file);
    releaseWriterLock(file);
    sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    await writeFile(`${file}.lock`, String(sleeper.pid));
    const reader = await openStateStore(file, { readOnly: true });
    expect(reader.read().audit).toEqual([]);
    await expect(reader.update(() => undefined)).rejects.toThrow(/öppnad för läsning/);
  });

  it('takes over a lock left by a killed process', async () => {
    const file = await tempStateFile();
    const dead = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((resolve) => dead.on('exit', resolve));
    await writeFile(`${file}.lock`, String(dead.pid));
    await openStateStore(file);
    expect(await readFile(`${file}.lock`, 'utf8')).toBe(String(process.pid));
    releaseWriterLock(file);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('lets the same process open the file again (a rebuilt store after a restart in tests)', async () => {
    const file = await tempStateFile();
    await openStateStore(file);
    await expect(openStateStore(file)).resolves.toBeDefined();
    releaseWriterLock(file);
  });
});
