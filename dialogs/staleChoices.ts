import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { REPLY_CHANNEL_DATA_KEY, type Choice, type Reply } from '../src/core/reply.js';
import { sendReply } from '../src/core/sendReply.js';
import { normalize } from '../src/domain/text.js';

/**
 * Buttons of a question whose dialog has ended (issue 14): a choice pressed later — from an
 * answered, cancelled or timed-out dialog — gets "Den frågan är avslutad" rather than being read
 * as a new question (a lone "Sjukpenning" would give an unrelated search result).
 *
 * Kept per conversation: the choices of the last question a dialog asked (labels and values of
 * the choices only — words of the bot's own question, never what the user wrote).
 */
export const STALE_CHOICE_TEXT = 'Den frågan är avslutad – vill du börja om?';
export const STALE_CHOICE_RESTART: Choice = { label: 'Börja om', value: 'hjälp' };

export interface ChoiceMemory {
  /** Choices of the last question a dialog asked that was still waiting when its turn ended. */
  choices: Choice[];
}

/** True when `text` is exactly one of `choices` (label, value or its number), as a pressed button sends it. */
export function isChoiceOf(text: string, choices: readonly Choice[]): boolean {
  const n = normalize(text);
  if (n === '') return false;
  if (/^\d+$/u.test(n)) return Number(n) >= 1 && Number(n) <= choices.length;
  return choices.some((c) => normalize(c.label) === n || normalize(c.value ?? c.label) === n);
}

/** Watches what the turn sends: the choices of the last reply that carried any. */
export function watchChoices(context: TurnContext): () => Choice[] | undefined {
  let last: Choice[] | undefined;
  context.onSendActivities(async (_ctx, activities, next) => {
    for (const a of activities) {
      const reply = (a.channelData as Record<string, unknown> | undefined)?.[REPLY_CHANNEL_DATA_KEY] as Reply | undefined;
      if (reply?.choices && reply.choices.length > 0) last = reply.choices;
    }
    return next();
  });
  return () => last;
}

/**
 * Before the turn: when no dialog waits and the text is a choice of the question that last
 * waited, answer "Den frågan är avslutad" and return true (the turn is done).
 */
export async function answerStaleChoice(context: TurnContext, memory: StatePropertyAccessor<ChoiceMemory> | undefined, dialogWaits: boolean): Promise<boolean> {
  if (memory === undefined || dialogWaits) return false;
  const remembered = await memory.get(context);
  const text = context.activity.text ?? '';
  if (remembered === undefined || !isChoiceOf(text, remembered.choices)) return false;
  await memory.delete(context);
  await sendReply(context, { text: STALE_CHOICE_TEXT, choices: [STALE_CHOICE_RESTART] });
  return true;
}

/**
 * After the turn: a dialog that waits keeps the choices it just asked with; a turn that continued
 * a waiting dialog and ended it keeps that question's choices, now stale; a new question that
 * began and ended in this turn forgets them.
 */
export async function rememberChoices(
  context: TurnContext,
  memory: StatePropertyAccessor<ChoiceMemory> | undefined,
  turn: { waitedBefore: boolean; waitsAfter: boolean; sent: Choice[] | undefined },
): Promise<void> {
  if (memory === undefined) return;
  if (turn.waitsAfter && turn.sent !== undefined) await memory.set(context, { choices: turn.sent });
  else if (!turn.waitsAfter && !turn.waitedBefore) await memory.delete(context);
}
