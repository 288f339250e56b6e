import { constants } from 'node:fs';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

/** Owner read/write only: the state file holds dialog state, subscriptions and the audit log. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * lowdb's JSON file adapter with one difference: the temp file (and so the state file it is
 * renamed to) is created with mode 0600 instead of the umask's 0644. A temp file a crash left
 * behind is removed first, since opening it would keep its old mode; O_EXCL also refuses a
 * symlink planted in its place. Like lowdb's (steno), a write is temp file + rename, so a
 * reader never sees half a file. Writes are serialised by the store (coalescedWriter).
 */
export class PrivateJsonFile<T> implements Adapter<T> {
  private readonly tempFile: string;

  constructor(
    private readonly file: string,
    private readonly format: { parse: (text: string) => T; stringify: (data: T) => string },
  ) {
    this.tempFile = join(dirname(file), `.${basename(file)}.tmp`);
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return this.format.parse(text);
  }

  async write(data: T): Promise<void> {
    const text = this.format.stringify(data);
    await rm(this.tempFile, { force: true });
    const handle = await open(this.tempFile, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, PRIVATE_FILE_MODE);
    try {
      // The mode given to open() is still filtered by the umask; chmod makes it exact.
      await handle.chmod(PRIVATE_FILE_MODE);
      await handle.writeFile(text, 'utf8');
    } finally {
      await handle.close();
    }
    await rename(this.tempFile, this.file);
  }
}
