import { z } from 'zod';

/**
 * A source document's file name: the bundled seeds lie in seeds/, documents read in with
 * `npm run data:ingest` in data/<förbund>/sources/. Which documents exist is data: every
 * `source.doc` must be listed in data/documents.json (checked by the loader's cross-checks).
 */
export const docIdSchema = z.string().regex(/^[A-Za-z0-9][\w.-]*\.txt$/, 'doc ska vara dokumentets filnamn, t.ex. dokument.txt');

/** Where a record comes from: the seed's file name and the section as a reader would look it up. */
export const sourceSchema = z.object({
  doc: docIdSchema,
  section: z.string().min(1),
});
export type Source = z.infer<typeof sourceSchema>;

/** Record ids: lower-case kebab-case, unique within their kind and förbund. */
export const idSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id ska vara gemener-med-bindestreck');

/** ISO date YYYY-MM-DD. */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'datum ska vara ÅÅÅÅ-MM-DD');

/** Fields every curated record carries. `note` says where the document is unclear or was reconciled. */
export const recordBase = {
  id: idSchema,
  source: sourceSchema,
  note: z.string().optional(),
};

/**
 * A number as a document states it. Plain numbers where the text is clear; an object where the OCR
 * misread it or the figure is uncertain: `raw` is the text as printed, `note` the reasoning.
 */
export const figureSchema = z.union([
  z.number(),
  z.object({
    value: z.number().nullable(),
    raw: z.string().optional(),
    note: z.string().optional(),
    uncertain: z.boolean().optional(),
    alternatives: z.array(z.number()).optional(),
  }),
]);
export type Figure = z.infer<typeof figureSchema>;

/** The numeric value of a figure (null where the document gives none). */
export function figureValue(figure: Figure): number | null {
  return typeof figure === 'number' ? figure : figure.value;
}

/** An org number as written in one document; documents may disagree, so every version is kept. */
export const orgNumberSchema = z.object({
  value: z.string().regex(/^\d{6}-\d{4}$/),
  source: sourceSchema,
  note: z.string().optional(),
});

/** A document of the seeds, with the human title used in every answer's source line. */
export const documentSchema = z.object({
  doc: docIdSchema,
  title: z.string().min(1),
  /** Short name for fact labels ("Överenskommelse 2023"); the full title stays in the source line. */
  shortTitle: z.string().min(1).optional(),
  /** Date of the document (decision, signing or meeting date), ISO; orders conflicting sources newest first. */
  date: isoDateSchema,
  forbund: z.array(idSchema).min(1),
  kind: z.string().min(1),
  note: z.string().optional(),
});
export type DocumentInfo = z.infer<typeof documentSchema>;
