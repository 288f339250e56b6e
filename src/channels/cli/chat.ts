import { createInterface } from 'node:readline';
import type { Reply } from '../../core/reply.js';
import { renderShapedAll } from '../../core/renderText.js';
import { parseChatArgs, type ChatCommand } from './args.js';
import { resolveChoice } from './choices.js';
import { openCliRuntime, reportCliError } from './runtime.js';

const PROMPT = 'du> ';
/** What shows the rest of the last answer (its "Visa mer"). */
const MORE_WORDS = /^(?:visa\s+)?mer[.!]?$/i;
const MORE_HINT = 'Skriv ”mer” för resten av svaret.';

/**
 * `npm run chat [-- --today YYYY-MM-DD] [--forbund <id>]`: a conversation in the terminal. On a
 * TTY it prompts "du> "; with piped stdin it takes one turn per line and prints each answer.
 */
async function main({ today, forbund }: ChatCommand): Promise<void> {
  const runtime = await openCliRuntime({ today, forbund });
  const { channelData } = runtime;
  const interactive = process.stdin.isTTY === true;
  const rl = createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, terminal: interactive });
  // Without a listener readline only pauses on Ctrl-C; end the chat instead (state is flushed in finally).
  rl.on('SIGINT', () => rl.close());
  let last: Reply[] = [];
  let more = '';
  const say = (replies: Reply[]): void => {
    if (replies.length === 0) return;
    const shaped = renderShapedAll(replies);
    more = shaped.more;
    process.stdout.write(`${shaped.shown}${more === '' ? '' : `\n\n(${MORE_HINT})`}\n\n`);
  };
  try {
    if (interactive) {
      say(await runtime.core.ask({ channelId: 'cli', conversationId: 'chat', kind: 'conversationStart', today, channelData }));
      rl.setPrompt(PROMPT);
      rl.prompt();
    }
    for await (const line of rl) {
      const text = line.trim();
      if (MORE_WORDS.test(text) && more !== '') {
        process.stdout.write(`${more}\n\n`);
        more = '';
      } else if (text !== '') {
        last = await runtime.core.ask({ channelId: 'cli', conversationId: 'chat', text: resolveChoice(text, last), today, channelData });
        say(last);
      }
      if (interactive) rl.prompt();
    }
  } finally {
    rl.close();
    await runtime.close();
  }
}

let command: ChatCommand | undefined;
try {
  command = parseChatArgs(process.argv.slice(2));
} catch (error) {
  reportCliError(error);
  process.exitCode = 2;
}
if (command) await main(command).catch(reportCliError);
