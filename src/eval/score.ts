/**
 * The golden-question matcher (../shared/examples/README.md): a reply answers a question when it
 * contains at least one alternative of every group in `all`. Matching ignores case, å/ä/ö (and
 * other diacritics), the kind of dash, and spaces inside numbers ("2 190" = "2190").
 */
import { z } from 'zod';

export const goldenLineSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string().min(1),
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u).optional(),
  all: z.array(z.array(z.string().min(1)).min(1)).min(1),
});
export type GoldenLine = z.infer<typeof goldenLineSchema>;

/** The form both reply and alternative are compared in. */
export function foldForMatch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2010-\u2015\u2212]/gu, '-')
    .replace(/[\s\u00a0\u202f]+/gu, ' ')
    // Spaces (also thin/no-break) between digits: "090-785 63 10" → "090-7856310".
    .replace(/(\d) (?=\d)/gu, '$1');
}

/** The groups of `all` that `reply` does not satisfy (empty when the reply answers the question). */
export function missingGroups(reply: string, all: readonly (readonly string[])[]): string[][] {
  const folded = foldForMatch(reply);
  return all.filter((group) => !group.some((alt) => folded.includes(foldForMatch(alt)))).map((g) => [...g]);
}

export function answers(reply: string, all: readonly (readonly string[])[]): boolean {
  return missingGroups(reply, all).length === 0;
}

export interface LineResult {
  id: string;
  text: string;
  reply: string;
  missing: string[][];
  error?: string;
}

export interface Score {
  total: number;
  answered: number;
  /** answered / total (1 for an empty file). */
  share: number;
  misses: LineResult[];
}

export function summarize(results: readonly LineResult[]): Score {
  const misses = results.filter((r) => r.missing.length > 0 || r.error !== undefined);
  const answered = results.length - misses.length;
  return { total: results.length, answered, share: results.length === 0 ? 1 : answered / results.length, misses };
}

/** Parses a JSONL file's content into golden lines; bad lines are reported with their line number. */
export function parseGoldenFile(content: string): { lines: GoldenLine[]; errors: string[] } {
  const lines: GoldenLine[] = [];
  const errors: string[] = [];
  content.split(/\r?\n/u).forEach((raw, i) => {
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      errors.push(`rad ${i + 1}: ogiltig JSON`);
      return;
    }
    const parsed = goldenLineSchema.safeParse(value);
    if (parsed.success) lines.push(parsed.data);
    else errors.push(`rad ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.') || 'raden'}: ${x.message}`).join('; ')}`);
  });
  return { lines, errors };
}

/** A miss as the eval prints it: the question, what was wanted and (the start of) what came back. */
export function describeMiss(miss: LineResult, maxReply = 600): string {
  const wanted = miss.missing.map((g) => g.map((a) => `"${a}"`).join(' eller ')).join(' OCH ');
  const got = miss.error ?? (miss.reply.length > maxReply ? `${miss.reply.slice(0, maxReply)} …` : miss.reply);
  return `✗ ${miss.id}: ${miss.text}\n  saknas: ${wanted || '(fel)'}\n  svar: ${got.replace(/\n+/gu, ' ⏎ ')}`;
}
