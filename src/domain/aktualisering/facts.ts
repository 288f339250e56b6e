import { z } from 'zod';
import { benefitSchema, referringPartySchema, type Benefit } from '../../data/schemas/individprocesser.js';

/** The facts of one referral case the aktualiseringscheck can use. Never a name or personnummer. */
export const factKeySchema = z.enum([
  'referringParty', 'benefits', 'age', 'municipality', 'verksamhet', 'consent', 'substanceAbuse', 'obstacles',
]);
export type FactKey = z.infer<typeof factKeySchema>;

/**
 * Case facts as the dialog keeps them in its (persisted) state. Every field is optional: a missing
 * fact is unknown and leads to "beror på …", never to a guess. `unknown` lists the facts the
 * user said they do not know, so they are not asked again.
 */
export const caseFactsSchema = z.object({
  /** Förbund id (umearegionen, finnveden), when it follows from the verksamhet or municipality. */
  forbund: z.string().optional(),
  /** Verksamhet id from data/ (vuxentorget, arbetsmarknadstorgen, samverkansteam-finnveden …). */
  verksamhet: z.string().optional(),
  /** Home municipality as data/ spells it ("Umeå", "Värnamo"). */
  municipality: z.string().optional(),
  referringParty: referringPartySchema.optional(),
  benefits: z.array(benefitSchema).optional(),
  /** Benefits the person is said not to have ("varken sjukpenning eller försörjningsstöd"): rules that need only them do not apply. */
  lacks: z.array(benefitSchema).optional(),
  age: z.number().int().min(0).max(120).optional(),
  consent: z.boolean().optional(),
  substanceAbuse: z.boolean().optional(),
  /** Medical or social obstacles to starting arbetsförberedande insatser. */
  obstacles: z.boolean().optional(),
  /** The förankring rules' conditions the user stated, true or false ("om individen bedöms stå nära arbetsmarknaden"). */
  conditions: z.record(z.string(), z.boolean()).optional(),
  unknown: z.array(factKeySchema).default([]),
});
export type CaseFacts = z.infer<typeof caseFactsSchema>;

/** Merges newly understood facts into the known ones; later facts win, benefit lists are joined. */
export function mergeFacts(known: CaseFacts, update: Partial<CaseFacts>): CaseFacts {
  const merged: CaseFacts = { ...known };
  for (const [key, value] of Object.entries(update) as [keyof CaseFacts, unknown][]) {
    if (value === undefined) continue;
    if (key === 'benefits') {
      const next = value as CaseFacts['benefits'] ?? [];
      const definite = next.filter((b) => b !== 'okand' && b !== 'ingen');
      const previous = (known.benefits ?? []).filter((b) => b !== 'okand' && b !== 'ingen');
      merged.benefits = definite.length > 0 ? [...new Set([...previous, ...definite])] : next;
      // A known grade replaces "sjukersättning, grade unknown".
      if (merged.benefits.some((b) => b === 'sjukersattning-hel' || b === 'sjukersattning-partiell')) {
        merged.benefits = merged.benefits.filter((b) => b !== 'sjukersattning');
      }
      continue;
    }
    if (key === 'lacks') {
      merged.lacks = [...new Set([...(known.lacks ?? []), ...(value as Benefit[])])];
      continue;
    }
    if (key === 'conditions') {
      merged.conditions = { ...known.conditions, ...(value as Record<string, boolean>) };
      continue;
    }
    if (key === 'unknown') {
      merged.unknown = [...new Set([...known.unknown, ...(value as FactKey[])])];
      continue;
    }
    (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}

/** True when the fact is known or the user said it is unknown. */
export function isSettled(facts: CaseFacts, key: FactKey): boolean {
  if (facts.unknown.includes(key)) return true;
  if (key === 'benefits') return facts.benefits !== undefined && facts.benefits.length > 0;
  return facts[key] !== undefined;
}

/** The definite benefits (not "okänd"), or undefined when none is known. */
export function knownBenefits(facts: CaseFacts): Benefit[] | undefined {
  const b = facts.benefits?.filter((x) => x !== 'okand');
  return b === undefined || b.length === 0 ? undefined : b;
}
