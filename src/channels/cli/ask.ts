import { readFile } from 'node:fs/promises';
import { renderShapedAll } from '../../core/renderText.js';
import { parseAskArgs, type AskCommand } from './args.js';
import { answerBatch } from './batch.js';
import { openCliRuntime, reportCliError } from './runtime.js';

/** `npm run -s ask -- [--today YYYY-MM-DD] [--forbund <id>] [--json] "<fråga>"` and `npm run -s ask -- [--forbund <id>] --batch FILE.jsonl`. */
async function main(command: AskCommand): Promise<void> {
  const content = command.mode === 'batch' ? await readFile(command.file, 'utf8') : undefined;
  const runtime = await openCliRuntime({ today: command.mode === 'question' ? command.today : undefined, forbund: command.forbund });
  try {
    if (command.mode === 'batch') {
      for await (const result of answerBatch(runtime.core, content ?? '', runtime.channelData)) {
        process.stdout.write(`${JSON.stringify(result)}\n`);
      }
      return;
    }
    const replies = await runtime.core.ask({
      channelId: 'cli',
      conversationId: 'ask',
      text: command.question,
      today: command.today,
      channelData: runtime.channelData,
    });
    if (command.json) {
      process.stdout.write(`${JSON.stringify(replies, null, 2)}\n`);
      return;
    }
    const { shown, more } = renderShapedAll(replies);
    process.stdout.write(more === '' ? `${shown}\n` : `${shown}\n\nVisa mer:\n${more}\n`);
  } finally {
    await runtime.close();
  }
}

let command: AskCommand | undefined;
try {
  command = parseAskArgs(process.argv.slice(2));
} catch (error) {
  reportCliError(error);
  process.exitCode = 2;
}
if (command) await main(command).catch(reportCliError);
