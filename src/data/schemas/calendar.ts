import { z } from 'zod';
import { idSchema, isoDateSchema, recordBase, sourceSchema } from './common.js';

/** A dated meeting or deadline (e.g. styrelse 2023-02-17 förmiddag). */
export const calendarEventSchema = z.object({
  ...recordBase,
  kind: z.enum(['meeting', 'deadline', 'period', 'other']),
  /** Organ/group id this belongs to (styrelse, ssg …), when it belongs to one. */
  organ: idSchema.optional(),
  /** Further organs the event concerns (a joint workshop of styrelse and SSG); subscriptions of these get it too. */
  alsoOrgans: z.array(idSchema).default([]),
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
  /** What the event is about, where another section of the documents explains it (e.g. the planeringsdag in Bilaga 4). */
  about: z.string().optional(),
  /** Where `about` comes from, when it is another section than `source`. */
  aboutSource: sourceSchema.optional(),
});
export type CalendarEvent = z.infer<typeof calendarEventSchema>;

/** A yearly rule ("senast 31 december året före", "maj", "september–oktober", "senast 30 november"). */
export const calendarRuleSchema = z.object({
  ...recordBase,
  kind: z.enum(['deadline', 'period', 'recurring']),
  organ: idSchema.optional(),
  alsoOrgans: z.array(idSchema).default([]),
  verksamhet: idSchema.optional(),
  title: z.string(),
  /**
   * Month 1–12 and optional day; with `yearOffset` −1 for "året före" the year it concerns.
   * Absent for rules the documents give no month for (e.g. "varannan månad i efterskott"): they are
   * stated, never projected onto dates.
   */
  month: z.number().int().min(1).max(12).optional(),
  day: z.number().int().min(1).max(31).optional(),
  endMonth: z.number().int().min(1).max(12).optional(),
  endDay: z.number().int().min(1).max(31).optional(),
  yearOffset: z.number().int().default(0),
  /** Years the rule applies to (inclusive), where the document bounds it. */
  fromYear: z.number().int().optional(),
  toYear: z.number().int().optional(),
  text: z.string(),
  topics: z.array(z.string()).default([]),
});
export type CalendarRule = z.infer<typeof calendarRuleSchema>;

/**
 * A meeting or deadline the kansli added (next year's mötesplan) by `npm run import -- calendar` or
 * the chat command; kept in the state file (`calendarAdditions`), not in data/. It has no seed
 * document, so instead of `source` it records who imported it, when and from where.
 */
export const calendarAdditionSchema = calendarEventSchema.omit({ source: true }).extend({
  forbund: idSchema,
  imported: z.object({
    /** ISO timestamp of the import. */
    at: z.string(),
    /** `channel:userId` of the kansli member, or `cli`. */
    by: z.string(),
    via: z.enum(['cli', 'chat']),
    file: z.string().optional(),
    row: z.number().int().optional(),
  }),
});
export type CalendarAddition = z.infer<typeof calendarAdditionSchema>;
