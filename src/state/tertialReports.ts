import { z } from 'zod';

/**
 * A verksamhet's tertial report as stored in the state file (issue 7; DESIGN.md, Tertialsiffror):
 * T1 jan–apr, T2 maj–aug, T3 sep–dec. Figures come from the kansli's import (CSV/JSON), never from
 * chat text. History is kept: a re-import of the same förbund, verksamhet, year and tertial is a new
 * record with the next `version`; answers use the highest version and can show what changed.
 */

export const TERTIALS = ['T1', 'T2', 'T3'] as const;
export const tertialSchema = z.enum(TERTIALS);
export type Tertial = z.infer<typeof tertialSchema>;

/** End reasons of participants who ended during the tertial (the categories of the tertial statistics). */
export const END_REASONS = ['arbete', 'studier', 'medicinskRehabilitering', 'arbetsformagaSaknas', 'ovrigt'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** Swedish labels of the end reasons, as the reports and answers name them. */
export const END_REASON_LABELS: Readonly<Record<EndReason, string>> = {
  arbete: 'arbete',
  studier: 'studier',
  medicinskRehabilitering: 'medicinsk rehabilitering',
  arbetsformagaSaknas: 'arbetsförmåga saknas',
  ovrigt: 'övrigt',
};

const count = z.number().int().min(0);

export const participantsSchema = z.object({
  /** Participants enrolled at the end of the tertial. */
  current: count,
  /** Participants who started during the tertial. */
  new: count,
  /** Participants who ended during the tertial. */
  ended: count,
  /** How many of `ended` ended for each reason; when given they add up to `ended`. */
  endReasons: z.object({
    arbete: count.optional(),
    studier: count.optional(),
    medicinskRehabilitering: count.optional(),
    arbetsformagaSaknas: count.optional(),
    ovrigt: count.optional(),
  }).default({}),
  /** Of the current participants: women and men (may be fewer than `current` when not everyone is counted). */
  women: count.optional(),
  men: count.optional(),
});
export type Participants = z.infer<typeof participantsSchema>;

/** Money for the tertial, in tkr: budget and outcome (utfall). */
export const moneySchema = z.object({
  budgetTkr: z.number().min(0).optional(),
  outcomeTkr: z.number().min(0).optional(),
});

/** The result of one of the agreement's measurable goals (e.g. Finnveden's 50/75/85 %), in percent. */
export const indicatorResultSchema = z.object({
  /** The goal id in data/ (agreements[].goals[].id). */
  goal: z.string().min(1),
  resultPercent: z.number().min(0).max(100),
});

export const tertialReportSchema = z.object({
  /** Unique id of this version ("<forbund>/<verksamhet>/<year>-<tertial>/v<version>"). */
  id: z.string().min(1),
  forbund: z.string().min(1),
  verksamhet: z.string().min(1),
  year: z.number().int().min(2000).max(2100),
  tertial: tertialSchema,
  version: z.number().int().min(1),
  participants: participantsSchema,
  money: moneySchema.default({}),
  indicators: z.array(indicatorResultSchema).default([]),
  /** The short lägesrapport of the tertial. */
  lagesrapport: z.string().max(4000).optional(),
  /** Demo figures (templates/exempeldata): every answer using them says so. */
  exempeldata: z.boolean().default(false),
  /** Who imported it: "cli:<user>" or "<channel>:<userId>". */
  importedBy: z.string().min(1),
  /** ISO timestamp of the import. */
  importedAt: z.string().min(1),
  /** The file it came from (name only), for the audit trail. */
  sourceFile: z.string().optional(),
  /** The audit entry of the import that created this version. */
  importId: z.string().min(1),
});
export type TertialReport = z.infer<typeof tertialReportSchema>;

/** The key a re-import replaces: förbund, verksamhet, year and tertial. */
export function reportKey(r: Pick<TertialReport, 'forbund' | 'verksamhet' | 'year' | 'tertial'>): string {
  return `${r.forbund}/${r.verksamhet}/${r.year}-${r.tertial}`;
}
