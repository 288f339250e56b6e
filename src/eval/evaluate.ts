import { randomUUID } from 'node:crypto';
import type { ConversationCore } from '../core/conversationCore.js';
import { renderTexts } from '../core/renderText.js';
import { forbiddenFound, missingGroups, type GoldenLine, type LineResult } from './score.js';

/**
 * Runs every golden line through the core, each in a fresh conversation (like `ask --batch`), and
 * checks the plain-text reply against the line's `all` groups and `none` strings.
 */
export async function evaluateLines(core: ConversationCore, lines: readonly GoldenLine[], channelId = 'cli'): Promise<LineResult[]> {
  const results: LineResult[] = [];
  for (const line of lines) {
    try {
      const replies = await core.ask({ channelId, conversationId: `eval-${randomUUID()}`, text: line.text, today: line.today });
      const reply = renderTexts(replies);
      results.push({ id: line.id, text: line.text, reply, missing: missingGroups(reply, line.all), forbidden: forbiddenFound(reply, line.none) });
    } catch (error) {
      results.push({ id: line.id, text: line.text, reply: '', missing: line.all.map((g) => [...g]), error: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}
