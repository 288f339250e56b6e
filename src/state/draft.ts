import { DELETED, overlay, type Overlay } from './overlay.js';
import { ENTRY_SECTIONS, type EntryRecord, type EntrySection } from './entryRecords.js';
import { describeIssues } from './problems.js';
import { knownConversationSchema, stateSchema, storeItemSchema, type KnownConversation, type StateData, type StoredItem } from './schema.js';

export type MainSection = Exclude<keyof StateData, EntrySection>;

const isEntrySection = (section: string): section is EntrySection => (ENTRY_SECTIONS as readonly string[]).includes(section);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A change the schema refuses; the message names the JSON path. */
export class InvalidChange extends Error {
  constructor(problem: string) {
    super(`Ogiltig ändring av status: ${problem}`);
    this.name = 'InvalidChange';
  }
}

export interface Draft {
  draft: StateData;
  /** Changed state-file sections, validated. */
  mainChanges(): Map<MainSection, unknown>;
  /** What the change did to conversation and dialog state, as validated entry records. */
  entryRecords(): EntryRecord[];
}

/**
 * The draft a change edits. State-file sections are copied when first touched; botState and
 * conversations are copy-on-write views, so a turn's change costs the same however many
 * conversations are stored. Assigning a whole section replaces it.
 */
export function makeDraft(base: StateData): Draft {
  const touched = new Map<MainSection, unknown>();
  const botState = overlay(base.botState);
  const channels = new Map<string, Overlay<KnownConversation>>();
  const conversations = overlay<Record<string, KnownConversation>>(base.conversations, (channel, byId) => {
    const view = overlay(byId);
    channels.set(channel, view);
    return view.view;
  });
  const replaced = new Map<EntrySection, unknown>();
  const draft = {} as StateData;
  for (const section of Object.keys(base) as (keyof StateData)[]) {
    if (isEntrySection(section)) {
      const view = section === 'botState' ? botState.view : conversations.view;
      Object.defineProperty(draft, section, {
        enumerable: true,
        get: () => (replaced.has(section) ? replaced.get(section) : view),
        set: (value: unknown) => replaced.set(section, value),
      });
      continue;
    }
    Object.defineProperty(draft, section, {
      enumerable: true,
      get() {
        if (!touched.has(section)) touched.set(section, structuredClone(base[section]));
        return touched.get(section);
      },
      set(value: unknown) {
        touched.set(section, value);
      },
    });
  }

  return {
    draft,
    mainChanges() {
      for (const [section, value] of touched) {
        const checked = stateSchema.shape[section].safeParse(value);
        if (!checked.success) throw new InvalidChange(describeIssues(checked.error, `$.${section}`));
      }
      return touched;
    },
    entryRecords() {
      const records: EntryRecord[] = [];
      const item = (key: string, value: unknown): void => {
        const checked = storeItemSchema.safeParse(value);
        if (!checked.success) throw new InvalidChange(describeIssues(checked.error, `$.botState.${key}`));
        records.push({ item: key, value: value as StoredItem });
      };
      const conversation = (channel: string, id: string, value: unknown): void => {
        const checked = knownConversationSchema.safeParse(value);
        if (!checked.success) throw new InvalidChange(describeIssues(checked.error, `$.conversations.${channel}.${id}`));
        records.push({ channel, conversation: id, value: checked.data });
      };
      /** A channel given whole: what it no longer has is removed, all it has is set. */
      const wholeChannel = (channel: string, value: unknown): void => {
        if (value !== DELETED && !isRecord(value)) throw new InvalidChange(`$.conversations.${channel}: ska vara ett objekt`);
        const next = value === DELETED ? {} : value;
        const before = Object.hasOwn(base.conversations, channel) ? (base.conversations[channel] ?? {}) : {};
        for (const id of Object.keys(before)) if (!Object.hasOwn(next, id)) records.push({ channel, conversation: id });
        for (const [id, entry] of Object.entries(next)) conversation(channel, id, entry);
      };

      if (replaced.has('botState')) {
        const next = replaced.get('botState');
        if (!isRecord(next)) throw new InvalidChange('$.botState: ska vara ett objekt');
        for (const key of Object.keys(base.botState)) if (!Object.hasOwn(next, key)) records.push({ item: key });
        for (const [key, value] of Object.entries(next)) item(key, value);
      } else {
        for (const [key, value] of botState.changes) {
          if (value === DELETED) records.push({ item: key });
          else item(key, value);
        }
      }

      if (replaced.has('conversations')) {
        const next = replaced.get('conversations');
        if (!isRecord(next)) throw new InvalidChange('$.conversations: ska vara ett objekt');
        for (const channel of Object.keys(base.conversations)) if (!Object.hasOwn(next, channel)) wholeChannel(channel, DELETED);
        for (const [channel, value] of Object.entries(next)) wholeChannel(channel, value);
      } else {
        for (const [channel, value] of conversations.changes) wholeChannel(channel, value);
        for (const [channel, view] of channels) {
          if (conversations.changes.has(channel)) continue; // replaced or removed whole
          for (const [id, value] of view.changes) {
            if (value === DELETED) records.push({ channel, conversation: id });
            else conversation(channel, id, value);
          }
        }
      }
      return records;
    },
  };
}
