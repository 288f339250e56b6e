import { z } from 'zod';
import { figureSchema, idSchema, recordBase, sourceSchema } from './common.js';

const budgetRowSchema = z.object({
  id: idSchema,
  label: z.string(),
  party: idSchema.optional(),
  verksamhet: idSchema.optional(),
  /** One figure per column, in the order of `columns`. */
  values: z.array(figureSchema),
  /** The row total the document states across the columns (checked against the values). */
  total: figureSchema.optional(),
  note: z.string().optional(),
});

/**
 * A budget table as the document prints it: columns (years or periods), sections of rows with their
 * stated sums, an optional result and equity. `unit` says tkr or kr as the document states.
 * The loader checks that rows add up to each stated sum, that result = income − costs and that
 * equity carries from column to column.
 */
export const budgetSchema = z.object({
  ...recordBase,
  forbund: idSchema,
  title: z.string(),
  /** verksamhet id when the table is for one verksamhet; absent for the förbund as a whole. */
  verksamhet: idSchema.optional(),
  unit: z.enum(['tkr', 'kr', 'årsarbetare']),
  /** 'negative' when the document prints costs with a minus sign (values are stored as printed). */
  costSign: z.enum(['positive', 'negative']).optional(),
  columns: z.array(z.string()).min(1),
  /**
   * What the table is, where a question names it by that: `applied` the funds applied for (sökta
   * medel), `unitCost` the cost of one position (kostnad per tjänst). Absent: a budget of income and costs.
   */
  role: z.enum(['applied', 'unitCost']).optional(),
  /**
   * What the figures are: `plan` a budget decided in advance (the default), `outcome` what the
   * year turned out (utfall, bokslut). A question about the outcome gets a plan's figures only as
   * the budget, said so.
   */
  basis: z.enum(['plan', 'outcome']).optional(),
  sections: z.array(z.object({
    id: idSchema,
    label: z.string(),
    kind: z.enum(['income', 'cost', 'other']),
    /**
     * What the section is, where a question names it by that: `administration` (kansli och
     * styrelse), `operational` (verksamhetsnära kostnader), `verksamheter` (the verksamheter's
     * costs), `granted` (beviljat belopp).
     */
    role: z.enum(['administration', 'operational', 'verksamheter', 'granted']).optional(),
    rows: z.array(budgetRowSchema),
    /** The sum the document states for this section (checked against the rows). */
    sum: z.array(figureSchema).optional(),
    /** The stated sum of every value in the section (all rows, all columns), checked. */
    grandTotal: figureSchema.optional(),
  })),
  /** Stated total of all cost sections per column ("Kostnader totalt"), checked. */
  costTotal: z.array(figureSchema).optional(),
  /** Stated result per column (income − costs). */
  result: z.array(figureSchema).optional(),
  equity: z.object({
    opening: z.array(figureSchema).optional(),
    closing: z.array(figureSchema),
  }).optional(),
  sourceDetail: sourceSchema.optional(),
});
export type Budget = z.infer<typeof budgetSchema>;
