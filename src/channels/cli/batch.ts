import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ConversationCore } from '../../core/conversationCore.js';
import { renderShapedAll } from '../../core/renderText.js';
import { isIsoDay } from './args.js';

const batchLineSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string().min(1, { error: 'text får inte vara tom' }),
  today: z.string().refine(isIsoDay, { error: 'today måste vara ett datum ÅÅÅÅ-MM-DD' }).optional(),
});

/**
 * One output line of a batch: the answer as shown (`reply`) and what waits behind "Visa mer" (`more`), or for a bad line an error (with an empty reply, so
 * every line has the same two keys a reader relies on).
 */
export type BatchResult = { id: string; reply: string; more?: string } | { id: string | null; reply: ''; error: string };

function idOf(raw: unknown): string | null {
  if (typeof raw === 'object' && raw !== null) {
    const id = (raw as Record<string, unknown>).id;
    if (typeof id === 'string' || typeof id === 'number') return String(id);
  }
  return null;
}

/** Answers one JSONL line in a fresh conversation; a bad line gives an error result, never a throw. */
export async function answerBatchLine(core: ConversationCore, line: string, lineNumber: number, channelData?: Record<string, string>): Promise<BatchResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { id: null, reply: '', error: `Rad ${lineNumber}: ogiltig JSON` };
  }
  const parsed = batchLineSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'raden'}: ${i.message}`).join('; ');
    return { id: idOf(raw), reply: '', error: `Rad ${lineNumber}: ${problems}` };
  }
  const { id, text, today } = parsed.data;
  try {
    const replies = await core.ask({ channelId: 'cli', conversationId: `batch-${randomUUID()}`, text, today, ...(channelData === undefined ? {} : { channelData }) });
    const { shown, more } = renderShapedAll(replies);
    return more === '' ? { id, reply: shown } : { id, reply: shown, more };
  } catch (error) {
    return { id, reply: '', error: `Rad ${lineNumber}: kunde inte svara (${error instanceof Error ? error.name : 'fel'})` };
  }
}

/** Answers every non-blank line of a JSONL file's content, in order (`channelData`: the förbund of --forbund). */
export async function* answerBatch(core: ConversationCore, content: string, channelData?: Record<string, string>): AsyncGenerator<BatchResult> {
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    yield await answerBatchLine(core, line, i + 1, channelData);
  }
}
