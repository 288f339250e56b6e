import { z } from 'zod';
import { idSchema, isoDateSchema, recordBase, sourceSchema } from './common.js';
import { malgruppSchema } from './organisation.js';

export const agreementKindSchema = z.enum(['overenskommelse', 'uppdragsavtal', 'verksamhetsplan', 'protokoll', 'ansokan', 'kallelse', 'other']);

const ruleSchema = z.object({ text: z.string(), source: sourceSchema, note: z.string().optional() });

/** An agreement or governing document: överenskommelse, uppdragsavtal, verksamhetsplan, protokoll, ansökan. */
export const agreementSchema = z.object({
  ...recordBase,
  kind: agreementKindSchema,
  title: z.string(),
  aliases: z.array(z.string()).default([]),
  forbund: idSchema,
  parties: z.array(idSchema).default([]),
  verksamheter: z.array(idSchema).default([]),
  validity: z.object({
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    tillsvidare: z.boolean().default(false),
    text: z.string().optional(),
  }).optional(),
  decided: z.object({ date: isoDateSchema.optional(), by: z.string().optional(), text: z.string().optional() }).optional(),
  signatories: z.array(z.object({
    name: z.string(),
    party: idSchema.optional(),
    role: z.string().optional(),
    date: isoDateSchema.optional(),
    place: z.string().optional(),
    note: z.string().optional(),
  })).default([]),
  purpose: z.string().optional(),
  /** The agreement's vision, as stated. */
  vision: z.string().optional(),
  /** Target groups the agreement itself defines (e.g. 16–64 år, prioritised groups), as data. */
  malgrupp: z.array(malgruppSchema).default([]),
  goals: z.array(z.object({
    id: idSchema,
    kind: z.string().optional(),
    text: z.string(),
    /** Measurable target, as stated (e.g. "50 %"). */
    target: z.string().optional(),
    indicators: z.array(z.object({ text: z.string(), target: z.string().optional() })).default([]),
    source: sourceSchema,
    note: z.string().optional(),
  })).default([]),
  reporting: z.array(z.object({
    what: z.string(),
    when: z.string().optional(),
    to: z.string().optional(),
    text: z.string(),
    source: sourceSchema,
  })).default([]),
  notice: ruleSchema.optional(),
  renegotiation: ruleSchema.optional(),
  termination: ruleSchema.optional(),
  changes: ruleSchema.optional(),
  payment: ruleSchema.optional(),
  otherRules: z.array(z.object({ topic: z.string(), text: z.string(), source: sourceSchema })).default([]),
  /** For protokoll/kallelse: the meeting the document is about (date, time, place as written). */
  meeting: z.object({ date: isoDateSchema, time: z.string().optional(), place: z.string().optional() }).optional(),
  /** For protokoll: who took part (beslutande, övriga deltagare), as the document lists them. */
  participants: z.array(z.object({
    name: z.string(),
    party: idSchema.optional(),
    role: z.string().optional(),
    group: z.string().optional(),
    note: z.string().optional(),
  })).optional(),
  /** For kallelse: the agenda items (föredragningslista) with their text. */
  agenda: z.array(z.object({ number: z.string(), title: z.string(), text: z.string().optional(), source: sourceSchema })).optional(),
});
export type Agreement = z.infer<typeof agreementSchema>;

export const commitmentCategorySchema = z.enum([
  'representation', 'bemanning', 'beredning', 'insatser', 'beslut', 'finansiering', 'lokaler', 'uppfoljning', 'samverkan', 'ovrigt',
]);

/** One party's (or unit's) commitment in an agreement, for a verksamhet. */
export const commitmentSchema = z.object({
  ...recordBase,
  party: idSchema,
  unit: idSchema.optional(),
  agreement: idSchema,
  verksamhet: idSchema.optional(),
  category: commitmentCategorySchema,
  text: z.string(),
});
export type Commitment = z.infer<typeof commitmentSchema>;

/** Who to contact for what, with scope and how. */
export const contactSchema = z.object({
  ...recordBase,
  party: idSchema,
  unit: idSchema.optional(),
  role: z.string(),
  name: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  scope: z.string(),
  how: z.string().optional(),
  verksamhet: idSchema.optional(),
});
export type Contact = z.infer<typeof contactSchema>;

/** A samverkansinitiativ (Bilaga 4 of the Överenskommelse 2023). */
export const initiativSchema = z.object({
  ...recordBase,
  number: z.number().int().optional(),
  category: z.string(),
  name: z.string(),
  status: z.string().optional(),
  ranking: z.string().optional(),
  parties: z.array(idSchema).default([]),
  sammankallande: z.string().optional(),
  ansvar: z.string().optional(),
  activities: z.array(z.string()).default([]),
  goals: z.array(z.string()).default([]),
  indicators: z.array(z.string()).default([]),
  impact: z.string().optional(),
  feasibility: z.string().optional(),
  description: z.string().optional(),
});
export type Initiativ = z.infer<typeof initiativSchema>;

/** A decision or recorded item from a protokoll (e.g. styrelsen 2017-02-24). */
export const decisionSchema = z.object({
  ...recordBase,
  organ: idSchema.optional(),
  date: isoDateSchema,
  paragraph: z.string().optional(),
  title: z.string(),
  text: z.string(),
});
export type Decision = z.infer<typeof decisionSchema>;

/** An application (ansökan) for förbund funds, with the beredningsgrupp's proposal. */
export const applicationSchema = z.object({
  ...recordBase,
  title: z.string(),
  applicant: z.string().optional(),
  /** The project leader the application names, with title as written. */
  projectLeader: z.string().optional(),
  amount: z.string().optional(),
  period: z.string().optional(),
  summary: z.string().optional(),
  proposal: z.string().optional(),
  /** Samverkansparter as the application names them. */
  partners: z.string().optional(),
  targetGroup: z.string().optional(),
  /** The beredningsgrupp's priority rank (1 = highest). */
  priority: z.number().int().optional(),
  /** The beredningsgrupp's comments, one per bullet. */
  comments: z.array(z.string()).optional(),
});
export type Application = z.infer<typeof applicationSchema>;

/** A passage of document text kept for search (background, purpose …) that no other record holds. */
export const passageSchema = z.object({
  ...recordBase,
  title: z.string(),
  text: z.string(),
});
export type Passage = z.infer<typeof passageSchema>;
