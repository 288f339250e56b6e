import type { Reply } from '../../core/reply.js';

/**
 * A number typed after a reply with choices means that choice (its value, else its label);
 * anything else is sent as typed.
 */
export function resolveChoice(input: string, lastReplies: readonly Reply[]): string {
  const choices = [...lastReplies].reverse().find((r) => r.choices && r.choices.length > 0)?.choices;
  const n = /^\s*(\d+)\s*$/.exec(input)?.[1];
  if (choices === undefined || n === undefined) return input;
  const choice = choices[Number(n) - 1];
  return choice === undefined ? input : (choice.value ?? choice.label);
}
