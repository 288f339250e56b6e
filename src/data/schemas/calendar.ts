import { z } from 'zod';
import { idSchema, isoDateSchema, recordBase } from './common.js';

/** A dated meeting or deadline (e.g. styrelse 2023-02-17 förmiddag). */
export const calendarEventSchema = z.object({
  ...recordBase,
  kind: z.enum(['meeting', 'deadline', 'period', 'other']),
  /** Organ/group id this belongs to (styrelse, ssg …), when it belongs to one. */
  organ: idSchema.optional(),
  verksamhet: idSchema.optional(),
  date: isoDateSchema,
  /** For periods (e.g. 20/4–20/5). */
  endDate: isoDateSchema.optional(),
  partOfDay: z.enum(['formiddag', 'eftermiddag', 'heldag']).optional(),
  startTime: z.string().regex(/^\d{2}:\d{2}$/).optional(),
  endTime: z.string().regex(/^\d{2}:\d{2}$/).optional(),
  place: z.string().optional(),
  title: z.string(),
  topics: z.array(z.string()).default([]),
});
export type CalendarEvent = z.infer<typeof calendarEventSchema>;

/** A yearly rule ("senast 31 december året före", "maj", "september–oktober", "senast 30 november"). */
export const calendarRuleSchema = z.object({
  ...recordBase,
  kind: z.enum(['deadline', 'period', 'recurring']),
  organ: idSchema.optional(),
  verksamhet: idSchema.optional(),
  title: z.string(),
  /** Month 1–12 and optional day; with `yearOffset` −1 for "året före" the year it concerns. */
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31).optional(),
  endMonth: z.number().int().min(1).max(12).optional(),
  endDay: z.number().int().min(1).max(31).optional(),
  yearOffset: z.number().int().default(0),
  /** Years the rule applies to (inclusive), where the document bounds it. */
  fromYear: z.number().int().optional(),
  toYear: z.number().int().optional(),
  text: z.string(),
});
export type CalendarRule = z.infer<typeof calendarRuleSchema>;
