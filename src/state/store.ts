import { lstat, mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { nodeStateFs, readIfPresent, writeFileAtomic, type StateFs } from './atomicFile.js';
import { ConversationRecords, conversationFolderPath } from './conversationRecords.js';
import { makeDraft, type MainSection } from './draft.js';
import { ENTRY_SECTIONS, applyRecord, emptyEntryState, recordsOf, type ConversationCounts, type EntryRecord } from './entryRecords.js';
import { StateFileError, describeIssues } from './problems.js';
import { stateSchema, type StateData } from './schema.js';
import { acquireWriterLock, realStatePath } from './writerLock.js';

export { StateFileError } from './problems.js';

export interface StateStore {
  /** Absolute real path of the state file (symlinks resolved). */
  readonly file: string;
  /** The current state. Treat it as read-only: change state only through {@link StateStore.update}. */
  read(): Readonly<StateData>;
  /**
   * Applies `change` to a draft of the state, validates what it changed and writes it; when the
   * promise resolves the change is on disk (it survives a process kill). Changes run one at a
   * time, in call order. If `change` throws, produces invalid state or the write fails (a full
   * disk), the state stays as it was, in memory and on disk, and the promise rejects.
   * Values inside botState and conversations are replaced whole, never edited in place.
   */
  update<T>(change: (draft: StateData) => T): Promise<T>;
  /**
   * As {@link update}, but for a change of conversation and dialog state only (a turn's), it resolves
   * once the change is validated and is the state in memory, with `written` for when it is on disk:
   * the turn need not wait for the file. Changes still reach the disk one at a time, in call order.
   * If the write fails, the entries it changed are put back as they were (in memory and on disk)
   * and `written` rejects. A change of the state file's sections is written before it resolves, as
   * with {@link update}.
   */
  updateDeferred?<T>(change: (draft: StateData) => T): Promise<{ result: T; written: Promise<void> }>;
  /** Resolves when every change started so far has been written. */
  flush(): Promise<void>;
}

export interface OpenOptions {
  readOnly?: boolean;
  /** File operations; tests inject failures (a full disk). */
  fs?: StateFs;
}

/** The state file's content as a JSON object; what lowdb holds for it. */
type MainFile = Record<string, unknown>;

/** lowdb's adapter for the state file: the file must hold a JSON object, and a write replaces it atomically. */
class StateFileAdapter implements Adapter<MainFile> {
  /** Whether the last read found a file (a missing one is created with defaults). */
  existed = false;

  constructor(
    private readonly fs: StateFs,
    private readonly file: string,
  ) {}

  async read(): Promise<MainFile | null> {
    let text: string | undefined;
    try {
      text = await readIfPresent(this.fs, this.file);
    } catch (error) {
      throw new StateFileError(this.file, `kan inte läsas (${String(error)})`);
    }
    this.existed = text !== undefined;
    if (text === undefined) return null;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new StateFileError(this.file, `ogiltig JSON (${(error as Error).message})`);
    }
    // null, false, 0, "" and [] are JSON but not a state: refuse them rather than start empty and overwrite.
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new StateFileError(this.file, `innehållet ska vara ett JSON-objekt men är ${Array.isArray(json) ? 'en lista' : JSON.stringify(json)}`);
    }
    return json as MainFile;
  }

  async write(data: MainFile): Promise<void> {
    // Compact JSON: serialising is most of a write's cost, and the file is read by programs, not people.
    await writeFileAtomic(this.fs, this.file, JSON.stringify(data));
  }
}

const isEntryKey = (key: string): boolean => (ENTRY_SECTIONS as readonly string[]).includes(key);

/** The state file's part of the state: every section but conversation and dialog state, plus sections this version does not know. */
function mainFileOf(state: StateData, unknownSections: MainFile): MainFile {
  const main: MainFile = {};
  for (const [section, value] of Object.entries(state)) if (!isEntryKey(section)) main[section] = value;
  return { ...main, ...unknownSections };
}

/**
 * Opens (or creates, with its folder) the state: the lowdb state file (subscriptions, reminder
 * log, reports, calendar additions, audit) and beside it a folder with conversation and dialog
 * state, one file per entry (src/state/conversationRecords.ts). A file that is not a JSON object,
 * or does not match the schema, throws a {@link StateFileError} naming the file and the JSON path;
 * it is never overwritten (DESIGN.md: "a corrupt or invalid file stops start-up"). Sections this version does
 * not know are kept as they are. A state file from before the folder moves its conversation state
 * into the folder.
 */
