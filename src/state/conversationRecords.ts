import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { readIfPresent, removeIfPresent, writeFileAtomic, type StateFs } from './atomicFile.js';
import { entryRecordSchema, type EntryRecord, type EntryState } from './entryRecords.js';
import { StateFileError, describeIssues } from './problems.js';

/**
 * Conversation and dialog state, one small file per entry in a folder beside the state file
 * (`state.conversations/`): a turn writes only the entries it changed, so its cost does not grow
 * with the number of stored conversations, and an entry that is replaced or removed is gone from
 * the disk at once (case facts of an ended dialog do not linger in an old copy).
 * Each file is written atomically; a change of several entries that fails half-way is undone.
 */
export function conversationFolderPath(stateFile: string): string {
  return `${stateFile.replace(/\.json$/, '')}.conversations`;
}

const RECORD = /^[0-9a-f]{32}\.json$/;

/** The file that holds one key: a hash, so any id is a safe, fixed-length file name. */
export function entryFileName(record: EntryRecord): string {
  const key = 'item' in record ? ['item', record.item] : ['conversation', record.channel, record.conversation];
  return `${createHash('sha256').update(JSON.stringify(key)).digest('hex').slice(0, 32)}.json`;
}

/** The entry a record touches as it is now in `state`, as a record (undefined value = absent). */
function currentOf(state: EntryState, record: EntryRecord): EntryRecord {
  if ('item' in record) {
    return { item: record.item, value: Object.hasOwn(state.botState, record.item) ? state.botState[record.item] : undefined };
  }
  const byId = Object.hasOwn(state.conversations, record.channel) ? state.conversations[record.channel] : undefined;
  const value = byId && Object.hasOwn(byId, record.conversation) ? byId[record.conversation] : undefined;
  return { channel: record.channel, conversation: record.conversation, value };
}

/** Parallel reads at start: tens of thousands of small files. */
const READ_CONCURRENCY = 32;

export class ConversationRecords {
  /** Whether this store has made the folder: made once, not once per write (again if someone removes it). */
  private folderMade = false;

  private constructor(
    private readonly fs: StateFs,
    readonly folder: string,
  ) {}

  /** Reads every entry (a missing folder is empty); a file that is not a valid record stops with its name. */
  static async read(fs: StateFs, folder: string): Promise<{ records: ConversationRecords; entries: EntryRecord[]; leftovers: string[] }> {
    let names: string[];
    try {
      names = await fs.readdir(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new StateFileError(folder, `kan inte läsas (${String(error)})`);
      names = [];
    }
    const files = names.filter((name) => RECORD.test(name)).sort();
    // Temp files of a write a kill cut short: never acknowledged, removed when the store opens for writing.
    const leftovers = names.filter((name) => name.endsWith('.tmp')).map((name) => join(folder, name));
    const entries: EntryRecord[] = new Array(files.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < files.length) {
        const index = next++;
        const file = join(folder, files[index] as string);
        const text = await readIfPresent(fs, file).catch((error: unknown) => {
          throw new StateFileError(file, `kan inte läsas (${String(error)})`);
        });
        let json: unknown;
        try {
          json = JSON.parse(text ?? '');
        } catch (error) {
          throw new StateFileError(file, `ogiltig JSON (${(error as Error).message})`);
        }
        const parsed = entryRecordSchema.safeParse(json);
        if (!parsed.success || parsed.data.value === undefined || entryFileName(parsed.data) !== files[index]) {
          throw new StateFileError(file, parsed.success ? 'posten hör inte till den här filen' : `följer inte schemat: ${describeIssues(parsed.error)}`);
        }
        entries[index] = parsed.data;
      }
    };
    await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
    return { records: new ConversationRecords(fs, folder), entries, leftovers };
  }

  async removeLeftovers(files: readonly string[]): Promise<void> {
    for (const file of files) await removeIfPresent(this.fs, file);
  }

  /**
   * Writes the records, in order; `state` is the state before them. If one fails, those already
   * written are put back as they were, and the error is thrown.
   */
  async write(records: readonly EntryRecord[], state: EntryState): Promise<void> {
    return this.writeOver(records, ConversationRecords.before(records, state));
  }

  /** As {@link write}, with the entries as they were before the records taken beforehand (a write that waits its turn). */
  async writeOver(records: readonly EntryRecord[], before: readonly EntryRecord[]): Promise<void> {
    if (records.length === 0) return;
    let done = 0;
    try {
      await this.makeFolder();
      for (const record of records) {
        await this.put(record);
        done += 1;
      }
    } catch (error) {
      await this.undo(before.slice(0, done));
      throw error;
    }
  }

  /** Puts entries back as they were before a change (best effort: on a full disk an old value may not fit). */
  async undo(before: readonly EntryRecord[]): Promise<void> {
    for (const record of [...before].reverse()) await this.put(record).catch(() => undefined);
  }

  /** The records as they are in `state` (what {@link undo} takes). */
  static before(records: readonly EntryRecord[], state: EntryState): EntryRecord[] {
    return records.map((record) => currentOf(state, record));
  }

  private async makeFolder(): Promise<void> {
    if (this.folderMade) return;
    await this.fs.mkdir(this.folder, { recursive: true, mode: 0o700 });
    this.folderMade = true;
  }

  private async put(record: EntryRecord): Promise<void> {
    const file = join(this.folder, entryFileName(record));
    if (record.value === undefined) return removeIfPresent(this.fs, file);
    // Not flushed to the disk per turn (it would cost a disk sync each turn); like the state file
    // before, it survives a process kill, and a power cut may cost the last turns' dialog state.
    // A temp name of our own: no removal of an old temp file first (leftovers go at start, read()).
    const text = JSON.stringify(record);
    try {
      await writeFileAtomic(this.fs, file, text, { flush: false, uniqueTemp: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      // The folder was removed under us: made again, and the write tried once more.
      this.folderMade = false;
      await this.makeFolder();
      await writeFileAtomic(this.fs, file, text, { flush: false, uniqueTemp: true });
    }
  }
}
