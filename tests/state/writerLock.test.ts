import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openStateStore } from '../../src/state/store.js';
import { StateLockedError, releaseWriterLock } from '../../src/state/writerLock.js';

const HOLDER = path.join(process.cwd(), 'tests/state/fixtures/lockHolder.ts');

async function tempStateFile(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'svb-lock-'));
  return path.join(dir, 'state.json');
}

/** Another process that holds the writer lock of `file` through the real lock module, as a running server would. */
function holdLock(file: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`lock holder exited (${code}): ${stderr}`)));
  });
}

function sleeper(): ChildProcess {
  return spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
}

describe('the state file writer lock', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
  });

  it('refuses a second writing process and leaves the file untouched', async () => {
    const file = await tempStateFile();
    const store = await openStateStore(file);
    await store.update((s) => { s.audit = []; });
    releaseWriterLock(file);
    const holder = await holdLock(file);
    children.push(holder);
    const before = await readFile(file, 'utf8');
    const error = await openStateStore(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StateLockedError);
    expect((error as Error).message).toContain(`används av en annan process (pid ${holder.pid})`);
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('lets a reader in while a writer holds the lock, and the reader cannot write', async () => {
    const file = await tempStateFile();
    await openStateStore(file);
    releaseWriterLock(file);
    children.push(await holdLock(file));
    const reader = await openStateStore(file, { readOnly: true });
    expect(reader.read().audit).toEqual([]);
    await expect(reader.update(() => undefined)).rejects.toThrow(/öppnad för läsning/);
  });

  it('takes over at once when the holder was killed (the kernel released its lock)', async () => {
    const file = await tempStateFile();
    const holder = await holdLock(file);
    await expect(openStateStore(file)).rejects.toBeInstanceOf(StateLockedError);
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.on('exit', resolve));
    await openStateStore(file);
    expect(await readFile(`${file}.lock`, 'utf8')).toBe(String(process.pid));
    releaseWriterLock(file);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('is not blocked by a stale lock file whose pid now belongs to another live process', async () => {
    const file = await tempStateFile();
    // The pid of a process that holds nothing: as if a killed server's pid had been reused.
    const other = sleeper();
    children.push(other);
    await writeFile(`${file}.lock`, String(other.pid));
    await expect(openStateStore(file)).resolves.toBeDefined();
    expect(await readFile(`${file}.lock`, 'utf8')).toBe(String(process.pid));
    releaseWriterLock(file);
  });

  it('a symlinked STATE_FILE and its real path share one lock, either way round', async () => {
    const real = await tempStateFile();
    const link = path.join(path.dirname(real), 'link.json');
    await openStateStore(real);
    releaseWriterLock(real);
    symlinkSync(real, link);

    const viaReal = await holdLock(real);
    children.push(viaReal);
    await expect(openStateStore(link)).rejects.toBeInstanceOf(StateLockedError);
    viaReal.kill('SIGKILL');
    await new Promise((resolve) => viaReal.on('exit', resolve));

    children.push(await holdLock(link));
    await expect(openStateStore(real)).rejects.toBeInstanceOf(StateLockedError);
  });

  it('lets the same process open the file again (a rebuilt store after a restart in tests)', async () => {
    const file = await tempStateFile();
    await openStateStore(file);
    await expect(openStateStore(file)).resolves.toBeDefined();
    releaseWriterLock(file);
  });
});
