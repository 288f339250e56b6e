import { existsSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Low } from 'lowdb';
import type { z } from 'zod';
import { defaultState, stateSchema, storeItemSchema, type StateData } from './schema.js';
import { PRIVATE_FILE_MODE, PrivateJsonFile } from './privateJsonFile.js';
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
   * With `{ durable: false }` the change is made at once but reaches the disk with the next write,
   * at the latest {@link DEFERRED_WRITE_MS} later or at {@link StateStore.flush}: for dialog state,
   * where a hard kill may cost the last fraction of a second, not for the reminder log or imports.
   */
  update<T>(change: (draft: StateData) => T, options?: { durable?: boolean }): Promise<T>;
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

  // `new Low(adapter)` rather than JSONFilePreset: the preset swaps in a memory
  // adapter when NODE_ENV=test, and then nothing would reach the disk (STACK.md, Traps).
  // Compact JSON: serialising is most of a write's cost, and the file is read by programs, not people.
  // The adapter creates the file 0600: it holds dialog state and the audit log.
  const db = new Low<StateData>(new PrivateJsonFile<StateData>(path, { parse: JSON.parse, stringify: (data) => JSON.stringify(data) }), defaultState());
  try {
    await db.read();
  } catch (error) {
    const reason = error instanceof SyntaxError ? `ogiltig JSON (${error.message})` : `kan inte läsas (${String(error)})`;
    throw new StateFileError(path, reason);
  }
  const parsed = stateSchema.safeParse(db.data);
  if (!parsed.success) throw new StateFileError(path, `följer inte schemat: ${describeIssues(parsed.error)}`);
  db.data = parsed.data;
  // A file from before (or copied in) may be world-readable; the writing server tightens it.
  if (existed && !options.readOnly) {
    await chmod(path, PRIVATE_FILE_MODE).catch((error: unknown) => {
      throw new StateFileError(path, `rättigheterna kan inte sättas till 0600 (bara ägaren får läsa filen): ${String(error)}`);
    });
  }
  // Locked only once the file has proved valid, so a refused file gets nothing written beside it.
  if (!options.readOnly) acquireWriterLock(path);
  if (!existed && !options.readOnly) await db.write();

  const writes = coalescedWriter(() => db.write());
  let deferred: NodeJS.Timeout | undefined;
  const cancelDeferred = (): boolean => {
    if (!deferred) return false;
    clearTimeout(deferred);
    deferred = undefined;
    return true;
  };

  return {
    file: path,
    read: () => db.data,
    async update<T>(change: (draft: StateData) => T, updateOptions: { durable?: boolean } = {}): Promise<T> {
      if (options.readOnly) throw new Error(`Statusfilen ${path} är öppnad för läsning`);
      const { draft, touched } = sectionDraft(db.data);
      const result = change(draft);
      const next = { ...db.data };
      for (const [section, value] of touched) {
        const problem = checkSection(section, value, db.data);
        if (problem) throw new Error(`Ogiltig ändring av status: ${problem}`);
        (next as Record<Section, unknown>)[section] = value;
      }
      db.data = next;
      if (updateOptions.durable === false) {
        deferred ??= setTimeout(() => {
          deferred = undefined;
          // A failed deferred write is not lost: the next write serialises the whole state again.
          writes.write().catch(() => undefined);
        }, DEFERRED_WRITE_MS).unref();
        return result;
      }
      cancelDeferred(); // this write carries the deferred changes too
      await writes.write();
      return result;
    },
    async flush(): Promise<void> {
      if (cancelDeferred()) await writes.write();
      await writes.idle();
    },
  };
}

/** How long a non-durable change may wait for its write (it shares the write with later changes). */
export const DEFERRED_WRITE_MS = 100;

type Section = keyof StateData;

/**
 * A draft of the state whose sections are copied only when a change touches them, so a turn that
 * saves dialog state does not copy (or re-validate) subscriptions, reports and audit, and vice versa.
 * botState is copied shallowly: its items are replaced whole, never edited in place
 * (LowdbStorage hands out copies and writes new items).
 */
function sectionDraft(base: StateData): { draft: StateData; touched: Map<Section, unknown> } {
  const touched = new Map<Section, unknown>();
  const draft = {} as StateData;
  for (const section of Object.keys(base) as Section[]) {
    Object.defineProperty(draft, section, {
      enumerable: true,
      get() {
        if (!touched.has(section)) {
          const value = base[section];
          touched.set(section, section === 'botState' ? { ...(value as StateData['botState']) } : structuredClone(value));
        }
        return touched.get(section);
      },
      set(value: unknown) {
        touched.set(section, value);
      },
    });
  }
  return { draft, touched };
}

/** Validates a changed section; for botState only the items that changed. */
function checkSection(section: Section, value: unknown, base: StateData): string | undefined {
  if (section === 'botState' && value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (item === base.botState[key]) continue;
      const checked = storeItemSchema.safeParse(item);
      if (!checked.success) return `$.botState.${key}: ${describeIssues(checked.error)}`;
    }
    return undefined;
  }
  const checked = stateSchema.shape[section].safeParse(value);
  return checked.success ? undefined : describeIssues(checked.error).replace(/\$/g, `$.${section}`);
}

/**
 * Serialises writes and lets changes made while a write is on its way share the next one, so
 * concurrent turns cost one serialisation of the file, not one each. A `write()` resolves only
 * when a write that started after the caller's change has reached the disk.
 */
function coalescedWriter(writeNow: () => Promise<void>): { write(): Promise<void>; idle(): Promise<void> } {
  let current: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  const write = (): Promise<void> => {
    if (next) return next;
    const after = current ?? Promise.resolve();
    const queued: Promise<void> = after
      .catch(() => undefined)
      .then(() => {
        next = undefined;
        const running = writeNow();
        current = running;
        return running.finally(() => {
          if (current === running) current = undefined;
        });
      });
    next = queued;
    return queued;
  };
  return {
    write,
    async idle() {
      while (current || next) await (next ?? current)?.catch(() => undefined);
    },
  };
}
