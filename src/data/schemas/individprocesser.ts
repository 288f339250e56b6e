import { z } from 'zod';
import { idSchema, recordBase, sourceSchema } from './common.js';

/** The person's benefit (ersättning) as the aktualisering rules speak of it. */
export const benefitSchema = z.enum([
  'sjukpenning', 'aktivitetsersattning', 'forsorjningsstod', 'etableringsersattning',
  'sjukersattning-hel', 'sjukersattning-partiell', 'a-kassa-aktivitetsstod', 'ingen', 'okand',
]);
export type Benefit = z.infer<typeof benefitSchema>;

export const referringPartySchema = z.enum([
  'socialtjanst', 'region', 'forsakringskassan', 'arbetsformedlingen', 'kaa', 'etableringsprogrammet', 'kriminalvard',
]);
export type ReferringParty = z.infer<typeof referringPartySchema>;

/** One förankring rule: when the referring party refers a person with one of these benefits, consult … first. */
export const forankringRuleSchema = z.object({
  id: idSchema,
  /** The rule applies when the person has any of these benefits (empty: whatever the benefit). */
  benefits: z.array(benefitSchema).default([]),
  /** Party ids (and unit) to consult before aktualisering. */
  consult: z.array(z.object({ party: idSchema, unit: idSchema.optional(), role: z.string().optional() })),
  why: z.string(),
  /** Path ids open after förankring. */
  paths: z.array(idSchema).default([]),
  source: sourceSchema,
  note: z.string().optional(),
});

/** A samordnad individprocess (Bilaga 3) by referring party. */
export const individprocessSchema = z.object({
  ...recordBase,
  forbund: idSchema,
  referringParty: referringPartySchema,
  title: z.string(),
  /** Who usually refers, as the document says. */
  whoRefers: z.string().optional(),
  steps: z.array(z.object({ text: z.string(), source: sourceSchema })).default([]),
  forankring: z.array(forankringRuleSchema).default([]),
  /** Path ids this process can lead to. */
  paths: z.array(idSchema).default([]),
  followUp: z.string().optional(),
});
export type Individprocess = z.infer<typeof individprocessSchema>;

/** A path for a referral: beredning for Arbetsmarknadstorgen, Gemensam kartläggning FK+AF, direkt … */
export const pathSchema = z.object({
  ...recordBase,
  forbund: idSchema,
  name: z.string(),
  aliases: z.array(z.string()).default([]),
  description: z.string(),
  /** Who takes part (party ids). */
  participants: z.array(idSchema).default([]),
  verksamhet: idSchema.optional(),
});
export type ReferralPath = z.infer<typeof pathSchema>;

/** Rules that hold for every individprocess of a förbund: consent, end reasons, follow-up. */
export const processRuleSchema = z.object({
  ...recordBase,
  forbund: idSchema,
  topic: z.enum(['samtycke', 'avslutsorsaker', 'uppfoljning', 'arendebarare', 'ovrigt']),
  text: z.string(),
  items: z.array(z.string()).default([]),
});
export type ProcessRule = z.infer<typeof processRuleSchema>;
