import { normalizeCommand } from './text.js';

/** The words that steer a conversation rather than ask something. */
export type Command = 'cancel' | 'help' | 'restart' | 'back' | 'greeting';

// Whole-utterance matches on the normalised text (å/ä/ö folded), so "Hjälp!" and "hjalp" agree.
const COMMANDS: Record<Command, readonly string[]> = {
  cancel: ['avbryt', 'avbryta', 'avsluta', 'sluta', 'stopp', 'stop', 'glom det', 'strunta i det'],
  help: ['hjalp', 'hjalp mig', 'help', 'vad kan du', 'vad kan du gora', 'vad kan du svara pa'],
  restart: ['borja om', 'borja om fran borjan', 'starta om', 'om fran borjan'],
  back: ['tillbaka', 'ga tillbaka', 'bakat', 'backa'],
  greeting: ['hej', 'hejsan', 'hallo', 'halla', 'tja', 'tjena', 'tjenare', 'god morgon', 'goddag', 'hej hej', 'hej bot', 'hej samverkansboten'],
};

const LOOKUP = new Map<string, Command>(
  (Object.entries(COMMANDS) as [Command, readonly string[]][]).flatMap(([command, words]) =>
    words.map((word) => [word, command] as const),
  ),
);

/**
 * The steering command the whole utterance is, if any ("avbryt", "hjälp", "börja om",
 * "tillbaka", a greeting). A command must be the whole message: "hjälp med budgeten" is a question.
 */
export function matchCommand(text: string): Command | undefined {
  return LOOKUP.get(normalizeCommand(text));
}
