import { z } from 'zod';
import { calendarAdditionSchema } from '../data/schemas/calendar.js';
import { sentReminderSchema, subscriptionSchema } from '../reminders/schema.js';
import { auditEntrySchema } from './audit.js';
import { tertialReportSchema } from './tertialReports.js';

/**
 * The runtime state file (one JSON document, DESIGN.md "Runtime state").
 * Every section has a default so a file written before a section existed still loads;
 * sections are owned by the feature that fills them and tightened by that owner.
 */

/** One botbuilder storage item (conversation/user state incl. the dialog stack), keyed by storage key. */
export const storeItemSchema = z.looseObject({ eTag: z.string().optional() });
export type StoredItem = z.infer<typeof storeItemSchema>;

/** A conversation the bot has seen, so an edge can tell a known conversation id from a made-up one. */
export const knownConversationSchema = z.object({
  /** ISO timestamp of the first turn on the last day the conversation had a turn (written once per day, not per turn). */
  lastSeen: z.string(),
});
export type KnownConversation = z.infer<typeof knownConversationSchema>;

export const stateSchema = z.object({
  /** botbuilder Storage (src/state/lowdbStorage.ts): conversation and user state. */
  botState: z.record(z.string(), storeItemSchema).default({}),
  /** channelId → conversationId → what we know about it. */
  conversations: z.record(z.string(), z.record(z.string(), knownConversationSchema)).default({}),
  // Placeholders owned by their features (reminders, tertial reports, calendar, audit);
  // each owner replaces `z.unknown()` with its record schema.
  /** Reminder subscriptions per channel and group (src/reminders/schema.ts). */
  subscriptions: z.array(subscriptionSchema).default([]),
  /** The reminder sent-log, one entry per (subscription, event, offset) (src/reminders/schema.ts). */
  sentReminders: z.array(sentReminderSchema).default([]),
  /** Tertial reports with history, one record per imported version (src/state/tertialReports.ts). */
  tertialReports: z.array(tertialReportSchema).default([]),
  /** Meetings and deadlines the kansli imported (next year's mötesplan), src/data/schemas/calendar.ts. */
  calendarAdditions: z.array(calendarAdditionSchema).default([]),
  /** Who imported or posted what, when (src/state/audit.ts); append-only. */
  audit: z.array(auditEntrySchema).default([]),
  /**
   * Slack requests already handled (event ids, signatures, button presses) → when the key may be
   * forgotten (ms since epoch): replay protection that survives a restart (src/channels/slack/persistedSeen.ts).
   */
  slackSeen: z.record(z.string(), z.number()).default({}),
});

export type StateData = z.infer<typeof stateSchema>;

/** The content of a new state file. */
export function defaultState(): StateData {
  return stateSchema.parse({});
}
