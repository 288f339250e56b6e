import { closeSync, constants, fstatSync, ftruncateSync, openSync, readFileSync, realpathSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { tryLock } from 'fs-native-extensions';

/**
 * One writing process per state file. The server holds `<real path>.lock` while it runs; a CLI
 * that would write the same file (import, reminders) is refused instead of having its change
 * silently overwritten by the server's next write.
 *
 * The lock is a kernel lock on the open lock file (an open-file-description lock via
 * fs-native-extensions, flock-like): the kernel drops it the moment its process dies, however it
 * dies, so a killed server never leaves a lock behind and a pid reused by another process means
 * nothing. (proper-lockfile was the alternative: mkdir-based with mtime staleness, a restart right
 * after a crash would wait for the lock to go stale, and a blocked event loop could lose it.)
 * The pid written into the file is only there to name the holder in the message.
 * The lock is taken on the resolved real path, so a symlink to the file shares its lock.
 */
export class StateLockedError extends Error {
  constructor(
    readonly file: string,
    readonly pid: number | undefined,
  ) {
    super(
      `Statusfilen ${file} används av en annan process${pid === undefined ? '' : ` (pid ${pid})`}, troligen servern. ` +
        'Stoppa den först, eller gör ändringen i chatten (kansliet kan importera där).',
    );
    this.name = 'StateLockedError';
  }
}

/** The file a path leads to: symlinks resolved, also for a file that does not exist yet. */
export function realStatePath(file: string): string {
  try {
    return realpathSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return join(realpathSync(dirname(file)), basename(file));
  }
}

/** Real path of the state file → the open lock file this process holds. */
const held = new Map<string, number>();
let exitHookInstalled = false;

function holderPid(lockFile: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** The lock file at the path is still the one we opened (a holder removes it when it lets go). */
function stillAtPath(fd: number, lockFile: string): boolean {
  try {
    return statSync(lockFile).ino === fstatSync(fd).ino;
  } catch {
    return false;
  }
}

function release(real: string, fd: number): void {
  held.delete(real);
  // Removed while still locked, so a process that opens the path afterwards gets a new file.
  try {
    unlinkSync(`${real}.lock`);
  } catch {
    // already gone
  }
  closeSync(fd);
}

/** Takes the writer lock of `stateFile` for this process (the same process may take it again). */
export function acquireWriterLock(stateFile: string): void {
  const real = realStatePath(stateFile);
  if (held.has(real)) return;
  const lockFile = `${real}.lock`;
  for (let attempt = 0; attempt < 5; attempt++) {
    // Not truncated on open: until we hold the lock, the file names the holder.
    const fd = openSync(lockFile, constants.O_RDWR | constants.O_CREAT, 0o600);
    let locked: boolean;
    try {
      locked = tryLock(fd);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
    if (!locked) {
      closeSync(fd);
      throw new StateLockedError(stateFile, holderPid(lockFile));
    }
    if (!stillAtPath(fd, lockFile)) {
      closeSync(fd); // the previous holder removed it after we opened it: try the new one
      continue;
    }
    ftruncateSync(fd, 0);
    writeSync(fd, String(process.pid), 0);
    held.set(real, fd);
    if (!exitHookInstalled) {
      // The kernel releases the lock anyway; this only tidies the file away on a normal exit.
      process.on('exit', () => {
        for (const [path, heldFd] of held) release(path, heldFd);
      });
      exitHookInstalled = true;
    }
    return;
  }
  throw new Error(`Kunde inte låsa statusfilen ${stateFile}`);
}

/** Releases this process's writer lock of `stateFile`, if it holds it. */
export function releaseWriterLock(stateFile: string): void {
  let real: string;
  try {
    real = realStatePath(stateFile);
  } catch {
    return; // its folder is gone, and so is any lock file in it
  }
  const fd = held.get(real);
  if (fd !== undefined) release(real, fd);
}
