import { createInterface } from 'node:readline';
import type { Reply } from '../../core/reply.js';
import { renderTexts } from '../../core/renderText.js';
import { isIsoDay } from './args.js';
import { openCliRuntime, reportCliError } from './runtime.js';

const PROMPT = 'du> ';

/** A number typed after a reply with choices means that choice; anything else is sent as typed. */
export function resolveChoice(input: string, lastReplies: readonly Reply[]): string {
  const choices = [...lastReplies].reverse().find((r) => r.choices && r.choices.length > 0)?.choices;
  const n = /^\s*(\d+)\s*$/.exec(input)?.[1];
  if (choices === undefined || n === undefined) return input;
  const choice = choices[Number(n) - 1];
  return choice === undefined ? input : (choice.value ?? choice.label);
}

/**
 * `npm run chat [-- --today YYYY-MM-DD]`: a conversation in the terminal. On a TTY it prompts
 * "du> "; with piped stdin it takes one turn per line and prints each answer.
 */
async function main(): Promise<void> {
  const todayIndex = process.argv.indexOf('--today');
  const today = todayIndex >= 0 ? process.argv[todayIndex + 1] : undefined;
  if (today !== undefined && !isIsoDay(today)) throw new Error(`Ogiltigt datum för --today: ${today} (väntade ÅÅÅÅ-MM-DD)`);
  const runtime = await openCliRuntime({ today });
  const interactive = process.stdin.isTTY === true;
  const rl = createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, terminal: interactive });
  let last: Reply[] = [];
  const say = (replies: Reply[]): void => {
    if (replies.length > 0) process.stdout.write(`${renderTexts(replies)}\n\n`);
  };
  try {
    if (interactive) {
      say(await runtime.core.ask({ channelId: 'cli', conversationId: 'chat', kind: 'conversationStart', today }));
      rl.setPrompt(PROMPT);
      rl.prompt();
    }
    for await (const line of rl) {
      const text = line.trim();
      if (text !== '') {
        last = await runtime.core.ask({ channelId: 'cli', conversationId: 'chat', text: resolveChoice(text, last), today });
        say(last);
      }
      if (interactive) rl.prompt();
    }
  } finally {
    rl.close();
    await runtime.close();
  }
}

await main().catch(reportCliError);
