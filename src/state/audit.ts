import { z } from 'zod';

/**
 * The audit log (issue 7, Kansli): every import and every posted summary — who, what, when —
 * kept in the state file and read with `npm run audit`. Entries are only ever appended.
 * Known actions: `tertial-import`, `tertial-post`; other features add theirs (e.g. `calendar-add`).
 */
export const auditEntrySchema = z.object({
  id: z.string().min(1),
  /** ISO timestamp. */
  at: z.string().min(1),
  /** "cli:<user>" or "<channel>:<userId>" — the configured identity, never a name typed in chat. */
  actor: z.string().min(1),
  action: z.string().regex(/^[a-z]+(?:-[a-z]+)*$/),
  /** One line in Swedish: what was done. */
  summary: z.string().min(1),
  /** Structured details (counts, ids, targets). */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])).default({}),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
