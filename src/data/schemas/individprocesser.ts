import { z } from 'zod';
import { idSchema, recordBase, sourceSchema } from './common.js';
import { malgruppSchema } from './organisation.js';

/** The person's benefit (ersättning) as the aktualisering rules speak of it. */
export const benefitSchema = z.enum([
  'sjukpenning', 'aktivitetsersattning', 'forsorjningsstod', 'etableringsersattning',
  'sjukersattning-hel', 'sjukersattning-partiell', 'a-kassa-aktivitetsstod', 'ingen', 'okand',
  // Sjukersättning whose degree (hel/partiell) is not known.
  'sjukersattning',
]);
export type Benefit = z.infer<typeof benefitSchema>;

/**
 * The kind of party that refers (aktualiserar) in a samordnad individprocess — socialtjänsten,
 * regionen, Försäkringskassan … Which kinds exist, how they are named and the words that name
 * them in a question are data (`referrer` on each individprocess), not code.
 */
export const referringPartySchema = idSchema;
export type ReferringParty = z.infer<typeof referringPartySchema>;

/** One förankring rule: when the referring party refers a person with one of these benefits, consult … first. */
export const forankringRuleSchema = z.object({
  id: idSchema,
  /** The rule applies when the person has any of these benefits (empty: whatever the benefit). */
  benefits: z.array(benefitSchema).default([]),
  /**
   * Whom to consult before aktualisering: a party (and unit), or — where the document names a
   * municipal function without a municipality ("Socialtjänstens försörjningsstödshandläggare") —
   * `homeMunicipalityUnit`, the unit of the person's home municipality.
   */
  consult: z.array(z.object({
    party: idSchema.optional(),
    unit: idSchema.optional(),
    homeMunicipalityUnit: idSchema.optional(),
    role: z.string().optional(),
  }).refine((c) => c.party !== undefined || c.homeMunicipalityUnit !== undefined, 'consult behöver party eller homeMunicipalityUnit')),
  /** förankring (consult before), avstämning (check with) — the document's own word decides. */
  kind: z.enum(['forankring', 'avstamning']).default('forankring'),
  /** A condition other than the benefit, as the document words it ("om individen bedöms stå nära arbetsmarknaden"). */
  condition: z.string().optional(),
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
  /** How the referring party is named: in answers and choices, in running text, and the word stems that name it in a question. */
  referrer: z.object({
    label: z.string(),
    short: z.string(),
    /** Normalised (lower case, å/ä/ö folded) stems; up to four letters they must match whole ("fk", "soc"). */
    cues: z.array(z.string()).default([]),
  }).optional(),
  title: z.string(),
  /** Who usually refers, as the document says. */
  whoRefers: z.string().optional(),
  steps: z.array(z.object({
    /** aktualisering, kartläggning, insats, avslut; `oklart`/`utveckling` where the document says a flow is unclear or being developed. */
    kind: z.enum(['aktualisering', 'kartlaggning', 'insats', 'avslut', 'oklart', 'utveckling']).optional(),
    /** Benefits the step is about (empty: any). */
    benefits: z.array(benefitSchema).default([]),
    text: z.string(),
    source: sourceSchema,
  })).default([]),
  forankring: z.array(forankringRuleSchema).default([]),
  /** Path ids this process can lead to. */
  paths: z.array(idSchema).default([]),
  followUp: z.string().optional(),
  /** Who the process is for, where the document limits it (e.g. KAA: 16–19 år, folkbokförda i kommunen). */
  eligibility: malgruppSchema.optional(),
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
  /** Who takes part as the document words it (a unit, or a function of the home municipality). */
  roles: z.array(z.string()).default([]),
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
