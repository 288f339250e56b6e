/**
 * The longest message the core reads, in every channel (web, CLI, Slack, Teams/Bot Framework).
 * Understanding and routing cost grows with the text; 200 KB held the event loop for seconds
 * (issue 15, finding 3). A question is far shorter; a chat import longer than this is split
 * over several messages or done with `npm run import`.
 */
export const MAX_TEXT_LENGTH = 2000;

/** True when a message's text is longer than the core reads. */
export function isTooLong(text: unknown): boolean {
  return typeof text === 'string' && text.length > MAX_TEXT_LENGTH;
}

/** What the user is told instead; it repeats nothing of what they wrote. */
export function tooLongText(length: number): string {
  const fmt = (n: number): string => n.toLocaleString('sv-SE');
  return (
    `Meddelandet är för långt (${fmt(length)} tecken, högst ${fmt(MAX_TEXT_LENGTH)}), så jag har inte läst det och inget har ändrats. ` +
    'Korta ner frågan, eller dela upp en import i flera meddelanden (varje med rubrikraden) eller använd npm run import.'
  );
}
