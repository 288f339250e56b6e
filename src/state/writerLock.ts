import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

/**
 * One writing process per state file. The server holds `<file>.lock` (its pid) while it runs; a CLI
 * that would write the same file (import, reminders) is refused instead of having its change
 * silently overwritten by the server's next write. A lock left by a killed process (its pid no
 * longer alive) is taken over; the same process may open the file again (tests rebuild stores).
 */
export class StateLockedError extends Error {
  constructor(
    readonly file: string,
    readonly pid: number,
  ) {
    super(
      `Statusfilen ${file} används av en annan process (pid ${pid}), troligen servern. ` +
        'Stoppa den först, eller gör ändringen i chatten (kansliet kan importera där).',
    );
    this.name = 'StateLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed child that its parent has not reaped yet still answers signal 0; on Linux its
  // state in /proc is Z (zombie), and it will never write again.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

function holder(lockFile: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

const held = new Set<string>();
let exitHookInstalled = false;

function releaseAll(): void {
  for (const lockFile of held) {
    if (holder(lockFile) === process.pid) {
      try {
        unlinkSync(lockFile);
      } catch {
        // already gone
      }
    }
  }
  held.clear();
}

/** Takes the writer lock of `stateFile` for this process (released when the process exits). */
export function acquireWriterLock(stateFile: string): void {
  const lockFile = `${stateFile}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = holder(lockFile);
      if (pid === process.pid) break;
      if (pid !== undefined && alive(pid)) throw new StateLockedError(stateFile, pid);
      try {
        unlinkSync(lockFile); // stale: its process is gone
      } catch {
        // someone else removed it first; try again
      }
    }
  }
  if (holder(lockFile) !== process.pid) {
    const pid = holder(lockFile);
    if (pid !== undefined) throw new StateLockedError(stateFile, pid);
    throw new Error(`Kunde inte låsa statusfilen ${stateFile}`);
  }
  held.add(lockFile);
  if (!exitHookInstalled) {
    process.on('exit', releaseAll);
    exitHookInstalled = true;
  }
}

/** Releases this process's writer lock of `stateFile`, if it holds it. */
export function releaseWriterLock(stateFile: string): void {
  const lockFile = `${stateFile}.lock`;
  if (!held.has(lockFile)) return;
  held.delete(lockFile);
  if (holder(lockFile) === process.pid) {
    try {
      unlinkSync(lockFile);
    } catch {
      // already gone
    }
  }
}
