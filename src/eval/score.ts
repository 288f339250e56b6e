/**
 * Golden-question scoring (../shared/examples/README.md): a reply answers a question when it
 * contains at least one alternative of every group in `all` and none of the strings in `none`,
 * matched as whole words (match.ts).
 */
import { z } from 'zod';
import { containsAlternative } from './match.js';

export { containsAlternative, foldForMatch } from './match.js';

export const goldenLineSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string().min(1),
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u).optional(),
  all: z.array(z.array(z.string().min(1)).min(1)).min(1),
  /** Strings a correct answer must not contain (e.g. an older document's figure). */
  none: z.array(z.string().min(1)).default([]),
});
export type GoldenLine = z.infer<typeof goldenLineSchema>;

/** The groups of `all` that `reply` does not satisfy (empty when the reply answers the question). */
export function missingGroups(reply: string, all: readonly (readonly string[])[]): string[][] {
  return all.filter((group) => !group.some((alt) => containsAlternative(reply, alt))).map((g) => [...g]);
}

/** The strings of `none` that `reply` contains (empty when it holds nothing forbidden). */
export function forbiddenFound(reply: string, none: readonly string[]): string[] {
  return none.filter((s) => containsAlternative(reply, s));
}

export function answers(reply: string, all: readonly (readonly string[])[], none: readonly string[] = []): boolean {
  return missingGroups(reply, all).length === 0 && forbiddenFound(reply, none).length === 0;
}

export interface LineResult {
  id: string;
  text: string;
  reply: string;
  missing: string[][];
  /** Strings of `none` the reply contains. */
  forbidden?: string[];
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
  const misses = results.filter((r) => r.missing.length > 0 || (r.forbidden?.length ?? 0) > 0 || r.error !== undefined);
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
  const forbidden = (miss.forbidden ?? []).map((s) => `"${s}"`).join(', ');
  const got = miss.error ?? (miss.reply.length > maxReply ? `${miss.reply.slice(0, maxReply)} …` : miss.reply);
  const lines = [`✗ ${miss.id}: ${miss.text}`];
  if (wanted !== '' || forbidden === '') lines.push(`  saknas: ${wanted || '(fel)'}`);
  if (forbidden !== '') lines.push(`  får inte stå: ${forbidden}`);
  lines.push(`  svar: ${got.replace(/\n+/gu, ' ⏎ ')}`);
  return lines.join('\n');
}
