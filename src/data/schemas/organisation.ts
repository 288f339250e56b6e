import { z } from 'zod';
import { idSchema, isoDateSchema, orgNumberSchema, recordBase, sourceSchema } from './common.js';

/** A samordningsförbund (Finsam). */
export const forbundSchema = z.object({
  ...recordBase,
  name: z.string(),
  aliases: z.array(z.string()).default([]),
  orgNumbers: z.array(orgNumberSchema).default([]),
  /** Party ids of the members (förbundsmedlemmar). */
  members: z.array(idSchema).default([]),
  municipalities: z.array(z.string()).default([]),
  /**
   * The deployment's default förbund when a question does not say which (at most one förbund has
   * it; the DEFAULT_FORBUND environment variable overrides it).
   */
  default: z.boolean().default(false),
  /**
   * Parties whose unit is meant when a unit alias several parties share ("soc" in every kommun)
   * comes without a party, in order of preference — the party the documents mostly speak of.
   */
  preferredParties: z.array(idSchema).default([]),
  /**
   * The verksamhet whose målgrupp is the agreement's own ("målgruppen för samverkan inom ramen för
   * överenskommelsen"): a target-group question that names no verksamhet is checked against it.
   */
  samverkan: idSchema.optional(),
  /** The verksamhet and party the help's example questions name ("Vad åtar sig <party> i <verksamhet>?"). */
  showcase: z.object({ verksamhet: idSchema.optional(), party: idSchema.optional() }).optional(),
  /** The förbund's samverkansorganisation in one sentence, as its documents describe it (levels, groups). */
  structure: z.object({ text: z.string(), source: sourceSchema }).optional(),
  kansli: z.array(z.object({ role: z.string(), name: z.string().optional(), source: sourceSchema, note: z.string().optional() })).default([]),
});
export type Forbund = z.infer<typeof forbundSchema>;

export const partyKindSchema = z.enum(['stat', 'region', 'kommun', 'forbund', 'other']);

/** A party (organisation) and its units, with the aliases people type (FK, AF, soc, psyk …). */
export const partySchema = z.object({
  ...recordBase,
  name: z.string(),
  /** Other names the documents use (e.g. "Västerbottens läns landsting" for the region before 2019). */
  otherNames: z.array(z.object({ name: z.string(), source: sourceSchema })).default([]),
  kind: partyKindSchema,
  orgNumbers: z.array(orgNumberSchema).default([]),
  aliases: z.array(z.string()).default([]),
  units: z.array(z.object({
    id: idSchema,
    name: z.string(),
    aliases: z.array(z.string()).default([]),
    source: sourceSchema,
    note: z.string().optional(),
  })).default([]),
});
export type Party = z.infer<typeof partySchema>;

/** A reference to a party, optionally narrowed to one of its units. */
export const partyRefSchema = z.object({ party: idSchema, unit: idSchema.optional() });

/**
 * What kind of body an organ is, in terms every förbund shares: the board, a strategic
 * samverkansgrupp (e.g. an SSG), a working committee (utskott), a working or analysis group,
 * the beredningsgrupp, a verksamhet's styrgrupp, the kansli. The förbund's own name for it is
 * the record's id, name and aliases.
 */
export const organKindSchema = z.enum(['styrelse', 'samverkansgrupp', 'utskott', 'arbetsgrupp', 'beredningsgrupp', 'styrgrupp', 'kansli', 'other']);

/** An organ or group: styrelse, SSG and its arbetsutskott, analysgrupp, beredningsgrupp, styrgrupper … */
export const organSchema = z.object({
  ...recordBase,
  name: z.string(),
  aliases: z.array(z.string()).default([]),
  kind: organKindSchema,
  verksamhet: idSchema.optional(),
  /** Who sits there, as the document says it (per party/unit where it says so). */
  representation: z.array(z.object({
    party: idSchema.optional(),
    unit: idSchema.optional(),
    text: z.string(),
    source: sourceSchema.optional(),
  })).default([]),
  size: z.string().optional(),
  tasks: z.array(z.string()).default([]),
  meets: z.string().optional(),
  description: z.string().optional(),
});
export type Organ = z.infer<typeof organSchema>;

/** The target group of a verksamhet as data: the aktualiseringscheck reads its limits from here. */
export const malgruppSchema = z.object({
  description: z.string(),
  ageMin: z.number().int().optional(),
  ageMax: z.number().int().optional(),
  /** How the document words the age limit (e.g. "äldre än 25 år" vs "25–64 år"), kept when readings differ. */
  ageNote: z.string().optional(),
  /**
   * True when the limits are the agreement's, not the verksamhet's own (its document gives none):
   * they still bound a fit check, but the verksamhet is not offered "in stead" on their strength.
   */
  ageFromAgreement: z.boolean().optional(),
  /** Municipalities the person must live in. */
  residence: z.array(z.string()).default([]),
  /** Conditions that must hold (e.g. "behov av minst två myndigheters samverkan"). */
  conditions: z.array(z.string()).default([]),
  /** The defined sub-groups the document lists. */
  groups: z.array(z.string()).default([]),
  exclusions: z.array(z.string()).default([]),
  prioritised: z.array(z.string()).default([]),
  /** Age band the document prioritises within the målgrupp (e.g. 16–29 in Samverkansteam Finnveden). */
  prioritisedAge: z.object({ min: z.number().int().optional(), max: z.number().int().optional() }).optional(),
  /** Minimum number of authorities whose joint support is needed, where the document states one. */
  minAuthorities: z.number().int().optional(),
  source: sourceSchema,
  note: z.string().optional(),
});
export type Malgrupp = z.infer<typeof malgruppSchema>;

/** A verksamhet (Vuxentorget, Ungdomstorget, Samordningsteamen, Samverkansteam Finnveden, Steget vidare, Krami …). */
export const verksamhetSchema = z.object({
  ...recordBase,
  name: z.string(),
  aliases: z.array(z.string()).default([]),
  /**
   * The verksamhet this one is part of (a torg under the förbund's umbrella of torg, a kommun's
   * team under the teams as a whole): what is written for the whole holds for its parts.
   */
  partOf: idSchema.optional(),
  description: z.string().optional(),
  parties: z.array(idSchema).default([]),
  period: z.object({ from: isoDateSchema.optional(), to: isoDateSchema.optional(), text: z.string().optional() }).optional(),
  malgrupp: z.array(malgruppSchema).default([]),
  staffing: z.array(z.object({
    party: idSchema.optional(),
    unit: idSchema.optional(),
    role: z.string(),
    amount: z.string().optional(),
    text: z.string().optional(),
    source: sourceSchema,
    note: z.string().optional(),
  })).default([]),
  /** Organ ids that lead it (styrgrupp …). */
  organs: z.array(idSchema).default([]),
  /** Documented results (e.g. Steget vidare 2011–2013), as stated. */
  results: z.array(z.object({ label: z.string(), value: z.string(), source: sourceSchema, note: z.string().optional() })).default([]),
});
export type Verksamhet = z.infer<typeof verksamhetSchema>;
