import * as fsPromises from 'node:fs/promises';

/**
 * The file operations the state store uses, injectable so tests can fail a write the way a full
 * disk does (ENOSPC) without needing a real full disk.
 */
export type StateFs = Pick<typeof fsPromises, 'readFile' | 'writeFile' | 'rename' | 'unlink' | 'chmod' | 'readdir' | 'mkdir'>;

export const nodeStateFs: StateFs = fsPromises;

/** Only the owner may read state: it holds conversation and dialog state. */
export const STATE_FILE_MODE = 0o600;

function missing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/** Removes a file if it is there. */
export async function removeIfPresent(fs: StateFs, file: string): Promise<void> {
  try {
    await fs.unlink(file);
  } catch (error) {
    if (!missing(error)) throw error;
  }
}

/** Temp names of this process's fresh writes: never those of another process or an earlier run (its pid differs). */
let tempCounter = 0;

/**
 * Replaces `file` with `data` all at once: written to a temp file beside it (mode 0600, flushed to
 * the disk unless `flush: false`) and renamed over it, so a reader or a crash sees the old or the
 * new content, never half of one. A failed write removes its temp file and leaves `file` as it was.
 * The temp file is `<file>.tmp`, removed first (a killed process may have left it with another
 * mode), or with `uniqueTemp` `<file>.<pid>-<n>.tmp`, which no one else writes, so nothing needs to be
 * removed first: one file operation fewer on every write (the caller removes such leftovers at start).
 */
export async function writeFileAtomic(fs: StateFs, file: string, data: string, options: { flush?: boolean; uniqueTemp?: boolean } = {}): Promise<void> {
  const temp = options.uniqueTemp ? `${file}.${process.pid}-${(tempCounter += 1)}.tmp` : `${file}.tmp`;
  const write = (): Promise<void> => fs.writeFile(temp, data, { encoding: 'utf8', mode: STATE_FILE_MODE, flag: 'wx', flush: options.flush ?? true });
  try {
    if (!options.uniqueTemp) await removeIfPresent(fs, temp);
    try {
      await write();
    } catch (error) {
      // A leftover of an earlier process with the same pid: never acknowledged, so it may go.
      if (!options.uniqueTemp || (error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      await removeIfPresent(fs, temp);
      await write();
    }
    await fs.rename(temp, file);
  } catch (error) {
    await removeIfPresent(fs, temp).catch(() => undefined);
    throw error;
  }
}

/** The file's text, or undefined when it does not exist. */
export async function readIfPresent(fs: StateFs, file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if (missing(error)) return undefined;
    throw error;
  }
}
