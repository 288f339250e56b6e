import { existsSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { z } from 'zod';
import { defaultState, stateSchema, type StateData } from './schema.js';
import { acquireWriterLock } from './writerLock.js';

/** The state file could not be used: unreadable, not JSON, or not matching the schema. The file is left as it was. */
export class StateFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`Statusfilen ${file} kan inte användas: ${problem}. Filen har inte ändrats; rätta eller flytta den och starta igen.`);
    this.name = 'StateFileError';
  }
}

export interface StateStore {
  /** Absolute path of the state file. */
  readonly file: string;
  /** The current state. Treat it as read-only: change state only through {@link StateStore.update}. */
  read(): Readonly<StateData>;
  /**
   * Applies `change` to a copy of the state, validates it and writes it atomically. Writes are
   * serialized; when the promise resolves the change is on disk (it survives a process kill).
   * If `change` throws or produces invalid state, nothing is changed.
   */
  update<T>(change: (draft: StateData) => T): Promise<T>;
  /** Resolves when every write started so far has finished. */
  flush(): Promise<void>;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? `$.${issue.path.join('.')}` : '$'}: ${issue.message}`)
    .join('; ');
}

/**
 * Opens (or creates, with its folder) the lowdb state file. A file that is not valid JSON or
 * does not match the schema throws a {@link StateFileError} naming the file and the JSON path;
 * it is never overwritten (DESIGN.md: "a corrupt or invalid file stops start-up").
 */
export async function openStateStore(file: string, options: { readOnly?: boolean } = {}): Promise<StateStore> {
  const path = resolve(file);
  const existed = existsSync(path);
  if (existed && (await stat(path)).isDirectory()) throw new StateFileError(path, 'sökvägen är en mapp');
  await mkdir(dirname(path), { recursive: true });

  // `new Low(new JSONFile())` rather than JSONFilePreset: the preset swaps in a memory
  // adapter when NODE_ENV=test, and then nothing would reach the disk (STACK.md, Traps).
  const db = new Low<StateData>(new JSONFile<StateData>(path), defaultState());
  try {
    await db.read();
  } catch (error) {
    const reason = error instanceof SyntaxError ? `ogiltig JSON (${error.message})` : `kan inte läsas (${String(error)})`;
    throw new StateFileError(path, reason);
  }
  const parsed = stateSchema.safeParse(db.data);
  if (!parsed.success) throw new StateFileError(path, `följer inte schemat: ${describeIssues(parsed.error)}`);
  db.data = parsed.data;
  // Locked only once the file has proved valid, so a refused file gets nothing written beside it.
  if (!options.readOnly) acquireWriterLock(path);
  if (!existed && !options.readOnly) await db.write();

  let pending: Promise<unknown> = Promise.resolve();

  return {
    file: path,
    read: () => db.data,
    async update<T>(change: (draft: StateData) => T): Promise<T> {
      if (options.readOnly) throw new Error(`Statusfilen ${path} är öppnad för läsning`);
      const draft = structuredClone(db.data);
      const result = change(draft);
      const checked = stateSchema.safeParse(draft);
      if (!checked.success) throw new Error(`Ogiltig ändring av status: ${describeIssues(checked.error)}`);
      db.data = checked.data;
      // lowdb serializes the data now and steno writes temp file + rename, one write at a time.
      const written = db.write();
      pending = pending.then(() => written).catch(() => undefined);
      await written;
      return result;
    },
    async flush(): Promise<void> {
      await pending;
    },
  };
}