export async function openStateStore(file: string, options: OpenOptions = {}): Promise<StateStore> {
  const fs = options.fs ?? nodeStateFs;
  const given = resolve(file);
  const link = await lstat(given).catch(() => undefined);
  if (link?.isSymbolicLink() && !(await stat(given).catch(() => undefined))) {
    throw new StateFileError(given, 'sökvägen är en symbolisk länk till en fil som inte finns');
  }
  if (link && (await stat(given)).isDirectory()) throw new StateFileError(given, 'sökvägen är en mapp');
  await mkdir(dirname(given), { recursive: true });
  // The real file: written in place of a symlink, a write would replace the link, not the file.
  const path = realStatePath(given);

  // `new Low(adapter)` rather than JSONFilePreset: the preset swaps in a memory adapter when
  // NODE_ENV=test, and then nothing would reach the disk (STACK.md, Traps).
  const adapter = new StateFileAdapter(fs, path);
  const db = new Low<MainFile>(adapter, {});
  await db.read();
  const existed = adapter.existed;
  const parsed = stateSchema.safeParse(db.data);
  if (!parsed.success) throw new StateFileError(path, `följer inte schemat: ${describeIssues(parsed.error)}`);
  const unknownSections: MainFile = {};
  for (const [key, value] of Object.entries(db.data)) if (!(key in stateSchema.shape)) unknownSections[key] = value;
  /** Writes the state file's part of `next`; lowdb's data stays as it was when the write fails. */
  const writeMain = async (next: StateData): Promise<void> => {
    const previous = db.data;
    db.data = mainFileOf(next, unknownSections);
    try {
      await db.write();
    } catch (error) {
      db.data = previous;
      throw error;
    }
  };

  const { records: folder, entries, leftovers } = await ConversationRecords.read(fs, conversationFolderPath(path));
  const entryState = emptyEntryState();
  const counts: ConversationCounts = new Map();
  // Conversation state still in the state file (written before the folder existed) comes first; the folder is newer.
  const legacy = [...recordsOf(parsed.data)];
  for (const record of [...legacy, ...entries]) applyRecord(entryState, counts, record);
  let state: StateData = { ...parsed.data, ...entryState };

  // Locked only once the files have proved valid, so a refused file gets nothing written beside it.
  if (!options.readOnly) {
    acquireWriterLock(path);
    await folder.removeLeftovers(leftovers);
    if (legacy.length > 0) {
      // Moved: written to the folder first, so a crash in between loses nothing.
      await folder.write([...recordsOf(entryState)], emptyEntryState());
      await writeMain(state);
    } else if (!existed) await writeMain(state);
    await fs.chmod(path, 0o600).catch(() => undefined); // a file from before the mode was set
  }

  let tail: Promise<unknown> = Promise.resolve();
  const serially = <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job);
    tail = run.catch(() => undefined);
    return run;
  };
  // Entry files written behind the turn, in call order. A deferred change does not wait in the
  // queue for the one before it to reach the disk (that wait was most of a turn's state time under
  // load, npm run bench); a change that writes before it resolves waits for them first.
  let entryWrites: Promise<void> = Promise.resolve();

  interface Prepared<T> {
    result: T;
    next: StateData;
    records: EntryRecord[];
    main: Map<MainSection, unknown>;
  }
  /** Runs `change` on a draft of the state and validates what it changed (throws, changing nothing, if invalid). */
  const prepare = <T>(change: (draft: StateData) => T): Prepared<T> => {
    const draft = makeDraft(state);
    const result = change(draft.draft);
    const main = draft.mainChanges();
    const records: EntryRecord[] = draft.entryRecords();
    const next: StateData = { ...state };
    for (const [section, value] of main) (next as Record<MainSection, unknown>)[section] = value;
    return { result, next, records, main };
  };

  const store: StateStore = {
    file: path,
    read: () => state,
    update<T>(change: (draft: StateData) => T): Promise<T> {
      if (options.readOnly) return Promise.reject(new Error(`Statusfilen ${path} är öppnad för läsning`));
      return serially(async () => {
        await entryWrites;
        const { result, next, records, main } = prepare(change);
        const before = ConversationRecords.before(records, state);
        await folder.write(records, state);
        if (main.size > 0) {
          try {
            await writeMain(next);
          } catch (error) {
            // Both or neither: the entries written for this change are put back.
            await folder.undo(before);
            throw error;
          }
        }
        // On disk: now the change becomes the state.
        for (const record of records) applyRecord(next, counts, record);
        state = next;
        return result;
      });
    },
    updateDeferred<T>(change: (draft: StateData) => T): Promise<{ result: T; written: Promise<void> }> {
      if (options.readOnly) return Promise.reject(new Error(`Statusfilen ${path} är öppnad för läsning`));
      return new Promise((resolveApplied, rejectApplied) => {
        void serially(async () => {
          let prepared: Prepared<T>;
          try {
            prepared = prepare(change);
          } catch (error) {
            rejectApplied(error);
            return;
          }
          const { result, next, records, main } = prepared;
          if (main.size > 0) {
            // The state file's sections: written before anyone is told (as update()).
            try {
              await entryWrites;
              const before = ConversationRecords.before(records, state);
              await folder.write(records, state);
              try {
                await writeMain(next);
              } catch (error) {
                await folder.undo(before);
                throw error;
              }
            } catch (error) {
              rejectApplied(error);
              return;
            }
            for (const record of records) applyRecord(next, counts, record);
            state = next;
            resolveApplied({ result, written: Promise.resolve() });
            return;
          }
          // Taken before the change is applied: what the write may have to put back.
          const before = ConversationRecords.before(records, state);
          const writing = entryWrites.then(() => folder.writeOver(records, before));
          for (const record of records) applyRecord(next, counts, record);
          state = next;
          const written = writing.catch((error: unknown) => {
            // Put back only entries that still hold this change's value: a later change of an entry
            // comes after a read of it, and a read waits for this write (src/state/lowdbStorage.ts).
            records.forEach((record, i) => {
              if (ConversationRecords.before([record], state)[0]?.value === record.value) applyRecord(state, counts, before[i] as EntryRecord);
            });
            throw error;
          });
          entryWrites = written.catch(() => undefined);
          written.catch(() => undefined);
          resolveApplied({ result, written });
        });
      });
    },
    flush: async () => {
      await tail;
      await entryWrites;
    },
  };
  countsOf.set(store, counts);
  return store;
}

const countsOf = new WeakMap<StateStore, ConversationCounts>();

/**
 * Known conversations of a channel. A store from {@link openStateStore} keeps the count as
 * changes are applied, so a cap check costs nothing per turn; other stores (test fakes) are counted.
 */
export function conversationCount(store: StateStore, channelId: string): number {
  const counts = countsOf.get(store);
  if (counts) return counts.get(channelId) ?? 0;
  const byId = store.read().conversations;
  return Object.hasOwn(byId, channelId) ? Object.keys(byId[channelId] ?? {}).length : 0;
}
