import { ChoicePrompt, ListStyle, type Choice as BotChoice, type FoundChoice, type PromptOptions, type PromptValidatorContext } from 'botbuilder-dialogs';
import type { Choice, Reply } from '../src/core/reply.js';
import { replyActivity } from '../src/core/sendReply.js';
import { normalize } from '../src/domain/text.js';

function choiceValue(choice: Choice): string {
  return choice.value ?? choice.label;
}

/**
 * Which choice a typed answer means: its number ("2"), or its label/value after Swedish
 * normalisation ("atagande" for "Åtaganden"), exactly or as the start of a label.
 */
export function matchChoice(text: string, choices: readonly Choice[]): number | undefined {
  const n = normalize(text);
  if (/^\d+$/.test(n)) {
    const i = Number(n) - 1;
    return i >= 0 && i < choices.length ? i : undefined;
  }
  if (n === '') return undefined;
  const keys = choices.map((c) => [normalize(c.label), normalize(choiceValue(c))]);
  const exact = keys.findIndex((k) => k.includes(n));
  if (exact >= 0) return exact;
  const prefixed = keys.map((k, i) => (k.some((s) => s.startsWith(n)) ? i : -1)).filter((i) => i >= 0);
  return n.length >= 3 && prefixed.length === 1 ? prefixed[0] : undefined;
}

export interface ChoicePromptSettings {
  /**
   * Accept an answer that matches no choice (the step then gets `undefined` and can read the
   * text itself), instead of asking again. For prompts where the user may just as well ask
   * something new.
   */
  acceptOther?: boolean;
}

/**
 * A ChoicePrompt that shows nothing of its own (the Reply carries the choices, each channel
 * renders them) and recognises Swedish answers typed without å/ä/ö.
 */
export function createChoicePrompt(id: string, settings: ChoicePromptSettings = {}): ChoicePrompt {
  const prompt = new ChoicePrompt(id, async (pc: PromptValidatorContext<FoundChoice>) => {
    const text = pc.context.activity.text ?? '';
    const choices = (pc.options.choices ?? []) as BotChoice[];
    const asked = choices.map((c) => ({ label: c.synonyms?.[0] ?? c.value, value: c.value }));
    const index = matchChoice(text, asked);
    if (index !== undefined) {
      const value = choices[index]?.value ?? '';
      pc.recognized.value = { value, index, score: 1, synonym: value };
      pc.recognized.succeeded = true;
      return true;
    }
    if (settings.acceptOther === true) {
      // botbuilder's own recogniser matches single shared words ("och", "budget"), which would
      // turn a new question into a choice; here only a clear choice counts, the rest is "other".
      pc.recognized.value = undefined as unknown as FoundChoice;
      return text.trim() !== '';
    }
    return pc.recognized.succeeded;
  });
  prompt.style = ListStyle.none;
  return prompt;
}

/** Prompt options showing `reply` with `choices`, and a retry that shows them again. */
export function choicePromptOptions(reply: Reply, choices: readonly Choice[], retryText = 'Välj ett av alternativen – skriv siffran eller namnet.'): PromptOptions {
  return {
    prompt: replyActivity({ ...reply, choices: [...choices] }),
    retryPrompt: replyActivity({ text: retryText, choices: [...choices] }),
    choices: choices.map((c) => ({ value: choiceValue(c), synonyms: [c.label] })),
  };
}
