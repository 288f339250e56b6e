import { z } from 'zod';
import { knownConversationSchema, storeItemSchema, type KnownConversation, type StateData, type StoredItem } from './schema.js';

/**
 * One entry of conversation and dialog state (src/state/conversationRecords.ts): a botbuilder
 * storage item or a known conversation, set (with `value`) or removed (without).
 */
export const entryRecordSchema = z.union([
  z.strictObject({ item: z.string(), value: storeItemSchema.optional() }),
  z.strictObject({ channel: z.string(), conversation: z.string(), value: knownConversationSchema.optional() }),
]);
export type EntryRecord = z.infer<typeof entryRecordSchema>;

/** The sections kept as one file per entry instead of in the state file. */
export const ENTRY_SECTIONS = ['botState', 'conversations'] as const;
export type EntrySection = (typeof ENTRY_SECTIONS)[number];
export type EntryState = Pick<StateData, EntrySection>;

/**
 * Empty sections without a prototype: an id such as "constructor" or "__proto__" is then an
 * ordinary key, never something inherited or the object's prototype.
 */
export function emptyEntryState(): EntryState {
  return { botState: Object.create(null) as StateData['botState'], conversations: Object.create(null) as StateData['conversations'] };
}

/** Counts of known conversations per channel, kept as records are applied (a cap check must not count). */
export type ConversationCounts = Map<string, number>;

export function applyRecord(state: EntryState, counts: ConversationCounts, record: EntryRecord): void {
  if ('item' in record) {
    if (record.value === undefined) delete state.botState[record.item];
    else state.botState[record.item] = record.value as StoredItem;
    return;
  }
  const { channel, conversation, value } = record;
  let byId = Object.hasOwn(state.conversations, channel) ? state.conversations[channel] : undefined;
  const known = byId !== undefined && Object.hasOwn(byId, conversation);
  if (value === undefined) {
    if (!byId || !known) return;
    delete byId[conversation];
    const left = (counts.get(channel) ?? 1) - 1;
    if (left > 0) counts.set(channel, left);
    else {
      counts.delete(channel);
      delete state.conversations[channel];
    }
    return;
  }
  if (!byId) state.conversations[channel] = byId = Object.create(null) as Record<string, KnownConversation>;
  byId[conversation] = value;
  if (!known) counts.set(channel, (counts.get(channel) ?? 0) + 1);
}

/** Every entry of the sections as records. */
export function* recordsOf(state: EntryState): Generator<EntryRecord> {
  for (const [item, value] of Object.entries(state.botState)) yield { item, value };
  for (const [channel, byId] of Object.entries(state.conversations)) {
    for (const [conversation, value] of Object.entries(byId)) yield { channel, conversation, value };
  }
}
