import { z } from 'zod';

/** Where a fact comes from: the seed document's file name and the section as a reader would look it up. */
export const sourceRefSchema = z.object({
  doc: z.string().min(1),
  section: z.string().min(1),
  /** Human title of the document, e.g. "Överenskommelse Vuxentorget (2020)"; filled in from data/ when rendering. */
  title: z.string().optional(),
  /** Date of the document (ISO), used to order conflicting sources newest first. */
  date: z.string().optional(),
});
export type SourceRef = z.infer<typeof sourceRefSchema>;

export const factSchema = z.object({
  label: z.string(),
  value: z.string(),
  /**
   * The document the fact is from, when facts of one label may come from documents of different
   * dates (a verksamhet's staffing in 2020 and in 2023): the newest leads, the older is said with its date.
   */
  asOf: z.object({ date: z.string(), title: z.string() }).optional(),
});
export type Fact = z.infer<typeof factSchema>;

export const choiceSchema = z.object({
  /** What the button shows. */
  label: z.string(),
  /** What is sent back as the user's text when the button is pressed (defaults to label). */
  value: z.string().optional(),
});
export type Choice = z.infer<typeof choiceSchema>;

/**
 * What an answer is, decided by the builder that made it (never read back from its wording):
 * `answered` — the documents answer the question; `not-stated` — they do not (the reply says so
 * plainly and may show nearby passages as related); `needs-input` — a fact that matters is
 * missing and the reply carries the choices to ask for it.
 */
export const answerStatusSchema = z.enum(['answered', 'not-stated', 'needs-input']);
export type AnswerStatus = z.infer<typeof answerStatusSchema>;

/**
 * The channel-neutral reply every dialog produces. Renderers per channel turn it into
 * plain text (CLI), HTML (web), Adaptive Cards (Teams) and Block Kit (Slack).
 */
export const replySchema = z.object({
  text: z.string(),
  facts: z.array(factSchema).optional(),
  sources: z.array(sourceRefSchema).optional(),
  choices: z.array(choiceSchema).optional(),
  /** Marks a reply built on demo figures (exempeldata), so every channel can flag it. */
  exempeldata: z.boolean().optional(),
  /** Set by answer builders (MainDialog decides from it); prompts and help texts leave it out. */
  status: answerStatusSchema.optional(),
  /**
   * For a `not-stated` answer from a feature that found its subject and lacks only the value asked
   * ("Budgeten har inga siffror för 2026" – the budget is there, for other years): the answer stands,
   * the search's passages follow it as the closest. Without it the search may answer instead.
   */
  subjectFound: z.boolean().optional(),
});
export type Reply = z.infer<typeof replySchema>;

/** The name under which a Reply travels inside a Bot Framework activity (activity.channelData / attachments). */
export const REPLY_CHANNEL_DATA_KEY = 'samverkansReply';
