import { z } from 'zod';
import { deliveryTargetSchema } from '../delivery/types.js';

/** A channel's subscription to reminders for one group (organ or verksamhet) of one förbund. */
export const subscriptionSchema = z.object({
  id: z.string().min(1),
  forbund: z.string().min(1),
  /** Organ id (styrelse, ssg …) or verksamhet id (vuxentorget …). */
  group: z.string().min(1),
  target: deliveryTargetSchema,
  /** `targetKey(target)`: which channel this is, for "vilka prenumerationer har kanalen?". */
  channelKey: z.string().min(1),
  /** Days before the event a reminder goes out (DESIGN.md: default 7 and 1). */
  offsets: z.array(z.number().int().min(0).max(365)).min(1).default([7, 1]),
  /** Local time (Europe/Stockholm) the reminders go out, "HH:MM". */
  timeOfDay: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).default('08:00'),
  createdAt: z.string(),
  createdBy: z.string().optional(),
  /** 'dead': the channel failed permanently; no more reminders until someone subscribes again. */
  status: z.enum(['active', 'dead']).default('active'),
  deadReason: z.string().optional(),
  deadAt: z.string().optional(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

/**
 * The sent-log: one entry per (subscription, event, offset). Written `pending` BEFORE the send and
 * `sent` AFTER it, so a crash leaves a trace either way. States:
 * pending (a send may be under way) → sent | retry (certainly not delivered; `nextAttemptAt`) |
 * uncertain (a pending send the channel cannot confirm after a crash: reported "kan ha skickats",
 * never resent) | failed (gave up or dead channel: reported) | expired (missed while down and the
 * event has passed: reported, not sent).
 */
export const sentReminderSchema = z.object({
  key: z.string().min(1),
  subscriptionId: z.string().min(1),
  occurrenceKey: z.string().min(1),
  offset: z.number().int(),
  /** The Stockholm day the reminder was due. */
  dueDay: z.string(),
  eventDate: z.string(),
  status: z.enum(['pending', 'sent', 'retry', 'uncertain', 'failed', 'expired']),
  attempts: z.number().int().min(0),
  late: z.boolean().default(false),
  updatedAt: z.string(),
  sentAt: z.string().optional(),
  nextAttemptAt: z.string().optional(),
  lastError: z.string().optional(),
  /** When the kansli was told about an uncertain, failed or expired reminder. */
  reportedAt: z.string().optional(),
});
export type SentReminder = z.infer<typeof sentReminderSchema>;
