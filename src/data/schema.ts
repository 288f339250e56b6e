import { z } from 'zod';
import { documentSchema } from './schemas/common.js';
import { forbundSchema, organSchema, partySchema, verksamhetSchema } from './schemas/organisation.js';
import {
  agreementSchema, applicationSchema, commitmentSchema, contactSchema, decisionSchema, initiativSchema, passageSchema,
} from './schemas/agreements.js';
import { budgetSchema } from './schemas/budgets.js';
import { calendarEventSchema, calendarRuleSchema } from './schemas/calendar.js';
import { individprocessSchema, pathSchema, processRuleSchema } from './schemas/individprocesser.js';

export * from './schemas/common.js';
export * from './schemas/organisation.js';
export * from './schemas/agreements.js';
export * from './schemas/budgets.js';
export * from './schemas/calendar.js';
export * from './schemas/individprocesser.js';

/**
 * Every kind of curated record, by the file-name stem it is stored under:
 * data/<förbund>/<kind>.json or data/<förbund>/<kind>.<part>.json, each file a JSON array.
 */
export const KIND_SCHEMAS = {
  forbund: forbundSchema,
  parties: partySchema,
  organs: organSchema,
  verksamheter: verksamhetSchema,
  agreements: agreementSchema,
  commitments: commitmentSchema,
  contacts: contactSchema,
  initiativ: initiativSchema,
  decisions: decisionSchema,
  applications: applicationSchema,
  passages: passageSchema,
  budgets: budgetSchema,
  calendarEvents: calendarEventSchema,
  calendarRules: calendarRuleSchema,
  individprocesser: individprocessSchema,
  paths: pathSchema,
  processRules: processRuleSchema,
} as const;

export type KindName = keyof typeof KIND_SCHEMAS;
export const KIND_NAMES = Object.keys(KIND_SCHEMAS) as KindName[];

/** A loaded record: the curated fields plus the förbund folder it came from. */
export type Loaded<K extends KindName> = z.infer<(typeof KIND_SCHEMAS)[K]> & { forbund: string; origin: RecordOrigin };

/** Where a loaded record stands: the file and its index in the file's array (for error messages). */
export interface RecordOrigin {
  file: string;
  index: number;
}

export const documentsFileSchema = z.array(documentSchema);
